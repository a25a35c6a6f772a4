using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Tests.Catalog;

namespace ReadinessAnalyzers.Tests.EndToEnd;

/// <summary>
/// `ReadinessAnalysisMode` through the packed package: InsecureApi, copied outside the repository, built with each preset.
/// Every diagnostic must come out at the severity the preset documents, and the user's own settings must still win.
/// </summary>
[Collection(PackageCollection.Name)]
public class PresetEndToEndTests(PackedPackage package)
{
    [Fact]
    public void DefaultKeepsEveryRuleAtTheSeverityItShipsWith()
    {
        var build = SampleCopy.Create(package, "InsecureApi").Build("-p:ReadinessAnalysisMode=Default");

        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        AssertEveryRuleAtItsPresetSeverity(AnalysisMode.Default, build);
        Assert.DoesNotContain(build.Diagnostics, d => d.Level == "error");
    }

    [Fact]
    public void RecommendedReportsEveryRuleOfAChecklistCheckAsAWarningAndFailsNothing()
    {
        var build = SampleCopy.Create(package, "InsecureApi").Build("-p:ReadinessAnalysisMode=Recommended");

        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        AssertEveryRuleAtItsPresetSeverity(AnalysisMode.Recommended, build);
        Assert.All(
            build.Diagnostics.Where(d => ChecklistRuleClasses.Default.ContainsKey(d.Id)),
            d => Assert.True(d.Level == "warning", $"{d.Id} in {d.File} is {d.Level}"));
    }

    [Fact]
    public void StrictFailsTheBuildWithAnErrorForEachRuleOfAP1Check()
    {
        // Lower case on purpose: MSBuild property values are compared case-insensitively, and so is this one.
        var build = SampleCopy.Create(package, "InsecureApi").Build("-p:ReadinessAnalysisMode=strict");

        Assert.True(build.ExitCode != 0, "Strict did not fail the build:\n" + build.Output);
        AssertEveryRuleAtItsPresetSeverity(AnalysisMode.Strict, build);
        var p1 = P1Rules();
        var p1Reported = build.Diagnostics.Select(d => d.Id).Where(p1.Contains).ToHashSet();
        Assert.Contains(RuleIds.HardcodedCredential, p1Reported);
        foreach (var id in p1Reported)
        {
            Assert.Contains($"error {id}:", build.Output);
        }

        Assert.All(build.Diagnostics.Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal) && !p1.Contains(d.Id)), d => Assert.True(d.Level == "warning", $"{d.Id} in {d.File} is {d.Level}"));
    }

    [Fact]
    public void SwitchingThePresetRecompilesAProjectWhoseSourcesDidNotChange()
    {
        var sample = SampleCopy.Create(package, "InsecureApi");
        var first = sample.Build();
        Assert.True(first.ExitCode == 0, "dotnet build failed:\n" + first.Output);

        // No source changed: only the preset's place in the compile inputs' hash makes the compiler run again.
        var strict = sample.Build("-p:ReadinessAnalysisMode=Strict");

        Assert.True(strict.Compiled, "Switching to Strict did not recompile:\n" + strict.Output);
        Assert.True(strict.ExitCode != 0, "Strict did not fail the build:\n" + strict.Output);
        Assert.Contains($"error {RuleIds.HardcodedCredential}:", strict.Output);
    }

    [Fact]
    public void AnUnknownModeFailsTheBuildNamingThePropertyAndTheValidValues()
    {
        var build = SampleCopy.Create(package, "InsecureApi").Build("-p:ReadinessAnalysisMode=Paranoid");

        Assert.True(build.ExitCode != 0, "An unknown ReadinessAnalysisMode did not fail the build:\n" + build.Output);
        Assert.False(build.Compiled, "The project compiled with an unknown ReadinessAnalysisMode");
        Assert.Contains(
            "error READINESS001: ReadinessAnalysisMode is 'Paranoid', which is not a ReadinessAnalyzers preset: use Default, Recommended or Strict",
            build.Output);
    }

    [Fact]
    public void TheUsersOwnEditorConfigAndGlobalConfigWinOverThePreset()
    {
        var sample = SampleCopy.Create(package, "InsecureApi");

        // A rule reported in C# code, lowered in .editorconfig; a rule reported in appsettings.json (which .editorconfig
        // sections never reach) lowered in the project's .globalconfig.
        File.WriteAllText(Path.Combine(sample.Directory, ".editorconfig"), $"""
            root = true

            [*.cs]
            dotnet_diagnostic.{RuleIds.DeveloperErrorPage}.severity = warning
            """);
        File.WriteAllText(Path.Combine(sample.Directory, ".globalconfig"), $"""
            is_global = true
            dotnet_diagnostic.{RuleIds.SecretInConfigurationFile}.severity = suggestion
            """);
        var build = sample.Build("-p:ReadinessAnalysisMode=Strict");

        Assert.True(P1Rules().Contains(RuleIds.DeveloperErrorPage) && P1Rules().Contains(RuleIds.SecretInConfigurationFile), "the test needs two P1 rules");
        Assert.True(build.ExitCode != 0, "The other P1 rules should still fail the build:\n" + build.Output);
        Assert.Equal(["warning"], Levels(build, RuleIds.DeveloperErrorPage));
        Assert.Equal(["note"], Levels(build, RuleIds.SecretInConfigurationFile));
        Assert.Equal(["error"], Levels(build, RuleIds.HardcodedCredential));
    }

    private static HashSet<string> P1Rules() =>
        ChecklistRuleClasses.Default.Where(pair => pair.Value.Class == RuleClass.P1).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);

    private static List<string> Levels(BuildResult build, string id) =>
        build.Diagnostics.Where(d => d.Id == id).Select(d => d.Level).Distinct().ToList();

    /// <summary>Each ReadinessAnalyzers diagnostic the build reported has the level the preset file gives its rule.</summary>
    private static void AssertEveryRuleAtItsPresetSeverity(AnalysisMode mode, BuildResult build)
    {
        var reported = build.Diagnostics.Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal)).ToList();
        Assert.True(reported.Count > 0, "No RDY diagnostics reported:\n" + build.Output);
        var wrong = new List<string>();
        foreach (var diagnostic in reported)
        {
            var descriptor = RuleCatalog.Descriptors.Single(d => d.Id == diagnostic.Id);
            var ruleClass = ChecklistRuleClasses.Default.TryGetValue(descriptor.Id, out var rule) ? rule.Class : RuleClass.Unnamed;
            var expected = AnalysisPresets.Effective(mode, ruleClass, descriptor) switch
            {
                ReportDiagnostic.Error => "error",
                ReportDiagnostic.Warn => "warning",
                _ => "note",
            };
            if (diagnostic.Level != expected)
            {
                wrong.Add($"{diagnostic.Id} in {diagnostic.File}: {diagnostic.Level}, expected {expected}");
            }
        }

        Assert.True(wrong.Count == 0, $"{mode}: " + string.Join("; ", wrong.Distinct()));
    }
}
