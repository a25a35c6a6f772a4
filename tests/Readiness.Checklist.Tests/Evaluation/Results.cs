using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Tests.Evaluation;

/// <summary>Builds check results without a repository, for scoring and gate tests.</summary>
public static class Results
{
    public static CheckResult Check(string id, CheckSeverity severity, CheckStatus status, string category = "Hardening", decimal weight = 1m, params Finding[] findings) =>
        new(new CheckDefinition(id, "Title " + id, category, severity, weight, "Fix it.", ["https://example.org"], new FileExistsCheckSpec(["x"], []), new SourceLocation("t.yaml", 1, 1)),
            status, findings);

    public static AuditResult Score(params CheckResult[] checks) =>
        Scoring.Score(checks, new AuditInput("/repo", "Production", [], [], new HashSet<string>(), new DateOnly(2026, 1, 1), []), [], false);
}
