using System.Globalization;
using System.Text;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;
using Readiness.Reporting.Markdown;
using Readiness.Reporting.Text;

namespace Readiness.Reporting.Issues;

/// <summary>
/// One Markdown issue per failing check, in the priority scheme teams already use:
/// <c>issues/open/P1-critical/issue-001-&lt;check-id&gt;.md</c>, numbered across severities, most severe first.
/// </summary>
public static class IssueFiles
{
    /// <summary>The files to write: path relative to the issues folder's parent (issues/open/…), and content.</summary>
    public static IReadOnlyList<(string RelativePath, string Content)> Render(AuditResult result)
    {
        var files = new List<(string, string)>();
        var number = 0;
        foreach (var check in ReportText.Failing(result))
        {
            number++;
            var name = $"issue-{number.ToString("000", CultureInfo.InvariantCulture)}-{check.Id}.md";
            files.Add(($"issues/open/{check.Severity.ToText()}/{name}", RenderOne(result, check, number)));
        }

        return files;
    }

    public static string RenderOne(AuditResult result, CheckResult check, int number)
    {
        var sb = new StringBuilder();
        sb.Append("# [").Append(check.Severity.ToText()).Append("] ").Append(MarkdownReport.Escape(check.Title)).Append("\n\n");
        sb.Append("| Field | Value |\n|---|---|\n");
        sb.Append("| Issue | ").Append(number.ToString("000", CultureInfo.InvariantCulture)).Append(" |\n");
        sb.Append("| Status | open |\n");
        sb.Append("| Check | `").Append(check.Id).Append("` |\n");
        sb.Append("| Severity | ").Append(check.Severity.ToText()).Append(" |\n");
        sb.Append("| Category | ").Append(MarkdownReport.Escape(check.Category)).Append(" |\n");
        sb.Append("| Score weight | ").Append(ReportText.Weight(check.Weight)).Append(" |\n");
        sb.Append("| Environment | ").Append(MarkdownReport.Escape(result.Environment)).Append(" |\n");
        sb.Append("| Found | ").Append(result.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
          .Append(" by readiness ").Append(MarkdownReport.Escape(result.ToolVersion)).Append(" (score ").Append(result.Score).Append(", ")
          .Append(result.Verdict.ToText()).Append(") |\n");
        if (result.BaselineApplied)
        {
            sb.Append("| New since baseline | ").Append(check.IsNew ? "yes" : "no").Append(" |\n");
        }

        sb.Append("\n## Description\n\n").Append(MarkdownReport.Escape(check.Check.Description ?? check.Title)).Append('\n');
        if (check.Message is { } message)
        {
            sb.Append('\n').Append(MarkdownReport.Escape(message)).Append('\n');
        }

        sb.Append("\n## Locations\n\n");
        if (check.Findings.Count == 0)
        {
            sb.Append("No single location: the check is about the repository as a whole.\n");
        }

        foreach (var finding in check.Findings)
        {
            sb.Append("- `").Append(ReportText.Location(finding).Replace('`', '\'')).Append("` — ").Append(MarkdownReport.Escape(finding.Message)).Append('\n');
            if (ReportText.Snippet(check, finding) is { } snippet)
            {
                sb.Append(MarkdownReport.Fence(snippet, "  "));
            }
        }

        sb.Append("\n## Remediation\n\n").Append(MarkdownReport.Escape(check.Remediation)).Append('\n');
        var links = check.References.Select(ReportText.SafeUrl).OfType<string>().ToList();
        if (links.Count > 0)
        {
            sb.Append("\n## References\n\n");
            foreach (var link in links)
            {
                sb.Append("- <").Append(link).Append(">\n");
            }
        }

        sb.Append("\n## Testing checklist\n\n");
        sb.Append("- [ ] Every location above is fixed (or the remaining ones are explained in a waiver with an expiry date)\n");
        sb.Append("- [ ] `readiness audit` reports `").Append(check.Id).Append("` as passed\n");
        sb.Append("- [ ] A test covers the fixed behaviour in the ").Append(MarkdownReport.Escape(result.Environment)).Append(" configuration\n");
        sb.Append("- [ ] Verified in a production-like deployment (staging) before sign-off\n");
        return sb.ToString();
    }
}
