using Verification = ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Logging.CredentialWrittenToLogAnalyzer>;

namespace ReadinessAnalyzers.Tests.Logging;

public class CredentialWrittenToLogAnalyzerTests
{
    private const string Types = """
        public class User { public string Name { get; set; } = ""; public string Password { get; set; } = ""; public bool HasPassword { get; set; } }
        public class PaymentOptions { public string ApiKey { get; set; } = ""; public TimeSpan TokenLifetime { get; set; } }
        """;

    [Fact]
    public Task CredentialArgumentsOfLogCallsAreReported() => Verify.VerifyAnalyzerAsync($$"""
        public class LoginService(ILogger<LoginService> logger, PaymentOptions options)
        {
            private readonly string _clientSecret = Environment.GetEnvironmentVariable("CLIENT") ?? "";

            public void Login(User user, string password, string accessToken)
            {
                logger.LogInformation("Login {User} with {Password}", user.Name, [|password|]);
                logger.LogDebug("Stored {Password}", [|user.Password|]);
                logger.LogWarning("Calling payments with {Key}", [|options.ApiKey|]);
                logger.Log(LogLevel.Information, "Token {Token}", [|accessToken|]);
                logger.LogError(new Exception("boom"), "Secret {Secret}", [|_clientSecret|]);
                using var scope = logger.BeginScope("Token {Token}", [|accessToken|]);
            }
        }
        {{Types}}
        """);

    [Fact]
    public Task CredentialsInterpolatedOrConcatenatedIntoTheMessageAreReported() => Verify.VerifyAnalyzerAsync($$"""
        public class LoginService(ILogger<LoginService> logger)
        {
            public void Login(User user, string refreshToken)
            {
                logger.LogInformation($"User {user.Name} logged in with {[|user.Password|]}");
                logger.LogInformation("Refresh token: " + [|refreshToken|]);
                logger.LogInformation([|refreshToken|]);
            }
        }
        {{Types}}
        """);

