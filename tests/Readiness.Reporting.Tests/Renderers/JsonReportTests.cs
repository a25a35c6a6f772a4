using System.Text.Json.Nodes;
using Readiness.Reporting.Json;

namespace Readiness.Reporting.Tests.Renderers;

public class JsonReportTests
{
    private static readonly JsonNode Report = JsonNode.Parse(JsonReport.Render(Fixtures.Failing()))!;

    [Fact]
    public void TheTopLevelHasTheDocumentedFieldsInOrder()
    {
        var keys = Report.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(["schemaVersion", "score", "grade", "verdict"], keys.Take(4));
        Assert.Superset(new HashSet<string> { "categories", "checks", "findings", "skipped", "measuredWeight", "totalWeight", "environment" }, keys.ToHashSet());
        Assert.Equal(1, (int)Report["schemaVersion"]!);
        Assert.Equal((22, "F", "NOT READY"), ((int)Report["score"]!, (string)Report["grade"]!, (string)Report["verdict"]!));
    }

    [Fact]
    public void EveryCheckIsListedWithItsStatusAndWaiver()
    {
        var checks = Report["checks"]!.AsArray();

        Assert.Equal(6, checks.Count);
        var waived = checks.Single(c => (string)c!["id"]! == "no-committed-env-files")!;
        Assert.Equal("waived", (string)waived["status"]!);
        Assert.Equal("2026-12-31", (string)waived["waiver"]!["expires"]!);
        Assert.Equal("notApplicable", (string)checks.Single(c => (string)c!["id"]! == "dockerfile-non-root-user")!["status"]!);
    }

    [Fact]
    public void FindingsOfFailingAndWaivedChecksCarryPositionAndFingerprint()
    {
        var findings = Report["findings"]!.AsArray();

        Assert.Equal(4, findings.Count);
        var cors = findings.Single(f => (string)f!["checkId"]! == "no-permissive-cors")!;
        Assert.Equal(("src/Api/Cors Setup.cs", 4, 5), ((string)cors["path"]!, (int)cors["line"]!, (int)cors["column"]!));
        Assert.StartsWith("no-permissive-cors/RDY2001/src/Api/Cors Setup.cs/", (string)cors["fingerprint"]!);
    }

    [Fact]
    public void ACategoryWithNothingMeasuredHasANullScore()
    {
        var result = Fixtures.Build([new(Fixtures.Definition("a", Checklist.Model.CheckSeverity.P1Critical, "Auth"), Checklist.Evaluation.CheckStatus.NotApplicable, [])], []);

        var category = JsonNode.Parse(JsonReport.Render(result))!["categories"]![0]!;

        Assert.Null(category["score"]);
        Assert.True(category.AsObject().ContainsKey("score"));
    }

    [Fact]
    public void HtmlSensitiveCharactersAreEscapedInTheJsonText()
    {
        var text = JsonReport.Render(Fixtures.HostileText());

        Assert.DoesNotContain("<script>", text);
        Assert.Contains("<script>", (string)JsonNode.Parse(text)!["findings"]![0]!["message"]!);
    }

    [Fact]
    public void AnIncompleteAuditSaysSoWithTheKindAndFixOfEachGap()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonReport.Render(Fixtures.PassingButUnrestored()))!;

        Assert.Equal("INCOMPLETE", (string?)json["verdict"]);
        Assert.False((bool)json["complete"]!);
        var gap = json["skipped"]![0]!;
        Assert.Equal("notRestored", (string?)gap["kind"]);
        Assert.Contains("dotnet restore", (string?)gap["fix"]);
        Assert.Contains(json["checks"]!.AsArray(), c => (string?)c!["status"] == "notMeasured");
    }
}
