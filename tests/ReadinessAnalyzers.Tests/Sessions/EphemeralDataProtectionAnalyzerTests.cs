using ReadinessAnalyzers.Sessions;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Sessions.EphemeralDataProtectionAnalyzer>;

namespace ReadinessAnalyzers.Tests.Sessions;

public class EphemeralDataProtectionAnalyzerTests
{
    [Fact]
    public Task UseEphemeralProviderInFluentChainIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider()|];
        builder.Build().Run();
        """);

    [Fact]
    public Task UseEphemeralProviderOnAStoredBuilderIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                var dataProtection = services.AddDataProtection();
                dataProtection.SetApplicationName("orders");
                [|dataProtection.UseEphemeralDataProtectionProvider()|];
            }
        }
        """);

    [Fact]
    public Task NewEphemeralProviderIsReportedAndNamedInTheMessage() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IDataProtectionProvider>({|#0:new EphemeralDataProtectionProvider()|});
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.EphemeralDataProtection).WithLocation(0).WithMessageContaining("'new EphemeralDataProtectionProvider()'"));

    [Fact]
    public Task MessageNamesTheMethod() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider()|};
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.EphemeralDataProtection).WithLocation(0).WithMessageContaining("'UseEphemeralDataProtectionProvider()'"));

    [Fact]
    public Task EphemeralProviderInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        var dataProtection = builder.Services.AddDataProtection();
        if (builder.Environment.IsDevelopment())
        {
            dataProtection.UseEphemeralDataProtectionProvider();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo("/keys"));
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task EphemeralProviderUnderIfDebugIsNotReported() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        #if DEBUG
        var provider = new EphemeralDataProtectionProvider();
        #endif
        builder.Build().Run();
        """);

    [Fact]
    public Task EphemeralProviderInTestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<EphemeralDataProtectionAnalyzer>
        {
            TestCode = """
                using Microsoft.AspNetCore.DataProtection;

                public class ProtectorTests
                {
                    public IDataProtector Create() => new EphemeralDataProtectionProvider().CreateProtector("test");
                }
                """,
            AssemblyName = "Orders.Tests",
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task PersistedKeyRingIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataProtection()
            .SetApplicationName("orders")
            .PersistKeysToFileSystem(new DirectoryInfo("/var/keys"));
        builder.Build().Run();
        """);

    [Fact]
    public Task UserMethodWithTheSameNameIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.DataProtection;

        public static class KeyRing
        {
            public static IDataProtectionBuilder UseEphemeralDataProtectionProvider(this IDataProtectionBuilder builder, bool onlyInTests) => builder;
            public static void Configure(IServiceCollection services) => services.AddDataProtection().UseEphemeralDataProtectionProvider(onlyInTests: true);
        }

        public class EphemeralDataProtectionProvider
        {
        }

        public static class Factory
        {
            public static object Create() => new EphemeralDataProtectionProvider();
        }
        """);

    [Fact]
    public Task HalfTypedCallIsReportedByItsExactNameWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider(|]
        """);

    [Fact]
    public Task HalfTypedObjectCreationDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var provider = [|new EphemeralDataProtectionProvider(|]
        """);
}
