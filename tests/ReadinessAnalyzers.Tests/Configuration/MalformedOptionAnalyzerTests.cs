using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Configuration;
using Verification = ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Configuration.MalformedOptionAnalyzer>;

namespace ReadinessAnalyzers.Tests.Configuration;

public class MalformedOptionAnalyzerTests
{
    private static Verification.AnalyzerTest<MalformedOptionAnalyzer> Test(string? editorConfig = null, string? globalConfig = null)
    {
        var test = new Verification.AnalyzerTest<MalformedOptionAnalyzer>();
        test.Sources.Add(("/app/Program.cs", "public class Program { }"));
        test.Sources.Add(("/app/Orders.cs", "public class Orders { }"));
        test.Sources.Add(("/app/tests/OrdersTests.cs", "public class OrdersTests { }"));
        test.AdditionalFiles.Add(("/app/appsettings.json", "{ }"));
        if (editorConfig != null)
        {
            test.AnalyzerConfigFiles.Add(("/app/.editorconfig", "root = true\n\n" + editorConfig));
        }

        if (globalConfig != null)
        {
            test.AnalyzerConfigFiles.Add(("/app/.globalconfig", "is_global = true\n" + globalConfig));
        }

        return test;
    }

    private static async Task<string[]> MessagesAsync(Verification.AnalyzerTest<MalformedOptionAnalyzer> test)
    {
        var diagnostics = await test.GetDiagnosticsAsync();
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(RuleIds.MalformedOption, d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(Location.None, d.Location);
        });
        return diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task ValidOptionsEverywhereAreNotReported()
    {
        var test = Test(
            editorConfig: """
                [*]
                readiness.extra_credential_words = kennwort, motdepasse
                RDY1001.excluded_names = SecretSantaName, Jwt:KeyId
                readiness.extra_placeholder_patterns = *-replace-at-deploy, dev-*
                readiness.test_path_globs = **/tests/**, **/fixtures/**
                RDY1005.entropy_threshold = 3.5
                readiness.environment = Staging
                RDY3002.script_readable_cookies = MY-XSRF-TOKEN
                RDY9020.nonroot_base_images = registry.example.com/base/*
                RDY8005.development_settings = Features:UseDeveloperExceptionPage, Swagger:*
                readiness.allowed_origin_patterns = https://app.example.com, https://*.example.com:8443, http://localhost:5000
                readiness.test_path_globs =
                dotnet_diagnostic.RDY1001.severity = error
                dotnet_analyzer_diagnostic.category-Secrets.severity = warning
                indent_size = 4
                """,
            globalConfig: "readiness.development_guard_methods = IsLocal, HostingExtensions.IsDevOrTest\n");
        Assert.Empty(await MessagesAsync(test));
    }

    [Fact]
    public async Task AMalformedValueIsReportedOnceWithTheKeyTheValueWhatIsExpectedAndTheDefault()
    {
        // The [*] section applies to three C# files and appsettings.json: still one report.
        var messages = await MessagesAsync(Test(editorConfig: "[*]\nreadiness.entropy_threshold = abc\n"));
        Assert.Equal(
            ["ReadinessAnalyzers option 'readiness.entropy_threshold = abc' is malformed: 'abc' is not a number. Expected a number from 0 to 6 "
                + "with a '.' decimal point (3.5); until it is fixed the rules use the default: none (0)"],
            messages);
    }

    [Fact]
    public async Task AValueOutOfRangeIsReported()
    {
        var message = Assert.Single(await MessagesAsync(Test(globalConfig: "RDY1001.entropy_threshold = 99\n")));
        Assert.StartsWith("ReadinessAnalyzers option 'RDY1001.entropy_threshold = 99' is malformed: 99 is outside 0 to 6 bits per character.", message);
    }

