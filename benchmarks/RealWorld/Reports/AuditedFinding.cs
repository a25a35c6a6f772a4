namespace RealWorld.Reports;

/// <summary>
/// A finding as the scorer sees it. Analyzer findings carry their rule id; a declarative check's finding carries the
/// check id as its rule. The category is always the check's.
/// </summary>
internal sealed record AuditedFinding(string Repo, string Path, int Line, int Column, string Rule, string Category, string CheckId, string Message);
