using Readiness.Checklist.Baselines;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluation;

/// <summary>Runs every check of the checklists over the findings and the repository, applies waivers and the baseline, and scores.</summary>
public static class AuditEvaluator
{
    public static AuditResult Evaluate(IReadOnlyList<ChecklistDocument> checklists, AuditInput input, Baseline? baseline = null) =>
        throw new NotImplementedException();
}
