using ReadinessAnalyzers.Https;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Https.RequireHttpsMetadataDisabledAnalyzer>;

namespace ReadinessAnalyzers.Tests.Https;

public class RequireHttpsMetadataDisabledAnalyzerTests
{
    private static Task VerifyWithStubsAsync(string source, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verification.AnalyzerTest<RequireHttpsMetadataDisabledAnalyzer> { TestCode = source };
        test.Sources.Add(("/0/Stubs.cs", AuthenticationStubs.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task JwtBearerRequireHttpsMetadataFalseIsReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            options.Authority = "https://login.example.com";
            {|#0:options.RequireHttpsMetadata = false|};
        });
        """,
        Verify.Diagnostic(RuleIds.RequireHttpsMetadataDisabled).WithLocation(0).WithMessageContaining("on JwtBearerOptions"));

    [Fact]
    public Task OpenIdConnectRequireHttpsMetadataFalseIsReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddOpenIdConnect(options => {|#0:options.RequireHttpsMetadata = false|});
        """,
        Verify.Diagnostic(RuleIds.RequireHttpsMetadataDisabled).WithLocation(0).WithMessageContaining("on OpenIdConnectOptions"));

    [Fact]
    public Task ObjectInitializerIsReported() => VerifyWithStubsAsync("""
        using Microsoft.AspNetCore.Authentication.JwtBearer;

        var options = new JwtBearerOptions { [|RequireHttpsMetadata = false|] };
        """);

    [Fact]
    public Task ConfigureOfOptionsInStartupIsReported() => VerifyWithStubsAsync("""
        using Microsoft.AspNetCore.Authentication.JwtBearer;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<JwtBearerOptions>("Bearer", options => [|options.RequireHttpsMetadata = false|]);
            }
        }
        """);

    [Fact]
    public Task GuardThatAlsoAdmitsStagingIsNotADevelopmentGuard() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            if (builder.Environment.IsDevelopment() || builder.Environment.IsStaging())
            {
                [|options.RequireHttpsMetadata = false|];
            }
        });
        """);

    // ---- not reported ----

    [Fact]
    public Task RequireHttpsMetadataTrueIsNotReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options => options.RequireHttpsMetadata = true);
        """);

    [Fact]
    public Task EnvironmentDependentValueIsNotReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options => options.RequireHttpsMetadata = !builder.Environment.IsDevelopment());
        """);

    [Fact]
    public Task InsideIsDevelopmentIsNotReported() => VerifyWithStubsAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            if (builder.Environment.IsDevelopment())
            {
                options.RequireHttpsMetadata = false;
            }
        });
        """);

    [Fact]
    public Task UserOptionsWithTheSamePropertyAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public class IdentityProviderSettings
        {
            public bool RequireHttpsMetadata { get; set; }
        }

        public static class Setup
        {
            public static IdentityProviderSettings Create() => new IdentityProviderSettings { RequireHttpsMetadata = false };
        }
        """);

    [Fact]
    public Task TestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<RequireHttpsMetadataDisabledAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthentication().AddJwtBearer(options => options.RequireHttpsMetadata = false);
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", AuthenticationStubs.Source));
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    // ---- package not restored / broken code ----

    [Fact]
    public Task UnrestoredPackageIsReportedByTheExactPropertyName() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            [|options.RequireHttpsMetadata = false|];
        });
        """);

    [Fact]
    public Task UnrestoredPackageWithAnotherPropertyIsNotReported() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            options.RequireHttps = false;
            options.SaveToken = false;
        });
        """);

    [Fact]
    public Task HalfTypedAssignmentDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(options => { options.RequireHttpsMetadata = ; });
        """);

    [Fact]
    public Task WithoutPackageReferencesThePropertyNameIsReported()
    {
        var test = new Verification.AnalyzerTest<RequireHttpsMetadataDisabledAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthentication().AddOpenIdConnect(options =>
                {
                    options.Authority = "https://login.example.com";
                    {|#0:options.RequireHttpsMetadata = false|};
                });
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.RequireHttpsMetadataDisabled).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task AnIdentityServerHandlerThatDoesNotResolveIsReportedByName()
    {
        var test = new Verification.AnalyzerTest<RequireHttpsMetadataDisabledAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            ImplicitUsings = "global using System;",
            TestCode = """
                public static class IdentitySetup
                {
                    public static void AddApiAuthentication(this IServiceCollection services)
                    {
                        services.AddAuthentication("Bearer").AddIdentityServerAuthentication("Bearer", x =>
                        {
                            x.ApiName = "orders";
                            {|#0:x.RequireHttpsMetadata = false|};
                        });
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.RequireHttpsMetadataDisabled).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task ABearerThatValidatesWithItsOwnKeyAndFetchesNoMetadataIsNotReported()
    {
        var test = new Verification.AnalyzerTest<RequireHttpsMetadataDisabledAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var signingKey = new byte[32];
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthentication().AddJwtBearer(options =>
                {
                    options.RequireHttpsMetadata = false;
                    options.TokenValidationParameters = new TokenValidationParameters
                    {
                        IssuerSigningKey = new SymmetricSecurityKey(signingKey),
                        ValidateIssuerSigningKey = true,
                    };
                });
                builder.Services.AddAuthentication().AddJwtBearer("remote", options =>
                {
                    options.Authority = "https://login.example.com";
                    {|#0:options.RequireHttpsMetadata = false|};
                    options.TokenValidationParameters = new TokenValidationParameters { IssuerSigningKey = new SymmetricSecurityKey(signingKey) };
                });
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.RequireHttpsMetadataDisabled).WithLocation(0));
        return test.RunAsync();
    }
}
