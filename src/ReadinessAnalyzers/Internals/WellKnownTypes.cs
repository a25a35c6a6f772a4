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

        private WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
            _resolve = name => _compilation.GetTypeByMetadataName(name);
        }

        public static WellKnownTypes GetOrCreate(Compilation compilation) => Cache.GetValue(compilation, Factory);

        public Compilation Compilation => _compilation;

        /// <summary>The type with this metadata name, or null when the compilation does not reference it.</summary>
        public INamedTypeSymbol? Get(string metadataName) => _types.GetOrAdd(metadataName, _resolve);

        /// <summary>True when ASP.NET Core's HTTP abstractions are referenced: a web app, or a library for one.</summary>
        public bool ReferencesAspNetCore => Get(TypeNames.HttpContext) != null;
    }
}
