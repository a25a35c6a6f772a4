using System.Text.RegularExpressions;
using Readiness.Checklist.Files;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluators;

/// <summary>
/// mustMatch passes when any matching file contains the pattern; mustNotMatch fails once per match.
/// Multiline (^ and $ per line), culture-invariant, with a 2-second match timeout per file; files of test
/// projects are left out (their code is not production code). A file that times out is skipped and recorded.
/// </summary>
internal static class RegexEvaluator
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private static bool AnyMatches(IReadOnlyList<string> files, Regex regex, EvaluationContext context)
    {
        foreach (var file in files)
        {
            try
            {
                if (context.Files.ReadText(file) is { } text && regex.IsMatch(text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                context.Skip(file, $"the applicability pattern /{regex}/ timed out on this file", GapKind.CheckNotEvaluated);
            }
        }

        return false;
    }

    public static Outcome Evaluate(CheckDefinition check, RegexCheckSpec spec, EvaluationContext context)
    {
        var files = context.Files.Match(spec.Files, spec.Exclude).Where(p => !RepositoryFiles.IsTestPath(p))
            .Where(p => !spec.ServerCodeOnly || !context.ClientProjects.IsClientCode(p)).ToList();
        if (files.Count == 0)
        {
            return Outcome.NotApplicable($"no file matches {string.Join(", ", spec.Files)}");
        }

        var options = RegexOptions.Multiline | RegexOptions.CultureInvariant | (spec.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        var regex = new Regex(spec.Pattern, options, MatchTimeout);
        if (spec.When is { } when && !AnyMatches(files, new Regex(when, options, MatchTimeout), context))
        {
            return Outcome.NotApplicable($"no file matching {string.Join(", ", spec.Files)} contains /{when}/");
        }

        var findings = new List<Finding>();
        var read = 0;
        var timedOut = 0;
        foreach (var file in files)
        {
            if (context.Files.ReadText(file) is not { } text)
            {
                continue;
            }

            read++;

            try
            {
                if (spec.Mode == RegexMode.MustMatch)
                {
                    if (regex.IsMatch(text))
                    {
                        return Outcome.Pass($"found in {file}");
                    }

                    continue;
                }

                TextPositions? positions = null;
                for (var match = regex.Match(text); match.Success; match = match.NextMatch())
                {
                    positions ??= new TextPositions(text);
                    var (line, column) = positions.At(match.Index);
                    var (endLine, endColumn) = positions.At(match.Index + match.Length);
                    findings.Add(new Finding(check.Id, file, line, column, endLine, endColumn, $"{check.Title}: /{spec.Pattern}/ matches here")
                    {
                        Category = check.Category,
                        Snippet = positions.Line(line),
                    });
                }
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut++;
                context.Skip(file, $"check '{check.Id}': the pattern timed out after {MatchTimeout.TotalSeconds:0} s on this file", GapKind.CheckNotEvaluated);
            }
        }

        if (read == 0)
        {
            return Outcome.NotMeasured($"no readable file matches {string.Join(", ", spec.Files)} (see Skipped)");
        }

        // A timed-out file was not searched: finding nothing elsewhere does not prove the check.
        if (timedOut > 0 && (spec.Mode == RegexMode.MustMatch || findings.Count == 0))
        {
            return Outcome.NotMeasured($"the pattern timed out on {timedOut} file{(timedOut == 1 ? "" : "s")} (see Skipped)");
        }

        if (spec.Mode == RegexMode.MustMatch)
        {
            // Point at the likeliest home of the missing call, so code scanning and annotations have a location.
            var home = files.FirstOrDefault(f => f.EndsWith("/Program.cs", StringComparison.OrdinalIgnoreCase) || f == "Program.cs") ?? files[0];
            var message = $"{check.Title}: no file matching {string.Join(", ", spec.Files)} contains /{spec.Pattern}/";
            return Outcome.Fail([new Finding(check.Id, home, 1, 1, 1, 1, message) { Category = check.Category }], message);
        }

        return findings.Count == 0 ? Outcome.Pass() : Outcome.Fail(findings, $"{findings.Count} match{(findings.Count == 1 ? "" : "es")}");
    }
}
