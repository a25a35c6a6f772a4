using Readiness.Checklist.Model;

namespace Readiness.Checklist.Loading;

/// <summary>
/// Checks beyond the shape the loader enforces: duplicate ids across checklists, analyzer rule IDs that are
/// neither known nor declared external, waivers of unknown checks. Returns errors; empty means valid.
/// </summary>
public static class ChecklistValidator
{
    public static IReadOnlyList<ChecklistError> Validate(ChecklistDocument checklist, ISet<string>? knownRuleIds = null) =>
        Validate([checklist], knownRuleIds);

    public static IReadOnlyList<ChecklistError> Validate(IReadOnlyList<ChecklistDocument> checklists, ISet<string>? knownRuleIds = null) =>
        throw new NotImplementedException();
}
