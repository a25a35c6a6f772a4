namespace ReadinessAnalyzers.Tests.Verification;

/// <summary>An expected diagnostic not written as markup: an ID, a marked location, and optionally message checks.</summary>
public sealed record DiagnosticResult(string Id)
{
    public int? LocationIndex { get; init; }

    public string? FilePath { get; init; }

    public int? Line { get; init; }

    public string? MessageContains { get; init; }

    public string? MessageDoesNotContain { get; init; }

    public Microsoft.CodeAnalysis.DiagnosticSeverity? Severity { get; init; }

    public DiagnosticResult WithLocation(int markupIndex) => this with { LocationIndex = markupIndex };

    /// <summary>A diagnostic anywhere on a 1-based line of a file (for whole-file rules).</summary>
    public DiagnosticResult OnLine(string filePath, int line) => this with { FilePath = filePath, Line = line };

    public DiagnosticResult WithMessageContaining(string text) => this with { MessageContains = text };

    public DiagnosticResult WithMessageNotContaining(string text) => this with { MessageDoesNotContain = text };

    public DiagnosticResult WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity severity) => this with { Severity = severity };
}
