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
}

/// <summary>READY ≥ 90, CONDITIONAL ≥ 50, else NOT READY.</summary>
public enum Verdict
{
    Ready,
    Conditional,
    NotReady,
}

public static class VerdictText
{
    /// <summary>READY, CONDITIONAL, NOT READY.</summary>
    public static string ToText(this Verdict verdict) => verdict switch
    {
        Verdict.Ready => "READY",
        Verdict.Conditional => "CONDITIONAL",
        _ => "NOT READY",
    };

    /// <summary>passed, failed, waived, notApplicable (the JSON and SARIF words).</summary>
    public static string ToText(this CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Waived => "waived",
        _ => "notApplicable",
    };
}
