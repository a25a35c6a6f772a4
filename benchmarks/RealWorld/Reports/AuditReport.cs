namespace RealWorld.Reports;

/// <summary>What the scorer reads from one repository's readiness-report.json.</summary>
internal sealed record AuditReport(
    string Repo,
    string File,
    string Verdict,
    int Score,
    IReadOnlyList<string> Projects,
    IReadOnlyList<AuditedFinding> Findings,
    IReadOnlyList<SkippedEntry> Skipped)
{
    public int CountSkipped(SkipKind kind) => Skipped.Count(s => s.Kind == kind);
}

internal enum SkipKind
{
    NotRestored,
    NotCompiled,
    AnalyzerFailure,
    ProjectNotAudited,
    Other,
}

internal sealed record SkippedEntry(string Path, string Reason)
{
    /// <summary>Classified by the reason's opening words, as the CLI writes them (RepositoryAuditor, RepositoryScan).</summary>
    public SkipKind Kind => Reason switch
    {
        _ when Reason.StartsWith("not restored", StringComparison.Ordinal) => SkipKind.NotRestored,
        _ when Reason.StartsWith("does not compile", StringComparison.Ordinal) => SkipKind.NotCompiled,
        _ when Reason.StartsWith("analyzer failure", StringComparison.Ordinal) || Reason.Contains("AD0001", StringComparison.Ordinal) => SkipKind.AnalyzerFailure,
        _ when Reason.StartsWith("project not audited", StringComparison.Ordinal) => SkipKind.ProjectNotAudited,
        _ => SkipKind.Other,
    };
}
