using Readiness.Checklist.Evaluation;
using static Readiness.Checklist.Model.CheckSeverity;
using static Readiness.Checklist.Evaluation.CheckStatus;
using static Readiness.Checklist.Tests.Evaluation.Results;

namespace Readiness.Checklist.Tests.Evaluation;

public class ScoringTests
{
    [Fact]
    public void AllPassingChecksScoreOneHundredAndAreReady()
    {
        var result = Score(Check("a", P1Critical, Passed), Check("b", P3Normal, Passed));

        Assert.Equal((100, "A", Verdict.Ready), (result.Score, result.Grade, result.Verdict));
    }

    [Fact]
    public void APerfectScoreWithASkippedItemIsIncompleteNotReady()
    {
        var result = Scoring.Score(
            [Check("a", P1Critical, Passed)],
            new AuditInput("/repo", "Production", [], [new Findings.SkippedItem("src/Api/Api.csproj", "not restored", Findings.GapKind.NotRestored)], new HashSet<string>(), new DateOnly(2026, 1, 1), []),
            [],
            false);

        Assert.Equal((100, Verdict.Incomplete), (result.Score, result.Verdict));
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void ANotMeasuredCheckMakesTheVerdictIncompleteAndLeavesTheScore()
    {
        var result = Score(Check("a", P2High, Passed), Check("b", P1Critical, NotMeasured));

        Assert.Equal(Verdict.Incomplete, result.Verdict);
        Assert.Equal(100, result.Score);
        Assert.Equal(5m, result.MeasuredWeight);
        Assert.Equal(1, result.Categories.Single().NotMeasured);
    }

    [Fact]
    public void AMeasuredFailureKeepsNotReadyEvenWhenIncomplete()
    {
        var result = Score(Check("a", P1Critical, Failed), Check("b", P2High, NotMeasured));

        Assert.Equal(Verdict.NotReady, result.Verdict);
    }

    [Fact]
    public void NothingMeasuredIsIncompleteNotNotReady()
    {
        var result = Score(Check("a", P1Critical, NotMeasured));

        Assert.Equal((0, Verdict.Incomplete), (result.Score, result.Verdict));
    }

    [Fact]
    public void AConditionalScoreThatIsIncompleteIsIncomplete()
    {
        var result = Score(Check("a", P2High, Failed), Check("b", P3Normal, NotMeasured), Check("c", P1Critical, Passed));

        Assert.Equal(Verdict.Incomplete, result.Verdict);
    }

    [Fact]
    public void TheScoreIsTheFloorOfTheWeightedPassRatio()
    {
        // P2 5 passed + P3 2 passed + P3 2 failed: floor(100 × 7 / 9) = 77
        var result = Score(Check("a", P2High, Passed), Check("b", P3Normal, Passed), Check("c", P3Normal, Failed));

        Assert.Equal(77, result.Score);
        Assert.Equal("C", result.Grade);
        Assert.Equal(Verdict.Conditional, result.Verdict);
    }

    [Fact]
    public void ACheckWeightMultipliesTheSeverityWeight()
    {
        // P3 × 5 = 10 passed against P1 10 failed would be 50 — but the failing P1 caps at 49.
        // Use P2 × 2 = 10 failed and P3 × 5 = 10 passed: 50, capped by the P2 only above 89.
        var result = Score(Check("a", P2High, Failed, weight: 2m), Check("b", P3Normal, Passed, weight: 5m));

        Assert.Equal(50, result.Score);
        Assert.Equal(20m, result.MeasuredWeight);
    }

    [Fact]
    public void AFailingP1CapsTheScoreAt49()
    {
        // 10 P3 checks passed (20) + P1 failed (10): 66 uncapped.
        var checks = Enumerable.Range(0, 10).Select(i => Check($"p{i}", P3Normal, Passed)).Append(Check("p1", P1Critical, Failed)).ToArray();

        var result = Score(checks);

        Assert.Equal((49, 66), (result.Score, result.UncappedScore));
        Assert.Equal("F", result.Grade);
        Assert.Equal(Verdict.NotReady, result.Verdict);
        Assert.Contains("P1-critical", result.CapReason);
    }

    [Fact]
    public void AFailingP2CapsTheScoreAt89SoItCannotBeReady()
    {
        var checks = Enumerable.Range(0, 10).Select(i => Check($"p{i}", P1Critical, Passed)).Append(Check("p2", P2High, Failed)).ToArray();

        var result = Score(checks);

        Assert.Equal((89, 95), (result.Score, result.UncappedScore));
        Assert.Equal(Verdict.Conditional, result.Verdict);
    }

    [Fact]
    public void AScoreAlreadyBelowTheCapIsNotRaisedOrCapped()
    {
        var result = Score(Check("a", P1Critical, Failed), Check("b", P3Normal, Passed));

        Assert.Equal(16, result.Score);
        Assert.Null(result.CapReason);
    }

    [Fact]
    public void AFailingP3DoesNotCap()
    {
        var checks = Enumerable.Range(0, 20).Select(i => Check($"p{i}", P1Critical, Passed)).Append(Check("p3", P3Normal, Failed)).ToArray();

        var result = Score(checks);

        Assert.Equal(99, result.Score);
        Assert.Equal(Verdict.Ready, result.Verdict);
    }

    [Fact]
    public void WaivedAndNotApplicableChecksLeaveNumeratorAndDenominator()
    {
        var result = Score(Check("a", P2High, Passed), Check("b", P1Critical, Waived), Check("c", P1Critical, NotApplicable), Check("d", P3Normal, Failed));

        Assert.Equal(71, result.Score); // floor(100 × 5 / 7)
        Assert.Equal(7m, result.MeasuredWeight);
        Assert.Equal(27m, result.TotalWeight);
    }

    [Fact]
    public void AWaivedP1DoesNotCap()
    {
        var result = Score(Check("a", P2High, Passed), Check("b", P1Critical, Waived));

        Assert.Equal(100, result.Score);
    }

    [Fact]
    public void NothingMeasuredScoresZeroAndIsNotReady()
    {
        var result = Score(Check("a", P1Critical, NotApplicable), Check("b", P2High, Waived));

        Assert.Equal((0, Verdict.NotReady), (result.Score, result.Verdict));
        Assert.Equal(0m, result.MeasuredWeight);
    }

    [Theory]
    [InlineData(90, Verdict.Ready, "A")]
    [InlineData(89, Verdict.Conditional, "B")]
    [InlineData(80, Verdict.Conditional, "B")]
    [InlineData(79, Verdict.Conditional, "C")]
    [InlineData(70, Verdict.Conditional, "C")]
    [InlineData(50, Verdict.Conditional, "D")]
    [InlineData(49, Verdict.NotReady, "F")]
    [InlineData(0, Verdict.NotReady, "F")]
    public void VerdictAndGradeFollowTheThresholds(int score, Verdict verdict, string grade)
    {
        Assert.Equal(verdict, Scoring.VerdictFor(score));
        Assert.Equal(grade, Scoring.GradeFor(score));
    }

    [Fact]
    public void CategoryScoresUseTheSameFormulaWithoutCaps()
    {
        var result = Score(
            Check("a", P1Critical, Failed, "Secrets"), Check("b", P3Normal, Passed, "Secrets"),
            Check("c", P2High, Passed, "Cors"), Check("d", P2High, NotApplicable, "Logging"));

        var secrets = result.Categories.Single(c => c.Name == "Secrets");
        Assert.Equal(16, secrets.Score);
        Assert.Equal((1, 1), (secrets.Passed, secrets.Failed));
        Assert.Equal(100, result.Categories.Single(c => c.Name == "Cors").Score);
        var logging = result.Categories.Single(c => c.Name == "Logging");
        Assert.Null(logging.Score);
        Assert.Equal(1, logging.NotApplicable);
    }

    [Fact]
    public void FractionalWeightsDoNotSufferFloatingPointRounding()
    {
        // P1 × 0.1 = 1 passed of 1 + P3 2 = 3: floor(33.3…) = 33.
        var result = Score(Check("a", P1Critical, Passed, weight: 0.1m), Check("b", P3Normal, Failed, weight: 1m));

        Assert.Equal(33, result.Score);
    }
}
