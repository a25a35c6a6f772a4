using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.WeakSecurityHeaderAnalyzer>;

namespace ReadinessAnalyzers.Tests.Hardening;

public class WeakSecurityHeaderAnalyzerTests
{
    [Fact]
    public Task AllowAllFrameOptionsIsReportedInEveryWriteForm() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Net.Http.Headers;
        using Microsoft.Extensions.Primitives;

        public static class SecurityHeaders
        {
            public static void Write(HttpResponse response)
            {
                [|response.Headers.Append("X-Frame-Options", "ALLOWALL")|];
                [|response.Headers["x-frame-options"] = "allowall"|];
                [|response.Headers[HeaderNames.XFrameOptions] = new StringValues("ALLOWALL")|];
                [|response.Headers.XFrameOptions = "ALLOWALL"|];
                [|response.Headers.TryAdd(HeaderNames.XFrameOptions, "ALLOWALL")|];
            }
        }
        """);

    [Fact]
    public Task UnsafeScriptSourcesInContentSecurityPolicyAreReported() => Verify.VerifyAnalyzerAsync("""
        public static class SecurityHeaders
        {
            public static void Write(HttpResponse response, string cdn)
            {
                {|#0:response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'"|};
                [|response.Headers.Append("Content-Security-Policy", "default-src 'self' 'unsafe-eval'")|];
                [|response.Headers["Content-Security-Policy"] = $"default-src 'self'; script-src * {cdn}"|];
                [|response.Headers.ContentSecurityPolicy = "script-src-elem 'self' 'unsafe-inline'; script-src 'self'"|];
            }
        }
        """,
        Verify.Diagnostic(RuleIds.WeakSecurityHeader).WithLocation(0)
            .WithMessageContaining("The Content-Security-Policy allows 'unsafe-inline' in script-src"));

    [Fact]
    public Task StrictPoliciesAndNeutralisedUnsafeInlineAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class SecurityHeaders
        {
            public static void Write(HttpResponse response, string nonce)
            {
                response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
                response.Headers.ContentSecurityPolicy = $"script-src 'self' 'nonce-{nonce}' 'unsafe-inline'";
                response.Headers.ContentSecurityPolicy = "script-src 'self' 'sha256-abc=' 'unsafe-inline' 'strict-dynamic'";
                response.Headers.ContentSecurityPolicy = "default-src 'self' 'unsafe-inline'; script-src 'self'";
                response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src *";
                response.Headers.ContentSecurityPolicyReportOnly = "script-src * 'unsafe-eval'";
                response.Headers.XFrameOptions = "DENY";
                response.Headers.Append("Referrer-Policy", "strict-origin-when-cross-origin");
                response.Headers.Append("Referrer-Policy", "unsafe-url, no-referrer");
            }
        }
        """);

    [Fact]
    public Task UnsafeUrlReferrerPolicyIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.Use(async (context, next) =>
        {
            {|#0:context.Response.Headers["Referrer-Policy"] = "unsafe-url"|};
            await next(context);
        });
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.WeakSecurityHeader).WithLocation(0).WithMessageContaining("use 'strict-origin-when-cross-origin' or 'no-referrer'"));

    [Fact]
    public Task SuppressedAntiforgeryFrameOptionsWithoutOwnProtectionIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAntiforgery(options => [|options.SuppressXFrameOptionsHeader = true|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task SuppressedAntiforgeryFrameOptionsIsNotReportedWhenTheAppSendsItsOwn()
    {
        var test = new Verification.AnalyzerTest<ReadinessAnalyzers.Hardening.WeakSecurityHeaderAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                // X-Frame-Options is written by SecurityHeaders (a comment alone would not count).
                builder.Services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
                builder.Services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = false);
                builder.Build().Run();
                """,
        };
        test.Sources.Add(("/0/SecurityHeaders.cs", """
            public static class SecurityHeaders
            {
                public static void Write(HttpResponse response) => response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task LookAlikeDictionariesAndUserPropertiesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public sealed class MyOptions { public bool SuppressXFrameOptionsHeader { get; set; } }

        public static class Fake
        {
            public static void Write(Dictionary<string, string> headers, HttpClient client, MyOptions options)
            {
                headers["X-Frame-Options"] = "ALLOWALL";
                headers.Add("Referrer-Policy", "unsafe-url");
                client.DefaultRequestHeaders.Add("Content-Security-Policy", "script-src *");
                options.SuppressXFrameOptionsHeader = true;
            }
        }
        """);

    [Fact]
    public Task WeakHeadersInsideIsDevelopmentAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        }

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = app.Environment.IsDevelopment()
                ? "script-src 'self' 'unsafe-eval'"
                : "script-src 'self'";
            if (app.Environment.IsDevelopment())
            {
                context.Response.Headers.XFrameOptions = "ALLOWALL";
            }
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task HalfTypedHeaderWritesDoNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public static class SecurityHeaders
        {
            public static void Write(HttpResponse response, IMissing missing, Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions options)
            {
                response.Headers.Append("X-Frame-Options");
                response.Headers[] = "ALLOWALL";
                response.Headers.ContentSecurityPolicy = ;
                response.Headers.ContentSecurityPolicy = "script-src";
                response.Headers.ContentSecurityPolicy = ";;  ; default-src";
                options.SuppressXFrameOptionsHeader = missing;
                missing.Headers.XFrameOptions = "ALLOWALL";
                [|response.Headers.XFrameOptions = "ALLOWALL"|]
            }
        }
        """);
}
