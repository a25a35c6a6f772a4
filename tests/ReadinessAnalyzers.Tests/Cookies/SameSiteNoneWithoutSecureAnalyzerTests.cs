using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cookies.SameSiteNoneWithoutSecureAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cookies;

public class SameSiteNoneWithoutSecureAnalyzerTests
{
    [Fact]
    public Task SameSiteNoneInCookieOptionsWithoutSecureIsReported() => Verify.VerifyAnalyzerAsync("""
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
                => response.Cookies.Append("widget", id, new CookieOptions { HttpOnly = true, {|#0:SameSite = SameSiteMode.None|} });
        }
        """,
        Verify.Diagnostic(RuleIds.SameSiteNoneWithoutSecure).WithLocation(0)
            .WithMessageContaining("'CookieOptions.SameSite = SameSiteMode.None' sends the cookie on cross-site requests"));

    [Fact]
    public Task SameSiteNoneWithSecureFalseIsReported() => Verify.VerifyAnalyzerAsync("""
        public class WidgetController
        {
            public void Embed(HttpResponse response, string id)
            {
                var options = new CookieOptions { Secure = false };
                [|options.SameSite = SameSiteMode.None|];
                response.Cookies.Append("widget", id, options);
            }
        }
        """);

    [Fact]
    public Task SameSiteNoneOnACookieBuilderWithoutSecurePolicyAlwaysIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            {|#0:o.Cookie.SameSite = SameSiteMode.None|};
        });
        builder.Services.AddSession(o => [|o.Cookie.SameSite = SameSiteMode.None|]);
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.SameSiteNoneWithoutSecure).WithLocation(0)
            .WithMessageContaining("the cookie of 'AddCookie'").WithMessageContaining("set SecurePolicy = CookieSecurePolicy.Always"));

    [Fact]
    public Task MinimumSameSitePolicyNoneWithoutSecureAlwaysIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o => [|o.MinimumSameSitePolicy = SameSiteMode.None|]);
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { [|MinimumSameSitePolicy = SameSiteMode.None|], Secure = CookieSecurePolicy.SameAsRequest });
        app.Run();
        """);

    [Fact]
    public Task SecureSameSiteNoneCookiesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.None;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });
        builder.Services.AddSession(o => o.Cookie = new CookieBuilder { SameSite = SameSiteMode.None, SecurePolicy = CookieSecurePolicy.Always });
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.MinimumSameSitePolicy = SameSiteMode.None;
            o.Secure = CookieSecurePolicy.Always;
        });
        var app = builder.Build();
        app.MapGet("/", (HttpResponse r) =>
        {
            var options = new CookieOptions { SameSite = SameSiteMode.None, HttpOnly = true };
            options.Secure = true;
            r.Cookies.Append("widget", "1", options);
        });
        app.Run();
        """);

    [Fact]
    public Task SecureOnAnotherObjectDoesNotCount() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => [|o.Cookie.SameSite = SameSiteMode.None|]);
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        builder.Build().Run();
        """);

    [Fact]
    public Task LaxStrictAndLookAlikesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public class MySettings { public SameSiteMode SameSite { get; set; } }
        public static class Setup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddSession(o => o.Cookie.SameSite = SameSiteMode.Lax);
                services.AddAntiforgery(o => o.Cookie.SameSite = SameSiteMode.Strict);
                _ = new MySettings { SameSite = SameSiteMode.None };
            }
        }
        """);

    [Fact]
    public Task SameSiteNoneInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsEnvironment("Development"))
        {
            builder.Services.AddSession(o => o.Cookie.SameSite = SameSiteMode.None);
        }
        builder.Services.AddAntiforgery(o => o.Cookie.SameSite = builder.Environment.IsDevelopment() ? SameSiteMode.None : SameSiteMode.Strict);
        builder.Build().Run();
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie.SameSite = SameSiteMode.);
        builder.Services.AddAntiforgery(o => { [|o.Cookie.SameSite = SameSiteMode.None|]; o.Cookie.SecurePolicy = ; });
        var options = new CookieOptions { SameSite = , Secure = maybe };
        """);
}
