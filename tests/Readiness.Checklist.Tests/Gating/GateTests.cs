using Readiness.Checklist.Baselines;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Gating;
using Readiness.Checklist.Model;
using static Readiness.Checklist.Model.CheckSeverity;
using static Readiness.Checklist.Evaluation.CheckStatus;
using static Readiness.Checklist.Tests.Evaluation.Results;

namespace Readiness.Checklist.Tests.Gating;

public class GateTests
{
    private static readonly AuditResult Conditional = Score(
        Check("a", P1Critical, Passed), Check("b", P1Critical, Passed), Check("c", P3Normal, Failed), Check("d", P2High, Failed));

    [Fact]
    public void AScoreUnderFailUnderFailsTheGateAndSaysWhy()
    {
        Assert.Equal(74, Conditional.Score); // 20 of 27

        var gate = Gate.Evaluate(Conditional, 90, null, null);

        Assert.False(gate.Passed);
        Assert.Equal("score 74 is under --fail-under 90", Assert.Single(gate.Reasons));
        Assert.True(Gate.Evaluate(Conditional, 74, null, null).Passed);
    }

    [Fact]
    public void FailOnFailsForAFailingCheckAtOrAboveTheLevel()
    {
        var gate = Gate.Evaluate(Conditional, null, P2High, null);

        Assert.False(gate.Passed);
        Assert.Contains("d (Title d)", Assert.Single(gate.Reasons));
        Assert.Equal(2, Gate.Evaluate(Conditional, null, P3Normal, null).Reasons.Count);
        Assert.True(Gate.Evaluate(Conditional, null, P1Critical, null).Passed);
    }

    [Fact]
    public void WithoutOptionsTheGateFailsOnlyOnANotReadyVerdict()
    {
        Assert.True(Gate.Evaluate(Conditional, null, null, null).Passed);

        var notReady = Score(Check("a", P1Critical, Failed));
        Assert.False(Gate.Evaluate(notReady, null, null, null).Passed);
    }

    [Fact]
    public void UnderABaselineOnlyNewFailuresFailTheGate()
    {
        var finding = new Finding("RDY1001", "src/A.cs", 3, 1, 3, 9, "Hardcoded credential");
        var known = Score(Check("secrets", P1Critical, Failed, findings: finding));
        var baseline = Baseline.Create(known);

        Assert.True(Gate.Evaluate(known, 90, P1Critical, baseline).Passed);

        var grown = Score(Check("secrets", P1Critical, Failed, findings: [finding, finding with { FilePath = "src/B.cs" }]));
        var gate = Gate.Evaluate(grown, null, null, baseline);
        Assert.False(gate.Passed);
        Assert.StartsWith("new failure not in the baseline: P1-critical secrets", Assert.Single(gate.Reasons));
    }

    [Fact]
    public void UnderABaselineFailOnFiltersNewFailuresBySeverity()
    {
        var baseline = new Baseline([]);
        var result = Score(Check("p3", P3Normal, Failed));

        Assert.True(Gate.Evaluate(result, null, P2High, baseline).Passed);
        Assert.False(Gate.Evaluate(result, null, P3Normal, baseline).Passed);
    }

    [Fact]
    public void SeverityWordsParseInLongAndShortForms()
    {
        Assert.True(CheckSeverities.TryParse("P2", out var shortForm));
        Assert.True(CheckSeverities.TryParse("p1-critical", out var longForm));
        Assert.Equal((P2High, P1Critical), (shortForm, longForm));
        Assert.False(CheckSeverities.TryParse("P4", out _));
    }
}
