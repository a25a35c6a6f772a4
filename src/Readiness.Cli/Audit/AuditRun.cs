using Readiness.Checklist.Findings;

namespace Readiness.Cli.Audit;

/// <summary>What the analysis of a repository produced: the input of the checklist.</summary>
internal sealed record AuditRun(
    string RepositoryRoot,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SkippedItem> Skipped,
    IReadOnlyList<string> Projects,
    IReadOnlySet<string> AnalyzerRuleIds,
    IReadOnlyList<string> Notes);
