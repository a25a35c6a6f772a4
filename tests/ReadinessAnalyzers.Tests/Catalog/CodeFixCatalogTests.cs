using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ReadinessAnalyzers.CodeFixes;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>Every fixer is exported, tested, supports Fix All everywhere, and is documented on the pages of the rules it fixes.</summary>
public class CodeFixCatalogTests
{
    public static IReadOnlyList<CodeFixProvider> Fixers { get; } = typeof(InsecureValueFixer).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>The rule IDs some fixer offers a fix for.</summary>
    public static IReadOnlySet<string> FixableIds { get; } = Fixers.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryFixerIsExportedSharedAndForCSharp()
    {
        foreach (var fixer in Fixers)
        {
            var type = fixer.GetType();
            var export = type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Cast<ExportCodeFixProviderAttribute>().SingleOrDefault();
            Assert.True(export is not null, $"{type.Name} lacks [ExportCodeFixProvider]: the IDE would never load it");
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.Equal(type.Name, export.Name);
            Assert.True(type.GetCustomAttributes(typeof(SharedAttribute), false).Length == 1, $"{type.Name} lacks [Shared]");
        }
    }

    [Fact]
    public void EveryFixerSupportsFixAllInDocumentProjectAndSolution()
    {
        foreach (var fixer in Fixers)
        {
            var provider = fixer.GetFixAllProvider();
            Assert.True(provider is not null, $"{fixer.GetType().Name} has no Fix All provider");
            var scopes = provider!.GetSupportedFixAllScopes().ToList();
            Assert.Contains(FixAllScope.Document, scopes);
            Assert.Contains(FixAllScope.Project, scopes);
            Assert.Contains(FixAllScope.Solution, scopes);
        }
    }

    [Fact]
    public void EveryFixerFixesOnlyOurRulesAndHasATestClass()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var testClasses = typeof(CodeFixCatalogTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var fixer in Fixers)
        {
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.True(testClasses.Contains(fixer.GetType().Name + "Tests"), $"{fixer.GetType().Name} has no test class {fixer.GetType().Name}Tests");
        }
    }

    [Fact]
    public void ARulePageHasACodeFixSectionExactlyWhenAFixerFixesTheRule()
    {
        var problems = new List<string>();
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            var page = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "rules", descriptor.Id + ".md"));
            var documented = page.Any(l => l.TrimEnd() == "## Code fix");
            var fixable = FixableIds.Contains(descriptor.Id);
            if (fixable && !documented)
            {
                problems.Add($"{descriptor.Id} has a fix but its page has no '## Code fix' section");
            }
            else if (!fixable && documented)
            {
                problems.Add($"{descriptor.Id}'s page has a '## Code fix' section but no fixer fixes it");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
