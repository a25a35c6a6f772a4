using Readiness.Checklist.Findings;

namespace Readiness.Checklist.Evaluation;

/// <summary>A category's score: the formula of the total, without caps. <see cref="Score"/> is null when nothing was measured.</summary>
public sealed record CategoryScore(
    string Name,
    int? Score,
    int Passed,
    int Failed,
    int Waived,
    int NotApplicable,
    int NotMeasured,
    decimal MeasuredWeight,
    decimal TotalWeight);

/// <summary>The whole audit: what every reporter renders.</summary>
public sealed record AuditResult
{
    /// <summary>0-100 after caps.</summary>
    public required int Score { get; init; }

    /// <summary>The score before the P1/P2 caps.</summary>
    public required int UncappedScore { get; init; }

    /// <summary>Why the score was capped ("a P1-critical check fails: capped at 49"), or null.</summary>
    public string? CapReason { get; init; }

    /// <summary>A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 50, F below.</summary>
    public required string Grade { get; init; }

    public required Verdict Verdict { get; init; }
    public required IReadOnlyList<CategoryScore> Categories { get; init; }
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>Weight of the checks that counted (passed or failed).</summary>
    public required decimal MeasuredWeight { get; init; }

    /// <summary>Weight of every check, waived and not-applicable ones included.</summary>
    public required decimal TotalWeight { get; init; }

    /// <summary>What the audit could not look at: each item is a gap, and any gap makes the audit incomplete.</summary>
    public required IReadOnlyList<SkippedItem> Skipped { get; init; }

    /// <summary>Checks whose evidence was not all looked at.</summary>
    public IEnumerable<CheckResult> NotMeasured => Checks.Where(c => c.Status == CheckStatus.NotMeasured);

    /// <summary>True when everything the verdict speaks for was measured: nothing skipped, no check unmeasured.</summary>
    public bool IsComplete => Skipped.Count == 0 && !NotMeasured.Any();
    public required string Environment { get; init; }
    public required string ToolVersion { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required IReadOnlyList<string> Projects { get; init; }

    /// <summary>The absolute repository root, when known (SARIF's %SRCROOT%).</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The checklists the audit used (their sources).</summary>
    public IReadOnlyList<string> Checklists { get; init; } = [];

    /// <summary>True when a baseline was applied (each failing check then says whether it is new).</summary>
    public bool BaselineApplied { get; init; }

    /// <summary>Every finding of every failing check, in check order.</summary>
    public IEnumerable<(CheckResult Check, Finding Finding)> FailingFindings =>
        Checks.Where(c => c.Status == CheckStatus.Failed).SelectMany(c => c.Findings.Select(f => (c, f)));
}
