using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Tests.Loading;

/// <summary>What issue 4 asks of the default checklist.</summary>
public class DefaultChecklistTests
{
    private static readonly ChecklistDocument Checklist = ChecklistLoader.LoadDefault();

    private static readonly string[] AnalyzerRules =
    [
        "RDY1001", "RDY1002", "RDY1003", "RDY1004", "RDY1005",
        "RDY2001", "RDY2002", "RDY2003", "RDY2004",
        "RDY3001", "RDY3002", "RDY3003", "RDY3004", "RDY3005",
        "RDY4001", "RDY4002", "RDY4003", "RDY4004",
        "RDY5001", "RDY5002", "RDY5003", "RDY5004", "RDY5005", "RDY5006",
        "RDY8001", "RDY8002",
    ];

    [Fact]
    public void EveryAnalyzerRuleOfEveryFamilyIsUsedByACheck()
    {
        var used = Checklist.Checks.Select(c => c.Check).OfType<AnalyzerCheckSpec>().SelectMany(a => a.Rules).ToHashSet();

        var missing = AnalyzerRules.Where(r => !used.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "unused rules: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheDefaultChecklistValidatesAgainstTheKnownRuleIds()
    {
        Assert.Empty(ChecklistValidator.Validate(Checklist, AnalyzerRules.ToHashSet()));
    }

    [Theory]
    [InlineData("no-committed-env-files", "fileAbsent")]
    [InlineData("production-log-level-not-debug", "jsonPath")]
    [InlineData("detailed-errors-off-in-configuration", "jsonPath")]
    [InlineData("allowed-hosts-restricted", "jsonPath")]
    [InlineData("https-redirection", "regex")]
    [InlineData("hsts", "regex")]
    [InlineData("exception-handler", "regex")]
    [InlineData("health-checks", "regex")]
    [InlineData("rate-limiting", "regex")]
    [InlineData("forwarded-headers", "regex")]
    [InlineData("security-headers", "regex")]
    [InlineData("data-protection-keys-persisted", "regex")]
    [InlineData("distributed-cache-or-session-store", "regex")]
    [InlineData("resilient-outgoing-http", "regex")]
    [InlineData("http-client-factory", "regex")]
    [InlineData("dockerfile-non-root-user", "dockerfile")]
    [InlineData("dockerfile-no-secrets", "dockerfile")]
    [InlineData("dockerfile-no-development-environment", "dockerfile")]
    [InlineData("dockerfile-pinned-base-image", "dockerfile")]
    public void TheDeclarativeChecksOfTheIssueArePresent(string id, string kind)
    {
        Assert.Equal(kind, Checklist.Checks.Single(c => c.Id == id).Check.Kind);
    }

    [Fact]
    public void EveryCheckHasAMicrosoftOrOwaspOrVendorReference()
    {
        Assert.All(Checklist.Checks, c => Assert.NotEmpty(c.References));
        Assert.All(Checklist.Checks, c => Assert.All(c.References, r => Assert.StartsWith("https://", r)));
    }
}
