using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Tests.Loading;

public class ChecklistValidatorTests
{
    private static ChecklistDocument Parse(string checks, string source = "team.yaml") => ChecklistLoader.Parse(Checklists.Wrap(checks), source);

    [Fact]
    public void AnAnalyzerCheckNamingAnUnknownRdyRuleIsAnError()
    {
        var checklist = Parse(Checklists.Check("a", "kind: analyzer\nrules: [RDY1001, RDY1999]"));

        var error = Assert.Single(ChecklistValidator.Validate(checklist, new HashSet<string> { "RDY1001" }));

        Assert.Equal("check 'a' names unknown rule ID 'RDY1999': no ReadinessAnalyzers rule has it", error.Message);
        Assert.Equal(("team.yaml", 3, 5), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void ExternalRulesAreNotCheckedAgainstTheKnownRdyRules()
    {
        var checklist = Parse(Checklists.Check("a", "kind: analyzer\nexternal: true\nrules: [CA5359]"));

        Assert.Empty(ChecklistValidator.Validate(checklist, new HashSet<string> { "RDY1001" }));
    }

    [Fact]
    public void TheSameIdInTwoChecklistsIsAnError()
    {
        var first = Parse(Checklists.Check("a", "kind: fileExists\npaths: [x]"), "one.yaml");
        var second = Parse(Checklists.Check("a", "kind: fileExists\npaths: [y]"), "two.yaml");

        var error = Assert.Single(ChecklistValidator.Validate([first, second]));

        Assert.Equal("two.yaml", error.File);
        Assert.Contains("first declared at one.yaml:3:5", error.Message);
    }

    [Fact]
    public void AWaiverOfAnUnknownCheckIsAnError()
    {
        var checklist = ChecklistLoader.Parse(Checklists.Wrap(Checklists.Check("a", "kind: fileExists\npaths: [x]"))
            + "waivers:\n  - check: b\n    reason: r\n    expires: 2030-01-01\n", "team.yaml");

        var error = Assert.Single(ChecklistValidator.Validate(checklist));

        Assert.Equal("team.yaml:13:5: waiver names unknown check 'b'", error.ToString());
    }
}
