using Readiness.Cli.Commands;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Commands;

/// <summary>The audit command's contract: exit codes and messages for good and bad input.</summary>
public sealed class AuditCommandTests
{
    internal const string Checklist = """
        name: test
        version: 1
        checks:
          - id: no-developer-error-page
            title: No developer error page
            category: Errors
            severity: P1-critical
            remediation: Call UseDeveloperExceptionPage only in Development.
            references: [https://learn.microsoft.com/aspnet/core/fundamentals/error-handling]
            check:
              kind: analyzer
              rules: [RDY8001]
          - id: no-certificates-committed
            title: No certificate files committed
            category: Secrets
            severity: P2-high
            remediation: Keep certificates in a secret store.
            references: [https://learn.microsoft.com/aspnet/core/security/app-secrets]
            check:
              kind: fileAbsent
              paths: ["**/*.pfx"]
        """;

    private const string CleanApp = "var app = WebApplication.Create(args);\napp.UseExceptionHandler(\"/error\");\napp.Run();\n";
    private const string DeveloperPageApp = "var app = WebApplication.Create(args);\napp.UseDeveloperExceptionPage();\napp.Run();\n";

    [Fact]
    public async Task ACleanRepositoryPassesTheGateWithExitCode0AndWritesTheReports()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp).Write("checklist.yaml", Checklist);

        var (exit, output, error) = await CliRunner.RunAsync(
            "audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--format", "console,json,md", "--output", repo.PathOf("out"));

        Assert.True(exit == ExitCodes.GatePassed, error);
        Assert.Contains("READY", output);
        Assert.True(File.Exists(repo.PathOf("out/readiness-report.json")));
        Assert.True(File.Exists(repo.PathOf("out/readiness-report.md")));
        Assert.Empty(Directory.GetDirectories(repo.Root, ".out.staging-*"));
    }

    [Fact]
    public async Task AFailingP1CheckFailsTheGateWithExitCode1()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", DeveloperPageApp).Write("checklist.yaml", Checklist);

        var (exit, output, error) = await CliRunner.RunAsync(
            "audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--fail-on", "P1", "--output", repo.PathOf("out"));

        Assert.Equal(ExitCodes.GateFailed, exit);
        Assert.Contains("no-developer-error-page", output);
        Assert.Contains("gate failed", error);
    }

    [Fact]
    public async Task ASuppressedFindingWaivesTheCheckInsteadOfPassingIt()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", "var app = WebApplication.Create(args);\n#pragma warning disable RDY8001\napp.UseDeveloperExceptionPage();\n#pragma warning restore RDY8001\napp.Run();\n")
            .Write("checklist.yaml", Checklist);

        var (exit, _, error) = await CliRunner.RunAsync(
            "audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--format", "json", "--output", repo.PathOf("out"));

        Assert.True(exit == ExitCodes.GatePassed, error);
        var json = File.ReadAllText(repo.PathOf("out/readiness-report.json"));
        Assert.Contains("\"waived\"", json);
        Assert.Contains("#pragma warning disable", json);
    }

    [Fact]
    public async Task AMissingPathIsExitCode2()
    {
        var (exit, _, error) = await CliRunner.RunAsync("audit", "/no/such/repository");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("/no/such/repository does not exist", error);
    }

    [Fact]
    public async Task AnEmptyFolderIsExitCode2AndNeverReady()
    {
        using var repo = new TempRepository();
        repo.Write("docs/README.md", "# nothing to audit here\n");

        var (exit, output, error) = await CliRunner.RunAsync("audit", repo.Root, "--output", repo.PathOf("out"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no C# project (.csproj) and no configuration to audit", error);
        Assert.DoesNotContain("READY", output);
        Assert.False(Directory.Exists(repo.PathOf("out")));
    }

    [Fact]
    public async Task ConfigurationWithoutAProjectIsAuditedButIncompleteWithExitCode3()
    {
        using var repo = new TempRepository();
        repo.Write("deploy/appsettings.json", "{ \"AllowedHosts\": \"example.org\" }");

        repo.Write("checklist.yaml", Checklist);

        var (exit, output, error) = await CliRunner.RunAsync(
            "audit", repo.Root, "--checklist", repo.PathOf("checklist.yaml"), "--output", repo.PathOf("out"), "--format", "console,sarif");

        Assert.True(exit == ExitCodes.AnalysisIncomplete, error);
        Assert.Contains("INCOMPLETE", output);
        Assert.DoesNotContain(": READY", output);
        Assert.Contains("\"executionSuccessful\": false", File.ReadAllText(repo.PathOf("out/readiness-report.sarif")));
    }

    [Fact]
    public async Task AProjectWithCompilerErrorsAndNoFindingIsIncompleteNotReady()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp + "UndefinedCall();\n").Write("checklist.yaml", Checklist);

        var (exit, output, error) = await CliRunner.RunAsync(
            "audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--output", repo.PathOf("out"), "--format", "console");

        Assert.True(exit == ExitCodes.AnalysisIncomplete, error);
        Assert.StartsWith("Readiness audit (Production): INCOMPLETE", output);
        Assert.Contains("does not compile", output);
    }

    [Fact]
    public async Task AMalformedChecklistIsExitCode2WithFileLineAndColumn()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp).Write("bad.yaml", "name: test\nversion: 1\nchecks:\n  - id: [unclosed\n");

        var (exit, _, error) = await CliRunner.RunAsync("audit", repo.PathOf("app"), "--checklist", repo.PathOf("bad.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches(@"bad\.yaml:\d+:\d+: ", error);
    }

    [Fact]
    public async Task ASchemaInvalidChecklistIsExitCode2WithFileLineAndColumn()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp).Write("bad.yaml", Checklist.Replace("severity: P1-critical", "severity: urgent"));

        var (exit, _, error) = await CliRunner.RunAsync("audit", repo.PathOf("app"), "--checklist", repo.PathOf("bad.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches(@"bad\.yaml:7:\d+: .*severity 'urgent'", error);
    }

    [Fact]
    public async Task AnUnknownRuleIdIsExitCode2()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp).Write("bad.yaml", Checklist.Replace("[RDY8001]", "[RDY8999]"));

        var (exit, _, error) = await CliRunner.RunAsync("audit", repo.PathOf("app"), "--checklist", repo.PathOf("bad.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("unknown rule ID 'RDY8999'", error);
        Assert.Matches(@"bad\.yaml:\d+:\d+: ", error);
    }

    [Fact]
    public async Task AMissingChecklistFileIsExitCode2()
    {
        var (exit, _, error) = await CliRunner.RunAsync("audit", ".", "--checklist", "/no/such/checklist.yaml");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("checklist.yaml", error);
    }

    [Theory]
    [InlineData("--format", "console,pdf", "unknown --format 'pdf'")]
    [InlineData("--fail-on", "P4", "--fail-on must be P1, P2 or P3")]
    [InlineData("--fail-under", "101", "--fail-under must be between 0 and 100")]
    [InlineData("--fail-under", "many", "many")]
    [InlineData("--update-baseline", null, "--update-baseline needs --baseline FILE")]
    [InlineData("--baseline", "/no/such/baseline.json", "does not exist (create it with --update-baseline)")]
    public async Task BadArgumentsAreExitCode2(string option, string? value, string message)
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp).Write("checklist.yaml", Checklist);
        string[] args = ["audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), option];

        var (exit, _, error) = await CliRunner.RunAsync(value is null ? args : [.. args, value]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task SkippedFilesAreReportedAndMakeAPassingAuditIncompleteWithExitCode3()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp)
            .WriteBytes("app/Binary.cs", [0x00, 0x01])
            .WriteBytes("app/appsettings.json", System.Text.Encoding.Latin1.GetBytes("{ \"Name\": \"Müller\" }"))
            .Write("checklist.yaml", Checklist);

        var (exit, _, error) = await CliRunner.RunAsync(
            "audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--format", "json", "--output", repo.PathOf("out"));

        Assert.Equal(ExitCodes.AnalysisIncomplete, exit);
        Assert.Contains("skipped Binary.cs: binary file", error);
        Assert.Contains("skipped appsettings.json: not valid UTF-8", error);
        var json = File.ReadAllText(repo.PathOf("out/readiness-report.json"));
        Assert.Contains("Binary.cs", json);
    }

    [Fact]
    public async Task ASymbolicLinkLoopIsSkippedAndTheAuditGoesOn()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", DeveloperPageApp).Write("checklist.yaml", Checklist);
        Directory.CreateSymbolicLink(repo.PathOf("app/Features"), repo.PathOf("app"));

        var (exit, output, error) = await CliRunner.RunAsync("audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--output", repo.PathOf("out"));

        Assert.Equal(ExitCodes.GateFailed, exit);
        Assert.Contains("skipped Features: symbolic link loop", error);
        Assert.Contains("no-developer-error-page", output);
    }

    [Fact]
    public async Task AProjectThatDoesNotCompileIsAnalyzedAndTheAuditIsIncomplete()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp + "Missing.Call();\n").Write("checklist.yaml", Checklist);

        var (exit, _, error) = await CliRunner.RunAsync("audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--output", repo.PathOf("out"));

        Assert.Equal(ExitCodes.AnalysisIncomplete, exit);
        Assert.Contains("skipped App.csproj: does not compile: 1 compiler error(s)", error);
    }

    [Fact]
    public async Task AnOutputFolderThatCannotBeCreatedIsExitCode2AndNothingIsLeftBehind()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", CleanApp).Write("checklist.yaml", Checklist).Write("taken", "a file where the folder should be");

        var (exit, _, error) = await CliRunner.RunAsync(
            "audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--format", "json,md,html", "--output", repo.PathOf("taken"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("could not write the report", error);
        Assert.Equal("a file where the folder should be", File.ReadAllText(repo.PathOf("taken")));
        Assert.Empty(Directory.GetDirectories(repo.Root, ".taken.staging-*"));
    }

    [Fact]
    public async Task UpdateBaselineWritesABaselineThatThenKeepsKnownFailuresFromFailingTheGate()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", DeveloperPageApp).Write("checklist.yaml", Checklist);
        string[] common = ["audit", repo.PathOf("app"), "--checklist", repo.PathOf("checklist.yaml"), "--output", repo.PathOf("out"), "--baseline", repo.PathOf("baseline.json")];

        var (first, _, firstError) = await CliRunner.RunAsync([.. common, "--update-baseline"]);
        var (second, _, secondError) = await CliRunner.RunAsync(common);

        Assert.True(File.Exists(repo.PathOf("baseline.json")), firstError);
        Assert.True(first == ExitCodes.GatePassed, firstError);
        Assert.True(second == ExitCodes.GatePassed, secondError);
    }
}
