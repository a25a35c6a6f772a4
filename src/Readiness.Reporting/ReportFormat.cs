namespace Readiness.Reporting;

/// <summary>The format names of <c>--format</c>.</summary>
public static class ReportFormat
{
    public const string Console = "console";
    public const string Markdown = "md";
    public const string Html = "html";
    public const string Sarif = "sarif";
    public const string Json = "json";
    public const string GitHub = "github";
    public const string Issues = "issues";

    public static readonly IReadOnlyList<string> All = [Console, Markdown, Html, Sarif, Json, GitHub, Issues];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The file (or, for issues, the folder) a format writes under the output folder; null for console and github, which go to the TextWriter.</summary>
    public static string? FileName(string format) => format.ToLowerInvariant() switch
    {
        Markdown => "readiness-report.md",
        Html => "readiness-report.html",
        Sarif => "readiness-report.sarif",
        Json => "readiness-report.json",
        Issues => "issues",
        _ => null,
    };
}
