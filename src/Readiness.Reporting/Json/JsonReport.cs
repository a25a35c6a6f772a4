using System.Text.Json;
using Readiness.Checklist.Baselines;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;
using Readiness.Reporting.Text;

namespace Readiness.Reporting.Json;

/// <summary>The machine-readable report; its shape is documented in docs/report-json.md and versioned by <see cref="SchemaVersion"/>.</summary>
public static class JsonReport
{
    /// <summary>Bumped on any breaking change of the shape (removing or renaming a field, changing a type).</summary>
    public const int SchemaVersion = 1;

    public static string Render(AuditResult result) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteNumber("score", result.Score);
        w.WriteString("grade", result.Grade);
        w.WriteString("verdict", result.Verdict.ToText());
        w.WriteBoolean("complete", result.IsComplete);
        w.WriteNumber("uncappedScore", result.UncappedScore);
        WriteNullable(w, "capReason", result.CapReason);
        w.WriteNumber("measuredWeight", result.MeasuredWeight);
        w.WriteNumber("totalWeight", result.TotalWeight);
        w.WriteString("environment", result.Environment);
        w.WriteString("generatedAt", result.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartObject("tool");
        w.WriteString("name", "readiness");
        w.WriteString("version", result.ToolVersion);
        w.WriteEndObject();
        w.WriteBoolean("baselineApplied", result.BaselineApplied);
        WriteStrings(w, "checklists", result.Checklists);
        WriteStrings(w, "projects", result.Projects);

        w.WriteStartArray("categories");
        foreach (var c in result.Categories)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            if (c.Score is { } score)
            {
                w.WriteNumber("score", score);
            }
            else
            {
                w.WriteNull("score");
            }

            w.WriteNumber("passed", c.Passed);
            w.WriteNumber("failed", c.Failed);
            w.WriteNumber("waived", c.Waived);
            w.WriteNumber("notApplicable", c.NotApplicable);
            w.WriteNumber("notMeasured", c.NotMeasured);
            w.WriteNumber("measuredWeight", c.MeasuredWeight);
            w.WriteNumber("totalWeight", c.TotalWeight);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("checks");
        foreach (var check in result.Checks)
        {
            w.WriteStartObject();
            w.WriteString("id", check.Id);
            w.WriteString("title", check.Title);
            w.WriteString("category", check.Category);
            w.WriteString("severity", check.Severity.ToText());
            w.WriteNumber("weight", check.Weight);
            w.WriteString("kind", check.Check.Check.Kind);
            w.WriteString("status", check.Status.ToText());
            WriteNullable(w, "message", check.Message);
            w.WriteNumber("findingCount", check.Findings.Count);
            w.WriteBoolean("isNew", check.IsNew);
            w.WriteString("remediation", check.Remediation);
            WriteStrings(w, "references", check.References);
            if (check.Waiver is { } waiver)
            {
                w.WriteStartObject("waiver");
                w.WriteString("reason", waiver.Reason);
                WriteNullable(w, "expires", waiver.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteBoolean("expired", waiver.Expired);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("waiver");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var check in result.Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.Waived))
        {
            var prints = Baseline.FingerprintsOf(check);
            for (var i = 0; i < check.Findings.Count; i++)
            {
                var f = check.Findings[i];
                w.WriteStartObject();
                w.WriteString("checkId", check.Id);
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("status", check.Status.ToText());
                w.WriteString("path", f.FilePath);
                w.WriteNumber("line", f.Line);
                w.WriteNumber("column", f.Column);
                w.WriteNumber("endLine", f.EndLine);
                w.WriteNumber("endColumn", f.EndColumn);
                w.WriteString("message", f.Message);
                WriteNullable(w, "snippet", ReportText.Snippet(check, f));
                WriteNullable(w, "helpUri", ReportText.SafeUrl(f.HelpUri));
                WriteNullable(w, "suppression", f.Suppression);
                w.WriteString("fingerprint", prints[i]);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("skipped");
        foreach (var item in result.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("path", item.Path);
            w.WriteString("reason", item.Reason);
            w.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(item.Kind.ToString()));
            w.WriteString("fix", item.Remedy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
