using System.Text;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;
using Readiness.Reporting.Text;

namespace Readiness.Reporting.Markdown;

/// <summary>
/// GitHub-flavoured Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY. Repository text is escaped
/// (Markdown punctuation and HTML), code goes in fences longer than any backtick run it contains.
/// </summary>
public static class MarkdownReport
{
    private const int MaxFindingsPerCheck = 20;
    private const int MaxGaps = 50;

    public static string Render(AuditResult result)
    {
        var sb = new StringBuilder();
        var icon = result.Verdict switch { Verdict.Ready => "✅", Verdict.Conditional => "⚠️", Verdict.Incomplete => "❔", _ => "❌" };
        sb.Append("## ").Append(icon).Append(" Production readiness: ").Append(result.Verdict.ToText())
          .Append(" — ").Append(result.Score).Append("/100 (grade ").Append(result.Grade).Append(")\n\n");
        if (result.CapReason is not null)
        {
            sb.Append("> Score capped: ").Append(Escape(result.CapReason)).Append(" (").Append(result.UncappedScore).Append(" before the cap).\n\n");
        }

        sb.Append("Environment **").Append(Escape(result.Environment)).Append("**, ").Append(Escape(ReportText.MeasuredLine(result)))
          .Append(", readiness ").Append(Escape(result.ToolVersion)).Append(".\n\n");

        if (!result.IsComplete)
        {
            sb.Append("> [!WARNING]\n> **").Append(Escape(ReportText.IncompleteHeadline(result))).Append("**\n>\n");
            var gaps = ReportText.Gaps(result);
            foreach (var (what, why, fix) in gaps.Take(MaxGaps))
            {
                sb.Append("> - `").Append(Code(what)).Append("`: ").Append(Escape(why)).Append(" — ").Append(Escape(fix)).Append('\n');
            }

            if (gaps.Count > MaxGaps)
            {
                sb.Append("> - … and ").Append(gaps.Count - MaxGaps).Append(" more (see the JSON report)\n");
            }

            sb.Append('\n');
        }

        sb.Append("| Category | Score | Passed | Failed | Waived | N/A |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var c in result.Categories)
        {
            sb.Append("| ").Append(Escape(c.Name)).Append(" | ").Append(ReportText.ScoreText(c.Score)).Append(" | ").Append(c.Passed)
              .Append(" | ").Append(c.Failed).Append(" | ").Append(c.Waived).Append(" | ").Append(c.NotApplicable).Append(" |\n");
        }

        var failing = ReportText.Failing(result);
        sb.Append("\n### Failing checks (").Append(failing.Count).Append(")\n");
        if (failing.Count == 0)
        {
            sb.Append("\nNone.\n");
        }

        foreach (var group in ReportText.BySeverity(failing))
        {
            sb.Append("\n#### ").Append(group.Key.ToText()).Append('\n');
            foreach (var check in group)
            {
                sb.Append("\n<details><summary><code>").Append(Html(check.Id)).Append("</code> ").Append(Html(check.Title))
                  .Append(" (").Append(check.Findings.Count).Append(check.Findings.Count == 1 ? " finding" : " findings")
                  .Append(result.BaselineApplied && check.IsNew ? ", new" : "").Append(")</summary>\n\n");
                if (check.Message is { } message)
                {
                    sb.Append(Escape(message)).Append("\n\n");
                }

                foreach (var finding in check.Findings.Take(MaxFindingsPerCheck))
                {
                    sb.Append("- `").Append(Code(ReportText.Location(finding))).Append("` ").Append(Escape(finding.Message)).Append('\n');
                    if (ReportText.Snippet(check, finding) is { } snippet)
                    {
                        sb.Append(Fence(snippet, "  "));
                    }
                }

                if (check.Findings.Count > MaxFindingsPerCheck)
                {
                    sb.Append("- … and ").Append(check.Findings.Count - MaxFindingsPerCheck).Append(" more\n");
                }

                sb.Append("\n**Remediation:** ").Append(Escape(check.Remediation)).Append('\n');
                var links = check.References.Select(ReportText.SafeUrl).OfType<string>().ToList();
                if (links.Count > 0)
                {
                    sb.Append("\n").Append(string.Join(" · ", links.Select(l => $"<{l}>"))).Append('\n');
                }

                sb.Append("\n</details>\n");
            }
        }

        var waived = result.Checks.Where(c => c.Status == CheckStatus.Waived).ToList();
        if (waived.Count > 0)
        {
            sb.Append("\n### Waived (").Append(waived.Count).Append(")\n\n");
            foreach (var check in waived)
            {
                sb.Append("- `").Append(Code(check.Id)).Append("` ").Append(Escape(check.Message ?? "")).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes Markdown punctuation and HTML so that repository text renders as text.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Text inside a single-backtick code span: no backticks, no line breaks.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|", StringComparison.Ordinal);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text.Replace('\n', ' '));

    /// <summary>A fenced block whose fence is longer than any backtick run inside.</summary>
    public static string Fence(string code, string indent = "")
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        var body = string.Join('\n', code.Split('\n').Select(l => indent + l));
        return $"{indent}{fence}\n{body}\n{indent}{fence}\n";
    }
}
