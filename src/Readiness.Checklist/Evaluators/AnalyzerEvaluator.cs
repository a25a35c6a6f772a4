using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluators;

/// <summary>
/// An analyzer check fails on any unsuppressed finding of its rules. Findings suppressed in source make it
/// waived, not passed. When none of its rules ran, it measured nothing: not applicable.
/// </summary>
internal static class AnalyzerEvaluator
{
    public static Outcome Evaluate(CheckDefinition check, AnalyzerCheckSpec spec, EvaluationContext context)
    {
        var rules = new HashSet<string>(spec.Rules, StringComparer.OrdinalIgnoreCase);
        var ran = spec.Rules.Where(r => context.Input.AnalyzerRuleIds.Contains(r)).ToList();
        if (ran.Count == 0)
        {
            return Outcome.NotApplicable($"rule{(spec.Rules.Count > 1 ? "s" : "")} {string.Join(", ", spec.Rules)} did not run in this audit");
        }

        var findings = context.Input.Findings.Where(f => rules.Contains(f.RuleId)).ToList();
        var open = findings.Where(f => f.Suppression is null).Select(f => f with { Category = f.Category ?? check.Category }).ToList();
        if (open.Count > 0)
        {
            return Outcome.Fail(open, $"{open.Count} finding{(open.Count == 1 ? "" : "s")} of {string.Join(", ", open.Select(f => f.RuleId).Distinct())}");
        }

        var suppressed = findings.Where(f => f.Suppression is not null).ToList();
        if (suppressed.Count > 0)
        {
            var how = string.Join("; ", suppressed.Select(f => $"{f.RuleId} in {f.FilePath} ({f.Suppression})").Distinct().Take(5));
            return new Outcome(CheckStatus.Waived, suppressed, $"suppressed in source: {how}", new WaiverInfo("suppressed in source: " + how, null));
        }

        var missing = spec.Rules.Except(ran).ToList();
        return Outcome.Pass(missing.Count == 0 ? null : $"rules {string.Join(", ", missing)} did not run");
    }
}
