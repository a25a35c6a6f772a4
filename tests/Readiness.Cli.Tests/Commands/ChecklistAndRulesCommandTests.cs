using Readiness.Cli.Commands;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Commands;

public sealed class ChecklistAndRulesCommandTests
{
    [Fact]
    public async Task AValidChecklistValidatesWithExitCode0()
    {
        using var repo = new TempRepository();
        repo.Write("checklist.yaml", AuditCommandTests.Checklist);

        var (exit, output, error) = await CliRunner.RunAsync("checklist", "validate", repo.PathOf("checklist.yaml"));

        Assert.True(exit == ExitCodes.GatePassed, error);
        Assert.Contains("valid (2 checks)", output);
    }

    [Fact]
    public async Task AnInvalidChecklistListsEveryErrorAsFileLineColumn()
    {
        using var repo = new TempRepository();
        repo.Write("checklist.yaml", AuditCommandTests.Checklist.Replace("category: Errors", "category: Nope").Replace("[RDY8001]", "[RDY8999]"));

        var (exit, _, error) = await CliRunner.RunAsync("checklist", "validate", repo.PathOf("checklist.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches(@"checklist\.yaml:\d+:\d+: .*unknown category 'Nope'", error);
    }

    [Fact]
    public async Task AnUnknownRuleIdFailsValidation()
    {
        using var repo = new TempRepository();
        repo.Write("checklist.yaml", AuditCommandTests.Checklist.Replace("[RDY8001]", "[RDY8999]"));

        var (exit, _, error) = await CliRunner.RunAsync("checklist", "validate", repo.PathOf("checklist.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("unknown rule ID 'RDY8999'", error);
    }

    [Fact]
    public async Task AMissingChecklistIsExitCode2()
    {
        var (exit, _, error) = await CliRunner.RunAsync("checklist", "validate", "/no/such.yaml");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public async Task RulesListsEveryDescriptorOfTheLoadedAnalyzerAssembly()
    {
        var (exit, output, _) = await CliRunner.RunAsync("rules");

        Assert.Equal(ExitCodes.GatePassed, exit);
        foreach (var descriptor in TestEnvironment.Catalog.Descriptors)
        {
            Assert.Contains($"{descriptor.Id,-8} {descriptor.Category}", output);
            Assert.Contains(descriptor.Title.ToString(), output);
            Assert.Contains(descriptor.HelpLinkUri, output);
        }

        Assert.Contains("RDY8001", output);
    }

    [Fact]
    public async Task AnUnknownOptionIsExitCode2()
    {
        var (exit, _, error) = await CliRunner.RunAsync("rules", "--no-such-option");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--no-such-option", error);
    }
}
