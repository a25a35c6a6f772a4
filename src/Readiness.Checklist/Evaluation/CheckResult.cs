using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluation;

/// <summary>Why a check was waived: a waiver entry, or a suppression in source.</summary>
public sealed record WaiverInfo(string Reason, DateOnly? Expires)
{
    /// <summary>True for a waiver whose date has passed: the check is reported failed.</summary>
    public bool Expired { get; init; }
}

/// <summary>One evaluated check.</summary>
public sealed record CheckResult(
    CheckDefinition Check,
    CheckStatus Status,
    IReadOnlyList<Finding> Findings)
{
    public string Id => Check.Id;
    public string Title => Check.Title;
    public string Category => Check.Category;
    public CheckSeverity Severity => Check.Severity;

    /// <summary>Severity weight × check weight.</summary>
    public decimal Weight => Check.EffectiveWeight;

    public string Remediation => Check.Remediation;
    public IReadOnlyList<string> References => Check.References;

    /// <summary>One line on why the check has its status ("no Dockerfile in the repository", "waiver expired on …").</summary>
    public string? Message { get; init; }

    /// <summary>Set when a waiver or suppression applies (or applied and has expired).</summary>
    public WaiverInfo? Waiver { get; init; }

    /// <summary>Under a baseline: the check fails with at least one finding the baseline does not know.</summary>
    public bool IsNew { get; init; }

    /// <summary>Baseline fingerprints of this check's failure (one per finding, or one for the check when it has none).</summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];

    public bool Counts => Status is CheckStatus.Passed or CheckStatus.Failed;
}
