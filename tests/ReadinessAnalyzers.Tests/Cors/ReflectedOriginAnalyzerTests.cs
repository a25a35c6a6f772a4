using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cors.ReflectedOriginAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cors;

public class ReflectedOriginAnalyzerTests
{
    [Fact]
    public Task OriginEchoedDirectlyIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Net.Http.Headers;

        public static class Echo
        {
            public static void Write(HttpContext context)
            {
                [|context.Response.Headers.Append("Access-Control-Allow-Origin", context.Request.Headers["Origin"])|];
                [|context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin|];
                [|context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = context.Request.Headers[HeaderNames.Origin].ToString()|];
            }
        }
        """);

    [Fact]
    public Task OriginEchoedThroughALocalIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.FirstOrDefault();
            if (!string.IsNullOrEmpty(origin))
            {
                [|context.Response.Headers.Append("Access-Control-Allow-Origin", origin)|];
                context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
            }
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task OriginFromTryGetValueIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class Echo
        {
            public static void Write(HttpContext context)
            {
                if (context.Request.Headers.TryGetValue("Origin", out var origin) && origin.Count > 0)
                {
                    string value = origin!;
                    [|context.Response.Headers["Access-Control-Allow-Origin"] = value|];
                }
            }
        }
        """);

    [Fact]
    public Task NullChecksAreNotAnAllowList() => Verify.VerifyAnalyzerAsync("""
        public static class Echo
        {
            public static void Write(HttpRequest request, HttpResponse response)
            {
                string? origin = request.Headers["Origin"];
                if (origin is null)
                {
                    return;
                }

                if (origin != "" && !string.IsNullOrWhiteSpace(origin))
                {
                    [|response.Headers.AccessControlAllowOrigin = origin ?? ""|];
                }
            }
        }
        """);

    [Fact]
    public Task ConditionsThatDoNotLookAtTheOriginAreNotChecks() => Verify.VerifyAnalyzerAsync("""
        public static class Echo
        {
            public static void Write(HttpContext context, bool corsEnabled)
            {
                if (corsEnabled && HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey("Origin"))
                {
                    [|context.Response.Headers.Append("Access-Control-Allow-Origin", context.Request.Headers.Origin)|];
                }
            }
        }
        """);

    [Fact]
    public Task MessageNamesTheWriteAndTheFix() => Verify.VerifyAnalyzerAsync("""
        public static class Echo
        {
            public static void Write(HttpContext context) => {|#0:context.Response.Headers.Append("Access-Control-Allow-Origin", context.Request.Headers.Origin)|};
        }
        """,
        Verify.Diagnostic(RuleIds.RequestOriginReflected).WithLocation(0)
            .WithMessageContaining("'Append' copies the request's Origin header into Access-Control-Allow-Origin unchecked"));

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
                [|context.Response.Headers.Append("Access-Control-Allow-Origin", context.Request.Headers.Origin)|];
            }
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task OriginCheckedAgainstAnAllowListIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public sealed class CorsEcho
        {
            private readonly HashSet<string> _allowed = new(StringComparer.OrdinalIgnoreCase) { "https://shop.example.com" };

            public void Inside(HttpContext context)
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (!string.IsNullOrEmpty(origin) && _allowed.Contains(origin))
                {
                    context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
                }
            }

            public void AfterEarlyReturn(HttpContext context)
            {
                string origin = context.Request.Headers["Origin"]!;
                if (!_allowed.Contains(origin))
                {
                    return;
                }

                context.Response.Headers.AccessControlAllowOrigin = origin;
            }

            public void Ternary(HttpContext context)
            {
                var origin = context.Request.Headers.Origin.ToString();
                context.Response.Headers.AccessControlAllowOrigin = _allowed.Contains(origin) ? origin : "null";
            }

            public void Switch(HttpContext context)
            {
                var origin = context.Request.Headers.Origin.ToString();
                switch (origin)
                {
                    case "https://shop.example.com":
                        context.Response.Headers.AccessControlAllowOrigin = origin;
                        break;
                }
            }

            public void CheckedByAMethodThatGetsTheRequest(HttpContext context)
            {
                if (IsAllowed(context.Request))
                {
                    context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
                }
            }

            private bool IsAllowed(HttpRequest request) => _allowed.Contains(request.Headers.Origin.ToString());

            public void Equality(HttpContext context)
            {
                if (context.Request.Headers.Origin == "https://shop.example.com")
                {
                    context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
                }
            }
        }
        """);

    [Fact]
    public Task OtherValuesAndOtherHeadersAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Echo
        {
            public static void Write(HttpContext context, string configuredOrigin)
            {
                context.Response.Headers.AccessControlAllowOrigin = configuredOrigin;
                context.Response.Headers.Append("Vary", context.Request.Headers.Origin);
                context.Response.Headers.Append("X-Request-Origin", context.Request.Headers["Origin"]);
                context.Response.Headers.Append("Access-Control-Allow-Origin", context.Request.Headers.Host);
                var referer = context.Request.Headers.Referer.ToString();
                context.Response.Headers.Append("Access-Control-Allow-Origin", referer);
            }
        }
        """);

    [Fact]
    public Task EchoInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.Use(async (context, next) =>
            {
                context.Response.Headers.Append("Access-Control-Allow-Origin", context.Request.Headers.Origin);
                await next(context);
            });
        }
        app.Run();
        """);

    [Fact]
    public Task HalfTypedEchoDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public static class Echo
        {
            public static void Write(HttpContext context)
            {
                var origin = context.Request.Headers[];
                var other = missing.Headers.Origin;
                context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
                context.Response.Headers.Append("Access-Control-Allow-Origin", other);
                context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.TryGetValue("Origin", out var);
                if (_allowed.Contains(origin)) context.Response.Headers.Append("Access-Control-Allow-Origin", origin
            }
        }
        """);
}
