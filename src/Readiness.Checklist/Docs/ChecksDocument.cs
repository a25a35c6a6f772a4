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

        sb.Append(HowChecksWork);

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

    /// <summary>The fixed part of the page: kinds, applicability, waivers, baselines, limits.</summary>
    private const string HowChecksWork = """

        ## How checks work

        - **Kinds.** `analyzer` fails on any unsuppressed finding of its rules (ours, `RDYnnnn`, or another analyzer's with
          `external: true`); findings suppressed in source (`#pragma`, `[SuppressMessage]`, `.editorconfig`) make it *waived*;
          when none of its rules ran it is *not applicable*. `fileExists` passes when a file matches; `fileAbsent` fails once
          per matching file. `jsonPath` asserts (`equals`, `notEquals`, `in`, `notIn`, `matches`, `exists`, `absent`) over the
          effective configuration of every folder holding `appsettings.json` / `appsettings.{Environment}.json`, as ASP.NET Core
          builds it (the environment's file overlays the base file; keys case-insensitive; comments and trailing commas allowed;
          arrays as `Section:0:Key`; a `*` segment matches any key); values compare case-insensitively; `notEquals`/`notIn`/`absent`
          pass on a missing key, `equals`/`in`/`matches` fail on it unless `optional: true`. `regex` runs with a 2-second match
          timeout per file (multiline, culture-invariant, `ignoreCase` optional): `mustMatch` passes when any file matches,
          `mustNotMatch` fails once per match; `when:` makes it applicable only where some file matches another pattern;
          `serverCodeOnly: true` leaves out the files of client apps (the nearest project is Blazor WebAssembly, MAUI, WPF,
          Windows Forms, or a console tool that hosts nothing; libraries count as server code).
          `dockerfile` judges the final stage for the user, the environment and the base image (following stage aliases), and
          every stage for secrets in `ENV`/`ARG` and remote `ADD`.
        - **Not applicable.** A check whose subject is absent (no Dockerfile, no appsettings, no file of its globs, `appliesTo`
          globs matching nothing, rules that did not run) leaves the score's numerator and denominator; the report says how much
          weight was measured.
        - **Globs** are repository-relative, case-insensitive; `**/` spans folders; a glob without `/` matches a file name at any
          depth. `bin/`, `obj/`, `.git/`, `node_modules/`, `.vs/`, `.idea/`, `TestResults/` and `readiness-report/` are never
          looked at. `regex` and `jsonPath` leave out test projects (a folder named `test`/`tests` or ending in `.Tests`/`.Test`).
        - **Files that cannot be read** are listed as *skipped* in every report, never silently passed: larger than 2 MiB,
          binary (a NUL byte in the first 8,000 bytes), not valid UTF-8, unreadable, malformed JSON configuration, a pattern
          that timed out. Symbolic links to folders are not followed (no loops, no escaping the repository).
        - **Waivers** live in `readiness.waivers.yaml` at the repository root (or a checklist's own `waivers:` section):

          ```yaml
          waivers:
            - check: forwarded-headers           # a check id
              reason: TLS terminates at the ingress, which rewrites scheme and client IP
              expires: 2026-12-31                # yyyy-MM-dd; valid through that day
              approvedBy: platform-team          # optional
          ```

          A waived failing check leaves the score like a not-applicable one. After its expiry date the waiver no longer
          applies: the check fails and its message says the waiver expired. A waiver of an unknown check id is bad input (exit 2).
        - **Baseline** (`--baseline FILE`, `--update-baseline`): JSON fingerprints of today's failures — check id, rule id,
          repository-relative path and a hash of the whitespace-normalised finding message, never a line number. Under a
          baseline the CI gate fails only on new failures; the score is unchanged.
        - **Score**: floor(100 × Σ weights of passed checks / Σ weights of passed and failed checks); a failing P1 caps it at
          49, a failing P2 at 89; READY ≥ 90, CONDITIONAL ≥ 50, else NOT READY; grade A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 50, else F.
          With nothing measured the score is 0. A verdict speaks only for what was measured: when a project did not restore
          or compile, an analyzer failed, a file was skipped or a check could not be measured, the verdict is INCOMPLETE
          (never READY or CONDITIONAL; NOT READY stands when a measured failure brought the score under 50) and the report
          lists each gap first. Category scores use the same formula without caps.
        - **Your own checklist**: write YAML against `rules/checklist.schema.json` (the loader enforces the same rules and
          reports every error as `file:line:col`) and pass it with `--checklist` (repeatable; ids must be unique across
          checklists). `readiness checklist validate FILE` checks it, including that every `RDYnnnn` exists.

        """;

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
