using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Configuration;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// Diagnostic properties of the key-ring rules (RDY5006, RDY5003): for each key store that is evident in the project
    /// and reachable from the reported call, the <c>PersistKeysTo*(…)</c> call that persists the keys there, as C# text
    /// (<c>PersistKeysToStackExchangeRedis(redis, "DataProtection-Keys")</c>). No property, no fix: a guessed store would
    /// lose the keys (a folder that is not a shared volume) or hand them to the wrong party.
    /// </summary>
    internal static class DataProtectionFixProperties
    {
        /// <summary>A Redis connection registered in services and held by a local or parameter in scope.</summary>
        public const string Redis = "readiness.fix.keys.redis";

        /// <summary>A blob URI under a <c>DataProtection</c> configuration section.</summary>
        public const string AzureBlob = "readiness.fix.keys.azure-blob";

        /// <summary>The project's one EF Core context implementing <c>IDataProtectionKeyContext</c>.</summary>
        public const string DbContext = "readiness.fix.keys.db-context";

        /// <summary>A folder under a <c>DataProtection</c> configuration section (a mounted, shared volume).</summary>
        public const string FileSystem = "readiness.fix.keys.file-system";

        /// <summary>The namespace to import when the <c>PersistKeysTo*</c> extensions are not in scope at the call.</summary>
        public const string Import = "readiness.fix.keys.import";

        /// <summary>The Redis key the fix stores the key ring under (the package's own default).</summary>
        public const string RedisKey = "DataProtection-Keys";

        /// <summary>The store properties, in the order the fixer offers them: shared stores first.</summary>
        public static readonly ImmutableArray<string> Stores = ImmutableArray.Create(Redis, AzureBlob, DbContext, FileSystem);

        private const string Section = "DataProtection";
        private static readonly string[] FolderKeys = { "KeysPath", "KeyPath", "KeysDirectory", "KeyDirectory", "KeysFolder", "KeyFolder", "KeyRingPath" };
        private static readonly string[] BlobKeys = { "BlobUri", "BlobUrl", "BlobSasUri", "BlobSasUrl", "KeysBlobUri", "SasUri", "SasUrl" };

        /// <summary>
        /// The properties for a key-ring diagnostic reported at <paramref name="call"/> (<c>AddDataProtection()</c>, or the
        /// <c>UseEphemeralDataProtectionProvider()</c> call the fix replaces). Empty when no store is evident.
        /// </summary>
        public static ImmutableDictionary<string, string?> For(IOperation call, AnalyzerOptions options, string ruleId, CancellationToken cancellationToken)
        {
            var model = call.SemanticModel;
            if (model is null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            var compilation = model.Compilation;
            var stores = KeyRingStores.GetOrCreate(compilation);
            if (stores.Builder is null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            var position = call.Syntax.SpanStart;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();

            if (stores.RedisMultiplexer != null)
            {
                var multiplexer = RegisteredMultiplexer(model, call.Syntax, stores.RedisMultiplexer, cancellationToken);
                if (multiplexer != null)
                {
                    properties[Redis] = "PersistKeysToStackExchangeRedis(" + multiplexer + ", \"" + RedisKey + "\")";
                }
            }

            if (stores.KeyContext != null)
            {
                properties[DbContext] = "PersistKeysToDbContext<" + stores.KeyContext.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ">()";
            }

            var wantsBlob = stores.BlobSasUri || stores.BlobWithAzureCredential;
            if (stores.FileSystem || wantsBlob)
            {
                string? folderKey = null;
                string? blobKey = null;
                var blobIsSas = false;
                foreach (var configuration in EffectiveConfiguration.For(compilation, options, ruleId, cancellationToken))
                {
                    foreach (var value in configuration.Values)
                    {
                        if (!IsInSection(value.Path) || value.Entry.Kind != Internals.Json.JsonLeafKind.String)
                        {
                            continue;
                        }

                        var name = value.Entry.LastSegment;
                        if (folderKey is null && IsOneOf(name, FolderKeys))
                        {
                            folderKey = value.Path;
                        }
                        else if (blobKey is null && IsOneOf(name, BlobKeys))
                        {
                            blobKey = value.Path;
                            blobIsSas = name.IndexOf("Sas", StringComparison.OrdinalIgnoreCase) >= 0
                                || (value.Value ?? string.Empty).IndexOf("sig=", StringComparison.OrdinalIgnoreCase) >= 0;
                        }
                    }
                }

                var configurationExpression = folderKey is null && blobKey is null ? null : ConfigurationInScope(model, call.Syntax, position, cancellationToken);
                if (configurationExpression != null)
                {
                    if (stores.FileSystem && folderKey != null)
                    {
                        properties[FileSystem] = "PersistKeysToFileSystem(new global::System.IO.DirectoryInfo(" + Read(configurationExpression, folderKey) + "))";
                    }

                    if (blobKey != null && blobIsSas && stores.BlobSasUri)
                    {
                        properties[AzureBlob] = "PersistKeysToAzureBlobStorage(new global::System.Uri(" + Read(configurationExpression, blobKey) + "))";
                    }
                    else if (blobKey != null && !blobIsSas && stores.BlobWithAzureCredential)
                    {
                        // A plain blob URI needs a credential: the one the Azure SDK documents, from the package already referenced.
                        properties[AzureBlob] = "PersistKeysToAzureBlobStorage(new global::System.Uri(" + Read(configurationExpression, blobKey) + "), new global::Azure.Identity.DefaultAzureCredential())";
                    }
                }
            }

            if (properties.Count == 0)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            if (!ExtensionsInScope(model, position, stores.Builder))
            {
                properties[Import] = KeyRingStores.DataProtectionNamespace;
            }

            return properties.ToImmutable();
        }

        private static string Read(string configuration, string key)
            => configuration + "[" + SymbolDisplay.FormatLiteral(key, quote: true) + "]!";

        private static bool IsInSection(string path)
        {
            var last = path.LastIndexOf(':');
            if (last <= 0)
            {
                return false;
            }

            var previous = path.LastIndexOf(':', last - 1);
            return last - previous - 1 == Section.Length
                && string.Compare(path, previous + 1, Section, 0, Section.Length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        private static bool IsOneOf(string name, string[] names)
        {
            foreach (var candidate in names)
            {
                if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <c>PersistKeysToFileSystem</c> binds as an extension at the position: the namespace is imported.</summary>
        private static bool ExtensionsInScope(SemanticModel model, int position, INamedTypeSymbol builder)
            => !model.LookupSymbols(position, builder, "PersistKeysToFileSystem", includeReducedExtensionMethods: true).IsEmpty;

        /// <summary>
        /// A local or parameter in scope at the call, declared before it, holding an <c>IConnectionMultiplexer</c> that the
        /// same code registers in services (<c>AddSingleton&lt;IConnectionMultiplexer&gt;(redis)</c>).
        /// </summary>
        private static string? RegisteredMultiplexer(SemanticModel model, SyntaxNode call, INamedTypeSymbol multiplexer, CancellationToken cancellationToken)
        {
            var candidates = new List<ISymbol>();
            foreach (var symbol in model.LookupSymbols(call.SpanStart))
            {
                var type = symbol is ILocalSymbol local ? local.Type : symbol is IParameterSymbol parameter ? parameter.Type : null;
                if (type != null && IsOrImplements(type, multiplexer) && DeclaredBefore(symbol, call))
                {
                    candidates.Add(symbol);
                }
            }

            candidates.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var candidate in candidates)
            {
                var scope = DeclaringScope(candidate, cancellationToken);
                if (scope != null && scope.SyntaxTree == model.SyntaxTree && IsRegistered(model, scope, candidate, cancellationToken))
                {
                    return Identifier(candidate.Name);
                }
            }

            return null;
        }

        private static bool DeclaredBefore(ISymbol symbol, SyntaxNode call)
        {
            if (symbol is IParameterSymbol)
            {
                return true;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == call.SyntaxTree && reference.Span.End <= call.SpanStart)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The code that can see the symbol: the block (or the top-level statements) declaring a local, the body declaring a parameter.</summary>
        private static SyntaxNode? DeclaringScope(ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                if (symbol is IParameterSymbol)
                {
                    // The parameter list's owner: a method, local function or lambda.
                    return declaration.Parent?.Parent;
                }

                for (var node = declaration.Parent; node != null; node = node.Parent)
                {
                    if (node is BlockSyntax || node is CompilationUnitSyntax || node is SwitchSectionSyntax)
                    {
                        return node;
                    }
                }
            }

            return null;
        }

        /// <summary>An <c>AddSingleton</c>/<c>TryAddSingleton</c> call in <paramref name="scope"/> whose arguments use the symbol.</summary>
        private static bool IsRegistered(SemanticModel model, SyntaxNode scope, ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var node in scope.DescendantNodes())
            {
                if (!(node is InvocationExpressionSyntax invocation) || !IsSingletonRegistration(invocation))
                {
                    continue;
                }

                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    foreach (var identifier in argument.DescendantNodesAndSelf())
                    {
                        if (identifier is IdentifierNameSyntax name
                            && name.Identifier.ValueText == symbol.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol)
                            && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                            && (method.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsSingletonRegistration(InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            return name == "AddSingleton" || name == "TryAddSingleton";
        }

        /// <summary>
        /// An expression for the app's configuration at the position: an <c>IConfiguration</c> local or parameter, else the
        /// <c>Configuration</c> of a builder or context in scope (<c>builder.Configuration</c>), else a field or property
        /// (<c>Configuration</c> in a Startup class) the code may use there. Null when there is none.
        /// </summary>
        private static string? ConfigurationInScope(SemanticModel model, SyntaxNode call, int position, CancellationToken cancellationToken)
        {
            var configuration = model.Compilation.GetTypeByMetadataName(TypeNames.IConfiguration);
            if (configuration is null)
            {
                return null;
            }

            string? direct = null;
            string? throughProperty = null;
            string? member = null;
            var instanceAllowed = InstanceMembersAllowed(model, position, cancellationToken);
            foreach (var symbol in model.LookupSymbols(position))
            {
                switch (symbol)
                {
                    case ILocalSymbol local when DeclaredBefore(local, call):
                        Consider(local.Name, local.Type, configuration, ref direct, ref throughProperty);
                        break;
                    case IParameterSymbol parameter:
                        Consider(parameter.Name, parameter.Type, configuration, ref direct, ref throughProperty);
                        break;
                    case IPropertySymbol property when !property.IsIndexer && property.GetMethod != null && (property.IsStatic || instanceAllowed)
                        && IsOrImplements(property.Type, configuration) && model.IsAccessible(position, property.GetMethod):
                        member = First(member, property.Name);
                        break;
                    case IFieldSymbol field when (field.IsStatic || instanceAllowed) && IsOrImplements(field.Type, configuration) && model.IsAccessible(position, field):
                        member = First(member, field.Name);
                        break;
                }
            }

            if (direct != null)
            {
                return Identifier(direct);
            }

            return throughProperty != null ? Identifier(throughProperty) + ".Configuration" : member is null ? null : Identifier(member);
        }

        private static void Consider(string name, ITypeSymbol type, INamedTypeSymbol configuration, ref string? direct, ref string? throughProperty)
        {
            if (IsOrImplements(type, configuration))
            {
                direct = First(direct, name);
            }
            else if (HasConfigurationProperty(type, configuration))
            {
                throughProperty = First(throughProperty, name);
            }
        }

        /// <summary>The ordinal-first of two names, so the choice does not depend on lookup order.</summary>
        private static string First(string? current, string candidate)
            => current is null || string.CompareOrdinal(candidate, current) < 0 ? candidate : current;

        /// <summary>A public instance <c>Configuration</c> property of an IConfiguration type: WebApplicationBuilder, HostBuilderContext, WebApplication …</summary>
        private static bool HasConfigurationProperty(ITypeSymbol type, INamedTypeSymbol configuration)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (IsConfigurationProperty(current, configuration))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (IsConfigurationProperty(@interface, configuration))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsConfigurationProperty(ITypeSymbol type, INamedTypeSymbol configuration)
        {
            foreach (var member in type.GetMembers("Configuration"))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: { } } property
                    && IsOrImplements(property.Type, configuration))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>False inside static code (a static method, the top-level statements, a static lambda or local function) and field initializers.</summary>
        private static bool InstanceMembersAllowed(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            for (var symbol = model.GetEnclosingSymbol(position, cancellationToken); symbol != null; symbol = symbol.ContainingSymbol)
            {
                if (!(symbol is IMethodSymbol method))
                {
                    return false;
                }

                if (method.IsStatic)
                {
                    return false;
                }

                if (method.MethodKind != MethodKind.AnonymousFunction && method.MethodKind != MethodKind.LocalFunction)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOrImplements(ITypeSymbol type, INamedTypeSymbol @interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type, @interface))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
