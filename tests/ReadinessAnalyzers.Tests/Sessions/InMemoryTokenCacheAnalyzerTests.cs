using ReadinessAnalyzers.Sessions;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Sessions.InMemoryTokenCacheAnalyzer>;

namespace ReadinessAnalyzers.Tests.Sessions;

public class InMemoryTokenCacheAnalyzerTests
{
    /// <summary>The shape of Microsoft.Identity.Web (not on the NuGet source we reach): the builder and the IServiceCollection extension.</summary>
    private const string IdentityWebStub = """
        namespace Microsoft.Identity.Web
        {
            using System;
            using Microsoft.Extensions.DependencyInjection;

            public class MicrosoftIdentityAppCallsWebApiAuthenticationBuilder
            {
                public IServiceCollection Services { get; } = null!;
                public MicrosoftIdentityAppCallsWebApiAuthenticationBuilder AddInMemoryTokenCaches(Action<object>? configureOptions = null) => this;
                public MicrosoftIdentityAppCallsWebApiAuthenticationBuilder AddDistributedTokenCaches() => this;
            }

            public static class TokenCacheExtensions
            {
                public static object AddInMemoryTokenCache(this object confidentialClientApplication) => confidentialClientApplication;
            }

            public static class WebAppBuilder
            {
                public static MicrosoftIdentityAppCallsWebApiAuthenticationBuilder EnableTokenAcquisitionToCallDownstreamApi(this IServiceCollection services) => new();
            }
        }

        namespace Microsoft.Identity.Web.TokenCacheProviders.InMemory
        {
            using Microsoft.Extensions.DependencyInjection;

            public static class InMemoryTokenCacheProviderExtension
            {
                public static IServiceCollection AddInMemoryTokenCaches(this IServiceCollection services) => services;
            }
        }
        """;

    private static Task VerifyWithStubAsync(string source, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verification.AnalyzerTest<InMemoryTokenCacheAnalyzer> { TestCode = source };
        test.Sources.Add(("/0/Stubs.cs", IdentityWebStub));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task InMemoryTokenCachesOnTheWebAppBuilderIsReported() => VerifyWithStubAsync("""
        using Microsoft.Identity.Web;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.EnableTokenAcquisitionToCallDownstreamApi().AddInMemoryTokenCaches()|];
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryTokenCachesOnTheServiceCollectionIsReported() => VerifyWithStubAsync("""
        using Microsoft.Identity.Web.TokenCacheProviders.InMemory;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => [|services.AddInMemoryTokenCaches()|];
        }
        """);

    [Fact]
    public Task MessageNamesTheMethodAndTheFix() => VerifyWithStubAsync("""
        using Microsoft.Identity.Web;

        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.Services.EnableTokenAcquisitionToCallDownstreamApi().AddInMemoryTokenCaches()|};
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.InMemoryTokenCache).WithLocation(0).WithMessageContaining("AddDistributedTokenCaches()"));

    [Fact]
    public Task UnrestoredIdentityWebIsReportedByTheExactName() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.EnableTokenAcquisitionToCallDownstreamApi().AddInMemoryTokenCaches()|];
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryTokenCachesInsideIsDevelopmentIsNotReported() => VerifyWithStubAsync("""
        using Microsoft.Identity.Web;

        var builder = WebApplication.CreateBuilder(args);
        var tokens = builder.Services.EnableTokenAcquisitionToCallDownstreamApi();
        if (builder.Environment.IsDevelopment())
        {
            tokens.AddInMemoryTokenCaches();
        }
        else
        {
            tokens.AddDistributedTokenCaches();
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryTokenCachesAfterEarlyReturnIsNotReported() => VerifyWithStubAsync("""
        using Microsoft.Identity.Web;

        public static class DevTokens
        {
            public static void Add(WebApplicationBuilder builder, MicrosoftIdentityAppCallsWebApiAuthenticationBuilder tokens)
            {
                if (!builder.Environment.IsDevelopment())
                {
                    return;
                }

                tokens.AddInMemoryTokenCaches();
            }
        }
        """);

    [Fact]
    public Task DistributedTokenCachesAreNotReported() => VerifyWithStubAsync("""
        using Microsoft.Identity.Web;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.EnableTokenAcquisitionToCallDownstreamApi().AddDistributedTokenCaches();
        builder.Build().Run();
        """);

    [Fact]
    public Task AppOnlyTokenCacheOfAConfidentialClientIsNotReported() => VerifyWithStubAsync("""
        using Microsoft.Identity.Web;

        public static class Daemon
        {
            public static object Create(object app) => app.AddInMemoryTokenCache();
        }
        """);

    [Fact]
    public Task UserMethodWithTheSameNameIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class MyCaches
        {
            public static IServiceCollection AddInMemoryTokenCaches(this IServiceCollection services) => services;
            public static void Configure(IServiceCollection services) => services.AddInMemoryTokenCaches();
        }
        """);

    [Fact]
    public Task HalfTypedCallDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.EnableTokenAcquisitionToCallDownstreamApi().
        """);
}
