using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;
using Readiness.Reporting.Text;

namespace Readiness.Reporting.ConsoleOutput;

/// <summary>
/// The terminal summary: verdict, score and grade, category scores, failing checks by severity. ANSI colour by
/// hand, only when asked (a TTY without NO_COLOR); control characters in repository text are never echoed raw.
/// </summary>
public static class ConsoleReport
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Green = "\u001b[32m";
    private const string Dim = "\u001b[2m";
    private const int MaxFindingsPerCheck = 10;
    private const int MaxGaps = 20;

    /// <summary>True when stdout is a terminal and NO_COLOR is not set.</summary>
    public static bool ShouldColor(TextWriter writer) =>
        Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;

    public static void Write(AuditResult result, TextWriter writer, bool color)
    {
        string Paint(string text, string code) => color ? code + text + Reset : text;
        var verdictColor = result.Verdict switch { Verdict.Ready => Green, Verdict.Conditional or Verdict.Incomplete => Yellow, _ => Red };

        writer.WriteLine(Paint($"Readiness audit ({Clean(result.Environment)}): {result.Verdict.ToText()}", Bold + verdictColor));
        writer.WriteLine($"Score {Paint($"{result.Score}/100", Bold)}, grade {result.Grade}" +
            (result.CapReason is null ? "" : $" ({result.CapReason}; {result.UncappedScore} before the cap)"));
        writer.WriteLine(Paint(ReportText.MeasuredLine(result), Dim));
        writer.WriteLine();

        if (!result.IsComplete)
        {
            writer.WriteLine(Paint(ReportText.IncompleteHeadline(result), Bold + Yellow));
            var gaps = ReportText.Gaps(result);
            foreach (var (what, why, fix) in gaps.Take(MaxGaps))
            {
                writer.WriteLine($"    ! {Clean(what)}: {Clean(why)}");
                writer.WriteLine(Paint($"      fix: {fix}", Dim));
            }

            if (gaps.Count > MaxGaps)
            {
                writer.WriteLine($"    … and {gaps.Count - MaxGaps} more (see the JSON or HTML report)");
            }

            writer.WriteLine();
        }

        writer.WriteLine(Paint("Categories", Bold));
        var width = result.Categories.Count == 0 ? 0 : result.Categories.Max(c => c.Name.Length);
        foreach (var category in result.Categories)
        {
            var bar = category.Score is { } s ? new string('#', s / 10) + new string('.', 10 - s / 10) : new string(' ', 10);
            var barColor = category.Score switch { null => Dim, >= 90 => Green, >= 50 => Yellow, _ => Red };
            writer.WriteLine($"  {Clean(category.Name).PadRight(width)}  {Paint(bar, barColor)} {ReportText.ScoreText(category.Score),3}  " +
                $"({category.Passed} passed, {category.Failed} failed{(category.Waived > 0 ? $", {category.Waived} waived" : "")}{(category.NotApplicable > 0 ? $", {category.NotApplicable} n/a" : "")}{(category.NotMeasured > 0 ? $", {category.NotMeasured} not measured" : "")})");
        }

        var failing = ReportText.Failing(result);
        writer.WriteLine();
        writer.WriteLine(Paint(failing.Count == 0 ? "No failing checks" : $"Failing checks ({failing.Count})", Bold));
        foreach (var group in ReportText.BySeverity(failing))
        {
            writer.WriteLine(Paint($"  {group.Key.ToText()}", group.Key == CheckSeverity.P1Critical ? Red : group.Key == CheckSeverity.P2High ? Yellow : ""));
            foreach (var check in group)
            {
                var isNew = result.BaselineApplied && check.IsNew ? " [new]" : "";
                writer.WriteLine($"    x {check.Id}{isNew}: {Clean(check.Title)}");
                if ((check.Findings.Count == 0 && check.Message is not null) || check.Waiver is { Expired: true })
                {
                    writer.WriteLine(Paint($"        {Clean(check.Message ?? "")}", Dim));
                }

                foreach (var finding in check.Findings.Take(MaxFindingsPerCheck))
                {
                    writer.WriteLine($"        {Clean(ReportText.Location(finding))}  {Clean(finding.Message)}");
                }

                if (check.Findings.Count > MaxFindingsPerCheck)
                {
                    writer.WriteLine(Paint($"        … and {check.Findings.Count - MaxFindingsPerCheck} more (see the HTML or JSON report)", Dim));
                }
            }
        }

        var waived = result.Checks.Where(c => c.Status == CheckStatus.Waived).ToList();
        if (waived.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine(Paint($"Waived ({waived.Count})", Bold));
            foreach (var check in waived)
            {
                writer.WriteLine($"    ~ {check.Id}: {Clean(check.Message ?? "")}");
            }
        }
    }

    /// <summary>Repository text with control characters (ANSI escapes, carriage returns) made visible.</summary>
    internal static string Clean(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        return string.Concat(text.Select(c => char.IsControl(c) ? (c == '\n' ? " " : $"\\u{(int)c:x4}") : c.ToString()));
    }
}
