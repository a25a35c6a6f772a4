namespace Readiness.Checklist.Model;

/// <summary>The priority levels teams already use for production issues.</summary>
public enum CheckSeverity
{
    /// <summary><c>P1-critical</c>: weight 10; a failure caps the score at 49.</summary>
    P1Critical = 1,

    /// <summary><c>P2-high</c>: weight 5; a failure caps the score at 89.</summary>
    P2High = 2,

    /// <summary><c>P3-normal</c>: weight 2.</summary>
    P3Normal = 3,
}

/// <summary>The words of <see cref="CheckSeverity"/> as checklists and reports write them.</summary>
public static class CheckSeverities
{
    public static readonly IReadOnlyList<string> Names = ["P1-critical", "P2-high", "P3-normal"];

    public static string ToText(this CheckSeverity severity) => severity switch
    {
        CheckSeverity.P1Critical => "P1-critical",
        CheckSeverity.P2High => "P2-high",
        CheckSeverity.P3Normal => "P3-normal",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>The short form used by <c>--fail-on</c>: P1, P2, P3.</summary>
    public static string ToShortText(this CheckSeverity severity) => severity.ToText()[..2];

    /// <summary>The severity weight of DESIGN.md: P1 10, P2 5, P3 2.</summary>
    public static int BaseWeight(this CheckSeverity severity) => severity switch
    {
        CheckSeverity.P1Critical => 10,
        CheckSeverity.P2High => 5,
        CheckSeverity.P3Normal => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>Parses <c>P1-critical</c> (or the short <c>P1</c>), case-insensitively.</summary>
    public static bool TryParse(string? text, out CheckSeverity severity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "P1-CRITICAL" or "P1": severity = CheckSeverity.P1Critical; return true;
            case "P2-HIGH" or "P2": severity = CheckSeverity.P2High; return true;
            case "P3-NORMAL" or "P3": severity = CheckSeverity.P3Normal; return true;
            default: severity = default; return false;
        }
    }
}
