using ReadinessAnalyzers.Errors;
using Verification = ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Errors;

public class DevelopmentSettingInConfigurationAnalyzerTests
{
    private static Verification.AnalyzerTest<DevelopmentSettingInConfigurationAnalyzer> Test(params (string Path, string Markup)[] files)
    {
        var test = new Verification.AnalyzerTest<DevelopmentSettingInConfigurationAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.AddRange(files);
        return test;
    }

    private static Verification.DiagnosticResult Diagnostic() => Verification.CSharpAnalyzerVerifier<DevelopmentSettingInConfigurationAnalyzer>.Diagnostic(RuleIds.DevelopmentSettingInConfiguration);

    [Fact]
    public Task DetailedErrorsTrueInTheProductionFileIsReported()
    {
        var test = Test(
            ("/app/appsettings.json", """{ "AllowedHosts": "orders.example.com" }"""),
            ("/app/appsettings.Production.json", """{ "DetailedErrors": {|#0:true|} }"""));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0)
            .WithMessageContaining("'DetailedErrors' is true in appsettings.Production.json, and that is what the app runs with in Production: the web host shows startup exceptions"));
        return test.RunAsync();
    }

    [Fact]
    public Task DetailedErrorsAsTextAndInAnyCaseIsReportedInTheBaseFile()
    {
        var test = Test(("/app/appsettings.json", """{ "detailedErrors": "{|#0:True|}" }"""));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageContaining("(or override it in appsettings.Production.json)"));
        return test.RunAsync();
    }

    [Fact]
    public Task DetailedErrorsAsOneIsReported() => Test(("/app/appsettings.json", """{ "DetailedErrors": "{|RDY8005:1|}" }""")).RunAsync();

    [Fact]
    public Task DetailedErrorsTurnedOffByTheProductionFileIsNotReported() => Test(
        ("/app/appsettings.json", """{ "DetailedErrors": true }"""),
        ("/app/appsettings.Production.json", """{ "DetailedErrors": false }""")).RunAsync();

    [Fact]
    public Task DetailedErrorsInTheDevelopmentFileIsNotReported() => Test(
        ("/app/appsettings.json", """{ "DetailedErrors": false }"""),
        ("/app/appsettings.Development.json", """{ "DetailedErrors": true }""")).RunAsync();

    [Fact]
    public Task DetailedErrorsFalseAndNestedLookAlikesAreNotReported() => Test(("/app/appsettings.json", """
        {
          "DetailedErrors": false,
          "Orders": { "DetailedErrors": true },
          "SignalR": { "EnableDetailedErrors": "yes" },
          "Features": { "UseDeveloperExceptionPage": true }
        }
        """)).RunAsync();

    [Fact]
    public Task TheAppsOwnDevelopmentSwitchesComeFromEditorConfig()
    {
        var test = Test(("/app/appsettings.json", """
            {
              "Features": { "UseDeveloperExceptionPage": {|RDY8005:true|}, "SwaggerUi": "{|RDY8005:true|}", "Search": true },
              "Seed": { "DemoData": false }
            }
            """));
        test.EditorConfig = "RDY8005.development_settings = Features:UseDeveloperExceptionPage, Features:Swagger*, Seed:DemoData\n";
        return test.RunAsync();
    }

    [Fact]
    public Task TheJudgedEnvironmentComesFromEditorConfig()
    {
        var test = Test(
            ("/app/appsettings.json", """{ "DetailedErrors": false }"""),
            ("/app/appsettings.QA.json", """{ "DetailedErrors": {|#0:true|} }"""));
        test.EditorConfig = "readiness.environment = QA\n";
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageContaining("runs with in QA"));
        return test.RunAsync();
    }

    [Fact]
    public Task TestProjectsAreNotReported()
    {
        var test = Test(("/app/appsettings.json", """{ "DetailedErrors": true }"""));
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task MalformedEmptyAndGarbageFilesDoNotCrash() => Test(
        ("/a/appsettings.json", """{ "DetailedErrors": {|RDY8005:true|}, "Broken": """),
        ("/b/appsettings.json", ""),
        ("/b/appsettings.Production.json", "{"),
        ("/c/appsettings.json", "\"DetailedErrors\": true")).RunAsync();
}
