using System.Text;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Docs;

/// <summary>Renders docs/checks.md from a checklist, so the page never drifts from the YAML.</summary>
public static class ChecksDocument
{
    public const string RuleDocsBase = "rules/";

    public static string Render(ChecklistDocument checklist, string sourcePath = "rules/aspnetcore-production.yaml")
    {
        var sb = new StringBuilder();
        sb.Append("# Checklist: ").Append(checklist.Name).Append('\n').Append('\n');
        sb.Append("<!-- Generated from ").Append(sourcePath).Append(" by Readiness.Checklist.Docs.ChecksDocument. Do not edit by hand: run\n")
          .Append("     READINESS_REGENERATE_DOCS=1 dotnet test tests/Readiness.Checklist.Tests --filter ChecksDocument -->\n\n");
        sb.Append(checklist.Checks.Count).Append(" checks. Severity weights: P1-critical 10, P2-high 5, P3-normal 2 (× the check's weight). ")
          .Append("A failing P1 caps the score at 49, a failing P2 at 89. See `docs/report-json.md` for the report and DESIGN.md for the formula.\n\n");

        sb.Append("| Check | Category | Severity | Kind | What it looks at |\n|---|---|---|---|---|\n");
        foreach (var check in checklist.Checks)
        {
            sb.Append("| [`").Append(check.Id).Append("`](#").Append(check.Id).Append(") | ").Append(check.Category).Append(" | ")
              .Append(check.Severity.ToText()).Append(" | ").Append(check.Check.Kind).Append(" | ").Append(Cell(Subject(check.Check))).Append(" |\n");
        }

        foreach (var group in checklist.Checks.GroupBy(c => c.Category))
        {
            sb.Append("\n## ").Append(group.Key).Append('\n');
            foreach (var check in group)
            {
                sb.Append("\n### ").Append(check.Id).Append("\n\n");
                sb.Append("**").Append(check.Title).Append("** — ").Append(check.Severity.ToText());
                if (check.Weight != 1)
                {
                    sb.Append(", weight ×").Append(check.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                sb.Append(", `").Append(check.Check.Kind).Append("`: ").Append(Subject(check.Check)).Append("\n\n");
                if (check.Description is { } description)
                {
                    sb.Append(description).Append("\n\n");
                }

                sb.Append("Remediation: ").Append(check.Remediation).Append("\n\n");
                sb.Append("References:\n");
                foreach (var reference in check.References)
                {
                    sb.Append("- <").Append(reference).Append(">\n");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>One line on what a check examines, rule IDs linked to their pages.</summary>
    public static string Subject(CheckSpec spec)
    {
        var text = spec switch
        {
            AnalyzerCheckSpec a => string.Join(", ", a.Rules.Select(r => a.External && !r.StartsWith("RDY", StringComparison.Ordinal) ? $"{r} (external)" : $"[{r}]({RuleDocsBase}{r}.md)")),
            FileExistsCheckSpec f => $"a file matching `{string.Join("`, `", f.Paths)}` exists",
            FileAbsentCheckSpec f => $"no file matching `{string.Join("`, `", f.Paths)}`" + (f.Exclude.Count > 0 ? $" (except `{string.Join("`, `", f.Exclude)}`)" : ""),
            JsonPathCheckSpec j => $"`{j.Path}` {Assertion(j)} in the effective configuration",
            RegexCheckSpec r => $"`{string.Join("`, `", r.Files)}` {(r.Mode == RegexMode.MustMatch ? "must match" : "must not match")} `{r.Pattern}`" +
                (r.When is null ? "" : $" (applies when a file matches `{r.When}`)"),
            DockerfileCheckSpec d => $"Dockerfile: {d.Assertion}",
            _ => spec.Kind,
        };
        return spec.AppliesTo.Count > 0 ? $"{text}; applies when `{string.Join("`, `", spec.AppliesTo)}` exists" : text;
    }

    private static string Assertion(JsonPathCheckSpec j) => j.Assertion switch
    {
        JsonAssertion.EqualTo => $"equals `{j.Values[0]}`",
        JsonAssertion.NotEqualTo => $"is not `{j.Values[0]}`",
        JsonAssertion.In => $"is one of `{string.Join("`, `", j.Values)}`",
        JsonAssertion.NotIn => $"is none of `{string.Join("`, `", j.Values)}`",
        JsonAssertion.Matches => $"matches `{j.Values[0]}`",
        JsonAssertion.Exists => "is set",
        _ => "is absent",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
