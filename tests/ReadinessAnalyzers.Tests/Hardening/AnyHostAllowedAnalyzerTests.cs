using ReadinessAnalyzers.Hardening;
using Verification = ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Hardening;

public class AnyHostAllowedAnalyzerTests
{
    private static Verification.AnalyzerTest<AnyHostAllowedAnalyzer> Test(params (string Path, string Markup)[] files)
    {
        var test = new Verification.AnalyzerTest<AnyHostAllowedAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.AddRange(files);
        return test;
    }

    private static Verification.DiagnosticResult Diagnostic() => Verification.CSharpAnalyzerVerifier<AnyHostAllowedAnalyzer>.Diagnostic(RuleIds.AnyHostAllowed);

    [Fact]
    public Task TemplateStarWithoutAnOverrideIsReportedInAppSettingsJson()
    {
        var test = Test(("/app/appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "AllowedHosts": "{|#0:*|}"
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0)
            .WithMessageContaining("'AllowedHosts' is \"*\" in appsettings.json, and that is what the app runs with in Production"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageContaining(", in appsettings.Production.json or here"));
        return test.RunAsync();
    }

    [Fact]
    public Task StarInAListAndStarSetByTheProductionFileAreReported() => Test(
        ("/a/appsettings.json", """{ "AllowedHosts": "orders.example.com" }"""),
        ("/a/appsettings.Production.json", """{ "allowedhosts": "{|RDY9010:*|}" }"""),
        ("/b/appsettings.json", """{ "AllowedHosts": "{|RDY9010:orders.example.com; *|}" }""")).RunAsync();

    [Fact]
    public Task EmptyValueIsReportedOnTheKeyBecauseTheHostFallsBackToStar()
    {
        var test = Test(("/app/appsettings.json", """{ "{|#0:AllowedHosts|}": "" }"""));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageContaining("is empty (the host then allows \"*\")"));
        return test.RunAsync();
    }

    [Fact]
    public Task StarOverriddenWithRealHostsIsNotReported() => Test(
        ("/app/appsettings.json", """{ "AllowedHosts": "*" }"""),
        ("/app/appsettings.Production.json", """{ "AllowedHosts": "orders.example.com;*.orders.example.com" }""")).RunAsync();

    [Fact]
    public Task StarOnlyInTheDevelopmentFileIsNotReported() => Test(
        ("/app/appsettings.json", """{ "AllowedHosts": "orders.example.com" }"""),
        ("/app/appsettings.Development.json", """{ "AllowedHosts": "*" }""")).RunAsync();

    [Fact]
    public Task AbsentKeyAndLookAlikesAreNotReported() => Test(
        ("/a/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
        ("/b/appsettings.json", """{ "Cors": { "AllowedHosts": "*" }, "Proxy": { "AllowedHosts": [ "*" ] }, "AllowedHostsNote": "*" }""")).RunAsync();

    [Fact]
    public Task TestProjectsAreNotReported()
    {
        var test = Test(("/app/appsettings.json", """{ "AllowedHosts": "*" }"""));
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task MalformedEmptyAndGarbageFilesDoNotCrash() => Test(
        ("/a/appsettings.json", """{ "AllowedHosts": "{|RDY9010:*|}", "Kestrel": { """),
        ("/a/appsettings.Production.json", """{ "AllowedHosts": """),
        ("/b/appsettings.json", ""),
        ("/c/appsettings.json", "{ \"AllowedHosts\": 42 }"),
        ("/d/appsettings.json", "{ \"AllowedHosts\": \"*")).RunAsync();
}
