using Readiness.Checklist.Baselines;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;
using Readiness.Checklist.Tests.Evaluation;

namespace Readiness.Checklist.Tests.Baselines;

public class BaselineTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private static readonly string NoNewHttpClient = Checklists.Check("factory", "kind: regex\nfiles: [\"**/*.cs\"]\nmustNotMatch: 'new HttpClient\\(\\)'", "P3-normal");

    private AuditResult Audit(Baseline? baseline = null) =>
        AuditEvaluator.Evaluate([Loading.ChecklistLoaderProbe.Parse(NoNewHttpClient)], _repo.Input(), baseline);

    [Fact]
    public void FingerprintsHoldNoLineNumbersSoMovedCodeIsNotNew()
    {
        _repo.With("src/A.cs", "var c = new HttpClient();");
        var baseline = Baseline.Create(Audit());

        _repo.With("src/A.cs", "// a new comment\n\n\nvar c = new HttpClient();");
        var later = Audit(baseline);

        Assert.False(later.Checks[0].IsNew);
        Assert.All(baseline.Fingerprints, f => Assert.StartsWith("factory/factory/src/A.cs/", f));
    }

    [Fact]
    public void AFindingInAnotherFileIsNew()
    {
        _repo.With("src/A.cs", "var c = new HttpClient();");
        var baseline = Baseline.Create(Audit());

        _repo.With("src/B.cs", "var d = new HttpClient();");

        Assert.True(Audit(baseline).Checks[0].IsNew);
    }

    [Fact]
    public void ASecondIdenticalFindingInTheSameFileIsNew()
    {
        _repo.With("src/A.cs", "var c = new HttpClient();");
        var baseline = Baseline.Create(Audit());

        _repo.With("src/A.cs", "var c = new HttpClient();\nvar d = new HttpClient();");

        Assert.True(Audit(baseline).Checks[0].IsNew);
    }

    [Fact]
    public void ABaselineNeverChangesTheScore()
    {
        _repo.With("src/A.cs", "var c = new HttpClient();");
        var without = Audit();

        var with = Audit(Baseline.Create(without));

        Assert.Equal(without.Score, with.Score);
        Assert.Equal(CheckStatus.Failed, with.Checks[0].Status);
        Assert.True(with.BaselineApplied);
    }

    [Fact]
    public void ABaselineRoundTripsThroughItsFile()
    {
        _repo.With("src/A.cs", "var c = new HttpClient();");
        var baseline = Baseline.Create(Audit());
        var path = Path.Combine(_repo.Root, "baseline", "readiness-baseline.json");

        baseline.Save(path);
        var loaded = Baseline.Load(path);

        Assert.Equal(baseline.Fingerprints.Order(), loaded.Fingerprints.Order());
        Assert.Contains("\"schemaVersion\": 1", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void AFailingCheckWithoutFindingsIsFingerprintedByItsId()
    {
        var check = Results.Check("hsts", CheckSeverity.P2High, CheckStatus.Failed);

        Assert.Equal(["hsts"], Baseline.FingerprintsOf(check));
    }

    [Fact]
    public void WhitespaceChangesInTheMessageKeepTheFingerprint()
    {
        var a = new Finding("RDY1001", "src/A.cs", 1, 1, 1, 1, "Hardcoded  credential\n in Password");
        var b = a with { Line = 40, Message = "Hardcoded credential in   Password" };

        Assert.Equal(Baseline.Fingerprint("c", a), Baseline.Fingerprint("c", b));
    }

    [Fact]
    public void AMalformedBaselineFileIsBadInputWithAPosition()
    {
        var path = Path.Combine(_repo.Root, "bad.json");
        File.WriteAllText(path, "{\n  \"fingerprints\": [ \n");

        var ex = Assert.Throws<ChecklistException>(() => Baseline.Load(path));

        Assert.Contains("baseline is not valid JSON", ex.Message);
        Assert.Equal(path, ex.Errors[0].File);
    }

    public void Dispose() => _repo.Dispose();
}
