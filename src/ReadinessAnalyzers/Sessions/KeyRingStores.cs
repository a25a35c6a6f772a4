using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// The Data Protection key stores one compilation can use: which <c>PersistKeysTo*</c> extensions resolve (their
    /// packages are referenced) and which EF Core context is meant to hold the keys. Looked up once per compilation, and
    /// only when a key-ring rule is about to report: most compilations never ask.
    /// </summary>
    internal sealed class KeyRingStores
    {
        public const string DataProtectionNamespace = "Microsoft.AspNetCore.DataProtection";

        private const string DataProtectionBuilder = "Microsoft.AspNetCore.DataProtection.IDataProtectionBuilder";
        private const string FileSystemExtensions = "Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions";
        private const string RedisExtensions = "Microsoft.AspNetCore.DataProtection.StackExchangeRedisDataProtectionBuilderExtensions";
        private const string BlobExtensions = "Microsoft.AspNetCore.DataProtection.AzureStorageBlobDataProtectionBuilderExtensions";
        private const string DbContextExtensions = "Microsoft.AspNetCore.DataProtection.EntityFrameworkCoreDataProtectionExtensions";
        private const string KeyContextInterface = "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext";
        private const string DbContextType = "Microsoft.EntityFrameworkCore.DbContext";
        private const string ConnectionMultiplexerInterface = "StackExchange.Redis.IConnectionMultiplexer";
        private const string RedisKeyType = "StackExchange.Redis.RedisKey";
        private const string TokenCredentialType = "Azure.Core.TokenCredential";
        private const string DefaultAzureCredentialType = "Azure.Identity.DefaultAzureCredential";

        private static readonly ConditionalWeakTable<Compilation, KeyRingStores> Cache = new ConditionalWeakTable<Compilation, KeyRingStores>();
        private static readonly ConditionalWeakTable<Compilation, KeyRingStores>.CreateValueCallback Factory = compilation => new KeyRingStores(compilation);

        private readonly Lazy<Resolved> _resolved;

        private KeyRingStores(Compilation compilation)
        {
            _resolved = new Lazy<Resolved>(() => Resolve(compilation));
        }

        public static KeyRingStores GetOrCreate(Compilation compilation) => Cache.GetValue(compilation, Factory);

        public INamedTypeSymbol? Builder => _resolved.Value.Builder;

        /// <summary><c>PersistKeysToFileSystem(DirectoryInfo)</c>: part of ASP.NET Core.</summary>
        public bool FileSystem => _resolved.Value.FileSystem;

        /// <summary>The multiplexer interface when <c>PersistKeysToStackExchangeRedis(IConnectionMultiplexer, RedisKey)</c> resolves.</summary>
        public INamedTypeSymbol? RedisMultiplexer => _resolved.Value.RedisMultiplexer;

        /// <summary><c>PersistKeysToAzureBlobStorage(Uri blobSasUri)</c> resolves.</summary>
        public bool BlobSasUri => _resolved.Value.BlobSasUri;

        /// <summary><c>PersistKeysToAzureBlobStorage(Uri, TokenCredential)</c> and <c>new DefaultAzureCredential()</c> resolve.</summary>
        public bool BlobWithAzureCredential => _resolved.Value.BlobWithAzureCredential;

        /// <summary>
        /// The one context of this project that implements <c>IDataProtectionKeyContext</c>, when
        /// <c>PersistKeysToDbContext&lt;T&gt;()</c> resolves; null when there is none or more than one.
        /// </summary>
        public INamedTypeSymbol? KeyContext => _resolved.Value.KeyContext;

        private static Resolved Resolve(Compilation compilation)
        {
            var types = WellKnownTypes.GetOrCreate(compilation);
            var builder = types.Get(DataProtectionBuilder);
            var resolved = new Resolved { Builder = builder };
            if (builder is null)
            {
                return resolved;
            }

            var directoryInfo = compilation.GetTypeByMetadataName("System.IO.DirectoryInfo");
            var uri = compilation.GetTypeByMetadataName("System.Uri");
            resolved.FileSystem = HasExtension(types.Get(FileSystemExtensions), "PersistKeysToFileSystem", builder, directoryInfo);

            var multiplexer = types.Get(ConnectionMultiplexerInterface);
            if (multiplexer != null && HasExtension(types.Get(RedisExtensions), "PersistKeysToStackExchangeRedis", builder, multiplexer, types.Get(RedisKeyType)))
            {
                resolved.RedisMultiplexer = multiplexer;
            }

            var blob = types.Get(BlobExtensions);
            resolved.BlobSasUri = HasExtension(blob, "PersistKeysToAzureBlobStorage", builder, uri);
            var tokenCredential = types.Get(TokenCredentialType);
            resolved.BlobWithAzureCredential = HasExtension(blob, "PersistKeysToAzureBlobStorage", builder, uri, tokenCredential)
                && IsParameterlessCredential(types.Get(DefaultAzureCredentialType), tokenCredential);

            var keyContext = types.Get(KeyContextInterface);
            var dbContext = types.Get(DbContextType);
            if (keyContext != null && dbContext != null && HasGenericExtension(types.Get(DbContextExtensions), "PersistKeysToDbContext", builder))
            {
                INamedTypeSymbol? found = null;
                var count = 0;
                FindKeyContexts(compilation.Assembly.GlobalNamespace, keyContext, dbContext, ref found, ref count);
                resolved.KeyContext = count == 1 ? found : null;
            }

            return resolved;
        }

        private static bool HasExtension(INamedTypeSymbol? container, string name, INamedTypeSymbol builder, params ITypeSymbol?[] parameters)
        {
            if (container is null || container.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            foreach (var member in container.GetMembers(name))
            {
                if (member is IMethodSymbol { IsExtensionMethod: true, IsGenericMethod: false, DeclaredAccessibility: Accessibility.Public } method
                    && method.Parameters.Length == parameters.Length + 1
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, builder))
                {
                    var matches = true;
                    for (var i = 0; i < parameters.Length && matches; i++)
                    {
                        matches = parameters[i] != null && SymbolEqualityComparer.Default.Equals(method.Parameters[i + 1].Type, parameters[i]);
                    }

                    if (matches)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasGenericExtension(INamedTypeSymbol? container, string name, INamedTypeSymbol builder)
        {
            if (container is null || container.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            foreach (var member in container.GetMembers(name))
            {
                if (member is IMethodSymbol { IsExtensionMethod: true, DeclaredAccessibility: Accessibility.Public } method
                    && method.TypeParameters.Length == 1
                    && method.Parameters.Length == 1
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, builder))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsParameterlessCredential(INamedTypeSymbol? credential, INamedTypeSymbol? tokenCredential)
        {
            if (credential is null || tokenCredential is null || credential.IsAbstract || credential.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            var derives = false;
            for (var current = credential.BaseType; current != null && !derives; current = current.BaseType)
            {
                derives = SymbolEqualityComparer.Default.Equals(current, tokenCredential);
            }

            if (!derives)
            {
                return false;
            }

            foreach (var constructor in credential.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility == Accessibility.Public && AllOptional(constructor))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AllOptional(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (!parameter.IsOptional && !parameter.IsParams)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Classes of this project deriving from DbContext and implementing IDataProtectionKeyContext, usable as a type argument.</summary>
        private static void FindKeyContexts(INamespaceOrTypeSymbol container, INamedTypeSymbol keyContext, INamedTypeSymbol dbContext, ref INamedTypeSymbol? found, ref int count)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    FindKeyContexts(ns, keyContext, dbContext, ref found, ref count);
                }
                else if (member is INamedTypeSymbol type && type.TypeKind == TypeKind.Class && IsReachable(type))
                {
                    if (!type.IsAbstract && !type.IsGenericType && Implements(type, keyContext) && DerivesFrom(type, dbContext))
                    {
                        found = type;
                        count++;
                    }

                    FindKeyContexts(type, keyContext, dbContext, ref found, ref count);
                }
            }
        }

        private static bool IsReachable(INamedTypeSymbol type)
            => type.DeclaredAccessibility != Accessibility.Private
                && type.DeclaredAccessibility != Accessibility.Protected
                && type.DeclaredAccessibility != Accessibility.ProtectedAndInternal;

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
        {
            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Resolved
        {
            public INamedTypeSymbol? Builder { get; set; }

            public bool FileSystem { get; set; }

            public INamedTypeSymbol? RedisMultiplexer { get; set; }

            public bool BlobSasUri { get; set; }

            public bool BlobWithAzureCredential { get; set; }

            public INamedTypeSymbol? KeyContext { get; set; }
        }
    }
}
