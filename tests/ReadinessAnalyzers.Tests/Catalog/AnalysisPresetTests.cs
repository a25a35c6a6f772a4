using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>
/// The severity presets the package ships are generated from the descriptors and the default checklist; these tests fail
/// when a file, or the table in README.md and PACKAGE.md, drifts, and pin down what each mode means.
/// </summary>
public class AnalysisPresetTests
{
    private const string DocsStart = "<!-- presets:start -->";
    private const string DocsEnd = "<!-- presets:end -->";
    private const string Regenerate = "READINESS_UPDATE_DOCS=1 dotnet test tests/ReadinessAnalyzers.Tests --filter AnalysisPresetTests";
    private static readonly Regex Entry = new(@"^(?<comment># )?dotnet_diagnostic\.(?<id>[A-Z]+\d+)\.severity = (?<severity>\w+)", RegexOptions.Multiline);

    public static IEnumerable<object[]> Modes() => AnalysisPresets.Modes.Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Modes))]
    public void PresetFileMatchesTheRulesAndTheChecklist(AnalysisMode mode)
    {
        var path = AnalysisPresets.FilePath(mode);
        var expected = AnalysisPresets.Generate(mode, RuleCatalog.Descriptors, ChecklistRuleClasses.Default);
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (actual != expected && Environment.GetEnvironmentVariable("READINESS_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(actual == expected, $"{AnalysisPresets.ConfigFolder}/{AnalysisPresets.FileName(mode)} is out of date. Regenerate it with:\n  {Regenerate}");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EveryRuleHasExactlyOneLineInEveryPreset(AnalysisMode mode)
    {
        var lines = Entries(mode).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Count());
        var missing = RuleCatalog.Descriptors.Select(d => d.Id).Where(id => !lines.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"Rules missing from the {mode} preset: {string.Join(", ", missing)}");
        Assert.All(lines, line => Assert.True(line.Value == 1, $"{line.Key} has {line.Value} lines in the {mode} preset"));
    }

    [Fact]
    public void PresetFilesAreGlobalConfigsBelowTheUsersOwn()
    {
        foreach (var mode in AnalysisPresets.Modes)
        {
            var text = File.ReadAllText(AnalysisPresets.FilePath(mode));
            Assert.Matches(new Regex(@"^is_global = true$", RegexOptions.Multiline), text);
            var level = int.Parse(Regex.Match(text, @"^global_level = (-?\d+)$", RegexOptions.Multiline).Groups[1].Value);

            // A project's .globalconfig defaults to 100, any other global config to 0: both must beat the preset.
            Assert.True(level < 0, $"{mode}: global_level {level} would not lose to the user's global configs");
        }
    }

    [Fact]
    public void DefaultSetsNoSeverityAtAll()
    {
        Assert.DoesNotContain(Entries(AnalysisMode.Default), e => !e.Commented);
    }

    [Fact]
    public void StrictMakesTheRulesOfP1ChecksErrorsAndEveryOtherRuleAtLeastAWarning()
    {
        var entries = Entries(AnalysisMode.Strict).ToDictionary(e => e.Id);
        var p1 = ChecklistRuleClasses.Default.Where(pair => pair.Value.Class == RuleClass.P1).Select(pair => pair.Key).ToList();
        Assert.NotEmpty(p1);
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            var entry = entries[descriptor.Id];
            if (p1.Contains(descriptor.Id))
            {
                Assert.Equal(("error", false), (entry.Severity, entry.Commented));
            }
            else
            {
                Assert.Contains(entry.Severity, new[] { "warning", "error" });
            }
        }
    }

    [Fact]
    public void RecommendedTurnsEveryRuleOnAndKeepsChecklistRulesAtLeastWarnings()
    {
        foreach (var entry in Entries(AnalysisMode.Recommended))
        {
            Assert.NotEqual("none", entry.Severity);
            Assert.NotEqual("silent", entry.Severity);
            if (ChecklistRuleClasses.Default.ContainsKey(entry.Id))
            {
                Assert.Contains(entry.Severity, new[] { "warning", "error" });
            }
        }
    }

    [Fact]
    public void APresetNeverLowersARule()
    {
        foreach (var mode in AnalysisPresets.Modes)
        {
            foreach (var descriptor in RuleCatalog.Descriptors)
            {
                var ruleClass = ChecklistRuleClasses.Default.TryGetValue(descriptor.Id, out var rule) ? rule.Class : RuleClass.Unnamed;
                var effective = AnalysisPresets.Effective(mode, ruleClass, descriptor);
                Assert.True(effective <= AnalysisPresets.Report(descriptor.DefaultSeverity), $"{mode} lowers {descriptor.Id} to {effective}");
            }
        }
    }

    [Fact]
    public void ARuleTakesTheHighestSeverityOfTheChecksThatNameIt()
    {
        var classes = ChecklistRuleClasses.Read("""
            checks:
              - id: cookies-p2
                severity: P2-high
                check: { kind: analyzer, rules: [RDY3001, RDY3002] }
              - id: cookies-p1
                severity: P1-critical
                check:
                  kind: analyzer
                  rules:
                    - RDY3002
              - id: not-an-analyzer
                severity: P1-critical
                check: { kind: fileExists, paths: [Dockerfile] }
            """);

        Assert.Equal(RuleClass.P2, classes["RDY3001"].Class);
        Assert.Equal(RuleClass.P1, classes["RDY3002"].Class);
        Assert.Equal(["cookies-p1"], classes["RDY3002"].Checks);
        Assert.Equal(2, classes.Count);
    }

    [Fact]
    public void ARuleNoCheckNamesAndARuleOffByDefaultGetALineInEveryPreset()
    {
        // New rules (RDY0001 and whatever comes next) may ship before a check names them, or ship disabled.
        var unnamed = new DiagnosticDescriptor("RDY0001", "Malformed option", "m", "Configuration", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        var optIn = new DiagnosticDescriptor("RDY9998", "Opt-in rule", "m", "Hardening", DiagnosticSeverity.Info, isEnabledByDefault: false);
        var p1 = new DiagnosticDescriptor("RDY1001", "Hardcoded credential", "m", "Secrets", DiagnosticSeverity.Info, isEnabledByDefault: true);
        var classes = new Dictionary<string, ClassifiedRule>
        {
            ["RDY9998"] = new(RuleClass.P3, ["opt-in-check"]),
            ["RDY1001"] = new(RuleClass.P1, ["no-hardcoded-credentials"]),
        };
        string Line(AnalysisMode mode, string id) =>
            AnalysisPresets.Generate(mode, [unnamed, optIn, p1], classes).Split('\n').Single(l => l.Contains($"dotnet_diagnostic.{id}.", StringComparison.Ordinal));

        Assert.Equal("# dotnet_diagnostic.RDY0001.severity = warning (its default)", Line(AnalysisMode.Default, "RDY0001"));
        Assert.Equal("# dotnet_diagnostic.RDY0001.severity = warning (its default)", Line(AnalysisMode.Recommended, "RDY0001"));
        Assert.Equal("# dotnet_diagnostic.RDY0001.severity = warning (its default)", Line(AnalysisMode.Strict, "RDY0001"));
        Assert.Equal("# dotnet_diagnostic.RDY9998.severity = none (its default)", Line(AnalysisMode.Default, "RDY9998"));
        Assert.Equal("dotnet_diagnostic.RDY9998.severity = warning", Line(AnalysisMode.Recommended, "RDY9998"));
        Assert.Equal("dotnet_diagnostic.RDY9998.severity = warning", Line(AnalysisMode.Strict, "RDY9998"));
        Assert.Equal("# dotnet_diagnostic.RDY1001.severity = suggestion (its default)", Line(AnalysisMode.Default, "RDY1001"));
        Assert.Equal("dotnet_diagnostic.RDY1001.severity = warning", Line(AnalysisMode.Recommended, "RDY1001"));
        Assert.Equal("dotnet_diagnostic.RDY1001.severity = error", Line(AnalysisMode.Strict, "RDY1001"));
    }

    [Fact]
    public void ThePackageTargetsSelectEveryPresetFile()
    {
        var targets = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ReadinessAnalyzers.Package", "buildTransitive", "ReadinessAnalyzers.targets"));
        Assert.Contains("config/ReadinessAnalyzers.$(_ReadinessAnalysisPreset).globalconfig", targets);
        foreach (var mode in AnalysisPresets.Modes)
        {
            Assert.Contains($">{mode}</_ReadinessAnalysisPreset>", targets);
            Assert.True(File.Exists(AnalysisPresets.FilePath(mode)), AnalysisPresets.FileName(mode) + " is missing");
        }
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/ReadinessAnalyzers.Package/PACKAGE.md")]
    public void PresetTableInTheDocsMatchesThePresets(string document)
    {
        var path = Path.Combine(RepositoryRoot.Path, document);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(DocsStart, StringComparison.Ordinal);
        var end = text.IndexOf(DocsEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{document} needs the markers {DocsStart} and {DocsEnd}");

        var expected = AnalysisPresets.GenerateDocsTable(RuleCatalog.Descriptors, ChecklistRuleClasses.Default);
        var actual = text[(start + DocsStart.Length)..end].Trim('\n');
        if (actual != expected && Environment.GetEnvironmentVariable("READINESS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(start + DocsStart.Length)] + "\n" + expected + "\n" + text[end..]);
            return;
        }

        Assert.True(actual == expected, $"The presets table of {document} is out of date. Regenerate it with:\n  {Regenerate}\n\nExpected:\n{expected}");
    }

    private static IEnumerable<(string Id, string Severity, bool Commented)> Entries(AnalysisMode mode) =>
        Entry.Matches(File.ReadAllText(AnalysisPresets.FilePath(mode)).ReplaceLineEndings("\n"))
            .Select(m => (m.Groups["id"].Value, m.Groups["severity"].Value, m.Groups["comment"].Success));
}
