namespace Readiness.Checklist.Findings;

/// <summary>
/// One thing an analyzer or a declarative check found, in plain terms: no Roslyn types cross this line.
/// Positions are 1-based; <see cref="FilePath"/> is relative to the repository root, with forward slashes.
/// </summary>
public sealed record Finding(
    string RuleId,
    string FilePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message)
{
    /// <summary>A few lines of the file around the finding, for reports; never holds an unmasked secret.</summary>
    public string? Snippet { get; init; }

    /// <summary>The analyzer's category (Secrets, Cors …), when the finding comes from an analyzer.</summary>
    public string? Category { get; init; }

    /// <summary>The rule's documentation link, when there is one.</summary>
    public string? HelpUri { get; init; }

    /// <summary>
    /// Set when the finding was suppressed in source (#pragma, [SuppressMessage], .editorconfig severity none):
    /// the check it belongs to is reported as waived, not passed. Holds how it was suppressed.
    /// </summary>
    public string? Suppression { get; init; }
}
