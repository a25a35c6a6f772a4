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
    /// Diagnostics of fixable rules whose fix is rightly not offered on the shape InsecureApi has: how many stay, and why.
    /// Keep it tiny: exactly that many must still be reported after formatting (the test checks), so a fix that starts
    /// working forces its entry out.
    /// </summary>
    private static readonly Dictionary<string, (int Left, string Why)> NotFixedOnInsecureApi = new(StringComparer.Ordinal)
    {
        // SecretsSetup.PaymentsApiKey and WarehouseToken are constants of a static class: no IConfiguration is in scope
        // where they are declared, and a const cannot read one. The fixes of the other secrets still apply.
        [RuleIds.HardcodedCredential] = (1, "a const field with no configuration in scope"),
        [RuleIds.KnownSecretFormatInCode] = (1, "a const field with no configuration in scope"),
        // Nothing in InsecureApi shows where the key ring could live (no Redis connection, no blob or folder in
        // configuration, no key DbContext): choosing a store is the team's call, so no fix is offered (docs/rules/RDY5006.md).
        [RuleIds.DataProtectionKeysNotPersisted] = (1, "no key store evident in the project"),
        // The memory cache behind AddSession, the in-memory carts database and the in-memory token cache are what
        // production runs on: limiting them to Development would leave production with none. The fix is offered only
        // where another branch already supplies production's (docs/rules/RDY5001.md).
        [RuleIds.DistributedMemoryCache] = (1, "production would be left without a cache"),
        [RuleIds.InMemoryDatabase] = (1, "production would be left without a database"),
        [RuleIds.InMemoryTokenCache] = (1, "production would be left without a token cache"),
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
        Assert.All(NotFixedOnInsecureApi.Keys, id => Assert.Contains(id, ids));

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
            var expectedLeft = NotFixedOnInsecureApi.TryGetValue(id, out var notFixedHere) ? notFixedHere.Left : 0;
            if (left != expectedLeft)
            {
                notFixed.Add($"{id}: {countsBefore[id]} before, {left} after, {expectedLeft} expected ({notFixedHere.Why ?? "all fixable"})");
            }
        }

        Assert.True(
            notFixed.Count == 0,
            $"dotnet format did not fix what it has a fix for (formatted with --diagnostics {string.Join(' ', ids)}):\n  "
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
