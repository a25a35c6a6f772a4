using ReadinessAnalyzers.Auth;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Auth.TokenValidationDisabledAnalyzer>;

namespace ReadinessAnalyzers.Tests.Auth;

public class TokenValidationDisabledAnalyzerTests
{
    [Fact]
    public Task EveryFlagSetToFalseInAnInitializerIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            {|#0:ValidateIssuer = false|},
            [|ValidateAudience = false|],
            [|ValidateLifetime = false|],
            [|ValidateIssuerSigningKey = false|],
            [|RequireSignedTokens = false|],
            [|RequireExpirationTime = false|],
            [|RequireAudience = false|],
        };
        """,
        Verify.Diagnostic(RuleIds.TokenValidationDisabled).WithLocation(0).WithMessageContaining("'ValidateIssuer = false'").WithMessageContaining("any identity provider"));

    [Fact]
    public Task PropertyAssignmentOnJwtBearerOptionsIsReported()
    {
        var test = new Verification.AnalyzerTest<TokenValidationDisabledAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthentication().AddJwtBearer(options =>
                {
                    options.Authority = "https://login.example.com";
                    {|#0:options.TokenValidationParameters.ValidateAudience = false|};
                });
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", Https.AuthenticationStubs.Source));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.TokenValidationDisabled).WithLocation(0).WithMessageContaining("for any other application"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConstantFalseThroughAConstIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            private const bool CheckLifetime = false;

            public static TokenValidationParameters Create() => new() { [|ValidateLifetime = CheckLifetime|] };
        }
        """);

    [Fact]
    public Task ElseBranchOfIsDevelopmentIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var parameters = new TokenValidationParameters();
        if (builder.Environment.IsDevelopment())
        {
            parameters.ValidateIssuer = true;
        }
        else
        {
            [|parameters.ValidateIssuer = false|];
        }
        """);

    // ---- not reported ----

    [Fact]
    public Task FlagsSetToTrueAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = "https://login.example.com",
            ValidateAudience = true,
            ValidAudience = "orders-api",
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        };
        """);

    [Fact]
    public Task OtherFlagsSetToFalseAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters { SaveSigninToken = false, ValidateActor = false, ValidateTokenReplay = false, TryAllIssuerSigningKeys = false };
        """);

    [Fact]
    public Task ValueFromConfigurationIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var parameters = new TokenValidationParameters { ValidateAudience = builder.Configuration.GetValue<bool>("Auth:ValidateAudience") };
        """);

    [Fact]
    public Task InsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var parameters = new TokenValidationParameters();
        if (builder.Environment.IsDevelopment())
        {
            parameters.ValidateLifetime = false;
        }
        """);

    [Fact]
    public Task UserTypeWithTheSameFlagsIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class ValidationSettings
        {
            public bool ValidateIssuer { get; set; }
            public bool ValidateLifetime { get; set; }
        }

        public static class Setup
        {
            public static ValidationSettings Create() => new() { ValidateIssuer = false, ValidateLifetime = false };
        }
        """);

    [Fact]
    public Task TestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<TokenValidationDisabledAnalyzer>
        {
            TestCode = """
                using Microsoft.IdentityModel.Tokens;

                var parameters = new TokenValidationParameters { ValidateLifetime = false };
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    // ---- broken code ----

    [Fact]
    public Task HalfTypedInitializerDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters { ValidateIssuer = , ValidateAudience
        """);

    [Fact]
    public Task UnresolvedTypeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var parameters = new MissingValidationParameters { ValidateIssuer = false };
        parameters.ValidateLifetime = false;
        """);

    [Fact]
    public Task WithoutPackageReferencesTheExactTypeAndPropertyNamesAreReported()
    {
        // An unrestored checkout: neither JwtBearer nor Microsoft.IdentityModel.Tokens resolves.
        var test = new Verification.AnalyzerTest<TokenValidationDisabledAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                using Microsoft.IdentityModel.Tokens;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthentication().AddJwtBearer(options =>
                {
                    options.TokenValidationParameters = new TokenValidationParameters
                    {
                        {|#0:ValidateIssuer = false|},
                        ValidateAudience = true,
                    };
                    {|#1:options.TokenValidationParameters.ValidateLifetime = false|};
                });
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.TokenValidationDisabled).WithLocation(0).WithMessageContaining("'ValidateIssuer = false'"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.TokenValidationDisabled).WithLocation(1).WithMessageContaining("expired tokens"));
        return test.RunAsync();
    }

    [Fact]
    public Task WithoutPackageReferencesTheSameFlagOnAnotherTypeIsNotReported()
    {
        var test = new Verification.AnalyzerTest<TokenValidationDisabledAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var rules = new ImportRules { ValidateIssuer = false };
                var settings = new FeedSettings();
                settings.Parsing.ValidateLifetime = false;
                var other = new TokenValidationParameters { ValidateIssuer = true, ValidateAudience = false && Flags.Any };
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task WithoutPackageReferencesInsideIsDevelopmentIsNotReported()
    {
        var test = new Verification.AnalyzerTest<TokenValidationDisabledAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                if (builder.Environment.IsDevelopment())
                {
                    var parameters = new TokenValidationParameters { ValidateIssuer = false };
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task ADPoPProofValidatorSwitchesOffIssuerAudienceAndLifetimeBySpecification() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        public sealed class DPoPProofChecker
        {
            public TokenValidationParameters ForProof(SecurityKey proofKey) => new()
            {
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = false,
                IssuerSigningKey = proofKey,
                [|ValidateIssuerSigningKey = false|],
            };
        }

        public sealed class OrdersApiTokens
        {
            public TokenValidationParameters ForAccessTokens() => new() { [|ValidateAudience = false|] };
        }
        """);
}
