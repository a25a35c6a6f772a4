using ReadinessAnalyzers.Https;
using ReadinessAnalyzers.Tests.Verification;
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

    // ---- database, cache and broker clients ----

    private const string ClientStubs = """
        namespace StackExchange.Redis
        {
            public sealed class ConfigurationOptions
            {
                public bool Ssl { get; set; }
                public event System.Net.Security.RemoteCertificateValidationCallback? CertificateValidation;
            }
        }

        namespace MongoDB.Driver
        {
            public sealed class SslSettings
            {
                public bool CheckCertificateRevocation { get; set; }
                public System.Net.Security.RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }
            }

            public sealed class MongoClientSettings
            {
                public bool AllowInsecureTls { get; set; }
                public SslSettings? SslSettings { get; set; }
            }
        }

        namespace RabbitMQ.Client
        {
            public sealed class SslOption
            {
                public bool Enabled { get; set; }
                public System.Net.Security.SslPolicyErrors AcceptablePolicyErrors { get; set; }
                public System.Net.Security.RemoteCertificateValidationCallback? CertificateValidationCallback { get; set; }
            }
        }

        namespace Elasticsearch.Net
        {
            public static class CertificateValidations
            {
                public static bool AllowAll(object sender, System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Cryptography.X509Certificates.X509Chain chain, System.Net.Security.SslPolicyErrors errors) => true;
            }

            public sealed class ConnectionSettings
            {
                public ConnectionSettings ServerCertificateValidationCallback(Func<object, System.Security.Cryptography.X509Certificates.X509Certificate, System.Security.Cryptography.X509Certificates.X509Chain, System.Net.Security.SslPolicyErrors, bool> callback) => this;
            }
        }
        """;

    private static Task VerifyWithClientsAsync(string source)
    {
        var test = new AnalyzerTest<CertificateValidationDisabledAnalyzer> { TestCode = source };
        test.Sources.Add(("/0/ClientStubs.cs", ClientStubs));
        return test.RunAsync();
    }

    [Fact]
    public Task CacheDatabaseAndBrokerClientsThatAcceptEveryCertificateAreReported() => VerifyWithClientsAsync("""
        using System.Net.Security;

        public static class Clients
        {
            public static void Configure(StackExchange.Redis.ConfigurationOptions redis, MongoDB.Driver.MongoClientSettings mongo, RabbitMQ.Client.SslOption rabbit, Elasticsearch.Net.ConnectionSettings search)
            {
                [|redis.CertificateValidation += (sender, certificate, chain, errors) => true|];
                [|mongo.AllowInsecureTls = true|];
                mongo.SslSettings = new MongoDB.Driver.SslSettings
                {
                    CheckCertificateRevocation = false,
                    [|ServerCertificateValidationCallback = (_, _, _, _) => true|],
                };
                [|rabbit.AcceptablePolicyErrors = SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors|];
                [|rabbit.CertificateValidationCallback = (_, _, _, _) => true|];
                search.[|ServerCertificateValidationCallback(Elasticsearch.Net.CertificateValidations.AllowAll)|];
            }
        }
        """);

    [Fact]
    public Task NpgsqlCallbackAndTrustServerCertificateOnABuilderAreReported() => Verify.VerifyAnalyzerAsync("""
        using Npgsql;

        public static class Database
        {
            public static NpgsqlDataSource Open(string connectionString)
            {
                var settings = new NpgsqlConnectionStringBuilder(connectionString) { [|TrustServerCertificate = true|] };
                var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
                builder.UseUserCertificateValidationCallback([|(_, _, _, _) => true|]);
                return builder.Build();
            }
        }
        """);

    [Fact]
    public Task ClientsThatKeepValidationOnAreNotReported() => VerifyWithClientsAsync("""
        using System.Net.Security;

        public static class Clients
        {
            public static void Configure(StackExchange.Redis.ConfigurationOptions redis, MongoDB.Driver.MongoClientSettings mongo, RabbitMQ.Client.SslOption rabbit, IHostEnvironment environment)
            {
                redis.Ssl = true;
                redis.CertificateValidation += (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
                mongo.AllowInsecureTls = false;
                mongo.SslSettings = new MongoDB.Driver.SslSettings { CheckCertificateRevocation = false };
                rabbit.AcceptablePolicyErrors = SslPolicyErrors.RemoteCertificateNotAvailable;
                if (environment.IsDevelopment())
                {
                    rabbit.AcceptablePolicyErrors = SslPolicyErrors.RemoteCertificateChainErrors;
                    mongo.AllowInsecureTls = true;
                }
            }
        }
        """);

    [Fact]
    public Task ConnectionStringsInCodeThatTrustAnyServerCertificateAreReported() => Verify.VerifyAnalyzerAsync("""
        public static class Connections
        {
            public const string Orders = [|"Server=orders-db.internal;Database=Orders;User Id=app;TrustServerCertificate=True"|];
            public const string Reports = [|"Host=reports.internal;Database=reports;SSL Mode=Require;Trust Server Certificate=true"|];
            public const string Events = [|"mongodb://events.internal:27017/?tls=true&tlsInsecure=true"|];
            public const string Local = "Server=(localdb)\\MSSQLLocalDB;Database=Orders;TrustServerCertificate=True";
            public const string Loopback = "Server=localhost,1433;Database=Orders;TrustServerCertificate=True";
            public const string Validated = "Server=orders-db.internal;Database=Orders;Encrypt=True;TrustServerCertificate=False";
            public const string Prose = "Set TrustServerCertificate to true only on a developer machine.";
        }
        """);

    [Fact]
    public Task ConnectionStringInTheProductionConfigurationIsReported()
    {
        var test = new AnalyzerTest<CertificateValidationDisabledAnalyzer> { TestCode = "public static class App { }" };
        test.AdditionalFiles.Add(("/app/appsettings.json", """
            {
              "ConnectionStrings": {
                "Catalog": "[|Server=catalog-sql;Database=Catalog;User Id=app;Trust Server Certificate=true|]",
                "Local": "Server=.;Database=Catalog;Trusted_Connection=True;TrustServerCertificate=true",
                "Orders": "Server=orders-sql;Database=Orders;TrustServerCertificate=true"
              }
            }
            """));
        test.AdditionalFiles.Add(("/app/appsettings.Production.json", """
            { "ConnectionStrings": { "Orders": "Server=orders-sql;Database=Orders;Encrypt=True" } }
            """));
        test.AdditionalFiles.Add(("/app/appsettings.Development.json", """
            { "ConnectionStrings": { "Catalog2": "Server=dev-sql;Database=Catalog;TrustServerCertificate=true" } }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CallbacksAndOptionsAreReportedByNameWhenTheClientPackagesAreNotRestored()
    {
        var test = new AnalyzerTest<CertificateValidationDisabledAnalyzer>
        {
            TestCode = """
                public static class Clients
                {
                    public static void Configure(ConfigurationOptions redis, MongoClientSettings mongo, SslOption rabbit, ConnectionSettings search)
                    {
                        var handler = new HttpClientHandler { [|ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true|] };
                        [|redis.CertificateValidation += (sender, certificate, chain, errors) => true|];
                        [|mongo.AllowInsecureTls = true|];
                        [|rabbit.AcceptablePolicyErrors = System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors|];
                        search.[|ServerCertificateValidationCallback(CertificateValidations.AllowAll)|];
                        var quiet = new HttpClientHandler { ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == 0 };
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
            References = TestReferences.Without("System.Net.Http"),
        };
        return test.RunAsync();
    }
}
