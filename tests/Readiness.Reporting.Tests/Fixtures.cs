using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Reporting.Tests;

/// <summary>Audit results to render: a realistic failing one, one full of hostile repository text, and a passing one.</summary>
public static class Fixtures
{
    public const string PlantedSecret = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    public const string Hostile = "<script>alert(1)</script>";

    public static CheckDefinition Definition(string id, CheckSeverity severity, string category, string? title = null, string? remediation = null, string[]? references = null) =>
        new(id, title ?? $"Title of {id}", category, severity, 1m, remediation ?? $"Fix {id}.", references ?? [$"https://learn.microsoft.com/aspnet/core/{id}"],
            new AnalyzerCheckSpec(["RDY1001"], false), new SourceLocation("rules/aspnetcore-production.yaml", 1, 1))
        {
            Description = $"Why {id} matters.",
        };

    public static AuditResult Failing()
    {
        var secret = new Finding("RDY1001", "src/Api/Program.cs", 12, 9, 12, 60, "Hardcoded credential 'sk_l…(32 chars)' assigned to ApiKey; read it from configuration")
        {
            Category = "Secrets",
            HelpUri = "https://github.com/ReadinessAnalyzers/ReadinessAnalyzers/blob/main/docs/rules/RDY1001.md",
            Snippet = $"var options = new Options();\noptions.ApiKey = \"{PlantedSecret}\";",
        };
        var cors = new Finding("RDY2001", "src/Api/Cors Setup.cs", 4, 5, 4, 30, "AllowAnyOrigin() lets any site call the API") { Category = "Cors", Snippet = "policy.AllowAnyOrigin();" };
        var checks = new List<CheckResult>
        {
            new(Definition("no-hardcoded-credentials", CheckSeverity.P1Critical, "Secrets"), CheckStatus.Failed, [secret]),
            new(Definition("no-permissive-cors", CheckSeverity.P2High, "Cors"), CheckStatus.Failed, [cors]) { IsNew = true },
            new(Definition("health-checks", CheckSeverity.P3Normal, "Hardening"), CheckStatus.Failed,
                [new Finding("health-checks", "src/Api/Program.cs", 1, 1, 1, 1, "Health checks: no file matching **/*.cs contains /MapHealthChecks/")]),
            new(Definition("hsts", CheckSeverity.P2High, "Https"), CheckStatus.Passed, []),
            new(Definition("no-committed-env-files", CheckSeverity.P1Critical, "Secrets"), CheckStatus.Waived,
                [new Finding("no-committed-env-files", ".env", 1, 1, 1, 1, ".env is in the repository")])
            {
                Message = "waived until 2026-12-31: local compose only",
                Waiver = new WaiverInfo("local compose only", new DateOnly(2026, 12, 31)),
            },
            new(Definition("dockerfile-non-root-user", CheckSeverity.P2High, "Hardening"), CheckStatus.NotApplicable, []) { Message = "no Dockerfile in the repository" },
        };
        return Build(checks, [new SkippedItem("assets/logo.cs", "binary file (contains NUL bytes): not read")]) with { BaselineApplied = true };
    }

    public static AuditResult HostileText()
    {
        var finding = new Finding("RDY2001", $"src/{Hostile}/<b>Evil</b>.cs", 3, 1, 3, 20, $"message with {Hostile} & <img src=x onerror=alert(2)>")
        {
            Category = "Cors",
            Snippet = $"// {Hostile}\nvar html = \"<iframe src=javascript:alert(3)>\";",
            HelpUri = "javascript:alert(4)",
        };
        var definition = Definition("markup-check", CheckSeverity.P1Critical, "Cors", title: $"Title {Hostile}", remediation: $"Remediation {Hostile}",
            references: ["javascript:alert(5)", "https://example.org/?q=<script>"]);
        var checks = new List<CheckResult> { new(definition, CheckStatus.Failed, [finding]) { Message = $"note {Hostile}" } };
        return Build(checks, [new SkippedItem($"{Hostile}.cs", $"reason {Hostile}")]) with { Environment = $"Prod{Hostile}" };
    }

    /// <summary>Every check passes, but one project was not restored: the verdict must be INCOMPLETE.</summary>
    public static AuditResult PassingButUnrestored() => Build(
        [
            new(Definition("hsts", CheckSeverity.P2High, "Https"), CheckStatus.Passed, []),
            new(Definition("no-hardcoded-credentials", CheckSeverity.P1Critical, "Secrets"), CheckStatus.NotMeasured, [])
            {
                Message = "no finding, but the code was not fully analysed (1 gap, first src/Api/Api.csproj: not restored)",
            },
        ],
        [new SkippedItem("src/Api/Api.csproj", "not restored: packages Contoso.Auth are unresolved", GapKind.NotRestored)]);

    public static AuditResult Passing() => Build([new(Definition("hsts", CheckSeverity.P2High, "Https"), CheckStatus.Passed, [])], []);

    public static AuditResult Build(IReadOnlyList<CheckResult> checks, IReadOnlyList<SkippedItem> skipped)
    {
        var input = new AuditInput("/work/repo", "Production", [], skipped, new HashSet<string>(), new DateOnly(2026, 6, 1), ["src/Api/Api.csproj"])
        {
            GeneratedAt = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero),
            ToolVersion = "0.1.0",
        };
        return Scoring.Score(checks, input, ["rules/aspnetcore-production.yaml"], false);
    }
}
