using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cors.WildcardCorsHeaderAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cors;

public class WildcardCorsHeaderAnalyzerTests
{
    [Fact]
    public Task WildcardAppendedInMiddlewareIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.Use(async (context, next) =>
        {
            [|context.Response.Headers.Append("Access-Control-Allow-Origin", "*")|];
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task EveryWayOfWritingTheHeaderIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Net.Http.Headers;
        using Microsoft.Extensions.Primitives;

        public static class Headers
        {
            private const string AllowOrigin = "Access-Control-Allow-Origin";

            public static void Write(HttpResponse response)
            {
                [|response.Headers.Add("Access-Control-Allow-Origin", "*")|];
                [|response.Headers.TryAdd("access-control-allow-origin", "*")|];
                [|response.Headers["Access-Control-Allow-Origin"] = "*"|];
                [|response.Headers[HeaderNames.AccessControlAllowOrigin] = new StringValues("*")|];
                [|response.Headers.Append(HeaderNames.AccessControlAllowOrigin, "*")|];
                [|response.Headers.Append(AllowOrigin, "*")|];
                [|response.Headers.AccessControlAllowOrigin = "*"|];
            }
        }
        """);

    [Fact]
    public Task MessageNamesTheWriteAndTheFix() => Verify.VerifyAnalyzerAsync("""
        public static class Headers
        {
            public static void Write(HttpContext context) => {|#0:context.Response.Headers.AccessControlAllowOrigin = "*"|};
        }
        """,
        Verify.Diagnostic(RuleIds.WildcardCorsHeader).WithLocation(0)
            .WithMessageContaining("'Headers.AccessControlAllowOrigin' sends 'Access-Control-Allow-Origin: *'"));

    [Fact]
    public Task ElseBranchOfIsDevelopmentIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.Use(async (context, next) =>
        {
            if (app.Environment.IsDevelopment())
            {
                context.Response.Headers.Append("X-Debug", "1");
            }
            else
            {
                [|context.Response.Headers.Append("Access-Control-Allow-Origin", "*")|];
            }
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task SpecificOriginsAndOtherHeadersAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Net.Http.Headers;

        public static class Headers
        {
            public static void Write(HttpResponse response, string trusted)
            {
                response.Headers.Append("Access-Control-Allow-Origin", "https://shop.example.com");
                response.Headers.AccessControlAllowOrigin = trusted;
                response.Headers.Append("Access-Control-Allow-Methods", "*");
                response.Headers[HeaderNames.AccessControlAllowHeaders] = "*";
                response.Headers.Append("X-Allow-Origin", "*");
                response.Headers.Vary = "Origin";
            }
        }
        """);

    [Fact]
    public Task LookAlikeDictionariesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Headers
        {
            public static void Write(Dictionary<string, string> headers, HttpClient client)
            {
                headers.Add("Access-Control-Allow-Origin", "*");
                headers["Access-Control-Allow-Origin"] = "*";
                client.DefaultRequestHeaders.Add("Access-Control-Allow-Origin", "*");
            }
        }
        """);

    [Fact]
    public Task WildcardInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.Use(async (context, next) =>
            {
                context.Response.Headers.Append("Access-Control-Allow-Origin", "*");
                await next(context);
            });
        }
        app.Run();
        """);

    [Fact]
    public Task WildcardInATestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<ReadinessAnalyzers.Cors.WildcardCorsHeaderAnalyzer>
        {
            TestCode = """
                public static class FakeServer
                {
                    public static void Write(HttpResponse response) => response.Headers.Append("Access-Control-Allow-Origin", "*");
                }
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedHeaderWritesDoNotCrashAndAStatementWithoutSemicolonIsStillReported() => Verify.VerifyBrokenCodeAsync("""
        public static class Headers
        {
            public static void Write(HttpResponse response, IMissing missing)
            {
                response.Headers.Append("Access-Control-Allow-Origin");
                response.Headers.Append(, "*");
                response.Headers[] = "*";
                response.Headers.AccessControlAllowOrigin = ;
                missing.Headers.Append("Access-Control-Allow-Origin", "*");
                [|response.Headers.Append("Access-Control-Allow-Origin", "*")|]
            }
        }
        """);
}
