using Readiness.Checklist.Evaluation;

namespace Readiness.Checklist.Tests.Evaluators;

public class FileEvaluatorTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private static readonly string NoEnv = Checklists.Check("no-env", "kind: fileAbsent\npaths: [\".env\", \".env.*\"]\nexclude: [\"*.example\"]", "P1-critical", "Secrets");

    [Fact]
    public void ACommittedEnvFileAtAnyDepthFailsWithOneFindingPerFile()
    {
        _repo.With(".env", "A=1").With("src/Api/.env.production", "B=2").With(".env.example", "A=").With("src/Api/Program.cs", "");

        var result = _repo.EvaluateOne(NoEnv);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal([".env", "src/Api/.env.production"], result.Findings.Select(f => f.FilePath));
    }

    [Fact]
    public void OnlyAnExampleEnvFilePasses()
    {
        _repo.With(".env.example", "A=");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(NoEnv).Status);
    }

    [Fact]
    public void FilesUnderBinObjAndGitAreNotLookedAt()
    {
        _repo.With("bin/Debug/.env", "A=1").With("obj/.env", "A=1").With(".git/.env", "A=1");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(NoEnv).Status);
    }

    [Fact]
    public void FileExistsPassesWhenAFileMatchesAndFailsOtherwise()
    {
        var check = Checklists.Check("readme", "kind: fileExists\npaths: [\"**/README.md\"]");
        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(check).Status);

        _repo.With("docs/README.md", "# hi");
        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(check).Status);
    }

    [Fact]
    public void ACheckWhoseAppliesToMatchesNothingIsNotApplicable()
    {
        var check = Checklists.Check("dockerignore", "kind: fileExists\nappliesTo: [\"**/Dockerfile\"]\npaths: [\"**/.dockerignore\"]");
        Assert.Equal(CheckStatus.NotApplicable, _repo.EvaluateOne(check).Status);

        _repo.With("src/Dockerfile", "FROM x:1");
        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(check).Status);
    }

    public void Dispose() => _repo.Dispose();
}
