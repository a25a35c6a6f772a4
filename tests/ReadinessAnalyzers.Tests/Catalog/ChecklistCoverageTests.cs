using System.Text.RegularExpressions;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>
/// The default checklist and the analyzers agree: every rule the audit can report belongs to a check, and every
/// ReadinessAnalyzers rule a check names exists. (Readiness.Checklist knows no analyzers, so this lives here.)
/// </summary>
public class ChecklistCoverageTests
{
    private static readonly Regex RulesList = new(@"^\s+rules:\s*\[(?<ids>[^\]]*)\]", RegexOptions.Multiline);

    /// <summary>
    /// Warning rules that belong to no check, with the reason. A check scores the app; these rules are about the
    /// analyzers' own configuration, so they are fixed in the tooling and must not move the app's score.
    /// </summary>
    private static readonly Dictionary<string, string> NotAboutTheApp = new(StringComparer.Ordinal)
    {
        [RuleIds.MalformedOption] = "RDY0001 reports a malformed ReadinessAnalyzers option in .editorconfig/.globalconfig, not a production-readiness problem of the app",
    };

    private static HashSet<string> NamedRules()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "rules", "aspnetcore-production.yaml"));
        return RulesList.Matches(yaml)
            .SelectMany(m => m.Groups["ids"].Value.Split(','))
            .Select(id => id.Trim())
            .Where(id => id.StartsWith("RDY", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void EveryWarningRuleIsUsedByACheckOfTheDefaultChecklist()
    {
        var named = NamedRules();
        var unused = RuleCatalog.Descriptors
            .Where(d => d.DefaultSeverity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .Select(d => d.Id)
            .Where(id => !named.Contains(id) && !NotAboutTheApp.ContainsKey(id))
            .ToList();
        Assert.True(unused.Count == 0, "Rules no check of rules/aspnetcore-production.yaml uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void RulesThatAreNotAboutTheAppAreInNoCheck()
    {
        var named = NamedRules();
        Assert.All(NotAboutTheApp.Keys, id => Assert.DoesNotContain(id, named));
        Assert.All(NotAboutTheApp.Keys, id => Assert.Contains(RuleCatalog.Descriptors, d => d.Id == id));
    }

    [Fact]
    public void EveryRuleTheDefaultChecklistNamesExists()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = NamedRules().Where(id => !ids.Contains(id)).ToList();
        Assert.True(unknown.Count == 0, "Unknown rule IDs in rules/aspnetcore-production.yaml: " + string.Join(", ", unknown));
    }
}
