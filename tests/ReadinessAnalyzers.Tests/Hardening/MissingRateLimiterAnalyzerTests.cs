using ReadinessAnalyzers.Hardening;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.MissingRateLimiterAnalyzer>;

namespace ReadinessAnalyzers.Tests.Hardening;

public class MissingRateLimiterAnalyzerTests
{
    [Fact]
    public Task AppWithoutRateLimiterIsReportedAtRun() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.[|Run()|];
        """);

    [Fact]
    public Task FixedWindowPolicyWithMiddlewareIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.RateLimiting;
        using Microsoft.AspNetCore.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", window =>
        {
            window.PermitLimit = 100;
            window.Window = TimeSpan.FromMinutes(1);
        }));
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapGet("/orders", () => "orders").RequireRateLimiting("api");
        app.Run();
        """);

    [Fact]
    public Task ServicesWithoutMiddlewareIsReportedAndSaysSo() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRateLimiter(_ => { });
        var app = builder.Build();
        app.{|#0:Run()|};
        """,
        Verify.Diagnostic(RuleIds.NoRateLimiter).WithLocation(0).WithMessageContaining("but not 'UseRateLimiter()'"));

    [Fact]
    public Task MiddlewareWithoutServicesIsReportedAndSaysSo() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseRateLimiter();
        app.{|#0:Run()|};
        """,
        Verify.Diagnostic(RuleIds.NoRateLimiter).WithLocation(0).WithMessageContaining("but not 'AddRateLimiter()'"));

    [Fact]
    public Task RateLimiterOnlyOutsideProductionIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRateLimiter(_ => { });
        var app = builder.Build();
        if (!app.Environment.IsProduction())
        {
            app.UseRateLimiter();
        }
        app.[|Run()|];
        """);

    [Fact]
    public Task RateLimiterWiredInStartupIsNotReported() => new Verification.AnalyzerTest<MissingRateLimiterAnalyzer>
    {
        OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
        TestCode = """
            public static class Program
            {
                public static void Main(string[] args) =>
                    Microsoft.AspNetCore.WebHost.CreateDefaultBuilder(args).UseStartup<Startup>().Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRateLimiter(_ => { });

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }
            """,
    }.RunAsync();

    [Fact]
    public Task HalfTypedRateLimiterDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRateLimiter(options => options.);
        var app = builder.Build();
        app.UseRateLimiter();
        app.Run();
        """);

    private const string RateLimitPackageStub = """
        namespace AspNetCoreRateLimit
        {
            public static class RateLimitSetup
            {
                public static IServiceCollection AddInMemoryRateLimiting(this IServiceCollection services) => services;
                public static IApplicationBuilder UseIpRateLimiting(this IApplicationBuilder app) => app;
                public static IApplicationBuilder UseClientRateLimiting(this IApplicationBuilder app) => app;
            }
        }
        """;

    [Fact]
    public Task AspNetCoreRateLimitMiddlewareIsARateLimiter()
    {
        var test = new Verification.AnalyzerTest<MissingRateLimiterAnalyzer>
        {
            TestCode = """
                using AspNetCoreRateLimit;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddInMemoryRateLimiting();
                var app = builder.Build();
                app.UseClientRateLimiting();
                app.Run();
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", RateLimitPackageStub));
        return test.RunAsync();
    }

    [Fact]
    public Task AspNetCoreRateLimitWithoutPackageReferencesIsRecognisedByName()
    {
        var test = new Verification.AnalyzerTest<MissingRateLimiterAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddInMemoryRateLimiting();
                var app = builder.Build();
                app.UseIpRateLimiting();
                app.Run();
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task AspNetCoreRateLimitServicesWithoutItsMiddlewareIsReported()
    {
        var test = new Verification.AnalyzerTest<MissingRateLimiterAnalyzer>
        {
            TestCode = """
                using AspNetCoreRateLimit;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddInMemoryRateLimiting();
                var app = builder.Build();
                app.[|Run()|];
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", RateLimitPackageStub));
        return test.RunAsync();
    }

    [Fact]
    public Task TheAppsOwnRateLimitingMiddlewareIsARateLimiter() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<TenantRateLimitMiddleware>();
        app.Run();

        public sealed class TenantRateLimitMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context) => next(context);
        }
        """);

    [Fact]
    public Task AnotherMiddlewareIsNotARateLimiter() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<RequestTimingMiddleware>();
        app.[|Run()|];

        public sealed class RequestTimingMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context) => next(context);
        }
        """);

    [Fact]
    public Task AnUnresolvedRateLimitingMiddlewareCountsByItsExactName() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<Throttling.IpRateLimitMiddleware>();
        app.Run();
        """);

    [Fact]
    public Task TheAppsOwnThrottlingMiddlewareIsARateLimiter() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<RequestThrottlingMiddleware>();
        app.Run();

        public sealed class RequestThrottlingMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context) => next(context);
        }
        """);
}
