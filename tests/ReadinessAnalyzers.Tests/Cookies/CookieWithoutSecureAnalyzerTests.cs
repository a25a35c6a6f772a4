using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cookies.CookieWithoutSecureAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cookies;

public class CookieWithoutSecureAnalyzerTests
{
    [Fact]
    public Task SecureFalseInCookieOptionsInitializerIsReported() => Verify.VerifyAnalyzerAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
                => response.Cookies.Append("cart", cartId, new CookieOptions { HttpOnly = true, [|Secure = false|] });
        }
        """);

    [Fact]
    public Task SecureFalseAssignedToALocalOptionsObjectIsReported() => Verify.VerifyAnalyzerAsync("""
        public class CartController
        {
            public void Remember(HttpResponse response, string cartId)
            {
                var options = new CookieOptions();
                [|options.Secure = false|];
                response.Cookies.Append("cart", cartId, options);
            }
        }
        """);

    [Fact]
    public Task SameAsRequestOnTheAuthenticationCookieIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.Cookies;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => { o.LoginPath = "/login"; {|#0:o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|}; });
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.CookieWithoutSecure).WithLocation(0)
            .WithMessageContaining("'SecurePolicy = CookieSecurePolicy.SameAsRequest' lets the cookie of 'AddCookie' travel over plain HTTP"));

    [Fact]
    public Task SecurePolicyNoneOnSessionAntiforgeryTempDataAndIdentityCookiesIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.None|]);
        builder.Services.AddAntiforgery(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.None|]);
        builder.Services.AddControllersWithViews().AddCookieTempDataProvider(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|]);
        builder.Services.ConfigureApplicationCookie(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.None|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task SecurePolicyInACookieBuilderInitializerIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie = new CookieBuilder { Name = ".Orders.Session", [|SecurePolicy = CookieSecurePolicy.None|] });
        builder.Build().Run();
        """);

    [Fact]
    public Task CookiePolicyOptionsWithoutSecureIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o => {|#0:o.Secure = CookieSecurePolicy.SameAsRequest|});
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { [|Secure = CookieSecurePolicy.None|] });
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.CookieWithoutSecure).WithLocation(0).WithMessageContaining("set Secure = CookieSecurePolicy.Always"));

    [Fact]
    public Task InsecureArmOfAConditionalOutsideDevelopmentIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var behindProxy = builder.Configuration.GetValue<bool>("BehindProxy");
        builder.Services.AddSession(o => [|o.Cookie.SecurePolicy = behindProxy ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task SecureTrueAndSecurePolicyAlwaysAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        var app = builder.Build();
        app.MapGet("/", (HttpResponse r) => r.Cookies.Append("k", "v", new CookieOptions { Secure = true, HttpOnly = true }));
        app.Run();
        """);

    [Fact]
    public Task NonConstantSecureIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", (HttpContext c) => c.Response.Cookies.Append("k", "v", new CookieOptions { Secure = c.Request.IsHttps, HttpOnly = true }));
        app.Run();
        """);

    [Fact]
    public Task LookAlikeSecurePropertyOnAnotherTypeIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class MyCookieSettings
        {
            public bool Secure { get; set; }
            public CookieSecurePolicy SecurePolicy { get; set; }
        }

        public static class Setup
        {
            public static MyCookieSettings Create() => new MyCookieSettings { Secure = false, SecurePolicy = CookieSecurePolicy.None };
        }
        """);

    [Fact]
    public Task SecurePolicyInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task DevelopmentArmOfAConditionalIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie.SecurePolicy = builder.Environment.IsDevelopment()
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always);
        builder.Build().Run();
        """);

    [Fact]
    public Task SecureFalseInConfigureDevelopmentServicesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureDevelopmentServices(IServiceCollection services)
                => services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.None);
        }
        """);

    [Fact]
    public Task HalfTypedAssignmentDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession(o => o.Cookie.SecurePolicy = );
        var options = new CookieOptions { Secure = , HttpOnly };
        options.Secure = missing;
        new UnknownOptions { Secure = false };
        builder.Services.AddSession(o => o.Cookie.
        """);
}
