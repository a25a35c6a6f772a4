using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Loading;

namespace Readiness.Checklist.Tests.Evaluation;

public class WaiverTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private static readonly string NoEnv = Checklists.Check("no-env", "kind: fileAbsent\npaths: [\".env\"]", "P1-critical", "Secrets");
    private static readonly string Hsts = Checklists.Check("hsts", "kind: regex\nfiles: [\"*.cs\"]\nmustMatch: UseHsts", "P2-high", "Https");

    private AuditResult Audit(string waiversYaml, DateOnly today, string program = "app.Run();")
    {
        _repo.With(".env", "A=1").With("Program.cs", program).With(ChecklistLoader.WaiverFileName, waiversYaml);
        var checklist = Loading.ChecklistLoaderProbe.Parse(NoEnv, Hsts);
        return AuditEvaluator.Evaluate([checklist], _repo.Input(today: today));
    }

    [Fact]
    public void AnUnexpiredWaiverInTheRepositoryWaivesAFailingCheckAndLeavesTheScore()
    {
        var result = Audit("waivers:\n  - check: no-env\n    reason: local compose only, rotated\n    expires: 2026-12-31\n", new DateOnly(2026, 6, 1));

        var check = result.Checks.Single(c => c.Id == "no-env");
        Assert.Equal(CheckStatus.Waived, check.Status);
        Assert.Equal("waived until 2026-12-31: local compose only, rotated", check.Message);
        Assert.Equal(0, result.Score); // only hsts (failing) is measured
        Assert.Equal(5m, result.MeasuredWeight);
    }

    [Fact]
    public void AWaiverIsStillValidOnItsExpiryDay()
    {
        var result = Audit("waivers:\n  - check: no-env\n    reason: r\n    expires: 2026-06-01\n", new DateOnly(2026, 6, 1));

        Assert.Equal(CheckStatus.Waived, result.Checks.Single(c => c.Id == "no-env").Status);
    }

    [Fact]
    public void AnExpiredWaiverFailsTheCheckWithAMessage()
    {
        var result = Audit("waivers:\n  - check: no-env\n    reason: until the vault migration\n    expires: 2026-05-31\n", new DateOnly(2026, 6, 1));

        var check = result.Checks.Single(c => c.Id == "no-env");
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.StartsWith("waiver expired on 2026-05-31 (until the vault migration)", check.Message);
        Assert.True(check.Waiver!.Expired);
        Assert.Equal(15m, result.MeasuredWeight); // the expired waiver no longer takes no-env out of the score
    }

    [Fact]
    public void AWaiverOfAPassingCheckChangesNothing()
    {
        var result = Audit("waivers:\n  - check: hsts\n    reason: r\n    expires: 2030-01-01\n", new DateOnly(2026, 6, 1), program: "app.UseHsts();");

        Assert.Equal(CheckStatus.Passed, result.Checks.Single(c => c.Id == "hsts").Status);
    }

    [Fact]
    public void WaiversInAChecklistSectionApplyToo()
    {
        _repo.With(".env", "A=1");
        var checklist = ChecklistLoader.Parse(Checklists.Wrap(NoEnv) + "waivers:\n  - check: no-env\n    reason: r\n    expires: 2030-01-01\n", "team.yaml");

        var result = AuditEvaluator.Evaluate([checklist], _repo.Input());

        Assert.Equal(CheckStatus.Waived, result.Checks[0].Status);
    }

    [Fact]
    public void AWaiverFileNamingAnUnknownCheckIsBadInput()
    {
        var ex = Assert.Throws<ChecklistException>(() => Audit("waivers:\n  - check: no-such-check\n    reason: r\n    expires: 2030-01-01\n", new DateOnly(2026, 6, 1)));

        var error = Assert.Single(ex.Errors);
        Assert.EndsWith(ChecklistLoader.WaiverFileName, error.File);
        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("unknown check 'no-such-check'", error.Message);
    }

    public void Dispose() => _repo.Dispose();
}
