using System.Text;
using System.Text.RegularExpressions;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>
/// The option catalog, the source and the docs agree: every option the analyzers read is in the catalog, the catalog's
/// table in docs/configuration.md is generated from it, and each rule page's Options section lists exactly the catalog
/// options of its rule, under the keys that rule reads.
/// </summary>
public class OptionCatalogTests
{
    private const string Start = "<!-- options:start -->";
    private const string End = "<!-- options:end -->";

    private static readonly string SourceRoot = Path.Combine(RepositoryRoot.Path, "src", "ReadinessAnalyzers");

    public static IEnumerable<object[]> RuleIdsWithPages() => RuleCatalog.Descriptors.Select(d => new object[] { d.Id });

    [Fact]
    public void ConfigurationDocsOptionTableMatchesTheCatalog()
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "configuration.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/configuration.md needs the markers {Start} and {End}");

        var expected = GenerateTable();
        var actual = text[(start + Start.Length)..end].Trim('\n');
        if (actual != expected && Environment.GetEnvironmentVariable("READINESS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(start + Start.Length)] + "\n" + expected + "\n" + text[end..]);
            return;
        }

        Assert.True(actual == expected, "docs/configuration.md's option table is out of date. Regenerate it with:\n"
            + "  READINESS_UPDATE_DOCS=1 dotnet test tests/ReadinessAnalyzers.Tests --filter ConfigurationDocsOptionTableMatchesTheCatalog\n\nExpected:\n" + expected);
    }

    [Fact]
    public void EveryCatalogOptionIsDocumentedInConfigurationMd()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "configuration.md"));
        var missing = OptionCatalog.All.Where(o => !text.Contains($"| `{o.Name}` |", StringComparison.Ordinal)).Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, "Options missing from docs/configuration.md: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(RuleIdsWithPages))]
    public void EachRulePageListsExactlyTheCatalogOptionsOfItsRuleUnderTheKeysItReads(string id)
    {
        var expected = OptionCatalog.All.Where(o => o.Affects(id)).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", id + ".md")).ReplaceLineEndings("\n");
        var section = Regex.Match(page, @"^## Options\n(?<body>.*?)(?=^## |\z)", RegexOptions.Singleline | RegexOptions.Multiline);
        if (!section.Success)
        {
            Assert.True(expected.Count == 0, $"docs/rules/{id}.md has no '## Options' section, but {id} reads: {string.Join(", ", expected)}");
            return;
        }

        var body = section.Groups["body"].Value;
        Assert.Contains("configuration.md", body, StringComparison.Ordinal);

        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in body.Split('\n').Where(l => l.StartsWith('|')))
        {
            var firstCell = line.Split('|')[1];
            foreach (Match key in OptionKey.Matches(firstCell))
            {
                rows[key.Groups["name"].Value] = firstCell;
            }
        }

        Assert.Equal(expected, rows.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var option in OptionCatalog.All.Where(o => o.Affects(id)))
        {
            var cell = rows[option.Name];
            Assert.Contains($"`{option.SharedKey}`", cell, StringComparison.Ordinal);
            var ruleKeys = Regex.Matches(cell, $@"RDY\d{{4}}\.{option.Name}\b").Select(m => m.Value).ToList();
            if (option.IsReadAs(id))
            {
                Assert.True(ruleKeys.Contains($"{id}.{option.Name}"), $"docs/rules/{id}.md: {id} reads {id}.{option.Name}; its row names only: {cell}");
            }
            else
            {
                Assert.True(!ruleKeys.Contains($"{id}.{option.Name}"), $"docs/rules/{id}.md names {id}.{option.Name}, which {id} does not read: {cell}");
            }

            if (option.GlobalOnly)
            {
                Assert.True(ruleKeys.Count == 0, $"docs/rules/{id}.md: {option.Name} is read only as {option.SharedKey}: {cell}");
                Assert.Contains(".globalconfig", cell, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void EveryRuleTheCatalogNamesExists()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = OptionCatalog.All.SelectMany(o => o.Rules.Concat(o.AlsoAffects).Select(r => $"{o.Name}: {r}")).Where(r => !ids.Contains(r[^7..])).ToList();
        Assert.True(unknown.Count == 0, "Unknown rule IDs in the option catalog: " + string.Join(", ", unknown));
        Assert.All(OptionCatalog.All, o => Assert.Empty(o.Rules.Intersect(o.AlsoAffects)));
    }

    [Fact]
    public void OptionNamesAreUniqueSnakeCaseAndTheirExamplesAreValid()
    {
        Assert.Equal(OptionCatalog.All.Length, OptionCatalog.All.Select(o => o.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(OptionCatalog.All, option =>
        {
            Assert.Matches("^[a-z]+(_[a-z]+)*$", option.Name);
            Assert.Null(option.Validate(option.Example));
            Assert.Same(option, OptionCatalog.Find(option.Name.ToUpperInvariant()));
            Assert.False(string.IsNullOrWhiteSpace(option.Meaning));
            Assert.False(string.IsNullOrWhiteSpace(option.Expected));
        });
    }

    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData("http://localhost:5000")]
    [InlineData("https://*.example.com")]
    [InlineData("https://*.eu.example.com:8443")]
    [InlineData("HTTPS://Example.COM")]
    [InlineData("http://127.0.0.1:8080")]
    public void ValidOriginPatternsAreAcceptedByTheOptionCheckAndTheCorsRules(string origin)
    {
        Assert.Null(OptionCatalog.OriginProblem(origin));
        Assert.True(ReadinessAnalyzers.Cors.OriginPatterns.TryParse(origin, out _));
    }

    [Theory]
    [InlineData("https://example.com/", "has a path")]
    [InlineData("https://example.com?x=1", "has a path, query or fragment")]
    [InlineData("https://user@example.com", "has an invalid host name")]
    [InlineData("ws://example.com", "has scheme 'ws'")]
    [InlineData("https://*", "over a top-level domain")]
    [InlineData("https://*.*.example.com", "not one leading '*.' label")]
    [InlineData("https://ex*ample.com", "not one leading '*.' label")]
    [InlineData("https://example.com:", "has port ''")]
    [InlineData("https://example.com:0", "has port '0'")]
    [InlineData("https://", "has no host")]
    [InlineData("http://[::1", "unclosed IPv6")]
    [InlineData("http://[]:80", "empty IPv6")]
    [InlineData("https://-bad-.example.com", "invalid host name")]
    public void MalformedOriginPatternsSayWhatIsWrong(string origin, string problem)
        => Assert.Contains(problem, OptionCatalog.OriginProblem(origin), StringComparison.Ordinal);

    [Fact]
    public void OnlyRuleOptionsAndTheirCheckerReadAnalyzerConfigOptions()
    {
        // Every option read goes through RuleOptions with a catalog entry, so every key the source reads is in the catalog.
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "Internals/RuleOptions.cs",
            "Internals/DevelopmentGuard.cs",          // build_property.IsTestProject, and its option through RuleOptions
            "Configuration/MalformedOptionAnalyzer.cs", // RDY0001 lists the keys to check them
        };
        var readers = SourceFiles()
            .Where(f => f.Text.Contains("AnalyzerConfigOptions", StringComparison.Ordinal) || f.Text.Contains(".GlobalOptions", StringComparison.Ordinal))
            .Select(f => f.Path)
            .Where(p => !allowed.Contains(p))
            .ToList();
        Assert.True(readers.Count == 0, "These files read .editorconfig options directly; read them through RuleOptions with an "
            + "OptionCatalog entry instead: " + string.Join(", ", readers));

        var guard = SourceFiles().Single(f => f.Path == "Internals/DevelopmentGuard.cs").Text;
        var literalKeys = Regex.Matches(guard, @"TryGetValue\(\s*""(?<key>[^""]*)""").Select(m => m.Groups["key"].Value).ToList();
        Assert.All(literalKeys, key => Assert.StartsWith("build_property.", key, StringComparison.Ordinal));
    }

    [Fact]
    public void TheGuardOptionListsExactlyTheRulesThatAskTheDevelopmentGuard()
    {
        // A rule asks the guard when its analyzer's file, or a type it uses that (transitively) does, calls IsDevelopmentOnly
        // or DevelopmentOnlyWhen: those are the rules whose findings development_guard_methods changes (a rule that only
        // asks IsTestProject is not changed by it).
        var files = SourceFiles().Where(f => f.Path != "Internals/DevelopmentGuard.cs").ToList();
        var declared = files.ToDictionary(f => f.Path, f => TypeDeclaration.Matches(f.Text).Select(m => m.Groups["name"].Value).ToList());
        var asking = files.Where(f => GuardQuestion.IsMatch(f.Text)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        for (var grew = true; grew;)
        {
            var types = asking.SelectMany(p => declared[p]).ToList();
            var more = files.Where(f => !asking.Contains(f.Path) && types.Any(t => Regex.IsMatch(f.Text, $@"\b{t}\b"))).Select(f => f.Path).ToList();
            asking.UnionWith(more);
            grew = more.Count > 0;
        }

        var rules = RuleCatalog.Analyzers
            .Where(a => asking.Any(p => declared[p].Contains(a.GetType().Name)))
            .SelectMany(a => a.SupportedDiagnostics.Select(d => d.Id))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(rules, OptionCatalog.DevelopmentGuardMethods.Rules.Order(StringComparer.Ordinal).ToList());
    }

    private static readonly Regex OptionKey = new(@"(?<![\w.])(?:readiness|RDY\d{4})\.(?<name>[a-z_]+)\b");
    // Types declared at namespace level (not nested ones, whose short names repeat across files).
    private static readonly Regex TypeDeclaration = new(@"^ {0,4}(?:public|internal)\b[\w ]*?\b(?:class|struct|record|interface|enum)\s+(?<name>[A-Z]\w*)", RegexOptions.Multiline);
    private static readonly Regex GuardQuestion = new(@"\.(?:IsDevelopmentOnly|DevelopmentOnlyWhen)\(");

    private static List<(string Path, string Text)> SourceFiles() => Directory
        .EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(SourceRoot, f).Replace('\\', '/'))
        .Where(p => !p.StartsWith("obj/", StringComparison.Ordinal) && !p.StartsWith("bin/", StringComparison.Ordinal))
        .Select(p => (p, File.ReadAllText(Path.Combine(SourceRoot, p))))
        .ToList();

    /// <summary>The option table of docs/configuration.md, from the catalog.</summary>
    public static string GenerateTable()
    {
        var table = new StringBuilder();
        table.Append("| Option | Read by | Keys | Kind | Default | Example | Meaning |\n");
        table.Append("|---|---|---|---|---|---|---|\n");
        foreach (var option in OptionCatalog.All)
        {
            var readBy = Ranges(option.Rules) + (option.AlsoAffects.IsEmpty ? string.Empty : " (and " + Ranges(option.AlsoAffects) + ")");
            var keys = option.GlobalOnly ? "`readiness.` in a .globalconfig only" : "`readiness.` or `RDYnnnn.`";
            var byDefault = option.DefaultText.StartsWith("none", StringComparison.Ordinal) ? option.DefaultText : $"`{option.DefaultText}`";
            table.Append($"| `{option.Name}` | {readBy} | {keys} | {KindText(option.Kind)} | {byDefault} | `{option.Example}` | {option.Meaning} |\n");
        }

        return table.ToString().TrimEnd('\n');
    }

    private static string KindText(OptionKind kind) => kind switch
    {
        OptionKind.Words => "list of words",
        OptionKind.Names => "list of names",
        OptionKind.ValuePatterns => "list of value patterns",
        OptionKind.PathGlobs => "list of path globs",
        OptionKind.MethodNames => "list of method names",
        OptionKind.Number => $"number from 0 to {OptionCatalog.MaxEntropyThreshold}",
        OptionKind.EnvironmentName => "environment name",
        OptionKind.CookieNames => "list of cookie names",
        OptionKind.ImagePatterns => "list of image patterns",
        OptionKind.ConfigurationPaths => "list of configuration paths",
        OptionKind.OriginPatterns => "list of origin patterns",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Describe the new kind here and in docs/configuration.md's 'Kinds of value'."),
    };

    /// <summary>RDY2001, RDY2002, RDY2003, RDY2005 → "RDY2001–RDY2003, RDY2005".</summary>
    private static string Ranges(IEnumerable<string> ids)
    {
        var numbers = ids.Select(id => int.Parse(id[3..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            if (j - i >= 2)
            {
                parts.Add($"RDY{numbers[i]:D4}–RDY{numbers[j]:D4}");
            }
            else
            {
                parts.AddRange(numbers.Skip(i).Take(j - i + 1).Select(n => $"RDY{n:D4}"));
            }

            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
