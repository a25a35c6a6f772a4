using Readiness.Checklist.Baselines;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Gating;

/// <summary>Whether CI passes, and why not.</summary>
public sealed record GateResult(bool Passed, IReadOnlyList<string> Reasons);

/// <summary>
/// The CI gate. Without a baseline: fails when the score is under <c>failUnder</c>, when a check at or above
/// <c>failOn</c> fails, and (when neither is given) on a NOT READY verdict. With a baseline only new failures
/// fail it: a failing check with a fingerprint the baseline lacks (at or above <c>failOn</c> when given);
/// the score threshold is not applied, since the baseline accepts the known failures behind the score.
/// </summary>
public static class Gate
{
    public static GateResult Evaluate(AuditResult result, int? failUnder, CheckSeverity? failOn, Baseline? baseline)
    {
        var reasons = new List<string>();
        var failing = result.Checks.Where(c => c.Status == CheckStatus.Failed).ToList();

        if (baseline is not null)
        {
            var fresh = failing.Where(c => baseline.IsNew(c)).Where(c => failOn is null || c.Severity <= failOn).ToList();
            foreach (var check in fresh)
            {
                reasons.Add($"new failure not in the baseline: {check.Severity.ToText()} {check.Id} ({check.Title})");
            }

            return new GateResult(reasons.Count == 0, reasons);
        }

        if (failUnder is { } threshold && result.Score < threshold)
        {
            reasons.Add($"score {result.Score} is under --fail-under {threshold}");
        }

        if (failOn is { } level)
        {
            foreach (var check in failing.Where(c => c.Severity <= level))
            {
                reasons.Add($"{check.Severity.ToText()} check fails (--fail-on {level.ToShortText()}): {check.Id} ({check.Title})");
            }
        }

        if (failUnder is null && failOn is null && result.Verdict == Verdict.NotReady)
        {
            reasons.Add($"verdict is {result.Verdict.ToText()} (score {result.Score})");
        }

        return new GateResult(reasons.Count == 0, reasons);
    }
}
