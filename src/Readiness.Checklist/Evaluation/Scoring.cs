using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluation;

/// <summary>The score of DESIGN.md, in one place.</summary>
public static class Scoring
{
    public const int P1Cap = 49;
    public const int P2Cap = 89;
    public const int ReadyThreshold = 90;
    public const int ConditionalThreshold = 50;

    /// <summary>floor(100 × Σ weighted passes / Σ weights) over passed and failed checks; null when nothing counted.</summary>
    public static int? RawScore(IEnumerable<CheckResult> checks)
    {
        decimal passed = 0, measured = 0;
        foreach (var check in checks)
        {
            if (!check.Counts)
            {
                continue;
            }

            measured += check.Weight;
            if (check.Status == CheckStatus.Passed)
            {
                passed += check.Weight;
            }
        }

        return measured == 0 ? null : (int)Math.Floor(100m * passed / measured);
    }

    /// <summary>
    /// The total: the raw score, capped at 49 by any failing P1 and at 89 by any failing P2. With nothing measured
    /// the score is 0: an audit that measured nothing must not read as ready.
    /// </summary>
    public static (int Score, int Uncapped, string? CapReason) TotalScore(IReadOnlyList<CheckResult> checks)
    {
        var uncapped = RawScore(checks) ?? 0;
        var failing = checks.Where(c => c.Status == CheckStatus.Failed).ToList();
        if (failing.Any(c => c.Severity == CheckSeverity.P1Critical) && uncapped > P1Cap)
        {
            return (P1Cap, uncapped, $"a P1-critical check fails: score capped at {P1Cap}");
        }

        if (failing.Any(c => c.Severity == CheckSeverity.P2High) && uncapped > P2Cap)
        {
            return (P2Cap, uncapped, $"a P2-high check fails: score capped at {P2Cap}");
        }

        return (uncapped, uncapped, null);
    }

    public static Verdict VerdictFor(int score) =>
        score >= ReadyThreshold ? Verdict.Ready : score >= ConditionalThreshold ? Verdict.Conditional : Verdict.NotReady;

    /// <summary>
    /// The verdict of a score when something was not measured: NOT READY only when a measured check failed and brought
    /// the score there (what failed was seen); otherwise INCOMPLETE, never READY or CONDITIONAL.
    /// </summary>
    public static Verdict VerdictFor(int score, bool complete, bool anyFailed) =>
        VerdictFor(score) is var verdict && (complete || (verdict == Verdict.NotReady && anyFailed)) ? verdict : Verdict.Incomplete;

    /// <summary>A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 50, F below (so a failing P1 always grades F, a failing P2 at best B).</summary>
    public static string GradeFor(int score) =>
        score >= 90 ? "A" : score >= 80 ? "B" : score >= 70 ? "C" : score >= 50 ? "D" : "F";

    /// <summary>Category scores: the same formula without caps, in order of first appearance.</summary>
    public static IReadOnlyList<CategoryScore> Categories(IReadOnlyList<CheckResult> checks) =>
        checks.GroupBy(c => c.Category, StringComparer.Ordinal)
            .Select(g => new CategoryScore(
                g.Key,
                RawScore(g),
                g.Count(c => c.Status == CheckStatus.Passed),
                g.Count(c => c.Status == CheckStatus.Failed),
                g.Count(c => c.Status == CheckStatus.Waived),
                g.Count(c => c.Status == CheckStatus.NotApplicable),
                g.Count(c => c.Status == CheckStatus.NotMeasured),
                g.Where(c => c.Counts).Sum(c => c.Weight),
                g.Sum(c => c.Weight)))
            .ToList();

    /// <summary>Builds the result's score fields from evaluated checks.</summary>
    public static AuditResult Score(IReadOnlyList<CheckResult> checks, AuditInput input, IReadOnlyList<string> checklists, bool baselineApplied)
    {
        var (score, uncapped, capReason) = TotalScore(checks);
        var complete = input.Skipped.Count == 0 && checks.All(c => c.Status != CheckStatus.NotMeasured);
        return new AuditResult
        {
            Score = score,
            UncappedScore = uncapped,
            CapReason = capReason,
            Grade = GradeFor(score),
            Verdict = VerdictFor(score, complete, checks.Any(c => c.Status == CheckStatus.Failed)),
            Categories = Categories(checks),
            Checks = checks,
            MeasuredWeight = checks.Where(c => c.Counts).Sum(c => c.Weight),
            TotalWeight = checks.Sum(c => c.Weight),
            Skipped = input.Skipped,
            Environment = input.Environment,
            ToolVersion = input.ToolVersion,
            GeneratedAt = input.GeneratedAt,
            Projects = input.Projects,
            Checklists = checklists,
            RepositoryRoot = input.RepositoryRoot,
            BaselineApplied = baselineApplied,
        };
    }
}
