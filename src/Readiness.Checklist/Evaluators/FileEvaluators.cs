using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluators;

/// <summary>fileExists passes when a file matches; fileAbsent fails once per matching file.</summary>
internal static class FileEvaluators
{
    public static Outcome Exists(FileExistsCheckSpec spec, EvaluationContext context)
    {
        var found = context.Files.Match(spec.Paths, spec.Exclude);
        return found.Count > 0
            ? Outcome.Pass($"found {found[0]}")
            : Outcome.Fail([], $"no file matches {string.Join(", ", spec.Paths)}");
    }

    public static Outcome Absent(CheckDefinition check, FileAbsentCheckSpec spec, EvaluationContext context)
    {
        var found = context.Files.Match(spec.Paths, spec.Exclude);
        if (found.Count == 0)
        {
            return Outcome.Pass();
        }

        var findings = found
            .Select(path => new Finding(check.Id, path, 1, 1, 1, 1, $"{path} is in the repository; it must not be ({string.Join(", ", spec.Paths)})") { Category = check.Category })
            .ToList();
        return Outcome.Fail(findings, $"{found.Count} file{(found.Count == 1 ? "" : "s")} that must be absent");
    }
}
