using ReadinessAnalyzers.Cookies;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cookies.CookieWithoutHttpOnlyAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cookies;

public class CookieWithoutHttpOnlyAnalyzerTests
{
    [Fact]
    public Task HttpOnlyFalseInCookieOptionsInitializerIsReported() => Verify.VerifyAnalyzerAsync("""
        public class AccountController
        {
            public void SignIn(HttpResponse response, string session)
                => response.Cookies.Append("session", session, new CookieOptions { Secure = true, {|#0:HttpOnly = false|} });
        }
        """,
        Verify.Diagnostic(RuleIds.CookieWithoutHttpOnly).WithLocation(0)
            .WithMessageContaining("'CookieOptions.HttpOnly = false' lets scripts read the cookie 'session'"));

    [Fact]
    public Task HttpOnlyFalseOnAuthenticationAndSessionCookieBuildersIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            {|#0:o.Cookie.HttpOnly = false|};
        });
        builder.Services.AddSession(o => [|o.Cookie.HttpOnly = false|]);
        builder.Services.ConfigureApplicationCookie(o => [|o.Cookie.HttpOnly = false|]);
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.CookieWithoutHttpOnly).WithLocation(0).WithMessageContaining("the cookie of 'AddCookie'"));

    [Fact]
    public Task HttpOnlyPolicyNoneIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.CookiePolicy;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o => [|o.HttpOnly = HttpOnlyPolicy.None|]);
        var app = builder.Build();
        app.UseCookiePolicy();
        app.Run();
        """);

    [Fact]
    public Task XsrfTokenThatIsNotSecureIsNotReportedHereItsSecureIsRdy3001sConcern() => Verify.VerifyAnalyzerAsync("""
        public class XsrfController
        {
            public void Issue(HttpResponse response, string token)
                => response.Cookies.Append("XSRF-TOKEN", token, new CookieOptions { HttpOnly = false });
        }
        """);

    [Fact]
    public Task SessionCookieNamedLikeATokenButNotInTheListIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o =>
        {
            o.Cookie.Name = "session-token";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            [|o.Cookie.HttpOnly = false|];
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task SecureXsrfTokenAppendedWithInlineOptionsIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class XsrfController
        {
            public void Issue(HttpResponse response, string token)
                => response.Cookies.Append("XSRF-TOKEN", token, new CookieOptions { HttpOnly = false, Secure = true, SameSite = SameSiteMode.Strict });
        }
        """);

    [Fact]
    public Task SecureXsrfTokenAppendedWithALocalOptionsObjectIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.Use(async (context, next) =>
        {
            var options = new CookieOptions { Secure = true };
            options.HttpOnly = false;
            context.Response.Cookies.Append("XSRF-TOKEN", "token", options);
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task SecureCookieBuilderNamedCsrfTokenIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie = new CookieBuilder
        {
            Name = "CSRF-TOKEN",
            SecurePolicy = CookieSecurePolicy.Always,
            HttpOnly = false,
        });
        builder.Build().Run();
        """);

    [Fact]
    public async Task ScriptReadableNamesCanBeAddedInEditorConfig()
    {
        const string Code = """
            public class XsrfController
            {
                public void Issue(HttpResponse response, string token)
                    => response.Cookies.Append("my-xsrf", token, new CookieOptions { Secure = true, HttpOnly = false });
            }
            """;
        await new Verification.AnalyzerTest<CookieWithoutHttpOnlyAnalyzer>
        {
            TestCode = Code,
            EditorConfig = "RDY3002.script_readable_cookies = my-xsrf, other",
        }.RunAsync();

        var withoutOption = new Verification.AnalyzerTest<CookieWithoutHttpOnlyAnalyzer> { TestCode = Code };
        Assert.Single(await withoutOption.GetDiagnosticsAsync());
    }

    [Fact]
    public Task HttpOnlyTrueAndHttpOnlyPolicyAlwaysAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.CookiePolicy;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie.HttpOnly = true);
        builder.Services.Configure<CookiePolicyOptions>(o => o.HttpOnly = HttpOnlyPolicy.Always);
        builder.Build().Run();
        """);

    [Fact]
    public Task LookAlikeHttpOnlyPropertyIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class CookieSettings { public bool HttpOnly { get; set; } }
        public static class Setup { public static CookieSettings Create() => new CookieSettings { HttpOnly = false }; }
        """);

    [Fact]
    public Task HttpOnlyFalseInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (!builder.Environment.IsProduction())
        {
            builder.Services.AddSession(o => o.Cookie.HttpOnly = true);
        }
        else
        {
            builder.Services.AddSession(o => o.Cookie.HttpOnly = true);
        }
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.ConfigureApplicationCookie(o => o.Cookie.HttpOnly = false);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie.HttpOnly = );
        builder.Services.AddAntiforgery(o => [|o.Cookie.HttpOnly = false|]);
        HttpContext ctx = null!;
        ctx.Response.Cookies.Append(missingKey, "v", new CookieOptions { {|#0:HttpOnly = false|}, Secure = true, Unknown = 1 });
        var options = new CookieOptions { [|HttpOnly = false|], Secure = true;
        """,
        Verify.Diagnostic(RuleIds.CookieWithoutHttpOnly).WithLocation(0));
}
