using System.Text.Json.Nodes;
using Readiness.Reporting.Sarif;
using Readiness.Tests.Schema;

namespace Readiness.Reporting.Tests.Renderers;

public class SarifReportTests
{
    private static readonly MiniJsonSchema Schema = new(ReadSchema());

    private static string ReadSchema()
    {
        using var stream = typeof(SarifReportTests).Assembly.GetManifestResourceStream("sarif-schema-2.1.0.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static JsonNode Render(Checklist.Evaluation.AuditResult result) => JsonNode.Parse(SarifReport.Render(result))!;

    [Fact]
    public void TheReportValidatesAgainstTheSarif210Schema()
    {
        Assert.Empty(Schema.Validate(Render(Fixtures.Failing())));
        Assert.Empty(Schema.Validate(Render(Fixtures.HostileText())));
        Assert.Empty(Schema.Validate(Render(Fixtures.Passing())));
    }

    [Fact]
    public void TheSchemaCheckCatchesABrokenLog()
    {
        var log = Render(Fixtures.Failing());
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";
        log["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;

        var errors = Schema.Validate(log);

        Assert.Contains(errors, e => e.Contains("\"fatal\" is not one of"));
        Assert.Contains(errors, e => e.Contains("startLine: 0 violates minimum 1"));
    }

    [Fact]
    public void RulesCarryHelpUrisAndResultsPointToThemByIdAndIndex()
    {
        var run = Render(Fixtures.Failing())["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var result = run["results"]![0]!;

        Assert.Equal("no-hardcoded-credentials", (string)result["ruleId"]!);
        Assert.Equal("no-hardcoded-credentials", (string)rules[(int)result["ruleIndex"]!]!["id"]!);
        Assert.Equal("https://github.com/ReadinessAnalyzers/ReadinessAnalyzers/blob/main/docs/rules/RDY1001.md", (string)rules[0]!["helpUri"]!);
        Assert.All(rules, r => Assert.StartsWith("https://", (string)r!["helpUri"]!));
        Assert.Equal("9.0", (string)rules[0]!["properties"]!["security-severity"]!);
    }

    [Fact]
    public void LocationsAreRelativeEscapedUrisUnderSrcRoot()
    {
        var run = Render(Fixtures.Failing())["runs"]![0]!;
        var cors = run["results"]!.AsArray().Single(r => (string)r!["ruleId"]! == "no-permissive-cors")!;
        var artifact = cors["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;

        Assert.Equal("src/Api/Cors%20Setup.cs", (string)artifact["uri"]!);
        Assert.Equal("%SRCROOT%", (string)artifact["uriBaseId"]!);
        Assert.Equal("file:///work/repo/", (string)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!);
    }

    [Fact]
    public void LevelsFollowSeverityAndPartialFingerprintsAreTheBaselines()
    {
        var results = Render(Fixtures.Failing())["runs"]![0]!["results"]!.AsArray();

        Assert.Equal(["error", "warning", "note", "error"], results.Select(r => (string)r!["level"]!));
        Assert.All(results, r => Assert.Matches("^[a-z-]+/[A-Za-z0-9-]+/.+/[0-9a-f]{16}$", (string)r!["partialFingerprints"]![SarifReport.FingerprintKey]!));
    }

    [Fact]
    public void AWaivedCheckIsReportedAsASuppressedResult()
    {
        var results = Render(Fixtures.Failing())["runs"]![0]!["results"]!.AsArray();
        var waived = results.Single(r => (string)r!["ruleId"]! == "no-committed-env-files")!;

        Assert.Equal("external", (string)waived["suppressions"]![0]!["kind"]!);
        Assert.Equal("local compose only", (string)waived["suppressions"]![0]!["justification"]!);
    }

    [Fact]
    public void SkippedFilesBecomeToolNotifications()
    {
        var notifications = Render(Fixtures.Failing())["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();

        Assert.Contains("assets/logo.cs", (string)Assert.Single(notifications)!["message"]!["text"]!);
    }

    [Fact]
    public void AnIncompleteAuditIsNotASuccessfulExecutionAndNamesEachGap()
    {
        var invocation = Render(Fixtures.PassingButUnrestored())["runs"]![0]!["invocations"]![0]!;

        Assert.False((bool)invocation["executionSuccessful"]!);
        var texts = invocation["toolExecutionNotifications"]!.AsArray().Select(n => (string?)n!["message"]!["text"]).ToList();
        Assert.Contains(texts, t => t!.StartsWith("Not measured: src/Api/Api.csproj: not restored", StringComparison.Ordinal));
        Assert.Contains(texts, t => t!.StartsWith("Not measured: no-hardcoded-credentials", StringComparison.Ordinal));
        Assert.Empty(Schema.Validate(Render(Fixtures.PassingButUnrestored())));
    }

    [Fact]
    public void ACompleteAuditIsASuccessfulExecution()
    {
        Assert.True((bool)Render(Fixtures.Passing())["runs"]![0]!["invocations"]![0]!["executionSuccessful"]!);
    }
}
