namespace Readiness.Checklist.Findings;

/// <summary>
/// A file or project the audit could not look at (unreadable, binary, too large, not UTF-8, symlink loop,
/// a project that does not compile …). <see cref="Path"/> is repository-relative with forward slashes.
/// </summary>
public sealed record SkippedItem(string Path, string Reason);
