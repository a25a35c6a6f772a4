namespace Readiness.Checklist.Evaluation;

/// <summary>What became of one check.</summary>
public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>Failing, but covered by an unexpired waiver or an in-source suppression: out of the score.</summary>
    Waived,

    /// <summary>The check's subject is absent (no Dockerfile, no configuration, the rule did not run): out of the score.</summary>
    NotApplicable,

    /// <summary>
    /// The check found nothing, but its evidence was not all looked at (a project did not compile or restore, its files
    /// were skipped, its pattern timed out): out of the score, never passed, and the verdict is INCOMPLETE.
    /// </summary>
    NotMeasured,
}

/// <summary>
/// READY ≥ 90, CONDITIONAL ≥ 50, else NOT READY. INCOMPLETE replaces READY and CONDITIONAL when part of the app was
/// not measured: a verdict speaks only for what was measured. NOT READY stands, since what failed was measured.
/// </summary>
public enum Verdict
{
    Ready,
    Conditional,
    NotReady,
    Incomplete,
}

public static class VerdictText
{
    /// <summary>READY, CONDITIONAL, NOT READY, INCOMPLETE.</summary>
    public static string ToText(this Verdict verdict) => verdict switch
    {
        Verdict.Ready => "READY",
        Verdict.Conditional => "CONDITIONAL",
        Verdict.Incomplete => "INCOMPLETE",
        _ => "NOT READY",
    };

    /// <summary>passed, failed, waived, notApplicable, notMeasured (the JSON and SARIF words).</summary>
    public static string ToText(this CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Waived => "waived",
        CheckStatus.NotMeasured => "notMeasured",
        _ => "notApplicable",
    };
}