    [Fact]
    public Task ConsoleAndTraceOutputIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class Diagnostics
        {
            public static void Dump(string apiKey, string dbPassword)
            {
                Console.WriteLine($"key={[|apiKey|]}");
                Console.Write([|dbPassword|]);
                Console.Error.WriteLine("password: {0}", [|dbPassword|]);
                System.Diagnostics.Trace.WriteLine([|apiKey|]);
                System.Diagnostics.Trace.TraceInformation("key {0}", [|apiKey|]);
            }
        }
        """);

    [Fact]
    public Task LoggerMessageDefineDelegateIsReported() => Verify.VerifyAnalyzerAsync("""
        public class TokenService(ILogger<TokenService> logger)
        {
            private static readonly Action<ILogger, string, string, Exception?> s_issued =
                LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1), "Issued {Token} for {User}");

            public void Issue(string token, string userName) => s_issued(logger, [|token|], userName, null);
        }
        """);

    [Fact]
    public Task LoggerMessageGeneratedMethodIsReported() => Verify.VerifyAnalyzerAsync("""
        public static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Login for {UserName} with {Password}")]
            public static partial void LoginAttempt(ILogger logger, string userName, string password);

            public static partial void LoginAttempt(ILogger logger, string userName, string password) { }
        }

        public class LoginService(ILogger<LoginService> logger)
        {
            public void Login(string userName, string password) => Log.LoginAttempt(logger, userName, [|password|]);
        }
        """);

    [Fact]
    public Task CredentialsReadFromConfigurationHeadersAndMethodsAreReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup(ILogger<Startup> logger, IConfiguration configuration)
        {
            public string GetAccessToken() => "";

            public void Handle(HttpContext context)
            {
                logger.LogInformation("Signing key {Key}", [|configuration["Jwt:SigningKey"]|]);
                logger.LogInformation("Auth {Header}", [|context.Request.Headers.Authorization|]);
                logger.LogInformation("Auth {Header}", [|context.Request.Headers["Authorization"]|]);
                logger.LogInformation("Token {Token}", [|GetAccessToken()|]);
                logger.LogInformation("Token {Token}", [|GetAccessToken().ToString()|]);
            }
        }
        """);

    [Fact]
    public Task CredentialInADestructuredAnonymousObjectIsReported() => Verify.VerifyAnalyzerAsync($$"""
        public class LoginService(ILogger<LoginService> logger)
        {
            public void Login(User user) => logger.LogInformation("Login {@Login}", new { user.Name, [|user.Password|] });
        }
        {{Types}}
        """);

    [Fact]
    public Task MessageNamesTheValueAndTheCallButNotALiteral() => Verify.VerifyAnalyzerAsync($$"""
        public class LoginService(ILogger<LoginService> logger, IConfiguration configuration)
        {
            public void Login(User user)
            {
                logger.LogInformation("Stored {Password}", {|#0:user.Password|});
                logger.LogInformation("Key {Key}", {|#1:configuration["Smtp:Password"]|});
            }
        }
        {{Types}}
        """,
        Verify.Diagnostic(RuleIds.CredentialWrittenToLog).WithLocation(0).WithMessageContaining("'user.Password' looks like a credential and is written to the log by 'LogInformation'"),
        Verify.Diagnostic(RuleIds.CredentialWrittenToLog).WithLocation(1).WithMessageContaining("'a value read with a credential-named key'"));

    [Fact]
    public Task GuardThatAlsoAdmitsAnotherEnvironmentIsNotADevelopmentGuard() => Verify.VerifyAnalyzerAsync("""
        public static class Diagnostics
        {
            public static void Dump(IHostEnvironment env, ILogger logger, string apiKey)
            {
                if (env.IsDevelopment() || env.IsStaging())
                {
                    logger.LogInformation("Key {Key}", [|apiKey|]);
                }
            }
        }
        """);

    [Fact]
    public Task NamesAboutACredentialAreNotReported() => Verify.VerifyAnalyzerAsync($$"""
        public class LoginService(ILogger<LoginService> logger, PaymentOptions options)
        {
            public void Login(User user, string password, CancellationToken cancellationToken, int passwordLength, bool hasPassword, bool passwordExpired)
            {
                logger.LogInformation("Length {Length}", passwordLength);
                logger.LogInformation("Length {Length}", password.Length);
                logger.LogInformation("Has password {HasPassword}", hasPassword);
                logger.LogInformation("Has password {HasPassword}", user.HasPassword);
                logger.LogInformation("Expired {Expired}", passwordExpired);
                logger.LogInformation("Lifetime {TokenLifetime}", options.TokenLifetime);
                logger.LogInformation("Cancelled {Cancelled}", cancellationToken.IsCancellationRequested);
                logger.LogInformation("Present {Present}", !string.IsNullOrEmpty(password));
                logger.LogInformation($"Password set: {password != null}");
            }
        }
        {{Types}}
        """);

    [Fact]
    public Task ConditionalValueIsJudgedBranchByBranch() => Verify.VerifyAnalyzerAsync("""
        public class TokenService(ILogger<TokenService> logger, IHostEnvironment env)
        {
            private static string Mask(string value) => "…";

            public void Issue(string token)
            {
                logger.LogInformation("Issued {Token}", env.IsDevelopment() ? token : Mask(token));
                logger.LogInformation("Issued {Token}", env.IsStaging() ? [|token|] : Mask(token));
            }
        }
        """);

    [Fact]
    public Task ConstantsAndEventNamesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Events
        {
            public const string TokenRefreshed = "token refreshed";
            public static readonly string ApiKeyMissing = "api key missing";
        }

        public class TokenService(ILogger<TokenService> logger)
        {
            private const string Password = "see the vault";

            public void Refresh()
            {
                logger.LogInformation(Events.TokenRefreshed);
                logger.LogWarning(Events.ApiKeyMissing);
                logger.LogInformation("Where: {Password}", Password);
            }
        }
        """);

    [Fact]
    public Task MaskedAndHashedValuesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public class TokenService(ILogger<TokenService> logger)
        {
            private static string Mask(string value) => value.Length > 4 ? value[..4] + "…" : "…";
            private static string HashToken(string value) => value;

            public void Issue(string token)
            {
                var maskedToken = Mask(token);
                logger.LogInformation("Issued {Token}", Mask(token));
                logger.LogInformation("Issued {Token}", maskedToken);
                logger.LogInformation("Issued {Token}", HashToken(token));
                logger.LogInformation($"Issued {Mask(token)}");
            }
        }
        """);

    [Fact]
    public Task TheLoggerAndTheExceptionAreNotValuesWrittenToTheLog() => Verify.VerifyAnalyzerAsync("""
        public class TokenService(ILogger<TokenService> tokenLogger)
        {
            public void Fail(Exception tokenException, ILogger<TokenService> refreshTokenLogger)
            {
                tokenLogger.LogError(tokenException, "Refresh failed");
                refreshTokenLogger.LogWarning("Refresh failed");
            }
        }
        """);

    [Fact]
    public Task DebugOutputAndOtherWritersAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Notes
        {
            public void Log(string password) { }

            public void Write(string password, TextWriter file)
            {
                System.Diagnostics.Debug.WriteLine(password);
                Log(password);
                file.WriteLine(password);
                var sb = new System.Text.StringBuilder();
                sb.Append(password);
            }
        }
        """);

    [Fact]
    public Task CredentialLoggedInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var apiKey = builder.Configuration["Payments:ApiKey"];
        if (app.Environment.IsDevelopment())
        {
            app.Logger.LogInformation("Payments key {ApiKey}", apiKey);
            Console.WriteLine(apiKey);
        }
        app.Run();
        """);

    [Fact]
    public Task CredentialLoggedInAConditionalDebugMethodIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Dump
        {
            [System.Diagnostics.Conditional("DEBUG")]
            public static void Secrets(ILogger logger, string apiKey) => logger.LogInformation("Key {Key}", apiKey);
        }
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public class LoginService(ILogger<LoginService> logger)
        {
            public void Login(string password)
            {
                logger.LogInformation("Login {Password}", [|password|], );
                logger.LogInformation($"{missingToken}");
                logger.LogInformation("Key {Key}", unknown.ApiKey);
                Console.WriteLine(
                s_missing(logger, password, null);
            }
        }
        """);

    [Fact]
    public Task DestructuredObjectsAndRecordsWithCredentialPropertiesAreReported() => Verify.VerifyAnalyzerAsync("""
        public class SignupForm { public string Email { get; set; } = ""; public string Password { get; set; } = ""; }
        public record TokenGrant(string Subject, string RefreshToken);
        public class Contact { public string Name { get; set; } = ""; public string Phone { get; set; } = ""; }
        public class MaskedForm { public string Email { get; set; } = ""; [System.Text.Json.Serialization.JsonIgnore] public string Password { get; set; } = ""; }

        public class Accounts(ILogger<Accounts> logger)
        {
            public void Register(SignupForm form, TokenGrant grant, Contact contact, MaskedForm masked)
            {
                logger.LogInformation("Signup {@Form}", [|form|]);
                logger.LogInformation(new EventId(7), "Grant {Grant} for {@Contact}", [|grant|], contact);
                logger.LogInformation("Signup {Form} {@Masked}", form, masked);
                logger.LogInformation("Signup of {Email}", form.Email);
            }
        }
        """);

    private const string LibraryLoggerStubs = """
        namespace NLog
        {
            public class Logger
            {
                public void Error(Exception exception, string message, params object?[] args) { }
                public void Debug(string message) { }
            }
        }
        """;

    [Fact]
    public Task NLogAndSerilogLoggerCallsAreReported()
    {
        var test = new Verification.AnalyzerTest<ReadinessAnalyzers.Logging.CredentialWrittenToLogAnalyzer>
        {
            TestCode = """
                public class StoreSettings { public string ApiKey { get; set; } = ""; public PasswordItem Password { get; } = new(); }
                public class PasswordItem { public string Value { get; set; } = ""; }

                public class Notifier(NLog.Logger logger)
                {
                    public void Send(StoreSettings settings, Exception ex)
                    {
                        logger.Error(ex, "Key rejected: {0}", [|settings.ApiKey|]);
                        logger.Debug("Login with " + [|settings.Password.Value|]);
                    }
                }
                """,
            References = Logging.LoggingLibraryStubs.References,
        };
        test.Sources.Add(("/0/NLogStubs.cs", LibraryLoggerStubs));
        return test.RunAsync();
    }

    [Fact]
    public Task NLogAndSerilogCallsAreReportedByNameWhenThePackagesAreNotRestored() => Verify.VerifyBrokenCodeAsync("""
        public class StoreSettings { public string ApiKey { get; set; } = ""; }

        public class Notifier
        {
            private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

            public void Send(StoreSettings settings, Exception ex, string password)
            {
                Logger.Error(ex, "Key rejected: {0}", [|settings.ApiKey|]);
                Log.Information("Login {Password}", [|password|]);
                Metrics.Error("Key rejected", settings.ApiKey);
            }
        }
        """);
}
