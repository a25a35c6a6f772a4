namespace ReadinessAnalyzers.Tests.Fixes;

/// <summary>
/// The key-store packages are not restorable here (StackExchange.Redis, Microsoft.AspNetCore.DataProtection.StackExchangeRedis,
/// Azure.Extensions.AspNetCore.DataProtection.Blobs, Azure.Identity, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore):
/// small stubs with their real namespaces, type names and member signatures, so the analyzer resolves them as it would
/// the real packages and the fixed code compiles against the same overloads.
/// </summary>
internal static class KeyStoreStubs
{
    /// <summary>StackExchange.Redis: the connection a project registers.</summary>
    public const string Redis = """
        namespace StackExchange.Redis
        {
            public interface IDatabase { }

            public interface IConnectionMultiplexer : System.IDisposable
            {
                IDatabase GetDatabase(int db = -1, object? asyncState = null);
            }

            public sealed class ConnectionMultiplexer : IConnectionMultiplexer
            {
                public static ConnectionMultiplexer Connect(string configuration, System.IO.TextWriter? log = null) => new ConnectionMultiplexer();
                public IDatabase GetDatabase(int db = -1, object? asyncState = null) => null!;
                public void Dispose() { }
            }

            public readonly struct RedisKey
            {
                public static implicit operator RedisKey(string? key) => default;
            }
        }
        """;

    /// <summary>Microsoft.AspNetCore.DataProtection.StackExchangeRedis: its three public overloads.</summary>
    public const string RedisKeys = """
        namespace Microsoft.AspNetCore.DataProtection
        {
            public static class StackExchangeRedisDataProtectionBuilderExtensions
            {
                public static IDataProtectionBuilder PersistKeysToStackExchangeRedis(this IDataProtectionBuilder builder, StackExchange.Redis.IConnectionMultiplexer connectionMultiplexer) => builder;
                public static IDataProtectionBuilder PersistKeysToStackExchangeRedis(this IDataProtectionBuilder builder, StackExchange.Redis.IConnectionMultiplexer connectionMultiplexer, StackExchange.Redis.RedisKey key) => builder;
                public static IDataProtectionBuilder PersistKeysToStackExchangeRedis(this IDataProtectionBuilder builder, System.Func<StackExchange.Redis.IDatabase> databaseFactory, StackExchange.Redis.RedisKey key) => builder;
            }
        }
        """;

    /// <summary>Azure.Extensions.AspNetCore.DataProtection.Blobs (with Azure.Core's TokenCredential).</summary>
    public const string BlobKeys = """
        namespace Azure.Core
        {
            public abstract class TokenCredential { }
        }

        namespace Microsoft.AspNetCore.DataProtection
        {
            public static class AzureStorageBlobDataProtectionBuilderExtensions
            {
                public static IDataProtectionBuilder PersistKeysToAzureBlobStorage(this IDataProtectionBuilder builder, System.Uri blobSasUri) => builder;
                public static IDataProtectionBuilder PersistKeysToAzureBlobStorage(this IDataProtectionBuilder builder, System.Uri blobUri, Azure.Core.TokenCredential tokenCredential) => builder;
                public static IDataProtectionBuilder PersistKeysToAzureBlobStorage(this IDataProtectionBuilder builder, string connectionString, string containerName, string blobName) => builder;
            }
        }
        """;

    /// <summary>Azure.Identity's DefaultAzureCredential.</summary>
    public const string AzureIdentity = """
        namespace Azure.Identity
        {
            public class DefaultAzureCredential : Azure.Core.TokenCredential
            {
                public DefaultAzureCredential(bool includeInteractiveCredentials = false) { }
            }
        }
        """;

    /// <summary>Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.</summary>
    public const string DbContextKeys = """
        namespace Microsoft.AspNetCore.DataProtection.EntityFrameworkCore
        {
            public class DataProtectionKey
            {
                public int Id { get; set; }
                public string? FriendlyName { get; set; }
                public string? Xml { get; set; }
            }

            public interface IDataProtectionKeyContext
            {
                Microsoft.EntityFrameworkCore.DbSet<DataProtectionKey> DataProtectionKeys { get; }
            }
        }

        namespace Microsoft.AspNetCore.DataProtection
        {
            public static class EntityFrameworkCoreDataProtectionExtensions
            {
                public static IDataProtectionBuilder PersistKeysToDbContext<TContext>(this IDataProtectionBuilder builder)
                    where TContext : Microsoft.EntityFrameworkCore.DbContext, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext => builder;
            }
        }
        """;
}
