namespace RealWorld.Labels;

internal enum LabelKind
{
    /// <summary>A real production problem that must be reported here (recall counts it).</summary>
    Expect,

    /// <summary>A place that must not be reported (a look-alike, or a finding a reviewer would dismiss).</summary>
    Neg,

    /// <summary>An acceptable finding that is not required: correct for precision, no miss when absent.</summary>
    Ok,
}

/// <summary>One hand-label row; <see cref="Source"/> is `file:line`, for messages.</summary>
internal sealed record Label(
    string Repo,
    string Commit,
    string Path,
    int Line,
    LabelKind Kind,
    string Category,
    string Rule,
    string Note,
    string Source)
{
    public const string AnyRule = "-";
}
