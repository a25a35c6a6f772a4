using System.Text.Json;
using Readiness.Checklist.Baselines;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;
using Readiness.Reporting.Text;

namespace Readiness.Reporting.Sarif;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one rule per checklist check (with helpUri and help text), one result
/// per finding of a failing or waived check, paths relative to %SRCROOT% and URI-escaped, a line-free
/// partialFingerprint (the baseline's), waived results carried as suppressions so code scanning dismisses them.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRoot = "%SRCROOT%";
    public const string FingerprintKey = "readinessFingerprint/v1";
    public const string InformationUri = "https://github.com/ReadinessAnalyzers/ReadinessAnalyzers";

    public static string Render(AuditResult result) => Json.JsonOutput.Write(w =>
    {
        var rules = result.Checks.ToList();
        var ruleIndex = rules.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "ReadinessAnalyzers");
        w.WriteString("informationUri", InformationUri);
        w.WriteString("version", result.ToolVersion);
        w.WriteStartArray("rules");
        foreach (var check in rules)
        {
            WriteRule(w, check);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("automationDetails");
        w.WriteString("id", $"readiness/{Uri.EscapeDataString(result.Environment)}/");
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRoot);
        if (result.RepositoryRoot is { } root)
        {
            var uri = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar).AbsoluteUri;
            w.WriteString("uri", uri);
        }

        w.WriteStartObject("description");
        w.WriteString("text", "The root of the audited repository.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("results");
        foreach (var check in result.Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.Waived))
        {
            var prints = Baseline.FingerprintsOf(check);
            var located = check.Findings.Select((f, i) => (f, print: prints[i])).Where(x => x.f.FilePath.Length > 0).ToList();
            if (located.Count == 0 && result.Projects.Count > 0)
            {
                // A failure without a place (a required file that is missing): code scanning needs a location.
                located = [(new Finding(check.Id, result.Projects[0], 1, 1, 1, 1, check.Message ?? check.Title), prints[0])];
            }

            foreach (var (finding, print) in located)
            {
                WriteResult(w, check, finding, print, ruleIndex[check.Id]);
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        // An audit that did not measure everything did not run successfully: code scanning must not read it as clean.
        w.WriteBoolean("executionSuccessful", result.IsComplete);
        w.WriteStartArray("toolExecutionNotifications");
        foreach (var (what, why, fix) in ReportText.Gaps(result))
        {
            w.WriteStartObject();
            w.WriteString("level", "error");
            w.WriteStartObject("message");
            w.WriteString("text", $"Not measured: {what}: {why}. Fix: {fix}");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("properties");
        w.WriteNumber("score", result.Score);
        w.WriteString("grade", result.Grade);
        w.WriteString("verdict", result.Verdict.ToText());
        w.WriteEndObject();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteRule(Utf8JsonWriter w, CheckResult check)
    {
        w.WriteStartObject();
        w.WriteString("id", check.Id);
        w.WriteString("name", RuleName(check.Id));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", check.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", check.Check.Description ?? check.Title);
        w.WriteEndObject();
        if (ReportText.HelpUri(check) is { } help)
        {
            w.WriteString("helpUri", help);
        }

        w.WriteStartObject("help");
        var links = check.References.Select(ReportText.SafeUrl).OfType<string>().ToList();
        w.WriteString("text", $"{check.Remediation}\n\n{string.Join("\n", links)}".TrimEnd());
        w.WriteString("markdown", $"**Remediation:** {Markdown.MarkdownReport.Escape(check.Remediation)}\n\n{string.Join("\n", links.Select(l => $"- <{l}>"))}".TrimEnd());
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(check.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue("security");
        w.WriteStringValue("production-readiness");
        w.WriteStringValue(check.Category);
        w.WriteStringValue(check.Severity.ToText());
        w.WriteEndArray();
        // GitHub code scanning shows critical/high/medium from this number.
        w.WriteString("security-severity", check.Severity switch { CheckSeverity.P1Critical => "9.0", CheckSeverity.P2High => "7.0", _ => "4.0" });
        w.WriteString("precision", "high");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, CheckResult check, Finding finding, string fingerprint, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", check.Id);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(check.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", finding.Message.Length > 0 ? finding.Message : check.Title);
        w.WriteEndObject();

        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", RelativeUri(finding.FilePath));
        w.WriteString("uriBaseId", SourceRoot);
        w.WriteEndObject();
        w.WriteStartObject("region");
        var line = Math.Max(1, finding.Line);
        var column = Math.Max(1, finding.Column);
        w.WriteNumber("startLine", line);
        w.WriteNumber("startColumn", column);
        if (finding.EndLine > line || (finding.EndLine == line && finding.EndColumn > column))
        {
            w.WriteNumber("endLine", finding.EndLine);
            w.WriteNumber("endColumn", finding.EndColumn);
        }

        if (ReportText.Snippet(check, finding) is { } snippet)
        {
            w.WriteStartObject("snippet");
            w.WriteString("text", snippet);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, fingerprint);
        w.WriteEndObject();

        if (check.Status == CheckStatus.Waived)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", finding.Suppression is null ? "external" : "inSource");
            w.WriteString("justification", check.Waiver?.Reason ?? finding.Suppression ?? "waived");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("properties");
        w.WriteString("analyzerRuleId", finding.RuleId);
        w.WriteString("category", check.Category);
        w.WriteString("severity", check.Severity.ToText());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>P1 error, P2 warning, P3 note.</summary>
    public static string Level(CheckSeverity severity) => severity switch
    {
        CheckSeverity.P1Critical => "error",
        CheckSeverity.P2High => "warning",
        _ => "note",
    };

    /// <summary>A repository-relative path as a relative URI reference: each segment percent-encoded.</summary>
    public static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string RuleName(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
