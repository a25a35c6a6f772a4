using ReadinessAnalyzers.CodeFixes.Cookies;
using ReadinessAnalyzers.Cookies;
using ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Cookies.CookieAppendedWithDefaultOptionsAnalyzer, ReadinessAnalyzers.CodeFixes.Cookies.CookieAppendedWithDefaultOptionsFixer>;

namespace ReadinessAnalyzers.Tests.Fixes;

public class CookieAppendedWithDefaultOptionsFixerTests
{
    [Fact]
    public Task AppendWithoutOptionsGetsSecureHttpOnlyLaxOptions() => Verify.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId) => [|response.Cookies.Append("cart", cartId)|];
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId) => response.Cookies.Append("cart", cartId, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        """);

    [Fact]
    public Task ArgumentsOnTheirOwnLinesGetTheOptionsOnANewLine() => Verify.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                [|response.Cookies.Append(
                    "cart",
                    cartId)|];
            }
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                response.Cookies.Append(
                    "cart",
                    cartId,
                    new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }
        }
        """);

    [Fact]
    public Task NamedArgumentsGetANamedOptionsArgument() => Verify.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId) => [|response.Cookies.Append(value: cartId, key: "cart")|];
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId) => response.Cookies.Append(value: cartId, key: "cart", options: new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        """);

    [Fact]
    public Task AScriptReadableAntiforgeryCookieGetsSecureButNotHttpOnly() => Verify.VerifyCodeFixAsync("""
        public class TokenController
        {
            public void Issue(HttpResponse response, string token) => [|response.Cookies.Append("XSRF-TOKEN", token)|];
        }
        """, """
        public class TokenController
        {
            public void Issue(HttpResponse response, string token) => response.Cookies.Append("XSRF-TOKEN", token, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax });
        }
        """);

    [Fact]
    public Task ACookieNamedInTheScriptReadableOptionGetsNoHttpOnly() => new CodeFixTest<CookieAppendedWithDefaultOptionsAnalyzer, CookieAppendedWithDefaultOptionsFixer>
    {
        EditorConfig = "RDY3002.script_readable_cookies = ui-prefs, theme",
        TestCode = """
            public class PreferencesController
            {
                public void Save(HttpResponse response, string theme)
                {
                    [|response.Cookies.Append("theme", theme)|];
                    [|response.Cookies.Append("session-hint", theme)|];
                }
            }
            """,
        FixedCode = """
            public class PreferencesController
            {
                public void Save(HttpResponse response, string theme)
                {
                    response.Cookies.Append("theme", theme, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax });
                    response.Cookies.Append("session-hint", theme, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task OptionsThatSetNeitherFlagAreCompletedAndKeepTheirSameSite() => Verify.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                [|response.Cookies.Append("cart", cartId, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(7) })|];
                [|response.Cookies.Append("widget", cartId, new CookieOptions { SameSite = SameSiteMode.Strict })|];
            }
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                response.Cookies.Append("cart", cartId, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(7), Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                response.Cookies.Append("widget", cartId, new CookieOptions { SameSite = SameSiteMode.Strict, Secure = true, HttpOnly = true });
            }
        }
        """);

    [Fact]
    public Task AMultiLineInitializerWithATrailingCommaKeepsItsLayout() => Verify.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                [|response.Cookies.Append("cart", cartId, new CookieOptions
                {
                    // A week, then the cart is forgotten.
                    Expires = DateTimeOffset.UtcNow.AddDays(7),
                })|];
            }
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                response.Cookies.Append("cart", cartId, new CookieOptions
                {
                    // A week, then the cart is forgotten.
                    Expires = DateTimeOffset.UtcNow.AddDays(7),
                    Secure = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                });
            }
        }
        """);

    [Fact]
    public Task EmptyOptionsGetAnInitializer() => Verify.VerifyCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                [|response.Cookies.Append("a", cartId, new CookieOptions())|];
                [|response.Cookies.Append("b", cartId, new CookieOptions { })|];
                [|response.Cookies.Append("c", cartId, new())|];
            }
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                response.Cookies.Append("a", cartId, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                response.Cookies.Append("b", cartId, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                response.Cookies.Append("c", cartId, new() { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }
        }
        """);

    [Fact]
    public Task TypesWhoseNamespaceIsNotImportedAreWrittenQualified() => new CodeFixTest<CookieAppendedWithDefaultOptionsAnalyzer, CookieAppendedWithDefaultOptionsFixer>
    {
        ImplicitUsings = "global using System;",
        TestCode = """
            public class CartController
            {
                public void Remember(Microsoft.AspNetCore.Http.HttpResponse response, string cartId) => [|response.Cookies.Append("cart", cartId)|];
            }
            """,
        FixedCode = """
            public class CartController
            {
                public void Remember(Microsoft.AspNetCore.Http.HttpResponse response, string cartId) => response.Cookies.Append("cart", cartId, new Microsoft.AspNetCore.Http.CookieOptions { Secure = true, HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax });
            }
            """,
    }.RunAsync();

    [Fact]
    public Task FixAllGivesEveryCookieOptionsInTwoFiles() => new CodeFixTest<CookieAppendedWithDefaultOptionsAnalyzer, CookieAppendedWithDefaultOptionsFixer>
    {
        TestCode = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/cart/{id}", (string id, HttpContext context) => [|context.Response.Cookies.Append("cart", id)|]);
            app.MapPost("/seen", (HttpContext context) => [|context.Response.Cookies.Append("seen", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(1) })|]);
            app.Run();
            """,
        FixedCode = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/cart/{id}", (string id, HttpContext context) => context.Response.Cookies.Append("cart", id, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax }));
            app.MapPost("/seen", (HttpContext context) => context.Response.Cookies.Append("seen", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(1), Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax }));
            app.Run();
            """,
        Sources =
        {
            ("/0/Tokens.cs", """
                public static class Tokens
                {
                    public static void Issue(HttpResponse response, string token) => [|response.Cookies.Append("XSRF-TOKEN", token)|];
                }
                """),
        },
        FixedSources =
        {
            ("/0/Tokens.cs", """
                public static class Tokens
                {
                    public static void Issue(HttpResponse response, string token) => response.Cookies.Append("XSRF-TOKEN", token, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax });
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task HalfTypedCodeIsFixedWithoutAddingErrors() => Verify.VerifyBrokenCodeFixAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                var total = cartId.Lenght;
                [|response.Cookies.Append("cart", cartId)|];
            }
        }
        """, """
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                var total = cartId.Lenght;
                response.Cookies.Append("cart", cartId, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }
        }
        """);
}
