using ReadinessAnalyzers.Auth;
using ReadinessAnalyzers.CodeFixes;
using ReadinessAnalyzers.Https;
using ReadinessAnalyzers.Tests.Https;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Fixes;

public class AcceptAllCallbackFixerTests
{
    // ---- RDY7002: token validators that accept every token ----

    [Fact]
    public Task AnAlwaysTrueValidatorInAnInitializerIsRemovedWithItsComma() => CSharpCodeFixVerifier<AlwaysTrueTokenValidatorAnalyzer, AcceptAllCallbackFixer>.VerifyCodeFixAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "https://login.example.com",
            // Tokens from the old server have no expiry.
            [|LifetimeValidator = (notBefore, expires, token, p) => true|], // TODO: remove
            ValidAudience = "orders-api",
        };
        """, """
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "https://login.example.com",
            ValidAudience = "orders-api",
        };
        """);

    [Fact]
    public Task TheLastMemberWithoutATrailingCommaLeavesTheNewLastMemberWithoutOne() => new CodeFixTest<AlwaysTrueTokenValidatorAnalyzer, AcceptAllCallbackFixer>
    {
        TestCode = """
            using Microsoft.IdentityModel.Tokens;

            var parameters = new TokenValidationParameters
            {
                ValidateIssuer = true, // issuer from the metadata
                [|IssuerValidator = (issuer, token, p) => issuer|]
            };
            var inline = new TokenValidationParameters { ValidAudience = "orders-api", [|AudienceValidator = (audiences, token, p) => true|] };
            """,
        FixedCode = """
            using Microsoft.IdentityModel.Tokens;

            var parameters = new TokenValidationParameters
            {
                ValidateIssuer = true // issuer from the metadata
            };
            var inline = new TokenValidationParameters { ValidAudience = "orders-api" };
            """,
        FixAllInOnePass = true,
    }.RunAsync();

    [Fact]
    public Task AdjacentValidatorsAreRemovedTogetherAndAnEmptiedInitializerGoes() => new CodeFixTest<AlwaysTrueTokenValidatorAnalyzer, AcceptAllCallbackFixer>
    {
        TestCode = """
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Relaxed() => new TokenValidationParameters
                {
                    [|LifetimeValidator = (notBefore, expires, token, p) => true|],
                    [|IssuerSigningKeyValidator = (key, token, p) => true|],
                    ValidAudience = "orders-api",
                    [|AudienceValidator = (audiences, token, p) => true|],
                };

                public static TokenValidationParameters Open() => new() { [|IssuerValidator = (issuer, token, p) => issuer|] };

                public static TokenValidationParameters Typed() => new TokenValidationParameters
                {
                    [|LifetimeValidator = (notBefore, expires, token, p) => true|],
                };
            }
            """,
        FixedCode = """
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Relaxed() => new TokenValidationParameters
                {
                    ValidAudience = "orders-api",
                };

                public static TokenValidationParameters Open() => new();

                public static TokenValidationParameters Typed() => new TokenValidationParameters();
            }
            """,
        FixAllInOnePass = true,
    }.RunAsync();

    [Fact]
    public Task ValidatorStatementsAreRemovedAcrossFilesWithFixAll() => new CodeFixTest<AlwaysTrueTokenValidatorAnalyzer, AcceptAllCallbackFixer>
    {
        TestCode = """
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters();
            [|parameters.AudienceValidator = delegate { return true; }|];
            [|parameters.IssuerSigningKeyValidator = (key, token, p) => { return true; }|];
            builder.Build().Run();
            """,
        FixedCode = """
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters();
            builder.Build().Run();
            """,
        FixAllInOnePass = true,
        Sources =
        {
            ("/0/Stubs.cs", AuthenticationStubs.Source),
            ("/0/Bearer.cs", """
                using Microsoft.AspNetCore.Authentication;

                public static class Bearer
                {
                    public static void Add(AuthenticationBuilder authentication) => authentication.AddJwtBearer(options =>
                    {
                        options.Authority = "https://login.example.com";
                        [|options.TokenValidationParameters.IssuerValidator = (issuer, token, p) => issuer|];
                    });
                }
                """),
        },
        FixedSources =
        {
            ("/0/Stubs.cs", AuthenticationStubs.Source),
            ("/0/Bearer.cs", """
                using Microsoft.AspNetCore.Authentication;

                public static class Bearer
                {
                    public static void Add(AuthenticationBuilder authentication) => authentication.AddJwtBearer(options =>
                    {
                        options.Authority = "https://login.example.com";
                    });
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task AValidatorAsALambdaBodyIsNotRemoved() => new CodeFixTest<AlwaysTrueTokenValidatorAnalyzer, AcceptAllCallbackFixer>
    {
        // Removing the only expression of a lambda body leaves nothing that compiles; the user removes the call.
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => [|o.TokenValidationParameters.LifetimeValidator = (a, b, c, d) => true|]);
            """,
        Sources = { ("/0/Stubs.cs", AuthenticationStubs.Source) },
    }.RunNoFixAsync();

    [Fact]
    public Task AValidatorAssignedInAnEmbeddedStatementOrUsedAsAValueIsNotRemoved() => CSharpCodeFixVerifier<AlwaysTrueTokenValidatorAnalyzer, AcceptAllCallbackFixer>.VerifyNoCodeFixAsync("""
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            public static LifetimeValidator? Configure(TokenValidationParameters parameters, bool legacy)
            {
                if (legacy) [|parameters.AudienceValidator = (audiences, token, p) => true|];
                return [|parameters.LifetimeValidator = (notBefore, expires, token, p) => true|];
            }
        }
        """);

    [Fact]
    public Task HalfTypedCodeLosesTheValidatorWithoutNewErrors() => CSharpCodeFixVerifier<AlwaysTrueTokenValidatorAnalyzer, AcceptAllCallbackFixer>.VerifyBrokenCodeFixAsync("""
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration["Auth:Issuer"],
            [|LifetimeValidator = (notBefore, expires, token, p) => true|],
            ValidAudience =
        };
        """, """
        using Microsoft.IdentityModel.Tokens;

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration["Auth:Issuer"],
            ValidAudience =
        };
        """);

    // ---- RDY6001: certificate callbacks that accept every certificate ----

    [Fact]
    public Task ACertificateCallbackStatementIsRemoved() => CSharpCodeFixVerifier<CertificateValidationDisabledAnalyzer, AcceptAllCallbackFixer>.VerifyCodeFixAsync("""
        public static class Clients
        {
            public static HttpClient Create(ILogger logger)
            {
                var handler = new HttpClientHandler();
                // The staging server uses a self-signed certificate.
                [|handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                {
                    logger.LogWarning("Accepting {Subject}", certificate?.Subject);
                    return true;
                }|];
                return new HttpClient(handler);
            }
        }
        """, """
        public static class Clients
        {
            public static HttpClient Create(ILogger logger)
            {
                var handler = new HttpClientHandler();
                return new HttpClient(handler);
            }
        }
        """);

    [Fact]
    public Task AnInitializerHoldingOnlyTheCallbackBecomesAPlainConstructorCall() => new CodeFixTest<CertificateValidationDisabledAnalyzer, AcceptAllCallbackFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHttpClient("billing").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                [|ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|],
            });
            builder.Services.AddHttpClient("stock").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { [|ServerCertificateCustomValidationCallback = (_, _, _, _) => true|] });
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHttpClient("billing").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
            builder.Services.AddHttpClient("stock").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
            builder.Build().Run();
            """,
        FixAllInOnePass = true,
    }.RunAsync();

    [Fact]
    public Task AGlobalCallbackSubscriptionAndAnSslOptionsCallbackAreRemoved() => new CodeFixTest<CertificateValidationDisabledAnalyzer, AcceptAllCallbackFixer>
    {
        TestCode = """
            using System.Net;
            using System.Net.Security;

            public static class Tls
            {
                public static SslClientAuthenticationOptions Options(string host)
                {
                    #pragma warning disable SYSLIB0014
                    [|ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true|];
                    #pragma warning restore SYSLIB0014
                    return new SslClientAuthenticationOptions
                    {
                        TargetHost = host,
                        [|RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true|],
                    };
                }
            }
            """,
        FixedCode = """
            using System.Net;
            using System.Net.Security;

            public static class Tls
            {
                public static SslClientAuthenticationOptions Options(string host)
                {
                    #pragma warning disable SYSLIB0014
                    #pragma warning restore SYSLIB0014
                    return new SslClientAuthenticationOptions
                    {
                        TargetHost = host,
                    };
                }
            }
            """,
        FixAllInOnePass = true,
    }.RunAsync();

    [Fact]
    public Task ACallbackPassedAsAnArgumentIsNotRemoved() => CSharpCodeFixVerifier<CertificateValidationDisabledAnalyzer, AcceptAllCallbackFixer>.VerifyNoCodeFixAsync("""
        using System.Net.Security;

        public static class Tls
        {
            // Dropping the argument would pick another overload; passing null would be a different API call.
            public static SslStream Open(Stream stream) => new SslStream(stream, false, [|(sender, certificate, chain, errors) => true|]);
        }
        """);
}
