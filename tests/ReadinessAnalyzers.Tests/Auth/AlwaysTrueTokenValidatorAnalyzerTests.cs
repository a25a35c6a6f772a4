using ReadinessAnalyzers.Auth;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Auth.AlwaysTrueTokenValidatorAnalyzer>;

namespace ReadinessAnalyzers.Tests.Auth;

public class AlwaysTrueTokenValidatorAnalyzerTests
{
    /// <summary>Microsoft.IdentityModel.JsonWebTokens is not referenced by the tests: its token type, real namespace and names.</summary>
    private const string JsonWebTokenStub = """
        namespace Microsoft.IdentityModel.JsonWebTokens
        {
            public class JsonWebToken : Microsoft.IdentityModel.Tokens.SecurityToken
            {
                public JsonWebToken(string token) { }
                public override string Id => "";
                public override string Issuer => "";
                public override Microsoft.IdentityModel.Tokens.SecurityKey? SecurityKey => null;
                public override Microsoft.IdentityModel.Tokens.SecurityKey? SigningKey { get; set; }
                public override DateTime ValidFrom => default;
                public override DateTime ValidTo => default;
            }

            public class JsonWebTokenHandler
            {
                public JsonWebToken ReadJsonWebToken(string token) => new JsonWebToken(token);
                public bool CanReadToken(string token) => true;
            }
        }
        """;

    private static Task VerifyWithTokenStubAsync(string source, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verification.AnalyzerTest<AlwaysTrueTokenValidatorAnalyzer> { TestCode = source };
        test.Sources.Add(("/0/Stubs.cs", JsonWebTokenStub));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task LifetimeValidatorReturningTrueIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            {|#0:LifetimeValidator = (notBefore, expires, token, validationParameters) => true|},
        };
        """,
        Verify.Diagnostic(RuleIds.AlwaysTrueTokenValidator).WithLocation(0).WithMessageContaining("'LifetimeValidator'").WithMessageContaining("expired tokens"));

    [Fact]
    public Task AudienceAndSigningKeyValidatorsReturningTrueAreReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters();
        [|parameters.AudienceValidator = delegate { return true; }|];
        [|parameters.IssuerSigningKeyValidator = (key, token, p) => { return true; }|];
        """);

    [Fact]
    public Task IssuerValidatorReturningItsInputIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            [|IssuerValidator = (issuer, token, p) => issuer|],
        };
        """);

    [Fact]
    public Task IssuerValidatorReturningAConstantIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters { [|IssuerValidator = (issuer, token, p) => "https://login.example.com"|] };
        """);

    [Fact]
    public Task SignatureValidatorBuildingTheTokenIsReported() => VerifyWithTokenStubAsync("""
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            {|#0:SignatureValidator = delegate (string token, TokenValidationParameters p)
            {
                var jwt = new JsonWebToken(token);
                return jwt;
            }|},
        };
        """,
        Verify.Diagnostic(RuleIds.AlwaysTrueTokenValidator).WithLocation(0).WithMessageContaining("the signature is never verified"));

    [Fact]
    public Task SignatureValidatorReadingTheTokenIsReported() => VerifyWithTokenStubAsync("""
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        var handler = new JsonWebTokenHandler();
        var parameters = new TokenValidationParameters { [|SignatureValidator = (token, p) => handler.ReadJsonWebToken(token)|] };
        """);

    [Fact]
    public Task MethodGroupValidatorIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            public static TokenValidationParameters Create() => new() { [|LifetimeValidator = AcceptAnyLifetime|] };

            private static bool AcceptAnyLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) => true;
        }
        """);

    // ---- not reported ----

    [Fact]
    public Task LifetimeValidatorThatComparesTheExpiryIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            LifetimeValidator = (notBefore, expires, token, p) => expires != null && expires > DateTime.UtcNow,
        };
        """);

    [Fact]
    public Task LifetimeValidatorThatCallsTheBuiltInCheckIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            LifetimeValidator = (notBefore, expires, token, p) =>
            {
                Validators.ValidateLifetime(notBefore, expires, token, p);
                return true;
            },
        };
        """);

    [Fact]
    public Task IssuerValidatorThatThrowsForUnknownIssuersIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var tenants = new HashSet<string> { "https://login.example.com/tenant-a" };
        var parameters = new TokenValidationParameters
        {
            IssuerValidator = (issuer, token, p) => tenants.Contains(issuer) ? issuer : throw new SecurityTokenInvalidIssuerException(issuer),
        };
        """);

    [Fact]
    public Task IssuerValidatorReturningAnotherParameterIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters { IssuerValidator = (issuer, token, p) => p.ValidIssuer! };
        """);

    [Fact]
    public Task SignatureValidatorThatValidatesIsNotReported() => VerifyWithTokenStubAsync("""
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            public static TokenValidationParameters Create() => new()
            {
                SignatureValidator = (token, p) =>
                {
                    var jwt = new JsonWebToken(token);
                    VerifySignature(jwt, p);
                    return jwt;
                },
            };

            private static void VerifySignature(JsonWebToken jwt, TokenValidationParameters p) { }
        }
        """);

    [Fact]
    public Task ValidatorInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var parameters = new TokenValidationParameters();
        if (builder.Environment.IsDevelopment())
        {
            parameters.LifetimeValidator = (a, b, c, d) => true;
        }
        """);

    [Fact]
    public Task UserTypeWithAValidatorPropertyIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Checks { public Func<string, bool>? LifetimeValidator { get; set; } }

        public static class Setup
        {
            public static Checks Create() => new() { LifetimeValidator = _ => true };
        }
        """);

    // ---- broken code ----

    [Fact]
    public Task HalfTypedValidatorDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters { SignatureValidator = (token, p) => , IssuerValidator = Missing };
        parameters.LifetimeValidator = (a, b) =>
        """);

    [Fact]
    public Task WithoutPackageReferencesAnAlwaysTrueValidatorIsReportedByName()
    {
        var test = new Verification.AnalyzerTest<AlwaysTrueTokenValidatorAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthentication().AddJwtBearer(options =>
                {
                    options.TokenValidationParameters = new TokenValidationParameters
                    {
                        {|#0:LifetimeValidator = (notBefore, expires, token, parameters) => true|},
                    };
                });
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.AlwaysTrueTokenValidator).WithLocation(0));
        return test.RunAsync();
    }
}
