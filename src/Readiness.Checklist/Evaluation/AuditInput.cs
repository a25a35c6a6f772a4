using Readiness.Checklist.Findings;

namespace Readiness.Checklist.Evaluation;

/// <summary>What the CLI hands the checklist: the analyzers' findings and the repository on disk.</summary>
/// <param name="RepositoryRoot">Absolute path; file-based checks look under it.</param>
/// <param name="Environment">The environment whose effective configuration is judged (Production by default).</param>
/// <param name="Findings">Every analyzer finding, suppressed ones included (with <see cref="Finding.Suppression"/> set).</param>
/// <param name="Skipped">Files and projects the analysis could not look at.</param>
/// <param name="AnalyzerRuleIds">The rule IDs of the analyzers that actually ran: an analyzer check naming only rules that did not run is not applicable.</param>
/// <param name="Today">For waiver expiry.</param>
/// <param name="Projects">Repository-relative paths of the audited projects.</param>
public sealed record AuditInput(
    string RepositoryRoot,
    string Environment,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SkippedItem> Skipped,
    IReadOnlySet<string> AnalyzerRuleIds,
    DateOnly Today,
    IReadOnlyList<string> Projects)
{
    /// <summary>Written into the report; the CLI sets its own version.</summary>
    public string ToolVersion { get; init; } = typeof(AuditInput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>When the report was generated; defaults to now.</summary>
    public DateTimeOffset GeneratedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// Waivers from elsewhere (the CLI need not set it: the evaluator reads <c>readiness.waivers.yaml</c>
    /// at <see cref="RepositoryRoot"/> itself, and each checklist's <c>waivers:</c>).
    /// </summary>
    public IReadOnlyList<Model.Waiver> ExtraWaivers { get; init; } = [];
}
