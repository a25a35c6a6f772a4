using System.Text;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;
using Readiness.Reporting.Text;

namespace Readiness.Reporting.GitHub;

/// <summary>
/// GitHub Actions workflow commands, one per finding of a failing check:
/// <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message</c>. P1 error, P2 warning, P3 notice.
/// Data escapes %, CR and LF; property values also escape ':' and ','.
/// </summary>
public static class GitHubAnnotations
{
    public static void Write(AuditResult result, TextWriter writer)
    {
        foreach (var check in ReportText.Failing(result))
        {
            var command = check.Severity switch { CheckSeverity.P1Critical => "error", CheckSeverity.P2High => "warning", _ => "notice" };
            var title = $"{check.Severity.ToShortText()} {check.Id}: {check.Title}";
            if (check.Findings.Count == 0)
            {
                writer.WriteLine($"::{command} title={Property(title)}::{Data(check.Message ?? check.Title)}");
                continue;
            }

            foreach (var f in check.Findings)
            {
                var properties = new StringBuilder();
                if (f.FilePath.Length > 0)
                {
                    properties.Append("file=").Append(Property(f.FilePath)).Append(',');
                    if (f.Line > 0)
                    {
                        properties.Append("line=").Append(f.Line).Append(",col=").Append(f.Column).Append(',');
                        if (f.EndLine >= f.Line && f.EndLine > 0)
                        {
                            properties.Append("endLine=").Append(f.EndLine).Append(",endColumn=").Append(f.EndColumn).Append(',');
                        }
                    }
                }

                properties.Append("title=").Append(Property(title));
                writer.WriteLine($"::{command} {properties}::{Data(f.Message + " — " + check.Remediation)}");
            }
        }

        var level = result.IsComplete ? "notice" : "warning";
        var summary = $"{result.Verdict.ToText()}: score {result.Score}/100 (grade {result.Grade}), {ReportText.Failing(result).Count} failing checks";
        writer.WriteLine($"::{level} title={Property("Production readiness")}::{Data(result.IsComplete ? summary : summary + ". " + ReportText.IncompleteHeadline(result))}");
    }

    /// <summary>Escapes the message part of a workflow command.</summary>
    public static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value of a workflow command.</summary>
    public static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
