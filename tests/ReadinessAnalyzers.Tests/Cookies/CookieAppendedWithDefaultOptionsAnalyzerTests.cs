using ReadinessAnalyzers.Cookies;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cookies.CookieAppendedWithDefaultOptionsAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cookies;

public class CookieAppendedWithDefaultOptionsAnalyzerTests
{
    private const string Controller = """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId) => [|response.Cookies.Append("cart", cartId)|];
        }
        """;

    [Fact]
    public Task AppendWithoutOptionsIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/cart/{id}", (string id, HttpContext context) => {|#0:context.Response.Cookies.Append("cart", id)|});
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.CookieAppendedWithDefaultOptions).WithLocation(0)
            .WithMessageContaining("'Append' writes the cookie 'cart' without options"));

    [Fact]
    public Task AppendWithOptionsThatSetNeitherSecureNorHttpOnlyIsReported() => Verify.VerifyAnalyzerAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string name, string cartId)
            {
                {|#0:response.Cookies.Append(name, cartId, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(7) })|};
                [|response.Cookies.Append("cart", cartId, new CookieOptions())|];
            }
        }
        """,
        Verify.Diagnostic(RuleIds.CookieAppendedWithDefaultOptions).WithLocation(0)
            .WithMessageContaining("writes a cookie with CookieOptions that set neither Secure nor HttpOnly"));

    [Fact]
    public Task AppendWithoutOptionsInAControllerIsReported() => Verify.VerifyAnalyzerAsync(Controller);

    [Fact]
    public Task AppendWithSecureOptionsIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class CartController
        {
            private static readonly CookieOptions Options = new() { Secure = true, HttpOnly = true };

            public void Remember(HttpResponse response, string cartId)
            {
                response.Cookies.Append("cart", cartId, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                response.Cookies.Append("cart", cartId, Options);
                response.Cookies.Delete("old-cart");
            }
        }
        """);

    [Fact]
    public Task AppendOnOtherTypesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Cookies { public void Append(string key, string value) { } }
        public static class Use
        {
            public static void Run(System.Text.StringBuilder text, Cookies cookies, HttpResponse response)
            {
                text.Append("cart");
                cookies.Append("cart", "1");
                response.Headers.Append("X-Cart", "1");
            }
        }
        """);

    [Fact]
    public Task CookiePolicyEnforcingSecureAndHttpOnlyInAnotherFileSuppressesTheRule()
    {
        var test = new Verification.AnalyzerTest<CookieAppendedWithDefaultOptionsAnalyzer>
        {
            TestCode = Controller.Replace("[|", "").Replace("|]", ""),
        };
        test.Sources.Add(("/0/Program.cs", """
            using Microsoft.AspNetCore.CookiePolicy;
            public static class Pipeline
            {
                public static void Use(WebApplication app)
                {
                    app.UseCookiePolicy(new CookiePolicyOptions
                    {
                        MinimumSameSitePolicy = SameSiteMode.Lax,
                        HttpOnly = HttpOnlyPolicy.Always,
                        Secure = CookieSecurePolicy.Always,
                    });
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CookiePolicyConfiguredAsServiceOptionsSuppressesTheRule()
    {
        var test = new Verification.AnalyzerTest<CookieAppendedWithDefaultOptionsAnalyzer>
        {
            TestCode = Controller.Replace("[|", "").Replace("|]", ""),
        };
        test.Sources.Add(("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o =>
            {
                o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
                o.Secure = CookieSecurePolicy.Always;
            });
            var app = builder.Build();
            app.UseCookiePolicy();
            app.Run();
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CookiePolicyThatIsNeverUsedDoesNotSuppressTheRule()
    {
        var test = new Verification.AnalyzerTest<CookieAppendedWithDefaultOptionsAnalyzer> { TestCode = Controller };
        test.Sources.Add(("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o =>
            {
                o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
                o.Secure = CookieSecurePolicy.Always;
            });
            builder.Build().Run();
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CookiePolicyThatOnlyEnforcesHttpOnlyDoesNotSuppressTheRule()
    {
        var test = new Verification.AnalyzerTest<CookieAppendedWithDefaultOptionsAnalyzer> { TestCode = Controller };
        test.Sources.Add(("/0/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always });
            app.Run();
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AppendInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.MapGet("/debug/cookie", (HttpResponse r) => r.Cookies.Append("debug", "1"));
        }
        app.Run();
        """);

    [Fact]
    public Task HalfTypedAppendDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", (HttpResponse r) => r.Cookies.Append("cart", ));
        app.MapGet("/2", (HttpResponse r) => r.Cookies.Append("cart", "1", new CookieOptions { Secure = }));
        app.MapGet("/3", (HttpResponse r) => r.Cookies.Append(
        """);
}
