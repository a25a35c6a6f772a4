using ReadinessAnalyzers.Logging;
using Verification = ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Logging;

public class DebugLogLevelInConfigurationAnalyzerTests
{
    private static Verification.AnalyzerTest<DebugLogLevelInConfigurationAnalyzer> Test(params (string Path, string Markup)[] files)
    {
        var test = new Verification.AnalyzerTest<DebugLogLevelInConfigurationAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.AddRange(files);
        return test;
    }

    private static Verification.DiagnosticResult Diagnostic() => Verification.CSharpAnalyzerVerifier<DebugLogLevelInConfigurationAnalyzer>.Diagnostic(RuleIds.DebugLogLevelInConfiguration);

    [Fact]
    public Task DebugInAppSettingsJsonWithoutAnOverrideIsReportedOnTheValue()
    {
        var test = Test(("/app/appsettings.json", """
            { "Logging": { "LogLevel": { "Default": "{|#0:Debug|}", "Microsoft.AspNetCore": "Warning" } } }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0)
            .WithMessageContaining("'Logging:LogLevel:Default' is Debug in appsettings.json, and that is what the app runs with in Production"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageContaining("or override it in appsettings.Production.json"));
        return test.RunAsync();
    }

    [Fact]
    public Task TraceSetByTheProductionFileIsReportedThereWithoutOverrideAdvice()
    {
        var test = Test(
            ("/app/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
            ("/app/appsettings.Production.json", """
                {
                  // comments and trailing commas, as ASP.NET Core reads them
                  "Logging": { "LogLevel": { "Default": "Warning", "Orders.Data": "{|#0:Trace|}", }, },
                }
                """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0)
            .WithMessageContaining("'Logging:LogLevel:Orders.Data' is Trace in appsettings.Production.json"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageNotContaining("override"));
        return test.RunAsync();
    }

    [Fact]
    public Task DebugOverriddenByTheProductionFileIsNotReported() => Test(
        ("/app/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Debug", "Orders": "Trace" } } }"""),
        ("/app/appsettings.Production.json", """{ "logging": { "loglevel": { "default": "Information", "ORDERS": "Warning" } } }""")).RunAsync();

    [Fact]
    public Task DevelopmentAndOtherEnvironmentFilesAreNotJudged() => Test(
        ("/app/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
        ("/app/appsettings.Development.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }"""),
        ("/app/appsettings.Staging.json", """{ "Logging": { "LogLevel": { "Default": "Trace" } } }""")).RunAsync();

    [Fact]
    public Task TheJudgedEnvironmentComesFromEditorConfig()
    {
        var test = Test(
            ("/app/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
            ("/app/appsettings.Production.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }"""),
            ("/app/appsettings.Staging.json", """{ "Logging": { "LogLevel": { "Default": "{|#0:Trace|}" } } }"""));
        test.EditorConfig = "readiness.environment = Staging\n";
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageContaining("runs with in Staging"));
        return test.RunAsync();
    }

    [Fact]
    public Task ProviderLevelsAndSerilogLevelsAreReported() => Test(
        ("/app/appsettings.json", """
            {
              "Logging": { "Console": { "LogLevel": { "Default": "{|RDY4005:debug|}" } }, "LogLevel": { "Default": "{|RDY4005:1|}" } },
              "Serilog": { "MinimumLevel": { "Default": "{|RDY4005:Verbose|}", "Override": { "Microsoft": "{|RDY4005:Debug|}", "System": "Warning" } } }
            }
            """),
        ("/worker/appsettings.json", """{ "Serilog": { "MinimumLevel": "{|RDY4005:Debug|}" } }""")).RunAsync();

    [Fact]
    public Task LookAlikeKeysAndProductionLevelsAreNotReported() => Test(("/app/appsettings.json", """
        {
          "Logging": {
            "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning", "Orders": "None" },
            "Debug": { "LogLevel": { "Default": "Warning" } },
            "Console": { "FormatterName": "Debug" }
          },
          "Orders": { "LogLevel": "Debug", "Mode": "Trace" },
          "Serilog": { "MinimumLevel": { "Default": "Information" }, "WriteTo": [ { "Name": "Debug" } ] },
          "DebugLevel": "Debug"
        }
        """)).RunAsync();

    [Fact]
    public Task EachFolderIsItsOwnApp() => Test(
        ("/api/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }"""),
        ("/api/appsettings.Production.json", """{ "Logging": { "LogLevel": { "Default": "Warning" } } }"""),
        ("/worker/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "{|RDY4005:Debug|}" } } }""")).RunAsync();

    [Fact]
    public Task TestProjectsAreNotReported()
    {
        var test = Test(("/app/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }"""));
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task MalformedJsonKeepsWhatWasReadBeforeTheError() => Test(
        ("/app/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "{|RDY4005:Debug|}" } }, "Broken": [ 1, """),
        ("/app/appsettings.Production.json", """{ "Logging": { "LogLevel": { "Default": """)).RunAsync();

    [Fact]
    public Task EmptyAndGarbageFilesDoNotCrash() => Test(
        ("/a/appsettings.json", ""),
        ("/a/appsettings.Production.json", "   "),
        ("/b/appsettings.json", "\u0000{\"Logging\": [[[[ \"\\u12"),
        ("/c/appsettings.Production.json", "{\"Logging\":{\"LogLevel\":{\"Default\":null,\"X\":1,\"Y\":true}}}"),
        ("/d/appsettings.json", "[\"Debug\"]")).RunAsync();

    [Fact]
    public Task NLogConfigRulesWritingDebugOrTraceAreReported()
    {
        var test = Test(("/app/nlog.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" internalLogLevel="Trace" internalLogFile="internal.log">
              <targets>
                <target name="file" type="File" fileName="shop.log" />
              </targets>
              <rules>
                <logger name="*" minlevel="{|#0:Debug|}" writeTo="file" />
                <logger name="Shop.Payments.*" level="[|Trace|]" writeTo="file" />
              </rules>
            </nlog>
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithMessageContaining("'<logger name=\"*\"> minlevel' is Debug in nlog.config"));
        return test.RunAsync();
    }

    [Fact]
    public Task NLogConfigFiltersInformationRulesAndLayoutsAreNotReported() => Test(("/app/NLog.config", """
        <nlog internalLogLevel="Debug">
          <variable name="minLevel" value="Debug" />
          <rules>
            <logger name="Microsoft.*" maxlevel="Info" final="true" />
            <logger name="System.*" minlevel="Trace" final="true" />
            <logger name="*" minlevel="Info" writeTo="file" />
            <logger name="*" minlevel="${var:minLevel}" writeTo="console" />
          </rules>
        </nlog>
        """), ("/app/nlog.Development.config", """
        <nlog><rules><logger name="*" minlevel="Trace" writeTo="console" /></rules></nlog>
        """)).RunAsync();

    [Fact]
    public Task NLogConfigOfATestProjectIsNotReported()
    {
        var test = Test(("/app/nlog.config", """
            <nlog><rules><logger name="*" minlevel="Trace" writeTo="console" /></rules></nlog>
            """));
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task MalformedNLogConfigKeepsTheRulesBeforeTheErrorAndDoesNotCrash() => Test(("/app/nlog.config", """
        <nlog><rules><logger name="*" minlevel="[|Debug|]" writeTo="file" /><logger name=
        """)).RunAsync();
}
