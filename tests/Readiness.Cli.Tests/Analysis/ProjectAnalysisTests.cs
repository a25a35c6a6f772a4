using Readiness.Checklist.Findings;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Analysis;

public sealed class ProjectAnalysisTests
{
    private const string DeveloperPageApp = """
        var app = WebApplication.Create(args);
        app.UseDeveloperExceptionPage();
        app.Run();
        """;

    [Fact]
    public async Task TheAnalyzerAssemblyRunsAndItsDiagnosticBecomesAFinding()
    {
        using var repo = new TempRepository();
        repo.WebApp("src/Api", DeveloperPageApp);

        var run = await TestEnvironment.AuditAsync(repo.Root);

        var finding = Assert.Single(run.Findings, f => f.RuleId == "RDY8001");
        Assert.Equal("RDY8001", finding.RuleId);
        Assert.Equal("src/Api/Program.cs", finding.FilePath);
        Assert.Equal((2, 1, 2, 32), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Equal("Errors", finding.Category);
        Assert.EndsWith("docs/rules/RDY8001.md", finding.HelpUri);
        Assert.Equal(DeveloperPageApp.Replace("\r", ""), finding.Snippet);
        Assert.Contains("UseDeveloperExceptionPage", finding.Message);
        Assert.Null(finding.Suppression);
        Assert.Contains("RDY8001", run.AnalyzerRuleIds);
        Assert.Empty(run.Skipped);
    }

    [Fact]
    public async Task DevelopmentOnlyCodeIsNotReported()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            app.Run();
            """);

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.DoesNotContain(run.Findings, f => f.RuleId == "RDY8001");
    }

    [Fact]
    public async Task PragmaWarningDisableMakesASuppressedFinding()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", """
            var app = WebApplication.Create(args);
            #pragma warning disable RDY8001 // the page is behind a VPN
            app.UseDeveloperExceptionPage();
            #pragma warning restore RDY8001
            app.Run();
            """);

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.Equal("#pragma warning disable", Assert.Single(run.Findings, f => f.RuleId == "RDY8001").Suppression);
    }

    [Fact]
    public async Task SuppressMessageAttributeMakesASuppressedFindingWithItsJustification()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", """
            using System.Diagnostics.CodeAnalysis;
            Pipeline.Use(WebApplication.Create(args));

            static class Pipeline
            {
                [SuppressMessage("Errors", "RDY8001", Justification = "internal diagnostics host")]
                public static void Use(WebApplication app) => app.UseDeveloperExceptionPage();
            }
            """);

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.Equal("[SuppressMessage] internal diagnostics host", Assert.Single(run.Findings, f => f.RuleId == "RDY8001").Suppression);
    }

    [Theory]
    [InlineData("dotnet_diagnostic.RDY8001.severity = none", "dotnet_diagnostic.RDY8001.severity")]
    [InlineData("dotnet_analyzer_diagnostic.category-Errors.severity = none", "dotnet_analyzer_diagnostic.category-Errors.severity")]
    public async Task EditorConfigSeverityNoneMakesASuppressedFinding(string setting, string key)
    {
        using var repo = new TempRepository();
        repo.WebApp("api", DeveloperPageApp).Write(".editorconfig", $"root = true\n\n[*.cs]\n{setting}\n");

        var run = await TestEnvironment.AuditAsync(repo.PathOf("api"));

        Assert.Equal($".editorconfig: {key} = none", Assert.Single(run.Findings, f => f.RuleId == "RDY8001").Suppression);
    }

    [Fact]
    public async Task EditorConfigSeverityForOtherFilesDoesNotSuppress()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", DeveloperPageApp).Write(".editorconfig", "root = true\n[Legacy/**.cs]\ndotnet_diagnostic.RDY8001.severity = none\n");

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.Null(Assert.Single(run.Findings, f => f.RuleId == "RDY8001").Suppression);
    }

    [Fact]
    public async Task AProjectThatDoesNotCompileIsStillAnalyzedAndItsErrorsAreCounted()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", DeveloperPageApp + "\nint broken = \"text\";\nUndefinedCall();\n");

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.Equal("RDY8001", Assert.Single(run.Findings, f => f.RuleId == "RDY8001").RuleId);
        var skipped = Assert.Single(run.Skipped);
        Assert.Equal("App.csproj", skipped.Path);
        Assert.StartsWith("does not compile: 2 compiler error(s)", skipped.Reason);
        Assert.Contains("the analyzers ran on what binds", skipped.Reason);
        Assert.Equal(GapKind.DoesNotCompile, skipped.Kind);
    }

    [Fact]
    public async Task UnreadableSourceFilesAreSkippedAndTheRestIsAnalyzed()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", DeveloperPageApp)
            .WriteBytes("Binary.cs", [0x63, 0x00, 0x00, 0x01])
            .WriteBytes("Latin1.cs", System.Text.Encoding.Latin1.GetBytes("// Müller\nclass L {}"))
            .Write("Huge.cs", "// " + new string('x', 2 * 1024 * 1024 + 10))
            .WriteBytes("appsettings.json", [0xFF, 0xFE, 0x7B, 0x00]);

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.Equal("RDY8001", Assert.Single(run.Findings, f => f.RuleId == "RDY8001").RuleId);
        Assert.Equal(
            ["Binary.cs: binary file (contains NUL bytes)", "Huge.cs: too large (2 MB; the limit is 2 MB)", "Latin1.cs: not valid UTF-8", "appsettings.json: binary file (contains NUL bytes)"],
            run.Skipped.Select(s => $"{s.Path}: {(s.Reason.StartsWith("not valid UTF-8", StringComparison.Ordinal) ? "not valid UTF-8" : s.Reason)}"));
    }
}
