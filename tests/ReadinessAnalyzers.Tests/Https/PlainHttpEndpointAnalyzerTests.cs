using ReadinessAnalyzers.Https;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Https.PlainHttpEndpointAnalyzer>;

namespace ReadinessAnalyzers.Tests.Https;

public class PlainHttpEndpointAnalyzerTests
{
    private static Task VerifyWithStubsAsync(string source, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verification.AnalyzerTest<PlainHttpEndpointAnalyzer> { TestCode = source };
        test.Sources.Add(("/0/Stubs.cs", AuthenticationStubs.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- authorities and metadata addresses ----

    [Fact]
    public Task PlainHttpAuthorityOnJwtBearerIsReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options => {|#0:options.Authority = "http://login.example.com/realms/shop"|});
        """,
        Verify.Diagnostic(RuleIds.PlainHttpEndpoint).WithLocation(0).WithMessageContaining("'Authority' uses plain HTTP for 'http://login.example.com/realms/shop'"));

    [Fact]
    public Task PlainHttpMetadataAddressOnOpenIdConnectIsReported() => VerifyWithStubsAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        var options = new OpenIdConnectOptions
        {
            {|#0:MetadataAddress = "HTTP://idp.internal:8080/.well-known/openid-configuration"|},
        };
        """,
        Verify.Diagnostic(RuleIds.PlainHttpEndpoint).WithLocation(0).WithMessageContaining("'MetadataAddress'"));

    [Fact]
    public Task ConstantFieldIsReported() => VerifyWithStubsAsync("""
        public static class Identity
        {
            private const string Authority = "http://10.0.0.12/auth";

            public static void Add(IServiceCollection services) =>
                services.AddAuthentication().AddJwtBearer(options => [|options.Authority = Authority|]);
        }
        """);

    [Fact]
    public Task HttpsAndLoopbackAuthoritiesAreNotReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication()
            .AddJwtBearer(options => options.Authority = "https://login.example.com")
            .AddOpenIdConnect(options =>
            {
                options.Authority = "http://localhost:8080/realms/dev";
                options.MetadataAddress = "http://127.0.0.1:8080/.well-known/openid-configuration";
            });
        var other = new Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions { Authority = "http://[::1]:5001", MetadataAddress = "http://keycloak.localhost/realms/x" };
        """);

    [Fact]
    public Task AuthorityFromConfigurationIsNotReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options => options.Authority = builder.Configuration["Auth:Authority"]);
        """);

    [Fact]
    public Task AuthorityInsideIsDevelopmentIsNotReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            if (builder.Environment.IsDevelopment())
            {
                options.Authority = "http://keycloak:8080/realms/dev";
            }
        });
        """);

    [Fact]
    public Task UserTypeWithAnAuthorityPropertyIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class ServiceSettings { public string? Authority { get; set; } }

        public static class Setup
        {
            public static ServiceSettings Create() => new ServiceSettings { Authority = "http://partner.example.com" };
        }
        """);

    // ---- CORS origins ----

    [Fact]
    public Task PlainHttpOriginInWithOriginsIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("web", policy =>
            policy.WithOrigins("https://shop.example.com", {|#0:"http://shop.example.com"|}).AllowAnyHeader()));
        """,
        Verify.Diagnostic(RuleIds.PlainHttpEndpoint).WithLocation(0).WithMessageContaining("'WithOrigins' uses plain HTTP for 'http://shop.example.com'"));

    [Fact]
    public Task PlainHttpOriginInArrayAndCollectionExpressionIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
        {
            options.AddPolicy("a", policy => policy.WithOrigins(new[] { [|"http://admin.example.com"|] }));
            options.AddPolicy("b", policy => policy.WithOrigins([[|"http://partner.example.org:8080"|], "http://localhost:5173"]));
            options.AddPolicy("c", new CorsPolicyBuilder([|"http://legacy.example.net"|]).Build());
        });
        """);

    [Fact]
    public Task PlainHttpOriginAddedToCorsPolicyIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var policy = new CorsPolicy { Origins = { [|"http://a.example.com"|] } };
        policy.Origins.Add([|"http://b.example.com"|]);
        """);

    [Fact]
    public Task HttpsAndLoopbackOriginsAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("web", policy => policy.WithOrigins(
            "https://shop.example.com", "http://localhost:4200", "http://127.0.0.1:5173", "http://127.10.0.1", "http://[::1]:3000")));
        """);

    [Fact]
    public Task LookAlikeHostsAreReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("web", policy => policy.WithOrigins(
            [|"http://localhost.example.com"|], [|"http://127.0.0.1.example.com"|], [|"http://user@evil.example"|])));
        """);

    [Fact]
    public Task OriginInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var devOrigins = builder.Environment.IsDevelopment();
        builder.Services.AddCors(options =>
        {
            if (builder.Environment.IsDevelopment())
            {
                options.AddPolicy("web", policy => policy.WithOrigins("http://dev-box.example.com"));
            }
        });
        """);

    [Fact]
    public Task UserWithOriginsMethodIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Allowlist
        {
            public Allowlist WithOrigins(params string[] origins) => this;
        }

        public static class Setup
        {
            public static Allowlist Create() => new Allowlist().WithOrigins("http://partner.example.com");
        }
        """);

    // ---- broken code ----

    [Fact]
    public Task HalfTypedWithOriginsDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("web", policy => policy.WithOrigins("http://a.example.com",
        """);

    [Fact]
    public Task UnrestoredAuthenticationPackageDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options => options.Authority = "http://login.example.com");
        """);
}
