namespace Readiness.Checklist.Model;

/// <summary>
/// An accepted, time-boxed exception for one check. Declared in <c>readiness.waivers.yaml</c> at the
/// repository root or in a checklist's <c>waivers:</c> section. An expired waiver no longer waives.
/// </summary>
public sealed record Waiver(string CheckId, string Reason, DateOnly Expires, SourceLocation Location)
{
    /// <summary>Who accepted the risk, when given.</summary>
    public string? ApprovedBy { get; init; }

    public bool IsExpired(DateOnly today) => today > Expires;
}
