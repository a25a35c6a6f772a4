using ReadinessAnalyzers.CodeFixes.Sessions;
using ReadinessAnalyzers.Sessions;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Fixes;

public class DataProtectionPersistenceFixerTests
{
    private const string KeysPathSettings = """
        {
          "DataProtection": { "KeysPath": "/var/dp-keys" }
        }
        """;

    private static CodeFixTest<DataProtectionKeysNotPersistedAnalyzer, DataProtectionPersistenceFixer> Test(
        string before, string? after = null, string? appsettings = KeysPathSettings, params string[] stubs)
    {
        var test = new CodeFixTest<DataProtectionKeysNotPersistedAnalyzer, DataProtectionPersistenceFixer> { TestCode = before, FixAllInOnePass = true };
        if (after != null)
        {
            test.FixedCode = after;
        }

        for (var i = 0; i < stubs.Length; i++)
        {
            test.Sources.Add(($"/0/Stub{i}.cs", stubs[i]));
            if (after != null)
            {
                test.FixedSources.Add(($"/0/Stub{i}.cs", stubs[i]));
            }
        }

        if (appsettings != null)
        {
            test.AdditionalFiles.Add(("/0/appsettings.json", appsettings));
        }

        return test;
    }

    // ---- a folder from configuration ----

    [Fact]
    public Task AFolderInConfigurationIsUsedOnItsOwnLineOfTheChain() => Test("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|] // one key ring for every instance
            .SetApplicationName("orders");
        builder.Build().Run();
        """, """
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection() // one key ring for every instance
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]!))
            .SetApplicationName("orders");
        builder.Build().Run();
        """).RunAsync();

    [Fact]
    public Task TheDataProtectionNamespaceIsImportedWhenMissing() => Test("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();
        """, """
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]!));
        builder.Build().Run();
        """).RunAsync();

    [Fact]
    public Task StartupUsesItsConfigurationPropertyAndTheUsingGoesInOrder() => Test("""
        // Orders API.
        using System.Text;
        using Microsoft.Extensions.Options;

        public class Startup
        {
            public Startup(IConfiguration configuration) => Configuration = configuration;

            public IConfiguration Configuration { get; }

            public void ConfigureServices(IServiceCollection services)
            {
                [|services.AddDataProtection(o => o.ApplicationDiscriminator = "orders")|];
            }
        }
        """, """
        // Orders API.
        using System.Text;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.Extensions.Options;

        public class Startup
        {
            public Startup(IConfiguration configuration) => Configuration = configuration;

            public IConfiguration Configuration { get; }

            public void ConfigureServices(IServiceCollection services)
            {
                services.AddDataProtection(o => o.ApplicationDiscriminator = "orders").PersistKeysToFileSystem(new DirectoryInfo(Configuration["dataProtection:KeyPath"]!));
            }
        }
        """, appsettings: """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          // mounted from the shared volume
          "dataProtection": { "KeyPath": "" },
        }
        """).RunAsync();

    [Fact]
    public Task FixAllPersistsTheKeyRingOnceForTheWholeProject()
    {
        // One key ring per app: after one PersistKeysTo* call the other AddDataProtection() calls are no longer reported.
        var test = Test("""
            using Microsoft.AspNetCore.DataProtection;

            var builder = WebApplication.CreateBuilder(args);
            [|builder.Services.AddDataProtection()|];
            KeyRing.Add(builder.Services, builder.Configuration);
            builder.Build().Run();
            """, """
            using Microsoft.AspNetCore.DataProtection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDataProtection();
            KeyRing.Add(builder.Services, builder.Configuration);
            builder.Build().Run();
            """);
        test.Sources.Add(("/0/KeyRing.cs", """
            using Microsoft.AspNetCore.DataProtection;

            public static class KeyRing
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                    => [|services.AddDataProtection()|].SetApplicationName("orders");
            }
            """));
        test.FixedSources.Add(("/0/KeyRing.cs", """
            using Microsoft.AspNetCore.DataProtection;

            public static class KeyRing
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                    => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysPath"]!)).SetApplicationName("orders");
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AFolderSetOnlyForDevelopmentIsNotAStore()
    {
        var test = Test("""
            var builder = WebApplication.CreateBuilder(args);
            [|builder.Services.AddDataProtection()|];
            builder.Build().Run();
            """, appsettings: """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
        test.AdditionalFiles.Add(("/0/appsettings.Development.json", KeysPathSettings));
        return test.RunNoFixAsync();
    }

    [Fact]
    public Task WithoutConfigurationInScopeTheFolderIsNotOffered() => Test("""
        public static class KeyRing
        {
            public static IServiceCollection AddKeys(this IServiceCollection services)
            {
                [|services.AddDataProtection()|];
                return services;
            }
        }
        """).RunNoFixAsync();

    [Fact]
    public Task WithNoStoreInTheProjectNoFixIsOffered() => Test("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();
        """, appsettings: """{ "ConnectionStrings": { "Redis": "cache:6379" }, "KeysPath": "/var/keys" }""").RunNoFixAsync();

    // ---- a registered Redis connection ----

    [Fact]
    public Task ARegisteredRedisConnectionInScopeIsUsed() => Test("""
        using Microsoft.AspNetCore.DataProtection;
        using StackExchange.Redis;

        var builder = WebApplication.CreateBuilder(args);
        var redis = ConnectionMultiplexer.Connect(builder.Configuration.GetConnectionString("Redis")!);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        [|builder.Services.AddDataProtection()|].SetApplicationName("orders");
        builder.Build().Run();
        """, """
        using Microsoft.AspNetCore.DataProtection;
        using StackExchange.Redis;

        var builder = WebApplication.CreateBuilder(args);
        var redis = ConnectionMultiplexer.Connect(builder.Configuration.GetConnectionString("Redis")!);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddDataProtection().PersistKeysToStackExchangeRedis(redis, "DataProtection-Keys").SetApplicationName("orders");
        builder.Build().Run();
        """, appsettings: null, KeyStoreStubs.Redis, KeyStoreStubs.RedisKeys).RunAsync();

    [Fact]
    public Task ARedisParameterRegisteredThroughAFactoryIsUsed() => Test("""
        using StackExchange.Redis;

        public static class Caching
        {
            public static void Add(IServiceCollection services, IConnectionMultiplexer connection)
            {
                services.AddSingleton(_ => connection);
                [|services.AddDataProtection()|];
            }
        }
        """, """
        using Microsoft.AspNetCore.DataProtection;
        using StackExchange.Redis;

        public static class Caching
        {
            public static void Add(IServiceCollection services, IConnectionMultiplexer connection)
            {
                services.AddSingleton(_ => connection);
                services.AddDataProtection().PersistKeysToStackExchangeRedis(connection, "DataProtection-Keys");
            }
        }
        """, appsettings: null, KeyStoreStubs.Redis, KeyStoreStubs.RedisKeys).RunAsync();

    [Fact]
    public Task ARedisConnectionNotRegisteredOrCreatedInAFactoryOrAfterTheCallIsNotUsed() => Test("""
        using StackExchange.Redis;

        var builder = WebApplication.CreateBuilder(args);
        var unregistered = ConnectionMultiplexer.Connect("cache:6379");
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect("cache:6379"));
        [|builder.Services.AddDataProtection()|];
        var later = ConnectionMultiplexer.Connect("cache:6379");
        builder.Services.AddSingleton<IConnectionMultiplexer>(later);
        builder.Build().Run();
        """, appsettings: null, stubs: [KeyStoreStubs.Redis, KeyStoreStubs.RedisKeys]).RunNoFixAsync();

    [Fact]
    public Task ARedisConnectionWithoutTheDataProtectionRedisPackageIsNotUsed() => Test("""
        using StackExchange.Redis;

        var builder = WebApplication.CreateBuilder(args);
        var redis = ConnectionMultiplexer.Connect("cache:6379");
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();
        """, appsettings: null, stubs: [KeyStoreStubs.Redis]).RunNoFixAsync();

    // ---- a blob in configuration ----

    [Fact]
    public Task ABlobSasUriInConfigurationIsUsed() => Test("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();
        """, """
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection().PersistKeysToAzureBlobStorage(new Uri(builder.Configuration["DataProtection:BlobSasUri"]!));
        builder.Build().Run();
        """, appsettings: """{ "DataProtection": { "BlobSasUri": "" } }""", KeyStoreStubs.BlobKeys).RunAsync();

    [Fact]
    public Task APlainBlobUriIsUsedWithTheAzureCredentialOfTheReferencedIdentityPackage() => Test("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();
        """, """
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection().PersistKeysToAzureBlobStorage(new Uri(builder.Configuration["DataProtection:BlobUri"]!), new Azure.Identity.DefaultAzureCredential());
        builder.Build().Run();
        """, appsettings: """{ "DataProtection": { "BlobUri": "https://orders.blob.core.windows.net/keys/keys.xml" } }""", KeyStoreStubs.BlobKeys, KeyStoreStubs.AzureIdentity).RunAsync();

    [Fact]
    public Task APlainBlobUriWithoutACredentialPackageIsNotUsed() => Test("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();
        """, appsettings: """{ "DataProtection": { "BlobUri": "https://orders.blob.core.windows.net/keys/keys.xml" } }""", stubs: [KeyStoreStubs.BlobKeys]).RunNoFixAsync();

    [Fact]
    public Task ABlobUriWithoutTheBlobPackageIsNotUsed() => Test("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();
        """, appsettings: """{ "DataProtection": { "BlobSasUri": "" } }""").RunNoFixAsync();

    // ---- an EF Core key context ----

    [Fact]
    public Task TheProjectsKeyContextIsUsed() => Test("""
        using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<Shop.KeysDb>(o => o.UseInMemoryDatabase("keys"));
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();

        namespace Shop
        {
            public class KeysDb(DbContextOptions<KeysDb> options) : DbContext(options), IDataProtectionKeyContext
            {
                public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
            }
        }
        """, """
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<Shop.KeysDb>(o => o.UseInMemoryDatabase("keys"));
        builder.Services.AddDataProtection().PersistKeysToDbContext<Shop.KeysDb>();
        builder.Build().Run();

        namespace Shop
        {
            public class KeysDb(DbContextOptions<KeysDb> options) : DbContext(options), IDataProtectionKeyContext
            {
                public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
            }
        }
        """, appsettings: null, KeyStoreStubs.DbContextKeys).RunAsync();

    [Fact]
    public Task TwoKeyContextsAreAChoiceTheFixDoesNotMake() => Test("""
        using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Build().Run();

        public class OrdersDb : DbContext, IDataProtectionKeyContext
        {
            public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
        }

        public class BillingDb : DbContext, IDataProtectionKeyContext
        {
            public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
        }
        """, appsettings: null, stubs: [KeyStoreStubs.DbContextKeys]).RunNoFixAsync();

    // ---- several stores, RDY5003, broken code ----

    [Fact]
    public Task SeveralEvidentStoresAreSeveralActions()
    {
        var test = Test("""
            using Microsoft.AspNetCore.DataProtection;
            using StackExchange.Redis;

            var builder = WebApplication.CreateBuilder(args);
            var redis = ConnectionMultiplexer.Connect("cache:6379");
            builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
            [|builder.Services.AddDataProtection()|];
            builder.Build().Run();
            """, """
            using Microsoft.AspNetCore.DataProtection;
            using StackExchange.Redis;

            var builder = WebApplication.CreateBuilder(args);
            var redis = ConnectionMultiplexer.Connect("cache:6379");
            builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]!));
            builder.Build().Run();
            """, KeysPathSettings, KeyStoreStubs.Redis, KeyStoreStubs.RedisKeys);
        test.CodeActionEquivalenceKey = "DataProtectionPersistenceFixer.file-system";
        return test.RunAsync();
    }

    [Fact]
    public Task TheEphemeralProviderIsReplacedByTheStore() => new CodeFixTest<EphemeralDataProtectionAnalyzer, DataProtectionPersistenceFixer>
    {
        TestCode = """
            using Microsoft.AspNetCore.DataProtection;

            var builder = WebApplication.CreateBuilder(args);
            [|builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider()|];
            var stored = builder.Services.AddDataProtection();
            [|stored.UseEphemeralDataProtectionProvider()|];
            builder.Services.AddSingleton<IDataProtectionProvider>([|new EphemeralDataProtectionProvider()|]);
            builder.Build().Run();
            """,
        FixedCode = """
            using Microsoft.AspNetCore.DataProtection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]!));
            var stored = builder.Services.AddDataProtection();
            stored.PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]!));
            builder.Services.AddSingleton<IDataProtectionProvider>([|new EphemeralDataProtectionProvider()|]);
            builder.Build().Run();
            """,
        AdditionalFiles = { ("/0/appsettings.json", KeysPathSettings) },
        FixAllInOnePass = true,
    }.RunAsync();

    [Fact]
    public Task AddDataProtectionFollowedByTheEphemeralProviderLeavesTheFixToRdy5003() => Test("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|].SetApplicationName("orders").UseEphemeralDataProtectionProvider();
        builder.Build().Run();
        """).RunNoFixAsync();

    [Fact]
    public Task HalfTypedCodeGetsTheStoreWithoutNewErrors()
    {
        var test = Test("""
            using Microsoft.AspNetCore.DataProtection;

            var builder = WebApplication.CreateBuilder(args);
            [|builder.Services.AddDataProtection()|].SetApplicationName(
            builder.Build().Run();
            """, """
            using Microsoft.AspNetCore.DataProtection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]!)).SetApplicationName(
            builder.Build().Run();
            """);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }
}
