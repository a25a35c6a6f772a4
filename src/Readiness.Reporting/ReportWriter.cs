using Readiness.Checklist.Evaluation;

namespace Readiness.Reporting;

/// <summary>Options for <see cref="ReportWriter"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>ANSI colour on the console: null decides from the terminal (a TTY, and NO_COLOR unset).</summary>
    public bool? Color { get; init; }
}

/// <summary>Renders one audit result in the asked formats.</summary>
public static class ReportWriter
{
    /// <summary>
    /// Writes every format: console and github to <paramref name="console"/>, the others as files under
    /// <paramref name="outputDirectory"/>, each whole or not at all. Returns the paths written.
    /// Unknown format names throw <see cref="ArgumentException"/> before anything is written.
    /// </summary>
    public static IReadOnlyList<string> Write(AuditResult result, IReadOnlyList<string> formats, string outputDirectory, TextWriter console, ReportOptions? options = null) =>
        throw new NotImplementedException();
}
