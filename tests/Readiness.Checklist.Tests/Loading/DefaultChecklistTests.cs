using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Tests.Loading;

/// <summary>What issue 4 asks of the default checklist.</summary>
public class DefaultChecklistTests
{
    private static readonly ChecklistDocument Checklist = ChecklistLoader.LoadDefault();

    // That every analyzer rule is used by a check, and every RDY ID named here exists, is checked where both are
    // known: tests/ReadinessAnalyzers.Tests/Catalog/ChecklistCoverageTests.cs (this project knows no analyzers).
    [Fact]
    public void TheDefaultChecklistIsValid()
    {
        Assert.Empty(ChecklistValidator.Validate(Checklist));
    }

    [Fact]
    public void BuiltInKnowledgeComesFromTheAnalyzers()
    {
        // The declarative kinds are for what no analyzer knows; where an analyzer knows, the check names it.
        var analyzerChecks = Checklist.Checks.Count(c => c.Check is AnalyzerCheckSpec);
        Assert.True(analyzerChecks >= 35, $"{analyzerChecks} analyzer checks");
    }

    [Theory]
    [InlineData("no-committed-env-files", "fileAbsent")]
    [InlineData("dockerignore-present", "fileExists")]
    [InlineData("data-protection-keys-persisted", "regex")]
    [InlineData("distributed-cache-or-session-store", "regex")]
    [InlineData("resilient-outgoing-http", "regex")]
    [InlineData("http-client-factory", "regex")]
    [InlineData("dockerfile-no-secrets", "dockerfile")]
    [InlineData("production-log-level-not-debug", "analyzer")]
    [InlineData("detailed-errors-off-in-configuration", "analyzer")]
    [InlineData("allowed-hosts-restricted", "analyzer")]
    [InlineData("https-redirection", "analyzer")]
    [InlineData("hsts", "analyzer")]
    [InlineData("exception-handler", "analyzer")]
    [InlineData("health-checks", "analyzer")]
    [InlineData("rate-limiting", "analyzer")]
    [InlineData("forwarded-headers", "analyzer")]
    [InlineData("security-headers", "analyzer")]
    [InlineData("dockerfile-non-root-user", "analyzer")]
    [InlineData("dockerfile-no-development-environment", "analyzer")]
    [InlineData("dockerfile-pinned-base-image", "analyzer")]
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
