using ReadinessAnalyzers.Hardening;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.MissingSecurityHeadersAnalyzer>;

namespace ReadinessAnalyzers.Tests.Hardening;

public class MissingSecurityHeadersAnalyzerTests
{
    private const string SecurityHeadersPackageStub = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class SecurityHeadersMiddlewareExtensions
            {
                public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app;
            }
        }
        """;

    [Fact]
    public Task AppThatSetsNoSecurityHeaderIsReportedAtRun() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            await next(context);
        });
        app.[|Run()|];
        """);

    [Fact]
    public Task HeadersSetByNameInAMiddlewareAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers.Append("Referrer-Policy", "no-referrer");
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task TypedHeaderPropertyIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XFrameOptions = "DENY";
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task HeaderNamesConstantInAnotherClassIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>();
        app.Run();

        sealed class SecurityHeaders(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context)
            {
                context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'self'";
                return next(context);
            }
        }
        """);

    [Fact]
    public Task KnownHeadersPackageIsNotReported()
    {
        var test = new Verification.AnalyzerTest<MissingSecurityHeadersAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseSecurityHeaders();
                app.Run();
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", SecurityHeadersPackageStub));
        return test.RunAsync();
    }

    [Fact]
    public Task HeadersWrittenWithValuesThatSwitchProtectionOffDoNotCount() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XFrameOptions = "ALLOWALL";
            context.Response.Headers["Referrer-Policy"] = "unsafe-url";
            context.Response.Headers.Append("Content-Security-Policy", "default-src 'self' 'unsafe-inline'");
            await next(context);
        });
        app.[|Run()|];
        """);

    [Fact]
    public Task AStrictHeaderBesideAWeakOneCounts() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XFrameOptions = "ALLOWALL";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task OwnMethodNamedLikeTheHeadersPackageIsJudgedByWhatItWrites() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        Headers.UseSecurityHeaders(app);
        app.[|Run()|];

        static class Headers
        {
            public static void UseSecurityHeaders(WebApplication app)
                => app.Use(async (context, next) => { context.Response.Headers["X-Request-Id"] = "1"; await next(context); });
        }
        """);

    [Fact]
    public Task HeadersSetOnlyInDevelopmentAreReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.Use(async (context, next) =>
            {
                context.Response.Headers["X-Frame-Options"] = "DENY";
                await next(context);
            });
        }
        app.[|Run()|];
        """);

    [Fact]
    public Task LookAlikeHeaderNameIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Frame-Options-Report"] = "none";
            context.Response.Headers["Content-Security-Policy-Report-Only"] = "default-src 'self'";
            await next(context);
        });
        app.[|Run()|];
        """);

    [Fact]
    public Task HeaderThatIsOnlyReadIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await next(context);
            var policy = context.Response.Headers["Content-Security-Policy"];
            context.Response.Headers.Remove("X-Frame-Options");
        });
        app.[|Run()|];
        """);

    [Fact]
    public Task HalfTypedHeaderCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) => { context.Response.Headers[ = "nosniff"; await next(context); });
        app.[|Run()|];
        """);

    [Fact]
    public Task NWebsecHeadersWithoutPackageReferencesAreRecognisedByName()
    {
        var test = new Verification.AnalyzerTest<MissingSecurityHeadersAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseXContentTypeOptions();
                app.UseXfo(options => options.Deny());
                app.UseReferrerPolicy(options => options.StrictOriginWhenCrossOrigin());
                app.Run();
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task HeadersSetInAReferencedProjectsWiringCount()
    {
        var test = new Verification.AnalyzerTest<MissingSecurityHeadersAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UsePlatformDefaults();
                app.Run();
                """,
        };
        test.ReferencedProjects.Add(("Platform.Hosting", """
            namespace Microsoft.AspNetCore.Builder
            {
                public static class PlatformDefaults
                {
                    public static WebApplication UsePlatformDefaults(this WebApplication app)
                    {
                        app.UseSecurityHeaders();
                        return app;
                    }

                    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app;
                }
            }
            """));
        return test.RunAsync();
    }
}
