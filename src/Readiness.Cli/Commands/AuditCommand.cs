using System.CommandLine;
using Readiness.Checklist.Baselines;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Gating;
using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;
using Readiness.Cli.Analysis;
using Readiness.Cli.Audit;
using Readiness.Cli.Projects;
using Readiness.Reporting;

namespace Readiness.Cli.Commands;

/// <summary><c>readiness audit [PATH]</c>: analyze, evaluate the checklist, score, report, gate.</summary>
internal static partial class AuditCommand
{
    [System.Text.RegularExpressions.GeneratedRegex("unknown rule ID '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex UnknownRuleId();

    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A solution (.sln, .slnx), a project (.csproj) or a folder; every .csproj below a folder is audited.",
            DefaultValueFactory = _ => ".",
        };
        var checklist = new Option<string[]>("--checklist")
        {
            Description = "A checklist YAML file (repeatable). Default: the built-in aspnetcore-production checklist.",
            Arity = ArgumentArity.OneOrMore,
        };
        var environment = new Option<string>("--environment")
        {
            Description = "The environment whose effective configuration is judged.",
            DefaultValueFactory = _ => "Production",
        };
        var format = new Option<string>("--format")
        {
            Description = $"Report formats, comma-separated: {string.Join(",", ReportFormat.All)}.",
            DefaultValueFactory = _ => ReportFormat.Console,
        };
        var outputDirectory = new Option<string>("--output")
        {
            Description = "The folder report files are written to.",
            DefaultValueFactory = _ => "readiness-report",
        };
        var failUnder = new Option<int?>("--fail-under") { Description = "Fail the gate (exit 1) when the score is below SCORE (0-100)." };
        var failOn = new Option<string?>("--fail-on") { Description = "Fail the gate (exit 1) when a check at this severity or higher fails: P1, P2 or P3." };
        var baseline = new Option<string?>("--baseline") { Description = "A baseline file: only failures it does not know fail the gate." };
        var updateBaseline = new Option<bool>("--update-baseline") { Description = "Write the current failures to the --baseline file." };

        var command = new Command("audit", "Audit a repository against the production-readiness checklist.")
        {
            path, checklist, environment, format, outputDirectory, failUnder, failOn, baseline, updateBaseline,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new AuditSettings
            {
                Path = parse.GetValue(path) ?? ".",
                Checklists = parse.GetValue(checklist) ?? [],
                Environment = parse.GetValue(environment) ?? "Production",
                Formats = (parse.GetValue(format) ?? ReportFormat.Console)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Output = parse.GetValue(outputDirectory) ?? "readiness-report",
                FailUnder = parse.GetValue(failUnder),
                FailOn = parse.GetValue(failOn),
                Baseline = parse.GetValue(baseline),
                UpdateBaseline = parse.GetValue(updateBaseline),
            },
            output,
            error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(AuditSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // Arguments first: nothing is analyzed when the command line is wrong.
        var formats = settings.Formats.Select(f => f.ToLowerInvariant()).Distinct().ToList();
        var unknown = formats.Where(f => !ReportFormat.IsKnown(f)).ToList();
        if (formats.Count == 0 || unknown.Count > 0)
        {
            return Fail(error, $"unknown --format '{string.Join(",", unknown)}'; use a comma list of {string.Join(",", ReportFormat.All)}");
        }

        if (settings.FailUnder is < 0 or > 100)
        {
            return Fail(error, $"--fail-under must be between 0 and 100, not {settings.FailUnder}");
        }

        CheckSeverity? failOn = null;
        if (settings.FailOn is not null)
        {
            if (!CheckSeverities.TryParse(settings.FailOn, out var severity))
            {
                return Fail(error, $"--fail-on must be P1, P2 or P3, not '{settings.FailOn}'");
            }

            failOn = severity;
        }

        if (string.IsNullOrWhiteSpace(settings.Environment))
        {
            return Fail(error, "--environment needs a name (Production, Staging …)");
        }

        if (settings.UpdateBaseline && settings.Baseline is null)
        {
            return Fail(error, "--update-baseline needs --baseline FILE");
        }

        if (!Directory.Exists(settings.Path) && !File.Exists(settings.Path))
        {
            return Fail(error, $"{settings.Path} does not exist");
        }

        AnalyzerCatalog catalog;
        try
        {
            catalog = AnalyzerCatalog.Load();
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"readiness: {e.Message}").ConfigureAwait(false);
            return ExitCodes.AnalysisIncomplete;
        }

        // Checklists and baseline: bad ones stop the audit with file:line:col.
        List<ChecklistDocument> checklists;
        Baseline? baseline = null;
        try
        {
            checklists = settings.Checklists.Count == 0
                ? [ChecklistLoader.LoadDefault()]
                : settings.Checklists.Select(LoadChecklist).ToList();
            var errors = ChecklistValidator.Validate(checklists, new HashSet<string>(catalog.RuleIds, StringComparer.Ordinal)).ToList();

            // The built-in checklist is the tool's own: a rule it names that this build lacks is not the user's input
            // error. Its checks evaluate as not applicable (the rule did not run), and we say so.
            var missingBuiltIn = errors.Where(e => e.File == ChecklistLoader.DefaultResourceName && e.Message.Contains("unknown rule ID", StringComparison.Ordinal)).ToList();
            if (missingBuiltIn.Count > 0)
            {
                var rules = missingBuiltIn.Select(e => UnknownRuleId().Match(e.Message).Groups[1].Value).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal);
                await error.WriteLineAsync($"readiness: note: the built-in checklist names {missingBuiltIn.Count} rule(s) this build of the analyzers lacks ({string.Join(", ", rules)}); checks that only use them are not applicable").ConfigureAwait(false);
            }

            errors.RemoveAll(missingBuiltIn.Contains);
            if (errors.Count > 0)
            {
                throw new ChecklistException(errors);
            }

            if (settings.Baseline is not null && (File.Exists(settings.Baseline) || !settings.UpdateBaseline))
            {
                if (!File.Exists(settings.Baseline))
                {
                    return Fail(error, $"baseline {settings.Baseline} does not exist (create it with --update-baseline)");
                }

                baseline = Baseline.Load(settings.Baseline);
            }
        }
        catch (ChecklistException e)
        {
            return Fail(error, "the checklist or baseline is not valid:" + Environment.NewLine + e.Message);
        }

        AuditRun run;
        try
        {
            var auditor = new RepositoryAuditor(catalog, ReferencePacks.FromEnvironment(), error);
            run = await auditor.RunAsync(settings.Path, settings.Environment, cancellationToken).ConfigureAwait(false);
        }
        catch (AuditInputException e)
        {
            return Fail(error, e.Message);
        }

        foreach (var item in run.Skipped)
        {
            await error.WriteLineAsync($"readiness: skipped {item.Path}: {item.Reason}").ConfigureAwait(false);
        }

        foreach (var note in run.Notes)
        {
            await error.WriteLineAsync($"readiness: note: {note}").ConfigureAwait(false);
        }

        var input = new AuditInput(
            run.RepositoryRoot,
            settings.Environment,
            run.Findings,
            run.Skipped,
            run.AnalyzerRuleIds,
            settings.Today ?? DateOnly.FromDateTime(DateTime.Today),
            run.Projects)
        {
            ToolVersion = CliApp.ToolVersion,
        };

        AuditResult result;
        try
        {
            result = AuditEvaluator.Evaluate(checklists, input, baseline);
        }
        catch (ChecklistException e)
        {
            // A waiver file in the repository (readiness.waivers.yaml) that is not valid.
            return Fail(error, "a waiver file is not valid:" + Environment.NewLine + e.Message);
        }

        try
        {
            ReportOutput.Write(result, formats, settings.Output, output, settings.Color);
            if (settings.UpdateBaseline)
            {
                // The new baseline knows every current failure: the gate judges against it, as the next run will.
                baseline = Baseline.Create(result);
                baseline.Save(settings.Baseline!);
                await error.WriteLineAsync($"readiness: baseline written to {settings.Baseline}").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"could not write the report to {settings.Output}: {e.Message} (nothing was written)");
        }

        var gate = Gate.Evaluate(result, settings.FailUnder, failOn, baseline);
        foreach (var reason in gate.Reasons)
        {
            await error.WriteLineAsync($"readiness: gate failed: {reason}").ConfigureAwait(false);
        }

        if (!gate.Passed)
        {
            return ExitCodes.GateFailed;
        }

        if (!result.IsComplete)
        {
            await error.WriteLineAsync($"readiness: the analysis is incomplete (verdict {result.Verdict.ToText()}: {result.Skipped.Count} gap(s), {result.NotMeasured.Count()} check(s) not measured, listed in the report); exit code {ExitCodes.AnalysisIncomplete}").ConfigureAwait(false);
            return ExitCodes.AnalysisIncomplete;
        }

        return ExitCodes.GatePassed;
    }

    private static ChecklistDocument LoadChecklist(string path)
    {
        if (!File.Exists(path))
        {
            throw new ChecklistException([new ChecklistError(path, 1, 1, "file not found")]);
        }

        return ChecklistLoader.Load(path);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"readiness: {message}");
        return ExitCodes.BadInput;
    }
}
