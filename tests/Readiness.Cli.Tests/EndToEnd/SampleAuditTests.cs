using System.Text.Json;
using System.Text.RegularExpressions;
using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;
using Readiness.Cli.Commands;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.EndToEnd;

/// <summary>
/// The README's main command, end to end: <c>readiness audit samples/InsecureApi</c> is NOT READY with a failing check
/// for every analyzer family the sample exercises; <c>samples/HardenedApi</c> is READY with 100.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed partial class SampleAuditTests
{
    /// <summary>
    /// Rules InsecureApi must trigger, by family, beyond those its own <c>// RDYnnnn:</c> comments name (which are
    /// expected automatically). Extend it when a family lands; a rule this build lacks is not expected.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ExpectedInsecureRules = new Dictionary<string, string[]>
    {
        ["Errors"] = ["RDY8001"],
    };

    [GeneratedRegex(@"//\s*(RDY\d{4})\b")]
    private static partial Regex RuleComment();

    [Fact]
    public async Task InsecureApiIsNotReadyAndEveryRuleItDemonstratesFailsItsCheck()
    {
        using var output = new TempRepository();

        var (exit, console, error) = await CliRunner.RunAsync(
            "audit", SampleFixture.SamplePath("InsecureApi"), "--format", "console,json", "--output", output.Root);

        Assert.True(exit == ExitCodes.GateFailed, $"exit {exit}\n{error}");
        Assert.Contains("NOT READY", console);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Root, "readiness-report.json")));
        var root = report.RootElement;
        Assert.Equal("NotReady", Normalize(root.GetProperty("verdict").GetString()));

        var failingChecks = root.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "failed")
            .ToList();
        var failingRules = root.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("status").GetString() == "failed")
            .Select(f => f.GetProperty("ruleId").GetString()!)
            .ToHashSet();

        // The report lists findings under the checks that name their rules; a rule no check names is not in it.
        var checkedRules = ChecklistLoader.LoadDefault().Checks
            .Select(c => c.Check).OfType<AnalyzerCheckSpec>().SelectMany(a => a.Rules).ToHashSet();
        var expected = ExpectedRules().Where(checkedRules.Contains).ToList();
        foreach (var rule in expected)
        {
            Assert.True(failingRules.Contains(rule), $"a failing check should carry {rule}; failing: {string.Join(", ", failingChecks.Select(c => c.GetProperty("id").GetString()))}");
        }

        var families = expected.Select(r => TestEnvironment.Catalog.DescriptorsById[r].Category).Distinct().ToList();
        Assert.NotEmpty(families);
        foreach (var family in families)
        {
            Assert.Contains(failingChecks, c => c.GetProperty("category").GetString() == family);
        }
    }

    /// <summary>
    /// Holds once every family's branch is merged. Until then it fails on the checklist's file checks the hardened
    /// sample does not yet satisfy (https-redirection, hsts, health-checks, rate-limiting, forwarded-headers,
    /// security-headers, allowed-hosts-restricted …: the Https and Hardening helpers add them to the sample).
    /// Filter it out meanwhile with <c>--filter "Expectation!=all-branches-merged"</c>.
    /// </summary>
    [Fact]
    [Trait("Expectation", "all-branches-merged")]
    public async Task HardenedApiIsReadyWithScore100()
    {
        using var output = new TempRepository();

        var (exit, console, error) = await CliRunner.RunAsync(
            "audit", SampleFixture.SamplePath("HardenedApi"), "--format", "console,json", "--output", output.Root);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Root, "readiness-report.json")));
        var root = report.RootElement;
        var failing = root.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "failed")
            .Select(c => c.GetProperty("id").GetString())
            .ToList();
        Assert.True(failing.Count == 0, "failing checks: " + string.Join(", ", failing) + "\n" + console);
        Assert.Equal(100, root.GetProperty("score").GetInt32());
        Assert.Equal("Ready", Normalize(root.GetProperty("verdict").GetString()));
        Assert.True(exit == ExitCodes.GatePassed, $"exit {exit}\n{error}");
    }

    [Fact]
    public async Task TheAuditOfInsecureApiFindsWhatItsCommentsPromise()
    {
        var run = await TestEnvironment.AuditAsync(SampleFixture.SamplePath("InsecureApi"));

        var found = run.Findings.Where(f => f.Suppression is null).Select(f => f.RuleId).ToHashSet();
        var missing = ExpectedRules().Where(r => !found.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        Assert.Equal(["InsecureApi.csproj"], run.Projects);
    }

    [Fact]
    public async Task TheAuditOfHardenedApiFindsNothing()
    {
        var run = await TestEnvironment.AuditAsync(SampleFixture.SamplePath("HardenedApi"));

        Assert.Empty(run.Findings.Where(f => f.Suppression is null).Select(f => $"{f.RuleId} {f.FilePath}:{f.Line} {f.Message}"));
        Assert.Empty(run.Skipped);
    }

    /// <summary>The rules InsecureApi demonstrates that this build has: its <c>// RDYnnnn:</c> comments plus the list above.</summary>
    private static IReadOnlyList<string> ExpectedRules()
    {
        var fromComments = Directory.GetFiles(SampleFixture.SamplePath("InsecureApi"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => RuleComment().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));
        return fromComments
            .Concat(ExpectedInsecureRules.Values.SelectMany(r => r))
            .Where(TestEnvironment.Catalog.RuleIds.Contains)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string? Normalize(string? verdict) => verdict?.Replace(" ", "").Replace("_", "") switch
    {
        { } v when v.Equals("NOTREADY", StringComparison.OrdinalIgnoreCase) => "NotReady",
        { } v when v.Equals("READY", StringComparison.OrdinalIgnoreCase) => "Ready",
        { } v when v.Equals("CONDITIONAL", StringComparison.OrdinalIgnoreCase) => "Conditional",
        var v => v,
    };
}
