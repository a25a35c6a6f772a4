using ReadinessAnalyzers.CodeFixes.Cookies;
using ReadinessAnalyzers.Cookies;
using ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Cookies.SameSiteNoneWithoutSecureAnalyzer, ReadinessAnalyzers.CodeFixes.Cookies.SameSiteNoneWithoutSecureFixer>;

namespace ReadinessAnalyzers.Tests.Fixes;

public class SameSiteNoneWithoutSecureFixerTests
{
    [Fact]
    public Task CookieOptionsInitializerGetsSecureTrueBesideSameSiteNone() => Verify.VerifyCodeFixAsync("""
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
                => response.Cookies.Append("widget", id, new CookieOptions { HttpOnly = true, [|SameSite = SameSiteMode.None|] });
        }
        """, """
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
                => response.Cookies.Append("widget", id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.None, Secure = true });
        }
        """);

    [Fact]
    public Task AMultiLineInitializerKeepsOneSettingPerLineAndItsComments() => Verify.VerifyCodeFixAsync("""
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
            {
                response.Cookies.Append("widget", id, new CookieOptions
                {
                    HttpOnly = true,
                    // The widget is embedded in partner sites.
                    [|SameSite = SameSiteMode.None|], // cross-site
                    Expires = DateTimeOffset.UtcNow.AddHours(1)
                });
            }
        }
        """, """
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
            {
                response.Cookies.Append("widget", id, new CookieOptions
                {
                    HttpOnly = true,
                    // The widget is embedded in partner sites.
                    SameSite = SameSiteMode.None, // cross-site
                    Secure = true,
                    Expires = DateTimeOffset.UtcNow.AddHours(1)
                });
            }
        }
        """);

    [Fact]
    public Task TheLastMemberOfAMultiLineInitializerGetsSecureOnItsOwnLine() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie = new CookieBuilder
        {
            Name = "session",
            [|SameSite = SameSiteMode.None|]
        });
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie = new CookieBuilder
        {
            Name = "session",
            SameSite = SameSiteMode.None,
            SecurePolicy = CookieSecurePolicy.Always
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task ACookieBuilderStatementGetsSecurePolicyAlwaysAsTheNextStatement() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            [|o.Cookie.SameSite = SameSiteMode.None|]; // partner SSO
            o.Cookie.Name = "auth";
        });
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.None; // partner SSO
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.Name = "auth";
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task AnExpressionBodiedLambdaBecomesABlockWithBothSettings() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => [|o.Cookie.SameSite = SameSiteMode.None|]);
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => { o.Cookie.SameSite = SameSiteMode.None; o.Cookie.SecurePolicy = CookieSecurePolicy.Always; });
        builder.Build().Run();
        """);

    [Fact]
    public Task AnInsecureSecurePolicyOnTheSameCookieIsReplacedNotOverriddenByAnAddedOne() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            [|o.Cookie.SameSite = SameSiteMode.None|];
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.None;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task SecureFalseInTheLocalsInitializerBecomesTrue() => Verify.VerifyCodeFixAsync("""
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
            {
                var options = new CookieOptions { Secure = false };
                [|options.SameSite = SameSiteMode.None|];
                response.Cookies.Append("widget", id, options);
            }
        }
        """, """
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
            {
                var options = new CookieOptions { Secure = true };
                options.SameSite = SameSiteMode.None;
                response.Cookies.Append("widget", id, options);
            }
        }
        """);

    [Fact]
    public Task ADevelopmentOnlyInsecureSettingStaysAndProductionGetsTheSecureOne() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            [|o.Cookie.SameSite = SameSiteMode.None|];
            if (builder.Environment.IsDevelopment())
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
        });
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.None;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            if (builder.Environment.IsDevelopment())
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task ACookiePolicyGetsSecureAlwaysInItsInitializerAndInItsLambda() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            [|o.MinimumSameSitePolicy = SameSiteMode.None|];
        });
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { [|MinimumSameSitePolicy = SameSiteMode.None|], Secure = CookieSecurePolicy.SameAsRequest });
        app.Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.MinimumSameSitePolicy = SameSiteMode.None;
            o.Secure = CookieSecurePolicy.Always;
        });
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { MinimumSameSitePolicy = SameSiteMode.None, Secure = CookieSecurePolicy.Always });
        app.Run();
        """);

    [Fact]
    public Task TopLevelStatementsGetTheSettingAsTheNextStatement() => Verify.VerifyCodeFixAsync("""
        var options = new CookieOptions { HttpOnly = true };
        [|options.SameSite = SameSiteMode.None|];
        Console.WriteLine(options.SameSite);
        """, """
        var options = new CookieOptions { HttpOnly = true };
        options.SameSite = SameSiteMode.None;
        options.Secure = true;
        Console.WriteLine(options.SameSite);
        """);

    [Fact]
    public Task AnEnumWhoseNamespaceIsNotImportedIsWrittenQualified() => new CodeFixTest<SameSiteNoneWithoutSecureAnalyzer, SameSiteNoneWithoutSecureFixer>
    {
        ImplicitUsings = "global using System;",
        TestCode = """
            public static class CookieSetup
            {
                public static void Configure(Microsoft.AspNetCore.Http.CookieBuilder cookie)
                {
                    [|cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.None|];
                }
            }
            """,
        FixedCode = """
            public static class CookieSetup
            {
                public static void Configure(Microsoft.AspNetCore.Http.CookieBuilder cookie)
                {
                    cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.None;
                    cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task FixAllMakesEveryCookieSecureInTwoFiles() => new CodeFixTest<SameSiteNoneWithoutSecureAnalyzer, SameSiteNoneWithoutSecureFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => [|o.Cookie.SameSite = SameSiteMode.None|]);
            builder.Services.AddAntiforgery(o => { [|o.Cookie.SameSite = SameSiteMode.None|]; });
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => { o.Cookie.SameSite = SameSiteMode.None; o.Cookie.SecurePolicy = CookieSecurePolicy.Always; });
            builder.Services.AddAntiforgery(o => { o.Cookie.SameSite = SameSiteMode.None; o.Cookie.SecurePolicy = CookieSecurePolicy.Always; });
            builder.Build().Run();
            """,
        Sources =
        {
            ("/0/Widget.cs", """
                public static class Widget
                {
                    public static CookieOptions Options() => new() { [|SameSite = SameSiteMode.None|], HttpOnly = true };
                }
                """),
        },
        FixedSources =
        {
            ("/0/Widget.cs", """
                public static class Widget
                {
                    public static CookieOptions Options() => new() { SameSite = SameSiteMode.None, Secure = true, HttpOnly = true };
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task AnAssignmentNestedInAnotherExpressionOrAnUnbracedIfGetsNoFix() => Verify.VerifyNoCodeFixAsync("""
        public class WidgetController
        {
            public SameSiteMode Embed(CookieOptions options) => ([|options.SameSite = SameSiteMode.None|]);

            public void Share(CookieOptions options, bool partner)
            {
                if (partner) [|options.SameSite = SameSiteMode.None|];
            }
        }
        """);

    [Fact]
    public Task HalfTypedCodeIsFixedWithoutAddingErrors() => Verify.VerifyBrokenCodeFixAsync("""
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
                => response.Cookies.Append("widget", id, new CookieOptions { HttpOnly = tru, [|SameSite = SameSiteMode.None|] });
        }
        """, """
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
                => response.Cookies.Append("widget", id, new CookieOptions { HttpOnly = tru, SameSite = SameSiteMode.None, Secure = true });
        }
        """);
}
