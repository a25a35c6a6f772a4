using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.VersionDisclosingHeaderAnalyzer>;

namespace ReadinessAnalyzers.Tests.Hardening;

public class VersionDisclosingHeaderAnalyzerTests
{
    [Fact]
    public Task PoweredByAndAspNetVersionHeadersAreReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Net.Http.Headers;

        public static class Headers
        {
            public static void Write(HttpResponse response, string product)
            {
                [|response.Headers.Append("X-Powered-By", "ASP.NET")|];
                [|response.Headers.XPoweredBy = product|];
                [|response.Headers[HeaderNames.XPoweredBy] = "Orders API"|];
                [|response.Headers["X-AspNet-Version"] = "4.0.30319"|];
                [|response.Headers.TryAdd("X-AspNetMvc-Version", "5.2")|];
            }
        }
        """);

    [Fact]
    public Task ServerHeaderWithAVersionIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Runtime.InteropServices;

        var app = WebApplication.CreateBuilder(args).Build();
        app.Use(async (context, next) =>
        {
            {|#0:context.Response.Headers.Server = "Kestrel/10.0"|};
            [|context.Response.Headers["Server"] = "Orders/" + typeof(Program).Assembly.GetName().Version|];
            [|context.Response.Headers.Append("Server", RuntimeInformation.FrameworkDescription)|];
            await next(context);
        });
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.VersionDisclosingHeader).WithLocation(0)
            .WithMessageContaining("'Headers.Server' sends the Server header with a version"));

    [Fact]
    public Task RemovedBlankedAndVersionlessHeadersAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Primitives;

        public static class Headers
        {
            public static void Write(HttpResponse response, Dictionary<string, string> other)
            {
                response.Headers.Remove("X-Powered-By");
                response.Headers.Remove("Server");
                response.Headers.XPoweredBy = "";
                response.Headers["X-Powered-By"] = StringValues.Empty;
                response.Headers.Server = "orders";
                response.Headers.Append("X-Request-Version", "2");
                other["X-Powered-By"] = "ASP.NET";
            }
        }
        """);

    [Fact]
    public Task HeadersWrittenOnlyInDevelopmentAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.Use(async (context, next) =>
            {
                context.Response.Headers.XPoweredBy = "ASP.NET";
                await next(context);
            });
        }
        app.Run();
        """);

    [Fact]
    public Task HalfTypedHeaderWritesDoNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public static class Headers
        {
            public static void Write(HttpResponse response, IMissing missing)
            {
                response.Headers.Append("X-Powered-By");
                response.Headers.Server = missing.Version;
                response.Headers[] = "ASP.NET";
                missing.Headers.XPoweredBy = "ASP.NET";
                [|response.Headers.XPoweredBy = "ASP.NET"|]
            }
        }
        """);
}
