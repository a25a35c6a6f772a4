using Readiness.Checklist.Evaluation;
using Readiness.Reporting;

namespace Readiness.Cli.Commands;

/// <summary>
/// Writes the reports so that a failure never leaves a partial set behind: every file format is rendered into a
/// staging folder next to the output folder first, then moved into place; console and github text is rendered
/// into memory and printed only once the files are in place.
/// </summary>
internal static class ReportOutput
{
    public static void Write(AuditResult result, IReadOnlyList<string> formats, string outputDirectory, TextWriter console, bool? color)
    {
        var options = new ReportOptions { Color = color ?? (ReferenceEquals(console, Console.Out) ? null : false) };
        var fileFormats = formats.Where(f => ReportFormat.FileName(f) is not null).ToList();
        var textFormats = formats.Where(f => ReportFormat.FileName(f) is null).ToList();

        var text = new StringWriter();
        if (textFormats.Count > 0)
        {
            ReportWriter.Write(result, textFormats, outputDirectory, text, options);
        }

        if (fileFormats.Count > 0)
        {
            WriteFiles(result, fileFormats, Path.GetFullPath(outputDirectory), options);
        }

        console.Write(text.ToString());
        console.Flush();
    }

    private static void WriteFiles(AuditResult result, List<string> formats, string target, ReportOptions options)
    {
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"{target} has no parent folder");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.staging-{Guid.NewGuid():N}");
        try
        {
            ReportWriter.Write(result, formats, staging, TextWriter.Null, options);
            Directory.CreateDirectory(target);
            foreach (var format in formats)
            {
                var name = ReportFormat.FileName(format)!;
                var source = Path.Combine(staging, name);
                var destination = Path.Combine(target, name);
                if (Directory.Exists(source))
                {
                    // The issues folder replaces the previous one as a whole: old issue files must not linger.
                    var previous = destination + $".previous-{Guid.NewGuid():N}";
                    if (Directory.Exists(destination))
                    {
                        Directory.Move(destination, previous);
                    }

                    Directory.Move(source, destination);
                    if (Directory.Exists(previous))
                    {
                        Directory.Delete(previous, recursive: true);
                    }
                }
                else if (File.Exists(source))
                {
                    File.Move(source, destination, overwrite: true);
                }
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
