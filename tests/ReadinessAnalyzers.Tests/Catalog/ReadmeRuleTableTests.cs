using System.Text;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>The README's rule table is generated from the descriptors; this test fails when it drifts.</summary>
public class ReadmeRuleTableTests
{
    private const string Start = "<!-- rules:start -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void ReadmeRuleTableMatchesTheAnalyzers()
    {
        var path = Path.Combine(RepositoryRoot.Path, "README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md needs the markers {Start} and {End}");

        var expected = GenerateTable();
        var actual = readme[(start + Start.Length)..end].Trim('\n');
        if (actual != expected && Environment.GetEnvironmentVariable("READINESS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, readme[..(start + Start.Length)] + "\n" + expected + "\n" + readme[end..]);
            return;
        }

        Assert.True(actual == expected, "README.md's rule table is out of date. Regenerate it with:\n"
            + "  READINESS_UPDATE_DOCS=1 dotnet test tests/ReadinessAnalyzers.Tests --filter ReadmeRuleTableMatchesTheAnalyzers\n\nExpected:\n" + expected);
    }

    public static string GenerateTable()
    {
        var table = new StringBuilder();
        table.Append("| Rule | Category | Default | Code fix | What it finds |\n");
        table.Append("|---|---|---|---|---|\n");
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            var fix = CodeFixCatalogTests.FixableIds.Contains(descriptor.Id) ? "yes" : "";
            table.Append($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Category} | {descriptor.DefaultSeverity} | {fix} | {descriptor.Title} |\n");
        }

        return table.ToString().TrimEnd('\n');
    }
}
