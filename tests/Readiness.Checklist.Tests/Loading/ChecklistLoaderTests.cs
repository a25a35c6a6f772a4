using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Tests.Loading;

public class ChecklistLoaderTests
{
    private static ChecklistError SingleError(string yaml)
    {
        var ex = Assert.Throws<ChecklistException>(() => ChecklistLoader.Parse(yaml, "team.yaml"));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void TheDefaultChecklistLoadsWithAtLeastTwentyFiveChecks()
    {
        var checklist = ChecklistLoader.LoadDefault();

        Assert.True(checklist.Checks.Count >= 25, $"only {checklist.Checks.Count} checks");
        Assert.Equal("aspnetcore-production", checklist.Name);
    }

    [Fact]
    public void AValidCheckIsReadWithEveryField()
    {
        var yaml = Checklists.Wrap(Checklists.Check("no-env", "kind: fileAbsent\npaths: [\".env\"]\nexclude: \"*.example\"", "P1-critical", "Secrets", "2.5"));

        var check = Assert.Single(ChecklistLoader.Parse(yaml, "team.yaml").Checks);

        Assert.Equal("no-env", check.Id);
        Assert.Equal(CheckSeverity.P1Critical, check.Severity);
        Assert.Equal(25m, check.EffectiveWeight);
        var spec = Assert.IsType<FileAbsentCheckSpec>(check.Check);
        Assert.Equal([".env"], spec.Paths);
        Assert.Equal(["*.example"], spec.Exclude);
        Assert.Equal(new SourceLocation("team.yaml", 3, 5), check.Location);
    }

    [Fact]
    public void MalformedYamlIsReportedAtItsLineAndColumn()
    {
        var error = SingleError("name: x\nchecks:\n  - id: a\n   title: b\n");

        Assert.Equal("team.yaml", error.File);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("malformed YAML", error.Message);
    }

    [Fact]
    public void AnUnterminatedFlowListIsReportedWithAPositionInsteadOfCrashing()
    {
        var error = SingleError("name: x\nchecks: [1, 2\nother: 3\n");

        Assert.True(error.Line >= 2, error.ToString());
        Assert.StartsWith("malformed YAML", error.Message);
    }

    [Fact]
    public void ADuplicateYamlKeyIsReportedAtTheSecondKey()
    {
        var error = SingleError("name: x\nname: y\nchecks: []\n");

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("Duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnUnknownCheckKindIsReportedAtTheKindValue()
    {
        var error = SingleError(Checklists.Wrap(Checklists.Check("a", "kind: shell\ncommand: rm")));

        Assert.Contains("unknown check kind 'shell'", error.Message);
        Assert.Equal((10, 13), (error.Line, error.Column));
    }

    [Fact]
    public void AMissingRequiredFieldNamesTheFieldAndTheCheck()
    {
        var yaml = Checklists.Wrap(Checklists.Check("a", "kind: fileExists\npaths: [x]").Replace("    remediation: Fix it.\n", ""));

        var error = SingleError(yaml);

        Assert.Equal("check 'a' is missing required field 'remediation'", error.Message);
        Assert.Equal((3, 5), (error.Line, error.Column));
    }

    [Fact]
    public void ABadSeverityListsTheAllowedWords()
    {
        var error = SingleError(Checklists.Wrap(Checklists.Check("a", "kind: fileExists\npaths: [x]", severity: "critical")));

        Assert.Contains("severity 'critical' must be one of P1-critical, P2-high, P3-normal", error.Message);
        Assert.Equal((6, 15), (error.Line, error.Column));
    }

    [Fact]
    public void DuplicateCheckIdsAreReportedAtTheSecondDeclaration()
    {
        var yaml = Checklists.Wrap(Checklists.Check("same", "kind: fileExists\npaths: [x]") + "\n" + Checklists.Check("same", "kind: fileExists\npaths: [y]"));

        var error = SingleError(yaml);

        Assert.StartsWith("duplicate check id 'same' (first declared at team.yaml:3:5)", error.Message);
        Assert.Equal(12, error.Line);
    }

    [Fact]
    public void EveryErrorOfAFileIsReportedAtOnceAndTheMessageListsThemAsFileLineColumn()
    {
        var yaml = Checklists.Wrap(Checklists.Check("Bad_Id", "kind: regex\nfiles: ['**/*.cs']\nmustMatch: '('", category: "Misc"));

        var ex = Assert.Throws<ChecklistException>(() => ChecklistLoader.Parse(yaml, "team.yaml"));

        Assert.Equal(3, ex.Errors.Count);
        Assert.Contains("team.yaml:3:9: check id 'Bad_Id' must be a kebab-case slug", ex.Message);
        Assert.Contains("team.yaml:5:15: check 'Bad_Id': unknown category 'Misc'", ex.Message);
        Assert.Contains("invalid regular expression", ex.Errors[2].Message);
    }

    [Fact]
    public void AnUnknownKeyIsReportedSoThatTyposDoNotPassSilently()
    {
        var error = SingleError(Checklists.Wrap(Checklists.Check("a", "kind: fileExists\npaths: [x]\nexlcude: [y]")));

        Assert.StartsWith("unknown key 'exlcude'", error.Message);
        Assert.Equal((12, 7), (error.Line, error.Column));
    }

    [Fact]
    public void AnOtherAnalyzersRuleNeedsTheExternalFlag()
    {
        var error = SingleError(Checklists.Wrap(Checklists.Check("tls", "kind: analyzer\nrules: [CA5359]")));
        Assert.Contains("'CA5359' is not a ReadinessAnalyzers rule", error.Message);

        var ok = ChecklistLoader.Parse(Checklists.Wrap(Checklists.Check("tls", "kind: analyzer\nexternal: true\nrules: [CA5359]")), "team.yaml");
        Assert.True(Assert.IsType<AnalyzerCheckSpec>(ok.Checks[0].Check).External);
    }

    [Fact]
    public void AJsonPathCheckNeedsExactlyOneAssertion()
    {
        var error = SingleError(Checklists.Wrap(Checklists.Check("a", "kind: jsonPath\npath: A:B\nequals: x\nnotEquals: y")));

        Assert.Contains("needs exactly one assertion", error.Message);
        Assert.Contains("found equals, notEquals", error.Message);
    }

    [Fact]
    public void AReferenceThatIsNotAnUrlIsAnError()
    {
        var yaml = Checklists.Wrap(Checklists.Check("a", "kind: fileExists\npaths: [x]").Replace("https://example.org/a", "see the wiki"));

        Assert.Contains("must be an absolute http(s) URL", SingleError(yaml).Message);
    }

    [Fact]
    public void AnEmptyFileIsAnError()
    {
        Assert.Equal("the file is empty", SingleError("# nothing\n").Message);
    }

    [Fact]
    public void AMissingChecklistFileIsAnErrorNamingTheFile()
    {
        var ex = Assert.Throws<ChecklistException>(() => ChecklistLoader.Load("/no/such/checklist.yaml"));

        Assert.Equal("/no/such/checklist.yaml:1:1: file not found", ex.Message);
    }

    [Fact]
    public void AChecklistThatIsNotUtf8IsRefused()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]);
        try
        {
            var ex = Assert.Throws<ChecklistException>(() => ChecklistLoader.Load(path));
            Assert.Contains("not valid UTF-8", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AWaiverWithoutAReasonOrWithABadDateIsAnError()
    {
        var ex = Assert.Throws<ChecklistException>(() => ChecklistLoader.ParseWaivers(
            "waivers:\n  - check: a\n    expires: 2026-01-01\n  - check: b\n    reason: r\n    expires: next year\n", "readiness.waivers.yaml"));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("readiness.waivers.yaml:2:5: a waiver is missing required field 'reason'", ex.Errors[0].ToString());
        Assert.Equal("readiness.waivers.yaml:6:14: waiver expiry 'next year' must be a date written yyyy-MM-dd", ex.Errors[1].ToString());
    }
}
