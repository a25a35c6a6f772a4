using Readiness.Checklist;
using Readiness.Checklist.Evaluation;
using Readiness.Reporting.ConsoleOutput;
using Readiness.Reporting.GitHub;
using Readiness.Reporting.Html;
using Readiness.Reporting.Issues;
using Readiness.Reporting.Json;
using Readiness.Reporting.Markdown;
using Readiness.Reporting.Sarif;

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
    /// <paramref name="outputDirectory"/>, each whole or not at all (temp file + rename; the issues folder is built
    /// aside and swapped in). Returns the paths written. Unknown format names throw <see cref="ArgumentException"/>
    /// before anything is written.
    /// </summary>
    public static IReadOnlyList<string> Write(AuditResult result, IReadOnlyList<string> formats, string outputDirectory, TextWriter console, ReportOptions? options = null)
    {
        var unknown = formats.Where(f => !ReportFormat.IsKnown(f)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown report format{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}; expected {string.Join(", ", ReportFormat.All)}", nameof(formats));
        }

        var written = new List<string>();
        foreach (var format in formats.Select(f => f.ToLowerInvariant()).Distinct())
        {
            switch (format)
            {
                case ReportFormat.Console:
                    ConsoleReport.Write(result, console, options?.Color ?? ConsoleReport.ShouldColor(console));
                    break;
                case ReportFormat.GitHub:
                    GitHubAnnotations.Write(result, console);
                    break;
                case ReportFormat.Issues:
                    written.AddRange(WriteIssues(result, outputDirectory));
                    break;
                default:
                    var path = Path.Combine(outputDirectory, ReportFormat.FileName(format)!);
                    AtomicFile.WriteAllText(path, Render(result, format));
                    written.Add(path);
                    break;
            }
        }

        return written;
    }

    /// <summary>The text of a file format (md, html, sarif, json).</summary>
    public static string Render(AuditResult result, string format) => format.ToLowerInvariant() switch
    {
        ReportFormat.Markdown => MarkdownReport.Render(result),
        ReportFormat.Html => HtmlReport.Render(result),
        ReportFormat.Sarif => SarifReport.Render(result),
        ReportFormat.Json => JsonReport.Render(result),
        _ => throw new ArgumentException($"'{format}' is not a file format", nameof(format)),
    };

    private static List<string> WriteIssues(AuditResult result, string outputDirectory)
    {
        var target = Path.Combine(Path.GetFullPath(outputDirectory), "issues");
        var staging = Path.Combine(Path.GetFullPath(outputDirectory), $".issues.{Guid.NewGuid():N}.tmp");
        var files = IssueFiles.Render(result);
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, "open"));
            foreach (var (relative, content) in files)
            {
                AtomicFile.WriteAllText(Path.Combine(staging, relative["issues/".Length..]), content);
            }

            var previous = Directory.Exists(target) ? target + $".{Guid.NewGuid():N}.old" : null;
            if (previous is not null)
            {
                Directory.Move(target, previous);
            }

            Directory.Move(staging, target);
            if (previous is not null)
            {
                Directory.Delete(previous, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return files.Select(f => Path.Combine(Path.GetFullPath(outputDirectory), f.RelativePath.Replace('/', Path.DirectorySeparatorChar))).ToList();
    }
}
