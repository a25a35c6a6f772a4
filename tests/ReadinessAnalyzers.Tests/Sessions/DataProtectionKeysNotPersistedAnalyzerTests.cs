using ReadinessAnalyzers.Sessions;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Sessions.DataProtectionKeysNotPersistedAnalyzer>;

namespace ReadinessAnalyzers.Tests.Sessions;

public class DataProtectionKeysNotPersistedAnalyzerTests
{
    /// <summary>The shape of Microsoft.AspNetCore.DataProtection.StackExchangeRedis (not referenced by the tests).</summary>
    private const string RedisKeysStub = """
        namespace Microsoft.AspNetCore.DataProtection
        {
            public static class StackExchangeRedisDataProtectionBuilderExtensions
            {
                public static IDataProtectionBuilder PersistKeysToStackExchangeRedis(this IDataProtectionBuilder builder, object connectionMultiplexer, string key) => builder;
            }
        }
        """;

    [Fact]
    public Task AddDataProtectionWithoutPersistKeysIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|].SetApplicationName("orders");
        builder.Build().Run();
        """);

    [Fact]
    public Task AddDataProtectionWithOptionsInStartupIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                [|services.AddDataProtection(o => o.ApplicationDiscriminator = "orders")|];
            }
        }
        """);

    [Fact]
    public Task EveryUnpersistedRegistrationIsReportedWithTheFixInTheMessage() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddDataProtection()|};
        Keys.Add(builder.Services);
        builder.Build().Run();

        static class Keys
        {
            public static void Add(IServiceCollection services) => [|services.AddDataProtection()|].SetDefaultKeyLifetime(TimeSpan.FromDays(30));
        }
        """,
        Verify.Diagnostic(RuleIds.DataProtectionKeysNotPersisted).WithLocation(0).WithMessageContaining("call PersistKeysTo*"));

    [Fact]
    public Task PersistKeysOnlyInDevelopmentDoesNotCount() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        var keys = [|builder.Services.AddDataProtection()|];
        if (builder.Environment.IsDevelopment())
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo("./keys"));
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task PersistKeysInTheFluentChainIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection()
            .SetApplicationName("orders")
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeyPath"]!))
            .ProtectKeysWithCertificate("thumbprint");
        builder.Build().Run();
        """);

    [Fact]
    public Task PersistKeysOnAStoredBuilderIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        var dataProtection = builder.Services.AddDataProtection();
        dataProtection.SetApplicationName("orders");
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo("/var/keys"));
        builder.Build().Run();
        """);

    [Fact]
    public Task PersistKeysInAnotherFileIsNotReported()
    {
        var test = new Verification.AnalyzerTest<DataProtectionKeysNotPersistedAnalyzer>
        {
            TestCode = """
                using Microsoft.AspNetCore.DataProtection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDataProtection();
                KeyRing.Persist(builder.Services);
                builder.Build().Run();
                """,
        };
        test.Sources.Add(("/0/KeyRing.cs", """
            using Microsoft.AspNetCore.DataProtection;

            public static class KeyRing
            {
                public static void Persist(IServiceCollection services) =>
                    services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo("/var/keys"));
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task PersistKeysOfAnotherPackageIsNotReported()
    {
        var test = new Verification.AnalyzerTest<DataProtectionKeysNotPersistedAnalyzer>
        {
            TestCode = """
                using Microsoft.AspNetCore.DataProtection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDataProtection().PersistKeysToStackExchangeRedis(new object(), "DataProtection-Keys");
                builder.Build().Run();
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", RedisKeysStub));
        return test.RunAsync();
    }

    [Fact]
    public Task UnrestoredPersistKeysPackageIsNotReported() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection().PersistKeysToDbContext<KeysDb>();
        builder.Build().Run();
        """);

    [Fact]
    public Task XmlRepositoryConfiguredThroughKeyManagementOptionsIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Xml.Linq;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.DataProtection.KeyManagement;
        using Microsoft.AspNetCore.DataProtection.Repositories;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection();
        builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository());
        builder.Build().Run();

        sealed class DbXmlRepository : IXmlRepository
        {
            public IReadOnlyCollection<XElement> GetAllElements() => Array.Empty<XElement>();
            public void StoreElement(XElement element, string friendlyName) { }
        }
        """);

    [Fact]
    public Task UserPersistKeysMethodOnAnotherTypeDoesNotCount() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection()|];
        builder.Services.PersistKeysToNowhere();
        builder.Build().Run();

        static class Fake
        {
            public static IServiceCollection PersistKeysToNowhere(this IServiceCollection services) => services;
        }
        """);

    [Fact]
    public Task AddDataProtectionInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddDataProtection().SetApplicationName("orders-dev");
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task AddDataProtectionInTestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<DataProtectionKeysNotPersistedAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDataProtection();
                builder.Build().Run();
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task UserAddDataProtectionMethodIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class MyKeys
        {
            public static IServiceCollection AddDataProtection(this IServiceCollection services, string keyVaultUri) => services;
            public static void Configure(IServiceCollection services) => services.AddDataProtection("https://vault");
        }
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlRepository = );
        builder.Services.AddDataProtection().PersistKeysTo
        """);
}
