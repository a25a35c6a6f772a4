using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cookies.HandWrittenSetCookieHeaderAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cookies;

public class HandWrittenSetCookieHeaderAnalyzerTests
{
    [Fact]
    public Task SetCookieAppendedWithoutAttributesIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", (HttpResponse r) => {|#0:r.Headers.Append("Set-Cookie", "session=abc; Path=/")|});
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.HandWrittenSetCookieHeader).WithLocation(0)
            .WithMessageContaining("for the cookie 'session' lacks Secure and HttpOnly"));

    [Fact]
    public Task EveryWayOfWritingTheHeaderIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Net.Http.Headers;
        public static class Handlers
        {
            public static void Write(HttpResponse response, string id)
            {
                [|response.Headers["Set-Cookie"] = $"session={id}; Path=/; HttpOnly"|];
                [|response.Headers.SetCookie = "session=" + id + "; Secure"|];
                [|response.Headers.Append(HeaderNames.SetCookie, "theme=dark")|];
                [|response.Headers.Add("set-cookie", "a=b; SameSite=None")|];
                [|response.Headers.TryAdd("Set-Cookie", "a=b; secure")|];
                [|response.Headers[HeaderNames.SetCookie] = "a=b; Domain=secure.example.com"|];
            }
        }
        """);

    [Fact]
    public Task MessageNamesTheMissingAttribute() => Verify.VerifyAnalyzerAsync("""
        public static class Handlers
        {
            public static void Write(HttpResponse response)
                => {|#0:response.Headers["Set-Cookie"] = "prefs=1; Secure; SameSite=Lax"|};
        }
        """,
        Verify.Diagnostic(RuleIds.HandWrittenSetCookieHeader).WithLocation(0)
            .WithMessageContaining("lacks HttpOnly;").WithMessageNotContaining("Secure and"));

    [Fact]
    public Task HeaderWithSecureAndHttpOnlyIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Handlers
        {
            public static void Write(HttpResponse response, string id)
            {
                response.Headers.Append("Set-Cookie", $"session={id}; Path=/; Secure; HttpOnly; SameSite=Lax");
                response.Headers["Set-Cookie"] = "a=b;secure;httponly";
            }
        }
        """);

    [Fact]
    public Task SecureXsrfTokenHeaderWithoutHttpOnlyIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Handlers
        {
            public static void Write(HttpResponse response, string token)
                => response.Headers.Append("Set-Cookie", $"XSRF-TOKEN={token}; Path=/; Secure; SameSite=Strict");
        }
        """);

    [Fact]
    public Task XsrfTokenHeaderWithoutSecureIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class Handlers
        {
            public static void Write(HttpResponse response, string token)
                => [|response.Headers.Append("Set-Cookie", $"XSRF-TOKEN={token}; Path=/")|];
        }
        """);

    [Fact]
    public Task HeadersTheRuleCannotReadAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Handlers
        {
            public static void Write(HttpResponse response, string cookie, string id, string attributes)
            {
                response.Headers.Append("Set-Cookie", cookie);
                response.Headers.Append("Set-Cookie", $"session={id}; {attributes}");
                response.Headers.Append("Set-Cookie", "session=; Max-Age=0");
                response.Headers.Append("Set-Cookie", new Microsoft.Extensions.Primitives.StringValues(new[] { "a=b", "c=d" }));
            }
        }
        """);

    [Fact]
    public Task OtherHeadersAndOtherDictionariesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Handlers
        {
            public static void Write(HttpResponse response, Dictionary<string, string> headers, HttpRequestMessage message)
            {
                response.Headers.Append("X-Frame-Options", "DENY");
                response.Headers["Cache-Control"] = "no-store";
                headers.Add("Set-Cookie", "a=b");
                headers["Set-Cookie"] = "a=b";
                message.Headers.Add("Set-Cookie", "a=b");
            }
        }
        """);

    [Fact]
    public Task HeaderWrittenInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.MapGet("/", (HttpResponse r) => r.Headers.Append("Set-Cookie", "debug=1"));
        }
        app.Run();
        """);

    [Fact]
    public Task HalfTypedHeaderCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", (HttpResponse r) => r.Headers.Append("Set-Cookie", ));
        app.MapGet("/2", (HttpResponse r) => r.Headers["Set-Cookie"] = missing + "; Path=/");
        app.MapGet("/3", (HttpResponse r) => r.Headers[] = "a=b");
        app.MapGet("/4", (HttpResponse r) => [|r.Headers.SetCookie = "a=b"|]);
        app.MapGet("/5", (HttpResponse r) => r.Headers.Append(
        """);
}
