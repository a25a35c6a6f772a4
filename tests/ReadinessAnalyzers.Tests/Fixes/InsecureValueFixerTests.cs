using ReadinessAnalyzers.CodeFixes;
using ReadinessAnalyzers.Cookies;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Fixes;

public class InsecureValueFixerTests
{
    [Fact]
    public Task SecureFalseInAnInitializerBecomesTrue() => CSharpCodeFixVerifier<CookieWithoutSecureAnalyzer, InsecureValueFixer>.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
                => response.Cookies.Append("cart", cartId, new CookieOptions { HttpOnly = true, [|Secure = false|] });
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
                => response.Cookies.Append("cart", cartId, new CookieOptions { HttpOnly = true, Secure = true });
        }
        """);

    [Fact]
    public Task SecurePolicySameAsRequestBecomesAlwaysEverywhereWithFixAll() => new CodeFixTest<CookieWithoutSecureAnalyzer, InsecureValueFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.None|]);
            builder.Services.AddAntiforgery(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|]);
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Build().Run();
            """,
        Sources =
        {
            ("/0/Cookies.cs", """
                public static class CookieSetup
                {
                    public static void Configure(CookieOptions options) => [|options.Secure = false|];
                }
                """),
        },
        FixedSources =
        {
            ("/0/Cookies.cs", """
                public static class CookieSetup
                {
                    public static void Configure(CookieOptions options) => options.Secure = true;
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task AConditionalValueBecomesSecureInEveryBranch() => CSharpCodeFixVerifier<CookieWithoutSecureAnalyzer, InsecureValueFixer>.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId, bool local)
                => response.Cookies.Append("cart", cartId, new CookieOptions { HttpOnly = true, [|Secure = local ? false : true|] });
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId, bool local)
                => response.Cookies.Append("cart", cartId, new CookieOptions { HttpOnly = true, Secure = true });
        }
        """);

    [Fact]
    public Task AnEnumWhoseNamespaceIsNotImportedStaysQualifiedSoItCompiles() => CSharpCodeFixVerifier<CookieWithoutHttpOnlyAnalyzer, InsecureValueFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o => [|o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.None|]);
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o => o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always);
        builder.Build().Run();
        """);

    [Fact]
    public Task HttpOnlyFalseOnACookieBuilderBecomesTrue() => CSharpCodeFixVerifier<CookieWithoutHttpOnlyAnalyzer, InsecureValueFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => { [|o.Cookie.HttpOnly = false|]; });
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => { o.Cookie.HttpOnly = true; });
        builder.Build().Run();
        """);

    [Fact]
    public Task HalfTypedCodeIsFixedWithoutAddingErrors() => CSharpCodeFixVerifier<CookieWithoutSecureAnalyzer, InsecureValueFixer>.VerifyBrokenCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
                => response.Cookies.Append("cart", cartId, new CookieOptions { HttpOnly = tru, [|Secure = false|] });
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
                => response.Cookies.Append("cart", cartId, new CookieOptions { HttpOnly = tru, Secure = true });
        }
        """);
}
