using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Type lookups shared by every analyzer of one compilation: each metadata name is resolved once.
    /// Analyzers keep the metadata names they need as constants in their own file.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Cache = new ConditionalWeakTable<Compilation, WellKnownTypes>();
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes>.CreateValueCallback Factory = c => new WellKnownTypes(c);

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
        private readonly Func<string, INamedTypeSymbol?> _resolve;
        private readonly Func<string, INamedTypeSymbol?> _resolveInAssembly;

        private WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
            _resolve = name => _compilation.GetTypeByMetadataName(name);
            _resolveInAssembly = ResolveInAssembly;
        }

        public static WellKnownTypes GetOrCreate(Compilation compilation) => Cache.GetValue(compilation, Factory);

        public Compilation Compilation => _compilation;

        /// <summary>The type with this metadata name, or null when the compilation does not reference it.</summary>
        public INamedTypeSymbol? Get(string metadataName) => _types.GetOrAdd(metadataName, _resolve);

        /// <summary>
        /// The type with this metadata name declared in the named assembly. For names more than one referenced assembly
        /// declares, where <see cref="Get(string)"/> finds none: Microsoft.Extensions.Logging.LoggingBuilderExtensions
        /// is public in both Microsoft.Extensions.Logging and Microsoft.Extensions.Logging.Configuration.
        /// </summary>
        public INamedTypeSymbol? Get(string metadataName, string assemblyName) => _types.GetOrAdd(metadataName + ", " + assemblyName, _resolveInAssembly);

        private INamedTypeSymbol? ResolveInAssembly(string qualifiedName)
        {
            var comma = qualifiedName.IndexOf(", ", StringComparison.Ordinal);
            var metadataName = qualifiedName.Substring(0, comma);
            var assemblyName = qualifiedName.Substring(comma + 2);
            foreach (var type in _compilation.GetTypesByMetadataName(metadataName))
            {
                if (string.Equals(type.ContainingAssembly?.Name, assemblyName, StringComparison.Ordinal))
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>True when ASP.NET Core's HTTP abstractions are referenced: a web app, or a library for one.</summary>
        public bool ReferencesAspNetCore => Get(TypeNames.HttpContext) != null;

        /// <summary>
        /// Where the exact-name fallbacks for unresolved code run: web code, and a library whose packages are not restored at all
        /// (not even Microsoft.Extensions.DependencyInjection resolves: an unrestored library, the IDE before restore). An
        /// executable without ASP.NET Core is a console app or a worker, never a web app: the shared framework comes with the Web SDK.
        /// </summary>
        public bool MayBeUnrestoredWebCode => ReferencesAspNetCore
            || (Get(TypeNames.IServiceCollection) is null && _compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary);
    }
}
