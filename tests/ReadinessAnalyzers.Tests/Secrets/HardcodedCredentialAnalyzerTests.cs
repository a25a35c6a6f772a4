using ReadinessAnalyzers.Secrets;
using Verification = ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Secrets.HardcodedCredentialAnalyzer>;

namespace ReadinessAnalyzers.Tests.Secrets;

public class HardcodedCredentialAnalyzerTests
{
    private const string ConnectionStringBuilderStub = """
        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public string Password { get; set; } = "";
                public string UserID { get; set; } = "";
            }
        }
        """;

    [Fact]
    public Task ConstFieldIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class PaymentSettings
        {
            public const string ApiKey = [|"k8Jd93hQz71LmX0p"|];
        }
        """);

    [Fact]
    public Task PropertyInitializerAndLocalAreReported() => Verify.VerifyAnalyzerAsync("""
        public class SmtpOptions
        {
            public string Password { get; set; } = [|"Tr0ub4dor&3x!"|];

            public void Send()
            {
                var clientSecret = [|"q8Vn2mXr5Tz7wLk"|];
                _ = clientSecret;
            }
        }
        """);

    [Fact]
    public Task ParameterDefaultAndArgumentsAreReported() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        public static class Mailer
        {
            public static void Connect(string host, string password = [|"Xk29vLq7mPz!"|]) { }

            public static void Run()
            {
                Connect("smtp.local", password: [|"P4ssw0rd-Smtp9"|]);
                var credential = new NetworkCredential("orders", [|"Tr0ub4dor&3x"|]);
            }
        }
        """);

    [Fact]
    public Task ObjectAnonymousAndDictionaryInitializersAreReported() => Verify.VerifyAnalyzerAsync("""
        public class Client { public string? AccessToken { get; set; } }

        public static class Setup
        {
            public static void Run()
            {
                var client = new Client { AccessToken = [|"tK9vQ2mXr7Lp4sWz"|] };
                var anonymous = new { Password = [|"An0nym0us!Pw"|] };
                var settings = new Dictionary<string, string?>
                {
                    ["Smtp:Password"] = [|"q8Vn2mXr5Tz"|],
                };
                var pairs = new Dictionary<string, string> { { "ApiKey", [|"Zk3mW8vN1qLx7Ty2"|] } };
                settings.Add("Jwt:Key", [|"d9F2kLq81ZxV0aPw7TnB"|]);
            }
        }
        """);

    [Fact]
    public Task ConfigurationIndexerWriteAndInMemoryCollectionAreReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration["Jwt:Key"] = [|"d9F2kLq81ZxV0aPw7TnB"|];
        builder.Configuration.AddInMemoryCollection(new[]
        {
            new KeyValuePair<string, string?>("Payments:ClientSecret", [|"cS7vB2nQ9xLm4kPw"|]),
            KeyValuePair.Create<string, string?>("Smtp:Password", [|"Sm7pQ2vXr9Lz"|]),
        });
        """);

    [Fact]
    public Task ConnectionStringBuildersPasswordIsReported()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                using Microsoft.Data.SqlClient;
                using Npgsql;

                public static class Db
                {
                    public static void Build()
                    {
                        var sql = new SqlConnectionStringBuilder { UserID = "app", Password = [|"Sq7LpW2xV9mK"|] };
                        var npgsql = new NpgsqlConnectionStringBuilder { Username = "app" };
                        npgsql.Password = [|"Np4gS9vX2qLm"|];
                        var generic = new System.Data.Common.DbConnectionStringBuilder();
                        generic["Password"] = [|"Gn8rK2vQx5Lp"|];
                    }
                }
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", ConnectionStringBuilderStub));
        return test.RunAsync();
    }

    [Fact]
    public Task InterpolationWithoutHolesConcatenationAndFallbackAreReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var dbPassword = [|$"Xk29vLq7mPz!"|];
        var apiToken = [|"tK9vQ2mX" + "r7Lp4sWz"|];
        var password = builder.Configuration["Db:Password"] ?? [|"Fa11back!Pw9"|];
        """);

    [Fact]
    public Task MessageNamesTheTargetAndMasksTheValue() => Verify.VerifyAnalyzerAsync("""
        public static class Settings
        {
            public static readonly string ClientSecret = {|#0:"cS7vB2nQ9xLm4kPwZ8"|};
        }
        """,
        Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0)
            .WithMessageContaining("'ClientSecret'").WithMessageContaining("cS7v…(18 chars)").WithMessageNotContaining("nQ9xLm"));

    [Fact]
    public Task InsideIsDevelopmentIsStillReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration["Jwt:Key"] = [|"d9F2kLq81ZxV0aPw7TnB"|];
        }
        """);

    [Fact]
    public Task LabelsQuestionsAndMessagesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public class LoginModel
        {
            public const string PasswordLabel = "Password";
            public const string PasswordKey = "Password";
            private const string passwordQuestion = "What is your password?";
            public string PasswordPrompt { get; } = "Please enter your password";
            public string PasswordHint { get; } = "AtLeast8Characters!";

            [Display(Name = "Password")]
            public string Password { get; set; } = "";

            public string PasswordError => "Password is required";
        }
        """);

    [Fact]
    public Task KeyPathsVariableNamesTemplatesAndNameofAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        string jwtKey = "Jwt:Key";
        string dbPassword = "DB_PASSWORD";
        string smtpPassword = "Smtp__Password";
        string apiKeyV2 = "API_KEY_V2";
        string token = "Bearer {0}";
        string password = nameof(password);
        var fromEnv = Environment.GetEnvironmentVariable("DB_PASSWORD");
        var fromConfig = builder.Configuration["Jwt:Key"];
        var secret = builder.Configuration.GetValue<string>("Payments:ClientSecret");
        """);

    [Fact]
    public Task EmptyWhitespacePlaceholdersAndShortValuesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Defaults
        {
            public const string Password = "";
            public const string ApiKey = "   ";
            public const string ClientSecret = "changeme";
            public const string AccessToken = "<your-token-here>";
            public const string SigningKey = "${JWT_SIGNING_KEY}";
            public const string SmtpPassword = "%SMTP_PASSWORD%";
            public const string DbPassword = "{{ db_password }}";
            public const string RefreshToken = "#{RefreshToken}#";
            public const string Pin = "1234";
            public const string Secret = "xxxxxxxxxxxx";
            public const string UserSecretsId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        }
        """);

    [Fact]
    public Task NamedConstantsReferencedElsewhereAreReportedOnlyAtTheirDeclaration() => Verify.VerifyAnalyzerAsync("""
        public class Client
        {
            private const string DefaultApiKey = [|"Zk3mW8vN1qLx7Ty2"|];
            public string ApiKey { get; set; } = DefaultApiKey;
        }
        """);

    [Fact]
    public Task NonCredentialNamesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Options
        {
            public string CacheKey { get; set; } = "Xk29vLq7mPz!";
            public string TokenLifetime { get; set; } = "00:30:00";
            public string ApiKeyHeaderName { get; set; } = "X-Api-Key-9f";
            public string Description { get; set; } = "Tr0ub4dor&3x";
        }
        """);

    [Fact]
    public Task ExtraCredentialWordsAndExcludedNamesComeFromEditorConfig()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                public static class Settings
                {
                    public const string DbKennwort = [|"Xk29vLq7mPz!"|];
                    public const string LegacySecret = "Zk3mW8vN1qLx7Ty2";
                }
                """,
            EditorConfig = "RDY1001.extra_credential_words = kennwort\nreadiness.excluded_names = LegacySecret\n",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task ExtraPlaceholderPatternsAndEntropyThresholdComeFromEditorConfig()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                public static class Settings
                {
                    public const string ApiKey = "Deploy-Replaces-Me-42";
                    public const string Password = "aaaabbbb12";
                    public const string ClientSecret = [|"cS7vB2nQ9xLm4kPwZ8"|];
                }
                """,
            EditorConfig = "readiness.extra_placeholder_patterns = deploy-replaces-*\nRDY1001.entropy_threshold = 3.0\n",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task TestProjectIsNotAnalyzed()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                public static class Fixture
                {
                    public const string Password = "P@ssw0rd-Fixture1";
                }
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task NamesWhoseHeadNounIsNotTheCredentialAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Names
        {
            public const string TokenIdentifier = "Zk3mW8vN1qLx7Ty2";
            public const string RotateApiKeyCommand = "Rk7vQ2mXr9Lp!4sW";
            public const string PasswordResetPurpose = "Pw8#Reset-2Lq9Xv";
            public const string SecretsVersioning = "v2:Kx8Lq3Zm9Tn7";
            public const string STOCK_LEVEL_TOKEN_FILTER = "stk_9Lq2!mXv";
            public const string PASSWORD_MASK_REPLACEMENT = "|||%%MASK7%%|||";
        }
        """);

    [Fact]
    public Task ValuesThatAreNamesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class WarehouseConstants
        {
            public const string OrderConfirmationToken = "OrderConfirmationToken";
            public const string ServiceToken = "X-Service-Token";
            public const string SearchToken = "stock_level7";
            public const string ReleaseTokens = ".Quiet.Harbor.Blue-Team";
            public const string ScopeSecret = "invoices.read:write";
            public const string PreviewKeySecret = "crop=640:-2:keep_ratio=shrink";
            public const string DefaultToken = "MyWarehouseToken";
        }
        """);

    [Fact]
    public Task OrdinaryParameterNamedTokenNeedsASecretShapedValue() => Verify.VerifyAnalyzerAsync("""
        [System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = true)]
        public sealed class HelpTokenAttribute : System.Attribute
        {
            public HelpTokenAttribute(string label, string token, object value) { }
        }

        public class Settings
        {
            [HelpToken("Host", "warehouseName", "Central")]
            [HelpToken("Host", "url", "http://[host]:[port]/")]
            public string Host { get; set; } = "";

            public static string Render(string template, string token) => template + token;

            public static void Run()
            {
                _ = Render("x", "shipping");
                _ = Render("x", token: [|"Zk3mW8vN1qLx7Ty2"|]);
            }
        }
        """);

    [Fact]
    public Task CredentialSinksTakeAnyNonEmptyLiteral() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using Microsoft.AspNetCore.Identity;

        public class Seeder
        {
            public static async Task Seed(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, IdentityUser admin)
            {
                await users.CreateAsync(admin, [|"admin"|]);
                await users.ChangePasswordAsync(admin, [|"admin"|], [|"Welcome to the shop"|]);
                await signIn.PasswordSignInAsync("admin", [|"s3cr3t"|], false, false);
                var relay = new NetworkCredential("mailer", [|"passw0rd"|]);
                await users.CreateAsync(admin, "");
            }

            public static void Configure(IServiceCollection services)
                => services.AddAuthentication().AddOAuth("warehouse", o =>
                {
                    o.ClientId = "warehouse";
                    o.ClientSecret = [|"s3cr3t"|];
                });
        }
        """);

    [Fact]
    public Task LiteralsAreFollowedToTheSinkThroughConstantsLocalsFieldsAndProperties() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        public class Mailer
        {
            private const string RelayLogin = "admin";
            private const string RelayPassword = [|"Tr0ub4dor&3x"|];
            private static readonly string Fallback = "letmein";
            private string Backup { get; } = "hunter22";

            public void Connect()
            {
                var login = "welcome";
                _ = new NetworkCredential("mailer", [|RelayLogin|]);
                _ = new NetworkCredential("mailer", [|login|]);
                _ = new NetworkCredential("mailer", [|Fallback|]);
                _ = new NetworkCredential("mailer", [|Backup|]);
                _ = new NetworkCredential("mailer", RelayPassword);
            }
        }
        """);

    [Fact]
    public Task IdentityServerClientSecretsHashedAtStartupAreReported()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                using Duende.IdentityServer.Models;

                public static class Clients
                {
                    public static Client[] All =>
                    [
                        new Client
                        {
                            ClientId = "warehouse",
                            ClientSecrets = { new Secret([|"s3cr3t"|].Sha256()) },
                        },
                    ];
                }
                """,
            CompilerDiagnostics = Verification.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task SinksAreRecognisedByExactNameWithoutPackageReferences()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                using Microsoft.AspNetCore.Identity;
                using OpenIddict.Abstractions;

                public class Seeder
                {
                    private readonly UserManager<AppUser> _users;

                    public async Task Seed(AppUser admin)
                    {
                        await _users.CreateAsync(admin, [|"Pass123$"|]);
                        var descriptor = new OpenIddictApplicationDescriptor
                        {
                            ClientId = "console",
                            ClientSecret = [|"388D45FA-B36B-4988-BA59-B187D329C207"|],
                        };
                    }
                }

                public class AppUser { }
                """,
            References = Verification.TestReferences.WithoutPackages,
            CompilerDiagnostics = Verification.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task InstructionsConfigurationFallbacksAndThumbprintsAtASinkAreNotReported()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                using Duende.IdentityServer.Models;

                public static class Setup
                {
                    public static void Configure(IServiceCollection services, IConfiguration configuration)
                        => services.AddAuthentication()
                            .AddOAuth("partner", o => o.ClientSecret = "<insert here>")
                            .AddOAuth("carrier", o => o.ClientSecret = "copy the carrier client secret here")
                            .AddOAuth("billing", o => o.ClientSecret = configuration["Billing:ClientSecret"] ?? "disabled");

                    public static Client Mtls => new Client
                    {
                        ClientSecrets =
                        {
                            new Secret("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567")
                            {
                                Type = "X509Thumbprint",
                            },
                        },
                    };
                }
                """,
            CompilerDiagnostics = Verification.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task FixturesInATestFolderOfAnApplicationAreNotReported()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>();
        test.Sources.Add(("/src/Warehouse.Core.Test/Fixtures/CarrierFixture.cs", """
            public static class CarrierFixture
            {
                public const string ApiKey = "Zk3mW8vN1qLx7Ty2";
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task SampleDataNamedAsSuchIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class SampleWarehouse
        {
            public const string TEST_API_KEY = "Zk3mW8vN1qLx7Ty2Qa";
            public const string DemoPassword = "Dm0-Pa55!wX7";
        }
        """);

    [Fact]
    public Task AspireEnvironmentPairsAreReported() => Verify.VerifyBrokenCodeAsync("""
        public static class AppHost
        {
            public static void Run(dynamic api)
            {
                Resource r = null!;
                r.WithEnvironment("Seed__AdminPassword", [|"Wh4rf-Adm1n!"|]);
            }
        }

        public class Resource
        {
            public Resource WithEnvironment(string name, string value) => this;
        }
        """);

    [Fact]
    public Task JsonAndEnvTextInsideALiteralIsReported() => Verify.VerifyAnalyzerAsync(""""
        public static class GatewaySeed
        {
            public const string Settings = [|"{ \"IsSandbox\": true, \"MerchantId\": \"m-100\", \"SecretKey\": \"Gw7kQ2vXr9Lm4sTz\" }"|];
            public const string Labels = "{ \"PasswordLabel\": \"Your password\", \"ApiKeyHeader\": \"X-Api-Key\" }";
            public const string Env = [|"""
                LOG_LEVEL=info
                SMTP_PASSWORD=Sm7pQ2xLv9Kd
                """|];
        }
        """");

    [Fact]
    public Task SeededIdentityPasswordHashIsReported() => Verify.VerifyAnalyzerAsync("""
        public class Account { public string? PasswordHash { get; set; } public string? SecurityStamp { get; set; } }

        public static class Seed
        {
            public static Account Admin => new Account
            {
                PasswordHash = [|"AQAAAAEAACcQAAAAEKq1cW2xv9LmT4sZr8YdN3bV7aPqW0eXhJkUoGtRiFnMcBzDyEwQ5uTlSjHgIfKp0A=="|],
                SecurityStamp = "a1b2c3d4",
            };
        }
        """);

    [Fact]
    public Task OpenIddictSetClientSecretIsASinkWithoutPackageReferences()
    {
        var test = new Verification.AnalyzerTest<HardcodedCredentialAnalyzer>
        {
            TestCode = """
                public static class Api
                {
                    public static void Configure(dynamic services)
                    {
                        OpenIddictValidationBuilder options = null!;
                        options.SetIssuer("https://id.example").SetClientId("api").SetClientSecret([|"846B62D0-DEF9-4215-A99D-86E6B8DAB342"|]);
                    }
                }
                """,
            References = Verification.TestReferences.WithoutPackages,
            CompilerDiagnostics = Verification.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public class Broken
        {
            public void M(IMissing missing)
            {
                missing["Jwt:Key"] = "d9F2kLq81ZxV0aPw7TnB";
                var credential = new MissingCredential("user", "Tr0ub4dor&3x");
                Connect(password: );
                var x = new { Password = };
                settings.Add("ApiKey", );
            }
        }
        """);
}
