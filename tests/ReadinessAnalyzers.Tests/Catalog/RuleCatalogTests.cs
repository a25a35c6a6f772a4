using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>Keeps the house honest: every rule has its page, its release entry, its help link and its tests.</summary>
public class RuleCatalogTests
{
    public static IEnumerable<object[]> Descriptors() => RuleCatalog.Descriptors.Select(d => new object[] { d.Id });

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void EveryRuleHasADocsPageTitledWithItsIdAndTitle(string id)
    {
        var descriptor = RuleCatalog.Descriptors.Single(d => d.Id == id);
        var page = Path.Combine(RepositoryRoot.Path, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        var firstLine = File.ReadLines(page).First();
        Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void EveryRuleLinksToItsDocsPageAndHasItsCategory(string id)
    {
        var descriptor = RuleCatalog.Descriptors.Single(d => d.Id == id);
        Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.Equal(RuleCategories.ForRuleId(id), descriptor.Category);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{id} has no description");
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void EveryRuleIsInTheAnalyzerReleases(string id)
    {
        var descriptor = RuleCatalog.Descriptors.Single(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ReadinessAnalyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ReadinessAnalyzers", "AnalyzerReleases.Shipped.md"));
        var line = new Regex($@"^{id}\s*\|\s*(\w+)\s*\|\s*(\w+)\s*\|", RegexOptions.Multiline).Match(releases);
        Assert.True(line.Success, $"{id} is not in AnalyzerReleases.*.md");
        Assert.Equal(descriptor.Category, line.Groups[1].Value);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), line.Groups[2].Value);
    }

    [Fact]
    public void EveryAnalyzerHasATestClassNamedAfterIt()
    {
        var testClasses = typeof(RuleCatalogTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var missing = RuleCatalog.AnalyzerTypes.Where(t => !testClasses.Contains(t.Name + "Tests")).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "Analyzers without a test class: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryRuleIdConstantIsUsedByExactlyOneDescriptor()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.Count, constants.Distinct().Count());
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(constants.Except(ids));
        Assert.Empty(ids.Except(constants));
    }

    [Fact]
    public void EveryDocsPageBelongsToARule()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet();
        var orphans = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs", "rules"), "RDY*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !ids.Contains(name!))
            .ToList();
        Assert.Empty(orphans);
    }
}

/// <summary>Every analyzer and descriptor the analyzer assembly ships.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Type> AnalyzerTypes { get; } = typeof(RuleIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerTypes
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToList();

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();
}

/// <summary>The repository's root folder, found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ReadinessAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReadinessAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