    [Fact]
    public async Task EachDistinctKeyAndValueIsReportedOnce()
    {
        var test = Test(editorConfig: """
            [*.cs]
            readiness.environment = Staging, QA
            RDY1001.extra_credential_words = api-key

            [tests/**.cs]
            readiness.environment = Test Env

            [*.json]
            readiness.environment = Staging, QA
            """);
        var messages = await MessagesAsync(test);
        Assert.Equal(3, messages.Length);
        Assert.Contains(messages, m => m.StartsWith("ReadinessAnalyzers option 'readiness.environment = Staging, QA' is malformed: 'Staging, QA' is not one environment name", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("ReadinessAnalyzers option 'readiness.environment = Test Env' is malformed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'api-key' is not a single word", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOptionSetOnlyForAnAdditionalFileIsChecked()
    {
        var message = Assert.Single(await MessagesAsync(Test(editorConfig: "[appsettings*.json]\nRDY1005.test_path_globs = **\n")));
        Assert.Contains("'**' matches every file", message, StringComparison.Ordinal);
        Assert.Contains("the default: **/test/**, **/tests/**, **/*.Tests/**, **/*Tests/**, **/*.Test/**", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("readiness.development_guard_methods = 1bad name", "'1bad name' is not a method name (IsLocal) or a Type.Method name")]
    [InlineData("readiness.development_guard_methods = IsLocal()", "'IsLocal()' is not a method name")]
    [InlineData("readiness.extra_credential_words = \"kennwort\"", "\"kennwort\" is quoted: .editorconfig values are written without quotes")]
    [InlineData("readiness.excluded_names = Secret Santa", "'Secret Santa' contains a space")]
    [InlineData("readiness.extra_placeholder_patterns = *", "'*' matches every value")]
    [InlineData("readiness.test_path_globs = **/{test,tests}/**", "uses [...] or {...}")]
    [InlineData("readiness.script_readable_cookies = XSRF TOKEN", "'XSRF TOKEN' is not a cookie name: ' ' cannot appear in one")]
    [InlineData("readiness.nonroot_base_images = *", "'*' matches every image")]
    [InlineData("readiness.development_settings = Features:", "'Features:' has an empty section name")]
    [InlineData("readiness.allowed_origin_patterns = https://example.com/", "has a path, query or fragment")]
    [InlineData("readiness.allowed_origin_patterns = ftp://example.com", "has scheme 'ftp'")]
    [InlineData("readiness.allowed_origin_patterns = https://*.com", "puts '*.' over a top-level domain")]
    [InlineData("readiness.allowed_origin_patterns = https://app.*.example.com", "has a '*' that is not one leading '*.' label")]
    [InlineData("readiness.allowed_origin_patterns = https://example.com:99999", "has port '99999'")]
    [InlineData("readiness.allowed_origin_patterns = *", "allows every origin")]
    [InlineData("readiness.allowed_origin_patterns = example.com", "is not scheme://host[:port]")]
    public async Task EachKindOfOptionSaysWhatIsWrong(string line, string problem)
    {
        var message = Assert.Single(await MessagesAsync(Test(globalConfig: line + "\n")));
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.Contains("until it is fixed the rules use the default", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongValueIsShortened()
    {
        var value = string.Join(", ", Enumerable.Repeat("api-key", 20));
        var message = Assert.Single(await MessagesAsync(Test(globalConfig: $"readiness.extra_credential_words = {value}\n")));
        Assert.Contains("'readiness.extra_credential_words = " + value[..60] + "…'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOptionIsReportedWithTheLikelyName()
    {
        var messages = await MessagesAsync(Test(editorConfig: "[*]\nreadiness.extra_credential_word = kennwort\nRDY1001.entropy = 3\nreadiness.colour = blue\n"));
        Assert.Equal(
            [
                "ReadinessAnalyzers option 'RDY1001.entropy = 3' has no effect: 'entropy' is not an option of ReadinessAnalyzers (docs/configuration.md lists them)",
                "ReadinessAnalyzers option 'readiness.colour = blue' has no effect: 'colour' is not an option of ReadinessAnalyzers (docs/configuration.md lists them)",
                "ReadinessAnalyzers option 'readiness.extra_credential_word = kennwort' has no effect: 'extra_credential_word' is not an option of ReadinessAnalyzers (did you mean 'extra_credential_words'?)",
            ],
            messages);
    }

    [Fact]
    public async Task ASeverityWrittenAsARuleOptionIsReportedWithTheRightKey()
    {
        var message = Assert.Single(await MessagesAsync(Test(globalConfig: "RDY1001.severity = error\n")));
        Assert.Equal("ReadinessAnalyzers option 'RDY1001.severity = error' has no effect: a rule's severity is set with 'dotnet_diagnostic.RDY1001.severity'", message);
    }

    [Fact]
    public async Task ARuleKeyForARuleThatDoesNotReadTheOptionIsReported()
    {
        var messages = await MessagesAsync(Test(globalConfig: "RDY1003.entropy_threshold = 3\nRDY9999.environment = QA\n"));
        Assert.Equal(
            [
                "ReadinessAnalyzers option 'RDY1003.entropy_threshold = 3' has no effect: RDY1003 does not read 'entropy_threshold'; "
                    + "RDY1001.entropy_threshold, RDY1005.entropy_threshold do, and 'readiness.entropy_threshold' sets it for all of them",
                "ReadinessAnalyzers option 'RDY9999.environment = QA' has no effect: RDY9999 does not read 'environment'; "
                    + "RDY4005.environment, RDY8005.environment, RDY9010.environment do, and 'readiness.environment' sets it for all of them",
            ],
            messages);
    }

    [Fact]
    public async Task TheTestSecretRuleKeyPointsAtTheRulesThatReadTestFolders()
    {
        var message = Assert.Single(await MessagesAsync(Test(globalConfig: "RDY1006.test_path_globs = **/fixtures/**\n")));
        Assert.Equal("ReadinessAnalyzers option 'RDY1006.test_path_globs = **/fixtures/**' has no effect: RDY1006 is reported by the rules that read "
            + "'test_path_globs', so set 'readiness.test_path_globs' (or RDY1001.test_path_globs, RDY1004.test_path_globs, RDY1005.test_path_globs)", message);
    }

    [Fact]
    public async Task DevelopmentGuardMethodsAreReadOnlyAsTheSharedKeyFromAGlobalConfig()
    {
        var messages = await MessagesAsync(Test(
            editorConfig: "[*.cs]\nreadiness.development_guard_methods = IsLocal\n",
            globalConfig: "RDY8001.development_guard_methods = IsLocal\n"));
        Assert.Equal(
            [
                "ReadinessAnalyzers option 'RDY8001.development_guard_methods = IsLocal' has no effect: 'development_guard_methods' is shared by "
                    + "every rule and read only as 'readiness.development_guard_methods' from a global config (.globalconfig)",
                "ReadinessAnalyzers option 'readiness.development_guard_methods = IsLocal' has no effect here: 'development_guard_methods' is read "
                    + "once per compilation, only from a global config (a .globalconfig file with is_global = true), not from an .editorconfig section",
            ],
            messages);
    }

    [Fact]
    public async Task TheSameGuardMethodsInASectionAsInTheGlobalConfigAreNotReported()
    {
        // Files see the global config's values too: only a section that changes the value is misplaced.
        var test = Test(editorConfig: "[*.cs]\nindent_size = 4\n", globalConfig: "readiness.development_guard_methods = IsLocal\n");
        Assert.Empty(await MessagesAsync(test));
    }

    [Fact]
    public async Task TheRuleCanBeTurnedOffLikeAnyOther()
    {
        var test = Test(globalConfig: "readiness.entropy_threshold = abc\ndotnet_diagnostic.RDY0001.severity = none\n");
        Assert.Empty(await MessagesAsync(test));
    }

    [Fact]
    public Task ExpectedDiagnosticHasNoLocation()
    {
        var test = Test(globalConfig: "readiness.entropy_threshold = abc\n");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.MalformedOption).WithMessageContaining("'abc' is not a number").WithSeverity(DiagnosticSeverity.Warning));
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedCodeDoesNotMatter() => Verify.VerifyBrokenCodeAsync("""
        public class Orders
        {
            public void Place(
        """);

    [Fact]
    public async Task OptionsThatCannotListTheirKeysAreSkippedWithoutThrowing()
    {
        var compilation = CSharpCompilation.Create("App", [CSharpSyntaxTree.ParseText("public class App { }", path: "/app/App.cs")]);
        var options = new AnalyzerOptions([], new KeylessOptionsProvider());
        var diagnostics = await compilation
            .WithAnalyzers([new MalformedOptionAnalyzer()], new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }

    /// <summary>Options as an older host gives them: <see cref="AnalyzerConfigOptions.Keys"/> is not implemented.</summary>
    private sealed class KeylessOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly KeylessOptions Options = new();

        public override AnalyzerConfigOptions GlobalOptions => Options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options;

        private sealed class KeylessOptions : AnalyzerConfigOptions
        {
            private static readonly ImmutableDictionary<string, string> Values =
                ImmutableDictionary<string, string>.Empty.WithComparers(KeyComparer).Add("readiness.entropy_threshold", "abc");

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => Values.TryGetValue(key, out value);
        }
    }
}
