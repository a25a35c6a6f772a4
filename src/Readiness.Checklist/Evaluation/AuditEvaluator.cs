using Readiness.Checklist.Baselines;
using Readiness.Checklist.Evaluators;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluation;

/// <summary>
/// Runs every check of the checklists over the findings and the repository, applies waivers (each checklist's
/// <c>waivers:</c>, <c>readiness.waivers.yaml</c> at the repository root, <see cref="AuditInput.ExtraWaivers"/>),
/// marks new failures under a baseline, and scores.
/// </summary>
public static class AuditEvaluator
{
    /// <exception cref="ChecklistException">Duplicate check ids across checklists, a malformed waiver file, or a waiver of an unknown check.</exception>
    public static AuditResult Evaluate(IReadOnlyList<ChecklistDocument> checklists, AuditInput input, Baseline? baseline = null)
    {
        var repositoryWaivers = input.ExtraWaivers.ToList();
        var waiverFile = Path.Combine(input.RepositoryRoot, ChecklistLoader.WaiverFileName);
        if (File.Exists(waiverFile))
        {
            repositoryWaivers.AddRange(ChecklistLoader.LoadWaivers(waiverFile));
        }

        var waivers = checklists.SelectMany(c => c.Waivers).Concat(repositoryWaivers).ToList();
        var errors = ChecklistValidator.Validate(checklists, knownRuleIds: null, repositoryWaivers);
        if (errors.Count > 0)
        {
            throw new ChecklistException(errors);
        }

        var context = new EvaluationContext(input);
        var results = new List<CheckResult>();
        foreach (var check in checklists.SelectMany(c => c.Checks))
        {
            var outcome = EvaluateCheck(check, context);
            if (outcome.Status == CheckStatus.Passed && Unmeasured(check.Check, context) is { } why)
            {
                outcome = Outcome.NotMeasured(why);
            }

            var result = new CheckResult(check, outcome.Status, outcome.Findings) { Message = outcome.Message, Waiver = outcome.Waiver };
            result = ApplyWaiver(result, waivers.Where(w => w.CheckId == check.Id).MaxBy(w => w.Expires), input.Today);
            if (result.Status == CheckStatus.Failed)
            {
                result = result with { Fingerprints = Baseline.FingerprintsOf(result), IsNew = baseline?.IsNew(result) ?? false };
            }

            results.Add(result);
        }

        // The CLI may already have skipped a file for the analyzers; say it once, in the CLI's words.
        var known = input.Skipped.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        var skipped = input.Skipped.Concat(context.Skipped.Where(i => !known.Contains(i.Path)).Distinct()).ToList();
        return Scoring.Score(results, input with { Skipped = skipped }, checklists.Select(c => c.Source).ToList(), baseline is not null);
    }

    /// <summary>
    /// Why a check that found nothing cannot be said to pass: its evidence was not all looked at. An analyzer check
    /// needs every project compiled with its packages; a file check needs its files read.
    /// </summary>
    private static string? Unmeasured(CheckSpec spec, EvaluationContext context)
    {
        if (spec is AnalyzerCheckSpec)
        {
            var gaps = context.Input.Skipped.Where(i => i.LeavesCodeUnmeasured).ToList();
            return gaps.Count == 0 ? null : $"no finding, but the code was not fully analysed ({Describe(gaps)})";
        }

        var globs = spec switch
        {
            RegexCheckSpec regex => regex.Files,
            DockerfileCheckSpec docker => docker.Files,
            JsonPathCheckSpec => ["**/appsettings*.json"],
            _ => [],
        };
        if (globs.Count == 0)
        {
            return null;
        }

        var patterns = globs.Select(g => new Files.Glob(g)).ToList();
        var unread = context.Input.Skipped.Concat(context.Skipped)
            .Where(i => i.Kind == GapKind.FileSkipped && patterns.Any(g => g.IsMatch(i.Path)))
            .Distinct()
            .ToList();
        return unread.Count == 0 ? null : $"nothing found, but not every file it reads was read ({Describe(unread)})";
    }

    private static string Describe(IReadOnlyList<SkippedItem> gaps) =>
        $"{gaps.Count} gap{(gaps.Count == 1 ? "" : "s")}, first {gaps[0].Path}: {gaps[0].Reason}";

    private static Outcome EvaluateCheck(CheckDefinition check, EvaluationContext context)
    {
        try
        {
            var spec = check.Check;
            if (spec.AppliesTo.Count > 0 && context.Files.Match(spec.AppliesTo).Count == 0)
            {
                return Outcome.NotApplicable($"no file matches {string.Join(", ", spec.AppliesTo)}");
            }

            return spec switch
            {
                AnalyzerCheckSpec analyzer => AnalyzerEvaluator.Evaluate(check, analyzer, context),
                FileExistsCheckSpec exists => FileEvaluators.Exists(exists, context),
                FileAbsentCheckSpec absent => FileEvaluators.Absent(check, absent, context),
                JsonPathCheckSpec json => JsonPathEvaluator.Evaluate(check, json, context),
                RegexCheckSpec regex => RegexEvaluator.Evaluate(check, regex, context),
                DockerfileCheckSpec docker => DockerfileEvaluator.Evaluate(check, docker, context),
                _ => throw new InvalidOperationException($"no evaluator for kind '{spec.Kind}'"),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.RegularExpressions.RegexMatchTimeoutException or ArgumentException)
        {
            // Never silently pass: the check measured nothing, and the report lists why.
            context.Skip($"check:{check.Id}", "could not be evaluated: " + ex.Message, GapKind.CheckNotEvaluated);
            return Outcome.NotMeasured("could not be evaluated: " + ex.Message);
        }
    }

    private static CheckResult ApplyWaiver(CheckResult result, Waiver? waiver, DateOnly today)
    {
        if (waiver is null || result.Status != CheckStatus.Failed)
        {
            return result;
        }

        if (waiver.IsExpired(today))
        {
            return result with
            {
                Message = $"waiver expired on {waiver.Expires:yyyy-MM-dd} ({waiver.Reason}); renew it with a new date or fix the check" +
                    (result.Message is null ? "" : "; " + result.Message),
                Waiver = new WaiverInfo(waiver.Reason, waiver.Expires) { Expired = true },
            };
        }

        return result with
        {
            Status = CheckStatus.Waived,
            Message = $"waived until {waiver.Expires:yyyy-MM-dd}: {waiver.Reason}",
            Waiver = new WaiverInfo(waiver.Reason, waiver.Expires),
        };
    }
}
