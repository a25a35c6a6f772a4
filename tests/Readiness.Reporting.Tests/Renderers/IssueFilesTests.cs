using Readiness.Reporting.Issues;

namespace Readiness.Reporting.Tests.Renderers;

public class IssueFilesTests
{
    [Fact]
    public void OneIssuePerFailingCheckIsNumberedAcrossSeveritiesMostSevereFirst()
    {
        var files = IssueFiles.Render(Fixtures.Failing());

        Assert.Equal(
        [
            "issues/open/P1-critical/issue-001-no-hardcoded-credentials.md",
            "issues/open/P2-high/issue-002-no-permissive-cors.md",
            "issues/open/P3-normal/issue-003-health-checks.md",
        ], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void AnIssueHasMetadataDescriptionLocationsRemediationAndATestingChecklist()
    {
        var content = IssueFiles.Render(Fixtures.Failing())[1].Content;

        Assert.StartsWith("# [P2-high] Title of no-permissive-cors\n", content);
        Assert.Contains("| Check | `no-permissive-cors` |", content);
        Assert.Contains("| New since baseline | yes |", content);
        Assert.Contains("## Description\n\nWhy no-permissive-cors matters.", content);
        Assert.Contains("## Locations\n\n- `src/Api/Cors Setup.cs:4:5` — AllowAnyOrigin()", content);
        Assert.Contains("## Remediation\n\nFix no-permissive-cors.", content);
        Assert.Contains("## Testing checklist\n\n- [ ] ", content);
        Assert.Contains("- [ ] `readiness audit` reports `no-permissive-cors` as passed", content);
    }

    [Fact]
    public void APassingAuditWritesNoIssues()
    {
        Assert.Empty(IssueFiles.Render(Fixtures.Passing()));
    }
}
