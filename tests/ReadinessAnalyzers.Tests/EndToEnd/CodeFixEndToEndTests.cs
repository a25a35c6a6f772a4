using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ReadinessAnalyzers.Tests.EndToEnd;

/// <summary>
/// The closest this repository gets to the IDE's quick-fix path: `dotnet format analyzers` loads the code fixes from the
/// packed package (analyzers/dotnet/cs/ReadinessAnalyzers.CodeFixes.dll), applies each with Fix All in solution scope to a
/// copy of InsecureApi, and the fixed app must build with the fixed diagnostics gone.
/// How dotnet format (SDK 10) fixes one ID: it re-runs the analyzers that report it, takes the first diagnostic (in a .cs
/// document) of any ID given to --diagnostics, registers that diagnostic's fixes, and runs the fixer's Fix All provider in
/// Solution scope with the equivalence key of the first action offered. So every fix of a rule must share one equivalence
/// key (or the others are skipped), and diagnostics in AdditionalFiles (appsettings*.json, Dockerfile) are never fixed.
/// </summary>
[Collection(PackageCollection.Name)]
public class CodeFixEndToEndTests(PackedPackage package)
{
    /// <summary>
    /// Rules that have a fix but whose fix is legitimately not offered on the shape InsecureApi has, with the reason.
    /// Keep it tiny: every entry must still be reported after formatting (the test checks), so a fix that starts
    /// working forces its entry out.
    /// </summary>
    private static readonly Dictionary<string, string> NotFixedOnInsecureApi = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Every rule ID a code fix of ReadinessAnalyzers.CodeFixes offers to fix.</summary>
    public static IReadOnlyList<string> FixableRuleIds { get; } = Assembly.Load("ReadinessAnalyzers.CodeFixes").GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .Where(id => id.StartsWith("RDY", StringComparison.Ordinal))
        .Distinct()
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void DotnetFormatAppliesEveryCodeFixInsecureApiNeedsAndTheAppStillBuilds()
    {
        var sample = SampleCopy.Create(package, "InsecureApi");

        // The build restores the project (dotnet format then runs with --no-restore) and tells which diagnostics there are.
        var before = sample.Build();
        Assert.True(before.ExitCode == 0, "dotnet build of InsecureApi failed:\n" + before.Output);
        var countsBefore = Counts(before);
        var ids = FixableRuleIds.Where(countsBefore.ContainsKey).ToList();
        Assert.True(ids.Count > 0, $"InsecureApi reports none of the fixable rules ({string.Join(", ", FixableRuleIds)})");

        var (formatExit, formatOutput) = DotnetProcess.Run(
            sample.Directory,
            ["format", "analyzers", "InsecureApi.csproj", "--diagnostics", .. ids, "--severity", "info", "--no-restore", "--verbosity", "diagnostic"]);
        Assert.True(formatExit == 0, "dotnet format failed:\n" + formatOutput);

        // --no-incremental: had dotnet format changed nothing, an up-to-date build would skip the compiler and report nothing.
        var after = sample.Build("--no-incremental");
        Assert.True(after.ExitCode == 0, "The formatted InsecureApi does not build:\n" + after.Output + "\n\ndotnet format said:\n" + formatOutput);
        Assert.True(after.Compiled, "The compiler did not run after dotnet format:\n" + after.Output);
        var countsAfter = Counts(after);
        var notFixed = new List<string>();
        foreach (var id in ids)
        {
            var left = countsAfter.GetValueOrDefault(id);
            if (NotFixedOnInsecureApi.ContainsKey(id))
            {
                Assert.True(left > 0, $"{id} is fixed now: remove it from {nameof(NotFixedOnInsecureApi)}");
            }
            else if (left > 0)
            {
                notFixed.Add($"{id}: {countsBefore[id]} before, {left} after");
            }
        }

        Assert.True(
            notFixed.Count == 0,
            $"dotnet format left diagnostics it has a fix for (formatted with --diagnostics {string.Join(' ', ids)}):\n  "
            + string.Join("\n  ", notFixed)
            + "\n\ndotnet format said:\n" + formatOutput);
    }

    [Fact]
    public void EveryRuleWithAFixIsOneTheCodeFixesAssemblyExports()
    {
        // Guards the discovery above: the package's fixers are found, and they name real rules.
        Assert.Contains(RuleIds.CookieWithoutSecure, FixableRuleIds);
        Assert.Contains(RuleIds.CookieWithoutHttpOnly, FixableRuleIds);
        var known = Catalog.RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(FixableRuleIds, id => Assert.Contains(id, known));
        Assert.All(NotFixedOnInsecureApi.Keys, id => Assert.Contains(id, FixableRuleIds));
    }

    private static Dictionary<string, int> Counts(BuildResult build) => build.Diagnostics
        .Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal))
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
