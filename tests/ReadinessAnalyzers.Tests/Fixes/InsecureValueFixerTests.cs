using ReadinessAnalyzers.Auth;
using ReadinessAnalyzers.CodeFixes;
using ReadinessAnalyzers.Cookies;
using ReadinessAnalyzers.Https;
using ReadinessAnalyzers.Tests.Https;
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

    // ---- validation flags (RDY7001, RDY6002): set to true, never removed ----

    [Fact]
    public Task EveryTokenValidationFlagSetToFalseBecomesTrueIncludingThoseWhoseDefaultIsFalse() => new CodeFixTest<TokenValidationDisabledAnalyzer, InsecureValueFixer>
    {
        TestCode = """
            using Microsoft.IdentityModel.Tokens;

            var parameters = new TokenValidationParameters
            {
                [|ValidateIssuer = false|], // the tenant is checked elsewhere
                [|ValidateAudience = false|],
                [|ValidateLifetime = false|],
                [|ValidateIssuerSigningKey = false|],
                [|RequireSignedTokens = false|],
                [|RequireExpirationTime = false|],
                [|RequireAudience = false|],
            };
            """,
        FixedCode = """
            using Microsoft.IdentityModel.Tokens;

            var parameters = new TokenValidationParameters
            {
                ValidateIssuer = true, // the tenant is checked elsewhere
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                RequireAudience = true,
            };
            """,
        FixAllInOnePass = true,
    }.RunAsync();

    [Fact]
    public Task TokenValidationFlagsOnBearerOptionsBecomeTrueAcrossFilesWithFixAll() => new CodeFixTest<TokenValidationDisabledAnalyzer, InsecureValueFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
                [|options.TokenValidationParameters.ValidateAudience = false|];
            });
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
                options.TokenValidationParameters.ValidateAudience = true;
            });
            builder.Build().Run();
            """,
        Sources =
        {
            ("/0/Stubs.cs", AuthenticationStubs.Source),
            ("/0/Tokens.cs", """
                using Microsoft.IdentityModel.Tokens;

                public static class Tokens
                {
                    private const bool CheckLifetime = false;

                    public static TokenValidationParameters Create() => new() { [|ValidateLifetime = CheckLifetime|] };

                    public static void Relax(TokenValidationParameters parameters) => [|parameters.ValidateIssuer = false|];
                }
                """),
        },
        FixAllInOnePass = true,
        FixedSources =
        {
            ("/0/Stubs.cs", AuthenticationStubs.Source),
            ("/0/Tokens.cs", """
                using Microsoft.IdentityModel.Tokens;

                public static class Tokens
                {
                    private const bool CheckLifetime = false;

                    public static TokenValidationParameters Create() => new() { ValidateLifetime = true };

                    public static void Relax(TokenValidationParameters parameters) => parameters.ValidateIssuer = true;
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task TheDevelopmentBranchIsLeftAsItIs() => CSharpCodeFixVerifier<TokenValidationDisabledAnalyzer, InsecureValueFixer>.VerifyCodeFixAsync("""
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var parameters = new TokenValidationParameters();
        if (builder.Environment.IsDevelopment())
        {
            parameters.ValidateLifetime = false;
        }
        else
        {
            [|parameters.ValidateLifetime = false|];
        }
        """, """
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var parameters = new TokenValidationParameters();
        if (builder.Environment.IsDevelopment())
        {
            parameters.ValidateLifetime = false;
        }
        else
        {
            parameters.ValidateLifetime = true;
        }
        """);

    [Fact]
    public Task HalfTypedTokenValidationParametersAreFixedWithoutAddingErrors() => CSharpCodeFixVerifier<TokenValidationDisabledAnalyzer, InsecureValueFixer>.VerifyBrokenCodeFixAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration["Auth:Issuer"],
            [|ValidateAudience = false|],
            ValidateLifetime =
        };
        """, """
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration["Auth:Issuer"],
            ValidateAudience = true,
            ValidateLifetime =
        };
        """);

    [Fact]
    public Task RequireHttpsMetadataFalseBecomesTrueOnJwtBearerAndOpenIdConnect() => new CodeFixTest<RequireHttpsMetadataDisabledAnalyzer, InsecureValueFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication()
                .AddJwtBearer(options =>
                {
                    options.Authority = "https://login.example.com";
                    [|options.RequireHttpsMetadata = false|];
                })
                .AddOpenIdConnect(options => [|options.RequireHttpsMetadata = false|]);
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication()
                .AddJwtBearer(options =>
                {
                    options.Authority = "https://login.example.com";
                    options.RequireHttpsMetadata = true;
                })
                .AddOpenIdConnect(options => options.RequireHttpsMetadata = true);
            builder.Build().Run();
            """,
        Sources = { ("/0/Stubs.cs", AuthenticationStubs.Source) },
        FixedSources = { ("/0/Stubs.cs", AuthenticationStubs.Source) },
    }.RunAsync();

    [Fact]
    public Task RequireHttpsMetadataInAnInitializerBecomesTrue() => new CodeFixTest<RequireHttpsMetadataDisabledAnalyzer, InsecureValueFixer>
    {
        TestCode = """
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            var options = new JwtBearerOptions { Authority = "https://login.example.com", [|RequireHttpsMetadata = false|] };
            """,
        FixedCode = """
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            var options = new JwtBearerOptions { Authority = "https://login.example.com", RequireHttpsMetadata = true };
            """,
        Sources = { ("/0/Stubs.cs", AuthenticationStubs.Source) },
        FixedSources = { ("/0/Stubs.cs", AuthenticationStubs.Source) },
    }.RunAsync();

    [Fact]
    public Task RequireHttpsMetadataOfAnUnrestoredPackageIsStillFixed() => CSharpCodeFixVerifier<RequireHttpsMetadataDisabledAnalyzer, InsecureValueFixer>.VerifyBrokenCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            options.Authority = builder.Configuration["Auth:Authority"];
            [|options.RequireHttpsMetadata = false|];
        });
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            options.Authority = builder.Configuration["Auth:Authority"];
            options.RequireHttpsMetadata = true;
        });
        """);
}
