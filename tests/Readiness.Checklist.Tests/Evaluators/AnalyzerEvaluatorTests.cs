using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;

namespace Readiness.Checklist.Tests.Evaluators;

public class AnalyzerEvaluatorTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private static readonly string Check = Checklists.Check("no-dev-pages", "kind: analyzer\nrules: [RDY8001, RDY8002]", "P1-critical", "Errors");

    private static Finding Finding(string rule, string? suppression = null) =>
        new(rule, "src/Program.cs", 10, 5, 10, 30, "UseDeveloperExceptionPage outside Development") { Suppression = suppression };

    [Fact]
    public void AnUnsuppressedFindingOfOneOfItsRulesFailsTheCheck()
    {
        var result = _repo.EvaluateOne(Check, _repo.Input([Finding("RDY8001"), Finding("RDY1001")], ["RDY8001", "RDY8002", "RDY1001"]));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("RDY8001", Assert.Single(result.Findings).RuleId);
        Assert.Equal("Errors", result.Findings[0].Category);
    }

    [Fact]
    public void NoFindingOfItsRulesPasses()
    {
        var result = _repo.EvaluateOne(Check, _repo.Input([Finding("RDY1001")], ["RDY8001", "RDY8002", "RDY1001"]));

        Assert.Equal(CheckStatus.Passed, result.Status);
    }

    [Fact]
    public void NoFindingWhileAProjectDidNotCompileIsNotMeasuredNotPassed()
    {
        var input = _repo.Input([], ["RDY8001", "RDY8002"]) with
        {
            Skipped = [new SkippedItem("src/Api/Api.csproj", "does not compile: 12 compiler error(s)", GapKind.DoesNotCompile)],
        };

        var result = _repo.EvaluateOne(Check, input);

        Assert.Equal(CheckStatus.NotMeasured, result.Status);
        Assert.Contains("src/Api/Api.csproj", result.Message);
    }

    [Fact]
    public void NoFindingWhileAPackageIsUnrestoredIsNotMeasured()
    {
        var input = _repo.Input([], ["RDY8001"]) with
        {
            Skipped = [new SkippedItem("src/Api/Api.csproj", "not restored: packages X are unresolved", GapKind.NotRestored)],
        };

        Assert.Equal(CheckStatus.NotMeasured, _repo.EvaluateOne(Check, input).Status);
    }

    [Fact]
    public void AFindingStillFailsTheCheckWhenAnotherProjectWasNotAnalysed()
    {
        var input = _repo.Input([Finding("RDY8001")], ["RDY8001"]) with
        {
            Skipped = [new SkippedItem("src/Worker/Worker.csproj", "does not compile", GapKind.DoesNotCompile)],
        };

        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(Check, input).Status);
    }

    [Fact]
    public void ASkippedConfigFileDoesNotMakeAnAnalyzerCheckUnmeasured()
    {
        var input = _repo.Input([], ["RDY8001"]) with { Skipped = [new SkippedItem("docs/big.json", "over 1 MB")] };

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(Check, input).Status);
    }

    [Fact]
    public void FindingsSuppressedInSourceMakeTheCheckWaivedNotPassed()
    {
        var result = _repo.EvaluateOne(Check, _repo.Input([Finding("RDY8001", "#pragma warning disable")], ["RDY8001"]));

        Assert.Equal(CheckStatus.Waived, result.Status);
        Assert.Contains("#pragma warning disable", result.Waiver!.Reason);
    }

    [Fact]
    public void OneUnsuppressedFindingBesideSuppressedOnesStillFails()
    {
        var result = _repo.EvaluateOne(Check, _repo.Input([Finding("RDY8001", "[SuppressMessage]"), Finding("RDY8002")], ["RDY8001", "RDY8002"]));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("RDY8002", Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public void ACheckWhoseRulesDidNotRunIsNotApplicableRatherThanSilentlyPassing()
    {
        var result = _repo.EvaluateOne(Check, _repo.Input([], ["RDY1001"]));

        Assert.Equal(CheckStatus.NotApplicable, result.Status);
        Assert.Contains("did not run", result.Message);
    }

    public void Dispose() => _repo.Dispose();
}
