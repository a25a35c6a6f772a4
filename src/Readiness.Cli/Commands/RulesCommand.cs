using System.CommandLine;
using Readiness.Cli.Analysis;

namespace Readiness.Cli.Commands;

/// <summary><c>readiness rules</c>: the analyzer rules, read from the loaded analyzer assembly's descriptors.</summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("rules", "List the analyzer rules: ID, category, default severity, title and documentation link.");
        command.SetAction(_ => Run(output, error));
        return command;
    }

    public static int Run(TextWriter output, TextWriter error)
    {
        AnalyzerCatalog catalog;
        try
        {
            catalog = AnalyzerCatalog.Load();
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"readiness: {e.Message}");
            return ExitCodes.AnalysisIncomplete;
        }

        var rows = catalog.Descriptors
            .Select(d => (d.Id, d.Category, Severity: d.DefaultSeverity.ToString(), Title: d.Title.ToString(), d.HelpLinkUri))
            .ToList();
        var categoryWidth = Math.Max("Category".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Category.Length));
        output.WriteLine($"{"ID",-8} {"Category".PadRight(categoryWidth)} {"Severity",-8} Title");
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Id,-8} {row.Category.PadRight(categoryWidth)} {row.Severity,-8} {row.Title}");
            if (!string.IsNullOrEmpty(row.HelpLinkUri))
            {
                output.WriteLine($"{string.Empty,-8} {string.Empty.PadRight(categoryWidth)} {string.Empty,-8} {row.HelpLinkUri}");
            }
        }

        output.WriteLine($"{rows.Count} rules in {Path.GetFileName(catalog.AssemblyPath)}");
        return ExitCodes.GatePassed;
    }
}
