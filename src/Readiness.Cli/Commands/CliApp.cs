using System.CommandLine;
using System.Reflection;

namespace Readiness.Cli.Commands;

/// <summary>The <c>readiness</c> command line: <c>audit</c>, <c>checklist validate</c>, <c>rules</c>.</summary>
internal static class CliApp
{
    public static string ToolVersion { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ReadinessAnalyzers: audit an ASP.NET Core repository against a production-readiness checklist.");
        root.Subcommands.Add(AuditCommand.Create(output, error));
        root.Subcommands.Add(ChecklistCommand.Create(output, error));
        root.Subcommands.Add(RulesCommand.Create(output, error));
        return root;
    }

    /// <summary>Runs the tool; parse errors are bad arguments (exit code 2), not the library's default 1.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Create(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"readiness: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'readiness --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("readiness: cancelled; nothing was written").ConfigureAwait(false);
            return ExitCodes.AnalysisIncomplete;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of the tool, not of the input: the analysis did not complete.
            await error.WriteLineAsync($"readiness: internal error, the analysis did not complete: {e}").ConfigureAwait(false);
            return ExitCodes.AnalysisIncomplete;
        }
    }
}
