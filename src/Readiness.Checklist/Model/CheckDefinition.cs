namespace Readiness.Checklist.Model;

/// <summary>One check of a checklist, as declared.</summary>
public sealed record CheckDefinition(
    string Id,
    string Title,
    string Category,
    CheckSeverity Severity,
    decimal Weight,
    string Remediation,
    IReadOnlyList<string> References,
    CheckSpec Check,
    SourceLocation Location)
{
    /// <summary>Optional longer text: why the check matters in production.</summary>
    public string? Description { get; init; }

    /// <summary>Severity weight × check weight: what the check counts for in the score.</summary>
    public decimal EffectiveWeight => Severity.BaseWeight() * Weight;
}
