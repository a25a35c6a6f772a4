using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Secrets;
using Verification = ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Secrets.KnownSecretFormatAnalyzer>;

namespace ReadinessAnalyzers.Tests.Secrets;

public class KnownSecretFormatAnalyzerTests
{
    private static readonly string GitHub = FakeTokens.GitHubPat();
    private static readonly string Aws = FakeTokens.AwsAccessKeyId();
    private static readonly string Stripe = FakeTokens.StripeLiveKey();
    private static readonly string Slack = FakeTokens.SlackBotToken();

    [Fact]
    public Task TokenInALocalIsReportedOnTheTokenWithItsFormatName() => Verify.VerifyAnalyzerAsync($$"""
        var client = new HttpClient();
        var token = "{|#0:{{GitHub}}|}";
        client.DefaultRequestHeaders.Add("Authorization", "token " + token);
        """,
        Verify.Diagnostic(RuleIds.KnownSecretFormatInCode).WithLocation(0)
            .WithMessageContaining("GitHub personal access token (classic)").WithMessageContaining("ghp_…(40 chars)").WithMessageContaining("GitHub"));

    [Fact]
    public Task EveryKindOfLiteralIsRead() => Verify.VerifyAnalyzerAsync($$""""
        using System.ComponentModel;

        [Description("{|RDY1004:{{Aws}}|}")]
        public static class Keys
        {
            public const string Verbatim = @"key: {|RDY1004:{{Stripe}}|}";
            public const string Raw = """
                slack = {|RDY1004:{{Slack}}|}
                """;
            public static ReadOnlySpan<byte> Utf8 => "{|RDY1004:{{GitHub}}|}"u8;
            public static string Interpolated(string user) => $"user={user};token={|RDY1004:{{GitHub}}|}";
            public static string Default(string key = "{|RDY1004:{{Aws}}|}") => key;
        }
        """");

    [Fact]
    public Task PrivateKeyWithEscapesIsReportedOnTheWholeLiteral()
    {
        var pem = FakeTokens.PrivateKeyPem().Replace("\n", "\\n");
        return Verify.VerifyAnalyzerAsync($$"""
            public static class Signing
            {
                public const string Pem = {|RDY1004:"{{pem}}"|};
            }
            """);
    }

    [Fact]
    public Task InsideIsDevelopmentIsStillReported() => Verify.VerifyAnalyzerAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration["GitHub:Token"] = "{|RDY1004:{{GitHub}}|}";
        }
        """);

    [Fact]
    public Task LookAlikesAndPlaceholdersAreNotReported() => Verify.VerifyAnalyzerAsync($$"""
        public static class Docs
        {
            public const string BadChecksum = "{{FakeTokens.GitHubPatWithBadChecksum()}}";
            public const string AwsDocs = "AKIAIOSFODNN7EXAMPLE";
            public const string Fake = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
            public const string InWord = "notAKIA{{Aws.Substring(4)}}x";
            public const string Short = "sk_live_abc";
            public const string Prefix = "ghp_";
        }
        // A token in a comment is not a literal: {{GitHub}}
        """);

    [Fact]
    public Task TokensAreFoundWithoutPackageReferences()
    {
        var test = new Verification.AnalyzerTest<KnownSecretFormatAnalyzer>
        {
            TestCode = $$"""
                public static class Payments
                {
                    public static object Client() => new StripeClient("{|#0:{{Stripe}}|}");
                }
                """,
            References = Verification.TestReferences.WithoutPackages,
            CompilerDiagnostics = Verification.CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KnownSecretFormatInCode).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task PrivateJsonWebKeyWithSingleQuotesIsReportedAndAPublicOneIsNot() => Verify.VerifyAnalyzerAsync("""
        public static class Keys
        {
            public const string Signer = "{'kty':'RSA','e':'AQAB','d':'{|RDY1004:Wv8kLq2Zx9mT4pRn7sQa1BZk3mW8vN1qLx7Ty2Qa0Xb5Yc|}','n':'Zk3mW8vN1qLx7Ty2Qa0Wv8kLq2Zx9mT4pRn7sQa1B'}";
            public const string Verifier = "{'kty':'RSA','e':'AQAB','n':'Zk3mW8vN1qLx7Ty2Qa0Wv8kLq2Zx9mT4pRn7sQa1B'}";
        }
        """);

    [Fact]
    public Task ConnectionStringPasswordsAreLeftToRdy1003() => Verify.VerifyAnalyzerAsync("""
        public static class Db
        {
            public const string Orders = "Host=db;Database=orders;Username=app;Password=Pg7xQ2vLm9Kd";
        }
        """);

    [Fact]
    public Task TestProjectReportsAsRdy1006AtInfoSeverity()
    {
        var test = new Verification.AnalyzerTest<KnownSecretFormatAnalyzer>
        {
            TestCode = $$"""
                public static class Fixture
                {
                    public const string Token = "{|#0:{{GitHub}}|}";
                }
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.SecretInTestFile).WithLocation(0).WithSeverity(DiagnosticSeverity.Info));
        return test.RunAsync();
    }

    [Fact]
    public Task FileUnderATestFolderReportsAsRdy1006()
    {
        var test = new Verification.AnalyzerTest<KnownSecretFormatAnalyzer>();
        test.Sources.Add(("/repo/tests/Orders.Tests/Fixture.cs", $$"""
            public static class Fixture
            {
                public const string Token = "{|RDY1006:{{GitHub}}|}";
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ExtraPlaceholderPatternsSilenceAValue()
    {
        var test = new Verification.AnalyzerTest<KnownSecretFormatAnalyzer>
        {
            TestCode = $$"""
                public static class Samples
                {
                    public const string Token = "{{GitHub}}";
                }
                """,
            EditorConfig = $"readiness.extra_placeholder_patterns = {GitHub[..10]}*\n",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync($$"""
        var token = "{|RDY1004:{{GitHub}}|}"
        var x = $"unterminated {
        var y = "
        """);
}
