namespace Readiness.Checklist.Findings;

/// <summary>What kind of gap a skipped item leaves in the audit: each says what was not measured and how to close it.</summary>
public enum GapKind
{
    /// <summary>A file the audit could not read (too large, binary, not UTF-8, unreadable, a link loop).</summary>
    FileSkipped,

    /// <summary>A project whose packages are not restored: code using them binds only by name.</summary>
    NotRestored,

    /// <summary>A project with compiler errors: the analyzers ran only on what binds.</summary>
    DoesNotCompile,

    /// <summary>An analyzer threw: its rules' findings may be missing.</summary>
    AnalyzerFailed,

    /// <summary>A project file that could not be read or understood.</summary>
    ProjectNotAudited,

    /// <summary>No C# project under the audited path: no analyzer ran.</summary>
    NoProject,

    /// <summary>A checklist check that could not be evaluated (its pattern timed out, its files were unreadable).</summary>
    CheckNotEvaluated,
}

/// <summary>
/// A file or project the audit could not look at (unreadable, binary, too large, not UTF-8, symlink loop,
/// a project that does not compile …). <see cref="Path"/> is repository-relative with forward slashes.
/// Every skipped item is a gap: the verdict cannot be READY or CONDITIONAL while one remains.
/// </summary>
public sealed record SkippedItem(string Path, string Reason, GapKind Kind = GapKind.FileSkipped)
{
    /// <summary>True when C# code was not (fully) analysed, so a passing analyzer check proves nothing.</summary>
    public bool LeavesCodeUnmeasured => Kind is GapKind.NotRestored or GapKind.DoesNotCompile or GapKind.AnalyzerFailed
        or GapKind.ProjectNotAudited or GapKind.NoProject
        || (Kind == GapKind.FileSkipped && Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase));

    /// <summary>How to close the gap, in one line.</summary>
    public string Remedy => Kind switch
    {
        GapKind.NotRestored => "run `dotnet restore` on the solution or project, then audit again, so every package reference resolves",
        GapKind.DoesNotCompile => "restore the packages and fix the compiler errors, so the analyzers see all of the code",
        GapKind.AnalyzerFailed => "report the analyzer failure; until it is fixed its rules' findings may be missing",
        GapKind.ProjectNotAudited => "fix the project file so it can be read",
        GapKind.NoProject => "audit the folder that holds the app's .sln or .csproj",
        GapKind.CheckNotEvaluated => "make the check's files readable or its pattern simpler",
        _ => "exclude the file if it is not the app's own code, or keep it under the size limit and in UTF-8",
    };
}
