namespace Readiness.Checklist.Model;

/// <summary>
/// One loaded checklist file (rules/aspnetcore-production.yaml or a team's own).
/// Named ChecklistDocument, not Checklist, because a type named like its namespace root
/// (<c>Readiness.Checklist</c>) binds to the namespace in callers under <c>Readiness.*</c> (CS0118).
/// </summary>
public sealed record ChecklistDocument(
    string Source,
    string Name,
    int Version,
    IReadOnlyList<CheckDefinition> Checks,
    IReadOnlyList<Waiver> Waivers);
