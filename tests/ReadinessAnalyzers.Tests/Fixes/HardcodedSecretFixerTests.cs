using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.CodeFixes.Secrets;
using ReadinessAnalyzers.Secrets;
using ReadinessAnalyzers.Tests.Https;
using ReadinessAnalyzers.Tests.Secrets;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Fixes;

public class HardcodedSecretFixerTests
{
    private const string AppSettingsPath = "/0/appsettings.json";

    private const string TemplateAppSettings = """
        {
          "Logging": {
            "LogLevel": {
              "Default": "Information"
            }
          },
          "AllowedHosts": "*"
        }
        """;

    private static CodeFixTest<TAnalyzer, HardcodedSecretFixer> Test<TAnalyzer>(string before, string after)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => new() { TestCode = before, FixedCode = after, NoNewCompilerWarnings = true };

    private static CodeFixTest<TAnalyzer, HardcodedSecretFixer> NoFix<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => new() { TestCode = source };

    [Fact]
    public Task SigningKeyInAddJwtBearerIsReadFromBuilderConfigurationAndItsKeyAddedToAppSettings()
    {
        var test = Test<HardcodedCryptographicKeyAnalyzer>("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"dev-secret-key-change-in-production"|])),
                };
            });
            var app = builder.Build();
            app.Run();
            """, """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:SigningKey'"))),
                };
            });
            var app = builder.Build();
            app.Run();
            """);
        test.Sources.Add(("/0/AuthenticationStubs.cs", AuthenticationStubs.Source));
        test.FixedSources.Add(("/0/AuthenticationStubs.cs", AuthenticationStubs.Source));
        test.AdditionalFiles.Add((AppSettingsPath, TemplateAppSettings));
        test.FixedAdditionalFiles.Add((AppSettingsPath, """
            {
              "Logging": {
                "LogLevel": {
                  "Default": "Information"
                }
              },
              "AllowedHosts": "*",
              "Jwt": {
                "SigningKey": ""
              }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task LocalNamedJwtSecretIsReadUnderJwtSecret() => Test<HardcodedCryptographicKeyAnalyzer>("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var jwtSecret = [|"orders-api-signing-secret-2024"|];
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtSecret));
        """, """
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var jwtSecret = builder.Configuration["Jwt:Secret"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:Secret'");
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtSecret));
        """).RunAsync();

    [Fact]
    public Task ConstructorParameterOfAControllerIsRead() => Test<KnownSecretFormatAnalyzer>($$"""
        using Microsoft.AspNetCore.Mvc;

        public sealed class GitHubClient
        {
            public GitHubClient(string token) => Token = token;
            public string Token { get; }
        }

        [ApiController]
        public class ReleasesController : ControllerBase
        {
            private readonly GitHubClient _github;

            public ReleasesController(IConfiguration configuration)
            {
                _github = new GitHubClient("{|RDY1004:{{FakeTokens.GitHubPat()}}|}");
            }
        }
        """, """
        using Microsoft.AspNetCore.Mvc;

        public sealed class GitHubClient
        {
            public GitHubClient(string token) => Token = token;
            public string Token { get; }
        }

        [ApiController]
        public class ReleasesController : ControllerBase
        {
            private readonly GitHubClient _github;

            public ReleasesController(IConfiguration configuration)
            {
                _github = new GitHubClient(configuration["GitHub:Token"] ?? throw new InvalidOperationException("Missing configuration 'GitHub:Token'"));
            }
        }
        """).RunAsync();

    [Fact]
    public Task ConfigurationFieldIsReadInAnInstanceMethod() => Test<HardcodedCredentialAnalyzer>("""
        public class StripeClient
        {
            private readonly IConfiguration _configuration;

            public StripeClient(IConfiguration configuration) => _configuration = configuration;

            public HttpRequestMessage Charge()
            {
                var apiKey = [|"k8Jd93hQz71LmX0p"|];
                var request = new HttpRequestMessage(HttpMethod.Post, "https://payments.example.com/charges");
                request.Headers.Add("X-Api-Key", apiKey);
                return request;
            }
        }
        """, """
        public class StripeClient
        {
            private readonly IConfiguration _configuration;

            public StripeClient(IConfiguration configuration) => _configuration = configuration;

            public HttpRequestMessage Charge()
            {
                var apiKey = _configuration["Stripe:ApiKey"] ?? throw new InvalidOperationException("Missing configuration 'Stripe:ApiKey'");
                var request = new HttpRequestMessage(HttpMethod.Post, "https://payments.example.com/charges");
                request.Headers.Add("X-Api-Key", apiKey);
                return request;
            }
        }
        """).RunAsync();

    [Fact]
    public Task PrimaryConstructorParameterIsReadInAFieldInitializer() => Test<HardcodedCredentialAnalyzer>("""
        using System.Net;

        public class MailService(IConfiguration configuration)
        {
            private readonly NetworkCredential _credential = new("orders", [|"Tr0ub4dor&3x"|]);

            public NetworkCredential Credential => _credential;
        }
        """, """
        using System.Net;

        public class MailService(IConfiguration configuration)
        {
            private readonly NetworkCredential _credential = new("orders", configuration["Mail:Password"] ?? throw new InvalidOperationException("Missing configuration 'Mail:Password'"));

            public NetworkCredential Credential => _credential;
        }
        """).RunAsync();

    [Fact]
    public Task StartupConfigurationPropertyReadsTheConnectionStringByName()
    {
        var test = Test<ConnectionStringPasswordAnalyzer>("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<DbContext>(options => options.UseNpgsql("Host=db;Database=orders;Username=app;Password=[|Pg7xQ2vLm9Kd|]"));
                }
            }
            """, """
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<DbContext>(options => options.UseNpgsql(Configuration.GetConnectionString("Orders") ?? throw new InvalidOperationException("Missing configuration 'ConnectionStrings:Orders'")));
                }
            }
            """);
        test.AdditionalFiles.Add((AppSettingsPath, TemplateAppSettings));
        test.FixedAdditionalFiles.Add((AppSettingsPath, """
            {
              "Logging": {
                "LogLevel": {
                  "Default": "Information"
                }
              },
              "AllowedHosts": "*",
              "ConnectionStrings": {
                "Orders": ""
              }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task HostBuilderContextConfigurationIsRead() => Test<HardcodedCredentialAnalyzer>("""
        public sealed class WeatherApi
        {
            public WeatherApi(string apiKey) => ApiKey = apiKey;
            public string ApiKey { get; }
        }

        public static class Worker
        {
            public static IHostBuilder Create(string[] args) => Host.CreateDefaultBuilder(args)
                .ConfigureServices((context, services) => services.AddSingleton(new WeatherApi([|"wX7pQ2vLm9KdT4zR"|])));
        }
        """, """
        public sealed class WeatherApi
        {
            public WeatherApi(string apiKey) => ApiKey = apiKey;
            public string ApiKey { get; }
        }

        public static class Worker
        {
            public static IHostBuilder Create(string[] args) => Host.CreateDefaultBuilder(args)
                .ConfigureServices((context, services) => services.AddSingleton(new WeatherApi(context.Configuration["WeatherApi:ApiKey"] ?? throw new InvalidOperationException("Missing configuration 'WeatherApi:ApiKey'"))));
        }
        """).RunAsync();

    [Fact]
    public Task TheNearestConfigurationIsRead() => Test<KnownSecretFormatAnalyzer>($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/releases", (IConfiguration configuration) =>
        {
            var client = new HttpClient();
            client.DefaultRequestHeaders.Add("Authorization", "token");
            var token = "{|RDY1004:{{FakeTokens.GitHubPat()}}|}";
            return token.Length;
        });
        app.MapGet("/status", () => "{|RDY1004:{{FakeTokens.SlackBotToken()}}|}");
        app.Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/releases", (IConfiguration configuration) =>
        {
            var client = new HttpClient();
            client.DefaultRequestHeaders.Add("Authorization", "token");
            var token = configuration["GitHub:Token"] ?? throw new InvalidOperationException("Missing configuration 'GitHub:Token'");
            return token.Length;
        });
        app.MapGet("/status", () => app.Configuration["Slack:Token"] ?? throw new InvalidOperationException("Missing configuration 'Slack:Token'"));
        app.Run();
        """).RunAsync();

    [Fact]
    public Task HardcodedFallbackOfAConfigurationReadBecomesAThrow() => Test<HardcodedCredentialAnalyzer>("""
        var builder = WebApplication.CreateBuilder(args);
        var password = builder.Configuration["Db:Password"] ?? [|"Fa11back!Pw9"|];
        Console.WriteLine(password.Length);
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var password = builder.Configuration["Db:Password"] ?? throw new InvalidOperationException("Missing configuration 'Db:Password'");
        Console.WriteLine(password.Length);
        """).RunAsync();

    [Fact]
    public Task AFallbackKeyIsCreatedInsideNestedSectionsThatExist()
    {
        var test = Test<KnownSecretFormatAnalyzer>($$"""
            public class Checkout(IConfiguration configuration)
            {
                public string SecretKey => configuration["Payments:Stripe:SecretKey"] ?? "{|RDY1004:{{FakeTokens.StripeLiveKey()}}|}";
            }
            """, """
            public class Checkout(IConfiguration configuration)
            {
                public string SecretKey => configuration["Payments:Stripe:SecretKey"] ?? throw new InvalidOperationException("Missing configuration 'Payments:Stripe:SecretKey'");
            }
            """);
        test.AdditionalFiles.Add((AppSettingsPath, """
            {
              "Payments": {
                "Currency": "EUR"
              },
              "AllowedHosts": "*"
            }
            """));
        test.FixedAdditionalFiles.Add((AppSettingsPath, """
            {
              "Payments": {
                "Currency": "EUR",
                "Stripe": {
                  "SecretKey": ""
                }
              },
              "AllowedHosts": "*"
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AKeyIsAddedToAnExistingSectionWhateverItsCase()
    {
        var test = Test<HardcodedCryptographicKeyAnalyzer>("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"super-long-signing-key-0123456789"|]));
            """, """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:SigningKey'")));
            """);
        test.AdditionalFiles.Add((AppSettingsPath, """
            {
                "jwt": {
                    "Issuer": "https://orders.example.com",
                    "Audience": "orders-api"
                }
            }
            """));
        test.FixedAdditionalFiles.Add((AppSettingsPath, """
            {
                "jwt": {
                    "Issuer": "https://orders.example.com",
                    "Audience": "orders-api",
                    "SigningKey": ""
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AnExistingKeyIsNotDuplicated()
    {
        var test = Test<HardcodedCryptographicKeyAnalyzer>("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"super-long-signing-key-0123456789"|]));
            """, """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:SigningKey'")));
            """);
        test.AdditionalFiles.Add((AppSettingsPath, """
            {
              "Jwt": {
                "SigningKey": ""
              }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CommentsAndTrailingCommasInAppSettingsAreKept()
    {
        var test = Test<HardcodedCredentialAnalyzer>("""
            public class SmtpOptions
            {
                public string Host { get; set; } = "smtp.example.com";
                public string Password { get; set; } = "";
            }

            public class Mailer(IConfiguration configuration)
            {
                public SmtpOptions Options() => new SmtpOptions { Password = [|"Sm7pQ2vXr9Lz"|] };
            }
            """, """
            public class SmtpOptions
            {
                public string Host { get; set; } = "smtp.example.com";
                public string Password { get; set; } = "";
            }

            public class Mailer(IConfiguration configuration)
            {
                public SmtpOptions Options() => new SmtpOptions { Password = configuration["Smtp:Password"] ?? throw new InvalidOperationException("Missing configuration 'Smtp:Password'") };
            }
            """);
        test.AdditionalFiles.Add((AppSettingsPath, """
            {
              // Outgoing mail.
              "Smtp": {
                "Host": "smtp.example.com", // the relay
              },
              /* Hosts */
              "AllowedHosts": "*",
            }
            """));
        test.FixedAdditionalFiles.Add((AppSettingsPath, """
            {
              // Outgoing mail.
              "Smtp": {
                "Host": "smtp.example.com", // the relay
                "Password": "",
              },
              /* Hosts */
              "AllowedHosts": "*",
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AMalformedAppSettingsIsLeftAloneButTheCodeIsFixed()
    {
        var test = Test<HardcodedCredentialAnalyzer>("""
            var builder = WebApplication.CreateBuilder(args);
            var smtpPassword = [|"Sm7pQ2vXr9Lz"|];
            Console.WriteLine(smtpPassword.Length);
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var smtpPassword = builder.Configuration["Smtp:Password"] ?? throw new InvalidOperationException("Missing configuration 'Smtp:Password'");
            Console.WriteLine(smtpPassword.Length);
            """);
        test.AdditionalFiles.Add((AppSettingsPath, """
            {
              "Smtp": {
                "Host": "smtp.example.com"
              ,
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllAcrossTwoFilesChangesBothAndAddsEachKeyOnce()
    {
        var test = Test<HardcodedCredentialAnalyzer>("""
            var builder = WebApplication.CreateBuilder(args);
            var smtpPassword = [|"Sm7pQ2vXr9Lz"|];
            var smtpPasswordCopy = [|"Sm7pQ2vXr9Lz"|];
            builder.Services.AddSingleton(new Mailer(builder.Configuration));
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var smtpPassword = builder.Configuration["Smtp:Password"] ?? throw new InvalidOperationException("Missing configuration 'Smtp:Password'");
            var smtpPasswordCopy = builder.Configuration["Smtp:PasswordCopy"] ?? throw new InvalidOperationException("Missing configuration 'Smtp:PasswordCopy'");
            builder.Services.AddSingleton(new Mailer(builder.Configuration));
            var app = builder.Build();
            app.Run();
            """);
        test.Sources.Add(("/0/Services/Mailer.cs", """
            public class Mailer(IConfiguration configuration)
            {
                public string Login(string smtpPassword = "") => smtpPassword;

                public string Send()
                {
                    var smtpPassword = [|"Xk29vLq7mPz!"|];
                    var apiToken = [|"tK9vQ2mX" + "r7Lp4sWz"|];
                    return Login(smtpPassword) + apiToken;
                }
            }
            """));
        test.FixedSources.Add(("/0/Services/Mailer.cs", """
            public class Mailer(IConfiguration configuration)
            {
                public string Login(string smtpPassword = "") => smtpPassword;

                public string Send()
                {
                    var smtpPassword = configuration["Smtp:Password"] ?? throw new InvalidOperationException("Missing configuration 'Smtp:Password'");
                    var apiToken = configuration["Mailer:ApiToken"] ?? throw new InvalidOperationException("Missing configuration 'Mailer:ApiToken'");
                    return Login(smtpPassword) + apiToken;
                }
            }
            """));
        test.AdditionalFiles.Add((AppSettingsPath, "{\n}\n"));
        test.FixedAdditionalFiles.Add((AppSettingsPath, """
            {
              "Smtp": {
                "Password": "",
                "PasswordCopy": ""
              },
              "Mailer": {
                "ApiToken": ""
              }
            }

            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ASecretUsedAsAnOperandIsParenthesized() => Test<KnownSecretFormatAnalyzer>($$"""
        public class Releases(IConfiguration configuration)
        {
            public int TokenLength() => "{|RDY1004:{{FakeTokens.GitHubPat()}}|}".Length;
        }
        """, """
        public class Releases(IConfiguration configuration)
        {
            public int TokenLength() => (configuration["GitHub:Token"] ?? throw new InvalidOperationException("Missing configuration 'GitHub:Token'")).Length;
        }
        """).RunAsync();

    [Fact]
    public Task AConcatenationOfLiteralsIsReplacedWhole() => Test<HardcodedCredentialAnalyzer>("""
        public class Vault(IConfiguration configuration)
        {
            public string MasterKey()
            {
                var masterKey = [|"mK7vQ2xL" + "p9Tz4sWr"|];
                return masterKey;
            }
        }
        """, """
        public class Vault(IConfiguration configuration)
        {
            public string MasterKey()
            {
                var masterKey = configuration["Vault:MasterKey"] ?? throw new InvalidOperationException("Missing configuration 'Vault:MasterKey'");
                return masterKey;
            }
        }
        """).RunAsync();

    [Fact]
    public Task ANamedConstantReachingASigningKeyIsReplacedWhereItIsUsed() => Test<HardcodedCryptographicKeyAnalyzer>("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public class TokenIssuer(IConfiguration configuration)
        {
            private const string JwtSecret = "orders-api-signing-secret-2024";

            public SecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|JwtSecret|]));
        }
        """, """
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public class TokenIssuer(IConfiguration configuration)
        {
            private const string JwtSecret = "orders-api-signing-secret-2024";

            public SecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Secret"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:Secret'")));
        }
        """).RunAsync();

    [Fact]
    public Task AConstFieldOffersNoFix() => NoFix<HardcodedCredentialAnalyzer>("""
        public class PaymentClient(IConfiguration configuration)
        {
            public const string ApiKey = [|"k8Jd93hQz71LmX0p"|];
        }
        """).RunNoFixAsync();

    [Fact]
    public Task AConstConnectionStringOffersNoFix() => NoFix<ConnectionStringPasswordAnalyzer>("""
        var builder = WebApplication.CreateBuilder(args);
        const string Orders = "Host=db;Username=app;Password=[|Pg7xQ2vLm9Kd|]";
        """).RunNoFixAsync();

    [Fact]
    public Task AFieldInitializerBesideAConfigurationFieldOffersNoFix() => NoFix<HardcodedCredentialAnalyzer>("""
        public class PaymentClient
        {
            private readonly IConfiguration _configuration;
            private readonly string _apiKey = [|"k8Jd93hQz71LmX0p"|];

            public PaymentClient(IConfiguration configuration) => _configuration = configuration;
        }
        """).RunNoFixAsync();

    [Fact]
    public Task AStaticMethodBesideAConfigurationFieldOffersNoFix() => NoFix<HardcodedCredentialAnalyzer>("""
        public class PaymentClient
        {
            private readonly IConfiguration _configuration;

            public PaymentClient(IConfiguration configuration) => _configuration = configuration;

            public static string Sign(string payload)
            {
                var secret = [|"q8Vn2mXr5Tz7wLk"|];
                return payload + secret;
            }
        }
        """).RunNoFixAsync();

    [Fact]
    public Task AConfigurationFieldIsNotReadInAConstructorWhereItMayNotBeSetYet() => NoFix<HardcodedCredentialAnalyzer>("""
        public class PaymentClient
        {
            private readonly IConfiguration _configuration;
            private readonly string _apiKey;

            public PaymentClient(IServiceProvider services)
            {
                _apiKey = [|"k8Jd93hQz71LmX0p"|];
                _configuration = services.GetRequiredService<IConfiguration>();
            }

            public string Key => _apiKey + _configuration["Payment:Region"];
        }
        """).RunNoFixAsync();

    [Fact]
    public Task ALocalDeclaredAfterTheSecretIsNotUsed() => NoFix<HardcodedCredentialAnalyzer>("""
        public static class Setup
        {
            public static void Run(string[] args)
            {
                var apiKey = [|"k8Jd93hQz71LmX0p"|];
                var builder = WebApplication.CreateBuilder(args);
                Console.WriteLine(apiKey);
            }
        }
        """).RunNoFixAsync();

    [Fact]
    public Task AStaticLambdaCannotCaptureTheConfiguration() => NoFix<HardcodedCredentialAnalyzer>("""
        public static class Setup
        {
            public static Func<string> Run(IConfiguration configuration) => static () =>
            {
                var apiKey = [|"k8Jd93hQz71LmX0p"|];
                return apiKey;
            };
        }
        """).RunNoFixAsync();

    [Fact]
    public Task ParameterDefaultsAndConfigurationWritesOfferNoFix() => NoFix<HardcodedCredentialAnalyzer>("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration["Jwt:Key"] = [|"d9F2kLq81ZxV0aPw7TnB"|];
        builder.Configuration.AddInMemoryCollection(new[]
        {
            new KeyValuePair<string, string?>("Payments:ClientSecret", [|"cS7vB2nQ9xLm4kPw"|]),
        });

        public class Mailer(IConfiguration configuration)
        {
            public static void Connect(string password = [|"Xk29vLq7mPz!"|]) { }
        }
        """).RunNoFixAsync();

    [Fact]
    public Task ATokenThatIsOnlyPartOfTheLiteralOffersNoFix() => NoFix<KnownSecretFormatAnalyzer>($$"""
        var builder = WebApplication.CreateBuilder(args);
        var client = new HttpClient();
        client.DefaultRequestHeaders.Add("Authorization", "token {|RDY1004:{{FakeTokens.GitHubPat()}}|}");
        """).RunNoFixAsync();

    [Fact]
    public Task AnInterpolatedConnectionStringOffersNoFix() => NoFix<ConnectionStringPasswordAnalyzer>("""
        public class Db(IConfiguration configuration)
        {
            public string For(string database) => $"Host=db;Database={database};Username=app;Password=[|Pg7xQ2vLm9Kd|]";
        }
        """).RunNoFixAsync();

    [Fact]
    public Task AKeyArrayOffersNoFix() => NoFix<HardcodedCryptographicKeyAnalyzer>("""
        using System.Security.Cryptography;

        public class Vault(IConfiguration configuration)
        {
            public void Use()
            {
                using var aes = Aes.Create();
                aes.Key = [|new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|];
            }
        }
        """).RunNoFixAsync();

    [Fact]
    public Task HalfTypedCodeIsFixedWithoutAddingErrors() => new CodeFixTest<HardcodedCredentialAnalyzer, HardcodedSecretFixer>
    {
        TestCode = """
            public class Broken(IConfiguration configuration)
            {
                public void Send(IMissing missing)
                {
                    var smtpPassword = [|"Sm7pQ2vXr9Lz"|];
                    missing.Connect(smtpPassword
                }
            }
            """,
        FixedCode = """
            public class Broken(IConfiguration configuration)
            {
                public void Send(IMissing missing)
                {
                    var smtpPassword = configuration["Smtp:Password"] ?? throw new InvalidOperationException("Missing configuration 'Smtp:Password'");
                    missing.Connect(smtpPassword
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task ProviderTokensAreNamedAfterTheirProviderAndFormat()
    {
        var test = Test<KnownSecretFormatAnalyzer>($$"""
            public class CloudKeys(IConfiguration configuration)
            {
                public string AccessKeyId() => "{|RDY1004:{{FakeTokens.AwsAccessKeyId()}}|}";
                public string Charges() => "{|RDY1004:{{FakeTokens.StripeLiveKey()}}|}";
            }
            """, """
            public class CloudKeys(IConfiguration configuration)
            {
                public string AccessKeyId() => configuration["Aws:AccessKeyId"] ?? throw new InvalidOperationException("Missing configuration 'Aws:AccessKeyId'");
                public string Charges() => configuration["Stripe:SecretKey"] ?? throw new InvalidOperationException("Missing configuration 'Stripe:SecretKey'");
            }
            """);
        test.AdditionalFiles.Add((AppSettingsPath, "{\n  \"AllowedHosts\": \"*\"\n}"));
        test.FixedAdditionalFiles.Add((AppSettingsPath, "{\n  \"AllowedHosts\": \"*\",\n  \"Aws\": {\n    \"AccessKeyId\": \"\"\n  },\n  \"Stripe\": {\n    \"SecretKey\": \"\"\n  }\n}"));
        return test.RunAsync();
    }

    [Fact]
    public Task AUriWithAPasswordIsNamedAfterItsSchemeWhenNothingElseNamesIt() => Test<ConnectionStringPasswordAnalyzer>("""
        var builder = WebApplication.CreateBuilder(args);
        var bus = new Uri("amqp://orders:[|Rb7vQ2xLz9Kd|]@rabbit:5672/");
        var orders = new Uri("mongodb://app:[|Mg5tK9vQ2xLp|]@mongo:27017/orders");
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var bus = new Uri(builder.Configuration.GetConnectionString("Amqp") ?? throw new InvalidOperationException("Missing configuration 'ConnectionStrings:Amqp'"));
        var orders = new Uri(builder.Configuration.GetConnectionString("Orders") ?? throw new InvalidOperationException("Missing configuration 'ConnectionStrings:Orders'"));
        """).RunAsync();

    [Fact]
    public Task AConnectionStringIsNamedAfterItsVariableElseItsProviderNotAfterAnApisParameter() => Test<ConnectionStringPasswordAnalyzer>("""
        var builder = WebApplication.CreateBuilder(args);
        var reportingConnectionString = "Server=sql;Database=reports;User Id=app;Pwd=[|Sq7LpW2xV9mK|];TrustServerCertificate=true";
        builder.Services.AddSingleton<object>("Server=sql;User Id=app;Pwd=[|Sa9vQ2xLm7Tz|];TrustServerCertificate=true");
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var reportingConnectionString = builder.Configuration.GetConnectionString("Reporting") ?? throw new InvalidOperationException("Missing configuration 'ConnectionStrings:Reporting'");
        builder.Services.AddSingleton<object>(builder.Configuration.GetConnectionString("SqlServer") ?? throw new InvalidOperationException("Missing configuration 'ConnectionStrings:SqlServer'"));
        """).RunAsync();

    [Fact]
    public Task AttributesConditionalBranchesAndExpressionTreesOfferNoFix() => NoFix<KnownSecretFormatAnalyzer>($$"""
        using System.ComponentModel;
        using System.Linq.Expressions;

        [Description("{|RDY1004:{{FakeTokens.AwsAccessKeyId()}}|}")]
        public class Releases(IConfiguration configuration, bool useGitHub)
        {
            public string Token() => useGitHub ? "{|RDY1004:{{FakeTokens.GitHubPat()}}|}" : "none";
            public Expression<Func<string>> Query() => () => "{|RDY1004:{{FakeTokens.SlackBotToken()}}|}";
        }
        """).RunNoFixAsync();

    [Fact]
    public Task NoConfigurationInScopeOffersNoFix() => NoFix<HardcodedCredentialAnalyzer>("""
        public static class PaymentGateway
        {
            public static HttpRequestMessage Charge()
            {
                var apiKey = [|"k8Jd93hQz71LmX0p"|];
                var request = new HttpRequestMessage(HttpMethod.Post, "https://payments.example.com/charges");
                request.Headers.Add("X-Api-Key", apiKey);
                return request;
            }
        }
        """).RunNoFixAsync();
}
