using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Cookies;
using ReadinessAnalyzers.Errors;
using ReadinessAnalyzers.Hardening;
using ReadinessAnalyzers.Https;
using ReadinessAnalyzers.Logging;
using ReadinessAnalyzers.Secrets;
using ReadinessAnalyzers.Tests.Secrets;
using Verification = ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Configuration;

/// <summary>
/// What the option catalog promises, seen from the rules: every rule the catalog lists for an option honours it, and
/// a malformed value never throws: the rule treats the whole value as unset and uses the default (RDY0001 reports it).
/// Each option has a test with a malformed value whose valid entries, if they were used, would change the result.
/// </summary>
public class OptionBehaviourTests
{
    private const string DbKennwort = """
        public static class Settings
        {
            public const string DbKennwort = "Xk29vLq7mPz!";
        }
        """;

    private static async Task<string[]> IdsAsync<TAnalyzer>(Verification.AnalyzerTest<TAnalyzer> test)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        => (await test.GetDiagnosticsAsync()).Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();

    private static Verification.AnalyzerTest<TAnalyzer> Code<TAnalyzer>(string code, string? editorConfig = null)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new Verification.AnalyzerTest<TAnalyzer> { TestCode = code };
        if (editorConfig != null)
        {
            test.EditorConfig = editorConfig;
        }

