using Readiness.Checklist.Docs;
using Readiness.Checklist.Loading;

namespace Readiness.Checklist.Tests.Docs;

public class ChecksDocumentTests
{
    private const string RegenerateVariable = "READINESS_REGENERATE_DOCS";

    [Fact]
    public void DocsChecksMdMatchesTheDefaultChecklist()
    {
        var expected = ChecksDocument.Render(ChecklistLoader.Load(RepositoryPaths.Combine("rules", "aspnetcore-production.yaml")));
        var path = RepositoryPaths.Combine("docs", "checks.md");
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            AtomicFile.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(expected == actual,
            $"docs/checks.md is out of date with rules/aspnetcore-production.yaml. Regenerate it with:\n" +
            $"  {RegenerateVariable}=1 dotnet test tests/Readiness.Checklist.Tests --filter ChecksDocument");
    }

    [Fact]
    public void TheEmbeddedDefaultChecklistIsTheFileInRules()
    {
        var onDisk = File.ReadAllText(RepositoryPaths.Combine("rules", "aspnetcore-production.yaml")).ReplaceLineEndings("\n");

        Assert.Equal(onDisk, ChecklistLoader.ReadResource(ChecklistLoader.DefaultResourceName).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void EveryCheckHasASectionWithItsRemediationAndReferences()
    {
        var checklist = ChecklistLoader.LoadDefault();
        var page = ChecksDocument.Render(checklist);

        foreach (var check in checklist.Checks)
        {
            Assert.Contains($"\n### {check.Id}\n", page);
            Assert.Contains("Remediation: " + check.Remediation, page);
            Assert.Contains($"- <{check.References[0]}>", page);
        }
    }

    [Fact]
    public void AnalyzerRuleIdsLinkToTheirRulePages()
    {
        var page = ChecksDocument.Render(ChecklistLoader.LoadDefault());

        Assert.Contains("[RDY8001](rules/RDY8001.md)", page);
        Assert.Contains("[RDY9001](rules/RDY9001.md)", page);
    }

    [Fact]
    public void ExternalAnalyzerRulesAreMarkedAndNotLinked()
    {
        var team = ChecklistLoader.Parse(Checklists.Wrap(Checklists.Check("tls", "kind: analyzer\nexternal: true\nrules: [CA5359]")), "team.yaml");

        Assert.Contains("CA5359 (external)", ChecksDocument.Render(team));
    }
}
