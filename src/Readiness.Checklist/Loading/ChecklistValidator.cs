using Readiness.Checklist.Model;

namespace Readiness.Checklist.Loading;

/// <summary>
/// Checks across checklists, beyond the shape the loader enforces: duplicate ids across checklists, analyzer rule
/// IDs that are neither known nor declared external, waivers of unknown checks. Returns errors; empty means valid.
/// </summary>
public static class ChecklistValidator
{
    public static IReadOnlyList<ChecklistError> Validate(ChecklistDocument checklist, ISet<string>? knownRuleIds = null) =>
        Validate([checklist], knownRuleIds);

    /// <param name="knownRuleIds">The ReadinessAnalyzers rule IDs that exist; when null, RDY IDs are not checked.</param>
    public static IReadOnlyList<ChecklistError> Validate(IReadOnlyList<ChecklistDocument> checklists, ISet<string>? knownRuleIds = null, IReadOnlyList<Waiver>? extraWaivers = null)
    {
        var errors = new List<ChecklistError>();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var check in checklists.SelectMany(c => c.Checks))
        {
            var at = check.Location;
            if (!ids.TryAdd(check.Id, at))
            {
                errors.Add(new ChecklistError(at.File, at.Line, at.Column, $"duplicate check id '{check.Id}' (first declared at {ids[check.Id]})"));
            }

            if (knownRuleIds is not null && check.Check is AnalyzerCheckSpec analyzer)
            {
                foreach (var rule in analyzer.Rules.Where(r => ChecklistLoader.OwnRuleIdPattern().IsMatch(r) && !knownRuleIds.Contains(r)))
                {
                    errors.Add(new ChecklistError(at.File, at.Line, at.Column, $"check '{check.Id}' names unknown rule ID '{rule}': no ReadinessAnalyzers rule has it"));
                }
            }
        }

        foreach (var waiver in checklists.SelectMany(c => c.Waivers).Concat(extraWaivers ?? []))
        {
            if (!ids.ContainsKey(waiver.CheckId))
            {
                var at = waiver.Location;
                errors.Add(new ChecklistError(at.File, at.Line, at.Column, $"waiver names unknown check '{waiver.CheckId}'"));
            }
        }

        return errors;
    }
}