        return test;
    }

    private static Verification.AnalyzerTest<TAnalyzer> Files<TAnalyzer>(string? editorConfig, params (string Path, string Text)[] files)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = Code<TAnalyzer>("public class App { }", editorConfig);
        test.AdditionalFiles.AddRange(files);
        return test;
    }

    // extra_credential_words (RDY1001, RDY1005)

    [Fact]
    public async Task ExtraCredentialWordsWithAnEntryThatIsNotAWordAreIgnoredWhole()
    {
        Assert.Equal(["RDY1001"], await IdsAsync(Code<HardcodedCredentialAnalyzer>(DbKennwort, "readiness.extra_credential_words = kennwort\n")));
        Assert.Empty(await IdsAsync(Code<HardcodedCredentialAnalyzer>(DbKennwort, "readiness.extra_credential_words = kennwort, db-kennwort\n")));
        Assert.Empty(await IdsAsync(Code<HardcodedCredentialAnalyzer>(DbKennwort, "readiness.extra_credential_words = \"kennwort\"\n")));
    }

    [Fact]
    public async Task ConfigurationFileSecretsReadExtraCredentialWordsAndEntropyThreshold()
    {
        var appsettings = ("/app/appsettings.json", """{ "Db": { "Kennwort": "Xk29vLq7mPz!" }, "Smtp": { "Password": "Ab1cAb2de" } }""");
        Assert.Equal(["RDY1005"], await IdsAsync(Files<ConfigurationFileSecretAnalyzer>(null, appsettings)));
        Assert.Equal(["RDY1005", "RDY1005"], await IdsAsync(Files<ConfigurationFileSecretAnalyzer>("RDY1005.extra_credential_words = kennwort\n", appsettings)));
        Assert.Empty(await IdsAsync(Files<ConfigurationFileSecretAnalyzer>("RDY1005.entropy_threshold = 3.5\n", appsettings)));
        Assert.Equal(["RDY1005"], await IdsAsync(Files<ConfigurationFileSecretAnalyzer>("RDY1005.entropy_threshold = 3,5\n", appsettings)));
    }

    // excluded_names (RDY1001, RDY1005)

    [Fact]
    public async Task ExcludedNamesWithASpaceAreIgnoredWhole()
    {
        const string Code = """
            public static class Settings
            {
                public const string LegacySecret = "Zk3mW8vN1qLx7Ty2";
            }
            """;
        Assert.Empty(await IdsAsync(Code<HardcodedCredentialAnalyzer>(Code, "readiness.excluded_names = LegacySecret\n")));
        Assert.Equal(["RDY1001"], await IdsAsync(Code<HardcodedCredentialAnalyzer>(Code, "readiness.excluded_names = LegacySecret, Legacy Secret\n")));
    }

    // extra_placeholder_patterns (RDY1001, RDY1003, RDY1004, RDY1005)

    [Fact]
    public async Task APlaceholderPatternMatchingEveryValueIsIgnoredWhole()
    {
        const string Code = """const string Orders = "Host=db;Username=app;Password=Dev-Pg7xQ2vLm9";""";
        Assert.Empty(await IdsAsync(Code<ConnectionStringPasswordAnalyzer>(Code, "RDY1003.extra_placeholder_patterns = dev-*\n")));
        Assert.Equal(["RDY1003"], await IdsAsync(Code<ConnectionStringPasswordAnalyzer>(Code, "RDY1003.extra_placeholder_patterns = dev-*, *\n")));
        Assert.Equal(["RDY1003"], await IdsAsync(Code<ConnectionStringPasswordAnalyzer>(Code, "RDY1003.extra_placeholder_patterns = **\n")));
    }

    // test_path_globs (RDY1004, RDY1005 → RDY1006)

    [Fact]
    public async Task KnownSecretFormatsReadTestPathGlobs()
    {
        var test = new Verification.AnalyzerTest<KnownSecretFormatAnalyzer> { EditorConfig = "RDY1004.test_path_globs = **/fixtures/**\n" };
        test.Sources.Add(("/repo/fixtures/Samples.cs", $$"""public static class Samples { public const string Token = "{{FakeTokens.GitHubPat(1)}}"; }"""));
        test.Sources.Add(("/repo/src/Samples.cs", $$"""public static class More { public const string Token = "{{FakeTokens.GitHubPat(2)}}"; }"""));
        Assert.Equal(["RDY1004", "RDY1006"], await IdsAsync(test));
    }

    [Fact]
    public async Task TestPathGlobsMatchingEveryFileAreIgnoredSoTheDefaultFoldersApply()
    {
        var fixtures = ("/repo/fixtures/appsettings.json", """{ "Jwt": { "Key": "b7Gq2vXk9LmP4sWz8RtY3nHd" } }""");
        var tests = ("/repo/tests/appsettings.json", """{ "Jwt": { "Key": "b7Gq2vXk9LmP4sWz8RtY3nHe" } }""");
        Assert.Equal(["RDY1006", "RDY1006"], await IdsAsync(Files<ConfigurationFileSecretAnalyzer>("readiness.test_path_globs = **/fixtures/**, **/tests/**\n", fixtures, tests)));
        Assert.Equal(["RDY1005", "RDY1006"], await IdsAsync(Files<ConfigurationFileSecretAnalyzer>("readiness.test_path_globs = **/fixtures/**, **\n", fixtures, tests)));
        Assert.Equal(["RDY1005", "RDY1006"], await IdsAsync(Files<ConfigurationFileSecretAnalyzer>("readiness.test_path_globs = **/{fixtures,tests}/**\n", fixtures, tests)));
    }

    // entropy_threshold (RDY1001, RDY1005)

    [Theory]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("3,0")]
    public async Task AMalformedEntropyThresholdMeansNoThreshold(string value)
    {
        const string Code = """
            public static class Settings
            {
                public const string Password = "Ab1cAb2de";
            }
            """;
        Assert.Empty(await IdsAsync(Code<HardcodedCredentialAnalyzer>(Code, "RDY1001.entropy_threshold = 3.0\n")));
        Assert.Equal(["RDY1001"], await IdsAsync(Code<HardcodedCredentialAnalyzer>(Code, $"RDY1001.entropy_threshold = {value}\n")));
    }

    [Fact]
    public async Task TheFirstKeyFoundDecidesSoAMalformedRuleKeyDoesNotFallBackToTheSharedKey()
    {
        const string Code = """
            public static class Settings
            {
                public const string Password = "Ab1cAb2de";
            }
            """;
        Assert.Empty(await IdsAsync(Code<HardcodedCredentialAnalyzer>(Code, "readiness.entropy_threshold = 3.0\n")));
        Assert.Equal(["RDY1001"], await IdsAsync(Code<HardcodedCredentialAnalyzer>(Code, "readiness.entropy_threshold = 3.0\nRDY1001.entropy_threshold = abc\n")));
    }

    [Fact]
    public async Task ARuleReadsOnlyTheOptionsTheCatalogListsForIt()
    {
        // RDY1004 does not use entropy_threshold: its own key is not read, so a value there changes nothing.
        var test = Code<KnownSecretFormatAnalyzer>($$"""public static class Samples { public const string Token = "{{FakeTokens.GitHubPat()}}"; }""",
            "RDY1004.extra_placeholder_patterns = nothing-*\nRDY1004.entropy_threshold = 6\n");
        Assert.Equal(["RDY1004"], await IdsAsync(test));
    }

    // development_guard_methods (every rule that asks the Development guard)

    private const string LocalGuard = """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsLocal())
        {
            app.UseDeveloperExceptionPage();
        }
        app.Run();

        public static class HostingExtensions
        {
            public static bool IsLocal(this IHostEnvironment environment) => environment.EnvironmentName == "Local";
        }
        """;

    private static Verification.AnalyzerTest<TAnalyzer> Global<TAnalyzer>(string code, string? globalConfig)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new Verification.AnalyzerTest<TAnalyzer> { TestCode = code };
        if (globalConfig != null)
        {
            test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        return test;
    }

    [Theory]
    [InlineData("IsLocal", 0)]
    [InlineData("HostingExtensions.IsLocal", 0)]
    [InlineData("HostingExtensionsTests.IsLocal", 1)]
    [InlineData("1bad name", 1)]
    [InlineData("IsLocal, 1bad name", 1)]
    [InlineData("\"IsLocal\"", 1)]
    public async Task DevelopmentGuardMethodsAreMethodNamesOrTypeDotMethodAndAMalformedListIsIgnoredWhole(string value, int expected)
    {
        Assert.Single(await IdsAsync(Global<DeveloperErrorPageAnalyzer>(LocalGuard, null)));
        Assert.Equal(expected, (await IdsAsync(Global<DeveloperErrorPageAnalyzer>(LocalGuard, $"readiness.development_guard_methods = {value}\n"))).Length);
    }

    [Fact]
    public async Task ANamespaceQualifiedGuardMethodMatchesItsType()
    {
        const string Code = """
            using Orders.Hosting;

            var app = WebApplication.CreateBuilder(args).Build();
            if (app.Environment.IsLocal())
            {
                app.UseDeveloperExceptionPage();
            }
            app.Run();

            namespace Orders.Hosting
            {
                public static class HostingExtensions
                {
                    public static bool IsLocal(this IHostEnvironment environment) => environment.EnvironmentName == "Local";
                }
            }
            """;
        Assert.Empty(await IdsAsync(Global<DeveloperErrorPageAnalyzer>(Code, "readiness.development_guard_methods = Orders.Hosting.HostingExtensions.IsLocal\n")));
        Assert.Single(await IdsAsync(Global<DeveloperErrorPageAnalyzer>(Code, "readiness.development_guard_methods = Billing.HostingExtensions.IsLocal\n")));
    }

    [Fact]
    public async Task PipelineRulesReadDevelopmentGuardMethods()
    {
        const string Code = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseStaticFiles();
            if (app.Environment.IsLocal())
            {
                app.UseHsts();
            }
            app.UseHttpsRedirection();
            app.Run();

            public static class HostingExtensions
            {
                public static bool IsLocal(this IHostEnvironment environment) => environment.EnvironmentName == "Local";
            }
            """;
        Assert.Empty(await IdsAsync(Global<HttpsNotEnforcedAnalyzer>(Code, null)));
        Assert.Equal(["RDY6005"], await IdsAsync(Global<HttpsNotEnforcedAnalyzer>(Code, "readiness.development_guard_methods = IsLocal\n")));
    }

    // environment (RDY4005, RDY8005, RDY9010)

    [Fact]
    public async Task AnEnvironmentThatIsNotOneNameMeansProduction()
    {
        var files = new[]
        {
            ("/app/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
            ("/app/appsettings.Production.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }"""),
            ("/app/appsettings.Staging.json", """{ "Logging": { "LogLevel": { "Default": "Trace" } } }"""),
        };
        var staging = (await Files<DebugLogLevelInConfigurationAnalyzer>("readiness.environment = Staging\n", files).GetDiagnosticsAsync()).Single();
        Assert.Contains("appsettings.Staging.json", staging.GetMessage(), StringComparison.Ordinal);
        var malformed = (await Files<DebugLogLevelInConfigurationAnalyzer>("readiness.environment = Staging, QA\n", files).GetDiagnosticsAsync()).Single();
        Assert.Contains("appsettings.Production.json", malformed.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedHostsIsJudgedInTheConfiguredEnvironment()
    {
        var files = new[]
        {
            ("/app/appsettings.json", """{ "AllowedHosts": "orders.example.com" }"""),
            ("/app/appsettings.Staging.json", """{ "AllowedHosts": "*" }"""),
        };
        Assert.Empty(await IdsAsync(Files<AnyHostAllowedAnalyzer>(null, files)));
        Assert.Equal(["RDY9010"], await IdsAsync(Files<AnyHostAllowedAnalyzer>("RDY9010.environment = Staging\n", files)));
        Assert.Empty(await IdsAsync(Files<AnyHostAllowedAnalyzer>("RDY9010.environment = appsettings.Staging.json?\n", files)));
    }

    // script_readable_cookies (RDY3002, RDY3005)

    [Fact]
    public async Task ScriptReadableCookiesWithAnEntryThatIsNotACookieNameAreIgnoredWhole()
    {
        const string Code = """
            public class XsrfController
            {
                public void Issue(HttpResponse response, string token)
                    => response.Cookies.Append("my-xsrf", token, new CookieOptions { Secure = true, HttpOnly = false });
            }
            """;
        Assert.Empty(await IdsAsync(Code<CookieWithoutHttpOnlyAnalyzer>(Code, "RDY3002.script_readable_cookies = my-xsrf\n")));
        Assert.Equal(["RDY3002"], await IdsAsync(Code<CookieWithoutHttpOnlyAnalyzer>(Code, "RDY3002.script_readable_cookies = my-xsrf, my xsrf\n")));
    }

    [Fact]
    public async Task HandWrittenSetCookieHeadersReadScriptReadableCookies()
    {
        const string Code = """
            public static class Handlers
            {
                public static void Write(HttpResponse response, string token)
                    => response.Headers.Append("Set-Cookie", $"my-xsrf={token}; Path=/; Secure; SameSite=Strict");
            }
            """;
        Assert.Equal(["RDY3005"], await IdsAsync(Code<HandWrittenSetCookieHeaderAnalyzer>(Code)));
        Assert.Empty(await IdsAsync(Code<HandWrittenSetCookieHeaderAnalyzer>(Code, "readiness.script_readable_cookies = my-xsrf\n")));
    }

    // nonroot_base_images (RDY9020)

    [Fact]
    public async Task NonRootBaseImagesMatchingEveryImageAreIgnoredWhole()
    {
        var dockerfile = ("/app/Dockerfile", "FROM registry.example.com/base/dotnet-runtime:10.0\n");
        Assert.Empty(await IdsAsync(Files<ContainerRunsAsRootAnalyzer>("readiness.nonroot_base_images = registry.example.com/base/*\n", dockerfile)));
        Assert.Equal(["RDY9020"], await IdsAsync(Files<ContainerRunsAsRootAnalyzer>("readiness.nonroot_base_images = registry.example.com/base/*, *\n", dockerfile)));
        Assert.Equal(["RDY9020"], await IdsAsync(Files<ContainerRunsAsRootAnalyzer>("readiness.nonroot_base_images = registry.example.com/base/* mcr.microsoft.com/*\n", dockerfile)));
    }

    // development_settings (RDY8005)

    [Fact]
    public async Task DevelopmentSettingsWithAnEmptySectionAreIgnoredWhole()
    {
        var appsettings = ("/app/appsettings.json", """{ "Features": { "UseDeveloperExceptionPage": true } }""");
        Assert.Equal(["RDY8005"], await IdsAsync(Files<DevelopmentSettingInConfigurationAnalyzer>("RDY8005.development_settings = Features:UseDeveloperExceptionPage\n", appsettings)));
        Assert.Empty(await IdsAsync(Files<DevelopmentSettingInConfigurationAnalyzer>("RDY8005.development_settings = Features:UseDeveloperExceptionPage, Seed::Demo\n", appsettings)));
    }
}
