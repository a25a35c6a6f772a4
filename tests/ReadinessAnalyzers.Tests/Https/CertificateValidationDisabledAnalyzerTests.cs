using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Https.CertificateValidationDisabledAnalyzer>;

namespace ReadinessAnalyzers.Tests.Https;

public class CertificateValidationDisabledAnalyzerTests
{
    [Fact]
    public Task LambdaReturningTrueOnHttpClientHandlerIsReported() => Verify.VerifyAnalyzerAsync("""
        var handler = new HttpClientHandler();
        [|handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true|];
        var client = new HttpClient(handler);
        """);

    [Fact]
    public Task DiscardLambdaInObjectInitializerIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpClient("billing").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            [|ServerCertificateCustomValidationCallback = (_, _, _, _) => true|],
        });
        """);

    [Fact]
    public Task DangerousAcceptAnyServerCertificateValidatorIsReported() => Verify.VerifyAnalyzerAsync("""
        var handler = new HttpClientHandler
        {
            {|#0:ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
        };
        """,
        Verify.Diagnostic(RuleIds.CertificateValidationDisabled).WithLocation(0).WithMessageContaining("'HttpClientHandler.DangerousAcceptAnyServerCertificateValidator'"));

    [Fact]
    public Task BlockLambdaThatOnlyLogsAndReturnsTrueIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class Clients
        {
            public static HttpClient Create(ILogger logger)
            {
                var handler = new HttpClientHandler();
                [|handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                {
                    logger.LogWarning("Accepting {Subject}", certificate?.Subject);
                    return true;
                }|];
                return new HttpClient(handler);
            }
        }
        """);

    [Fact]
    public Task MethodGroupReturningTrueIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        public static class Clients
        {
            public static HttpClient Create()
            {
                var handler = new HttpClientHandler();
                [|handler.ServerCertificateCustomValidationCallback = AcceptAll|];
                return new HttpClient(handler);
            }

            private static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
        }
        """);

    [Fact]
    public Task LocalHoldingAnAlwaysTrueLambdaIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> trustAll = (_, _, _, _) => true;
        var handler = new HttpClientHandler();
        [|handler.ServerCertificateCustomValidationCallback = trustAll|];
        """);

    [Fact]
    public Task SslClientAuthenticationOptionsCallbackIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                [|RemoteCertificateValidationCallback = delegate { return true; }|],
            },
        };
        """);

    [Fact]
    public Task SocketsHandlerSslOptionsAssignmentIsReported() => Verify.VerifyAnalyzerAsync("""
        var handler = new SocketsHttpHandler();
        [|handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => { return true; }|];
        """);

    [Fact]
    public Task ServicePointManagerCallbackIsReported() => Verify.VerifyAnalyzerAsync("""
        #pragma warning disable SYSLIB0014
        using System.Net;

        [|ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true|];
        """);

    [Fact]
    public Task AlwaysTrueCallbackPassedToSslStreamIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        public static class Tunnel
        {
            public static SslStream Open(Stream inner) => new SslStream(inner, false, [|(sender, certificate, chain, errors) => true|]);
        }
        """);

    [Fact]
    public Task CallbackLocalPassedToSslStreamIsReportedAtTheArgument() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        public static class Tunnel
        {
            public static SslStream Open(Stream inner)
            {
                RemoteCertificateValidationCallback trustAll = (sender, certificate, chain, errors) => true;
                return new SslStream(inner, false, [|trustAll|]);
            }
        }
        """);

    [Fact]
    public Task CallbackLocalThatChecksTheErrorsIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        public static class Tunnel
        {
            public static SslStream Open(Stream inner)
            {
                RemoteCertificateValidationCallback check = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
                return new SslStream(inner, false, check);
            }
        }
        """);

    [Fact]
    public Task ExplicitDelegateCreationIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        public static class Tunnel
        {
            public static SslStream Open(Stream inner) => new SslStream(inner, false, [|new RemoteCertificateValidationCallback(Trust)|]);

            private static bool Trust(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                return true;
            }
        }
        """);

    // ---- not reported ----

    [Fact]
    public Task CallbackThatChecksTheErrorsIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None,
        };
        """);

    [Fact]
    public Task ThumbprintPinningIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var pinned = "6D3F0A5B1C2E4F708192A3B4C5D6E7F801234567";
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
        {
            if (certificate is null)
            {
                return false;
            }

            return certificate.Thumbprint == pinned;
        };
        """);

    [Fact]
    public Task CallbackThatThrowsOnSomeCertificatesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
        {
            if (errors != SslPolicyErrors.None)
            {
                throw new InvalidOperationException("untrusted");
            }

            return true;
        };
        """);

    [Fact]
    public Task CallbackThatDelegatesToAValidatorIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        public static class Clients
        {
            public static HttpClientHandler Create() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => { Verify(certificate); return true; },
            };

            private static void Verify(X509Certificate2? certificate) { }
        }
        """);

    [Fact]
    public Task UserPropertyWithTheSameNameIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class FakeHandler
        {
            public Func<object, bool>? ServerCertificateCustomValidationCallback { get; set; }
        }

        public static class Setup
        {
            public static void Configure(FakeHandler handler) => handler.ServerCertificateCustomValidationCallback = _ => true;
        }
        """);

    [Fact]
    public Task InsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            // The local gateway's self-signed certificate.
            builder.Services.AddHttpClient("billing").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }
        """);

    [Fact]
    public Task UnderIfDebugIsNotReported() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        var handler = new HttpClientHandler();
        #if DEBUG
        handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        #endif
        """);

    // ---- broken code ----

    [Fact]
    public Task HalfTypedLambdaDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
        """);

    [Fact]
    public Task UnresolvedMethodGroupDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = MissingMethod;
        new SslStream(null, false, (a, b) => true);
        """);
}
