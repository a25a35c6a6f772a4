using Microsoft.CodeAnalysis;
using Readiness.Checklist.Findings;
using Readiness.Cli.Analysis;
using Readiness.Cli.Audit;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Analysis;

public sealed class CompilationFactoryTests
{
    [Fact]
    public void AWebProjectUsingAspNetCoreTypesAndCSharp14CompilesWithoutErrorsAgainstTheSdkPacks()
    {
        using var repo = new TempRepository();
        repo.WebApp("api", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.UseExceptionHandler();
            app.MapGet("/orders/{id:int}", (int id, ILogger<Order> logger) => Results.Ok(new Order { Id = id }));
            app.Run();

            public sealed class Order
            {
                // C# 14: the field keyword.
                public int Id { get; set => field = value < 0 ? 0 : value; }
            }

            public static class OrderExtensions
            {
                // C# 14: extension members.
                extension(Order order)
                {
                    public bool IsNew => order.Id == 0;
                }
            }
            """);

        var (compilation, _) = Build(repo, "api/App.csproj");

        Assert.Empty(compilation.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(OutputKind.ConsoleApplication, compilation.Compilation.Options.OutputKind);
    }

    [Fact]
    public async Task AReferencedProjectIsCompiledFromSourceAndReferenced()
    {
        using var repo = new TempRepository();
        repo.Write("Domain/Domain.csproj", TempRepository.LibraryProject)
            .Write("Domain/Money.cs", "namespace Domain; public readonly record struct Money(decimal Amount);")
            .Write("Api/Api.csproj", TempRepository.WebProject.Replace("</Project>", """<ItemGroup><ProjectReference Include="..\Domain\Domain.csproj" /></ItemGroup></Project>"""))
            .Write("Api/Program.cs", "var price = new Domain.Money(3m); WebApplication.Create(args).Run();");

        var run = await TestEnvironment.AuditAsync(repo.PathOf("Api/Api.csproj"));

        Assert.Equal(["Api.csproj"], run.Projects);
        Assert.DoesNotContain(run.Skipped, s => s.Reason.Contains("does not compile"));
    }

    [Fact]
    public async Task AnUnrestoredProjectNamesItsUnresolvedPackagesAndAsksForARestore()
    {
        using var repo = new TempRepository();
        repo.Write("App.csproj", TempRepository.WebProject.Replace("</Project>", """<ItemGroup><PackageReference Include="Serilog.AspNetCore" Version="9.0.0" /></ItemGroup></Project>"""))
            .Write("Program.cs", "WebApplication.Create(args).Run();");

        var run = await TestEnvironment.AuditAsync(repo.Root);

        var item = Assert.Single(run.Skipped, s => s.Reason.StartsWith("not restored", StringComparison.Ordinal));
        Assert.Equal("App.csproj", item.Path);
        Assert.Contains("Serilog.AspNetCore", item.Reason);
        Assert.Contains("dotnet restore", item.Reason);
    }

    [Fact]
    public void ReleaseSymbolsAreDefinedSoDebugOnlyCodeIsNotProductionCode()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", "#if DEBUG\nthis does not compile\n#endif\n#if RELEASE && NET10_0_OR_GREATER\nWebApplication.Create(args).Run();\n#endif\n");

        var (compilation, _) = Build(repo, "App.csproj");

        Assert.Empty(compilation.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void TheFrameworkSourceGeneratorsImplementGeneratedRegexAndLoggerMessage()
    {
        using var repo = new TempRepository();
        repo.WebApp(".", """
            using System.Text.RegularExpressions;
            WebApplication.Create(args).Run();

            static partial class Patterns
            {
                [GeneratedRegex("^[a-z]+$")]
                public static partial Regex Slug();

                [LoggerMessage(Level = LogLevel.Information, Message = "Order {Id} shipped")]
                public static partial void Shipped(ILogger logger, int id);
            }
            """);

        var (compilation, _) = Build(repo, "App.csproj");

        Assert.Empty(compilation.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(compilation.Notes);
    }

    [Fact]
    public void AWebAppThatReferencesTheTestSdkByMistakeKeepsItsEntryPoint()
    {
        using var repo = new TempRepository();
        repo.Write("src/Shop/Shop.csproj", TempRepository.WebProject.Replace("</Project>", """<ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.10.0" /></ItemGroup></Project>"""))
            .Write("src/Shop/Program.cs", "var app = WebApplication.CreateBuilder(args).Build(); app.Run();");

        var (compilation, _) = Build(repo, "src/Shop/Shop.csproj");

        // The analyzers' Development guard decides from these that it is a deployed app, not a test project.
        Assert.Equal(OutputKind.ConsoleApplication, compilation.Compilation.Options.OutputKind);
        var global = compilation.Options.GlobalOptions;
        Assert.True(global.TryGetValue("build_property.IsTestProject", out var isTest) && isTest == "true");
        Assert.True(global.TryGetValue("build_property.UsingMicrosoftNETSdkWeb", out var web) && web == "true");
        Assert.True(global.TryGetValue("build_property.ReadinessTestFolder", out var folder) && folder == "false");
    }

    [Theory]
    [InlineData("tests/Fixtures/SampleHost")]
    [InlineData("test/SampleHost")]
    [InlineData("src/Orders.IntegrationTests/Host")]
    [InlineData("src/Orders.UnitTests")]
    public void AProjectInATestFolderIsTestCodeWithoutATestSdk(string folder)
    {
        using var repo = new TempRepository();
        repo.WebApp(folder, "var app = WebApplication.CreateBuilder(args).Build(); app.Run();");

        var compilation = BuildFromRoot(repo);

        var global = compilation.Options.GlobalOptions;
        Assert.True(global.TryGetValue("build_property.IsTestProject", out var isTest) && isTest == "true");
        Assert.True(global.TryGetValue("build_property.ReadinessTestFolder", out var inFolder) && inFolder == "true");
    }

    [Theory]
    [InlineData("src/Testing.Tools/Web")]
    [InlineData("src/Contest/Web")]
    public void AFolderThatOnlyContainsTheWordTestIsNotATestFolder(string folder)
    {
        using var repo = new TempRepository();
        repo.WebApp(folder, "var app = WebApplication.CreateBuilder(args).Build(); app.Run();");

        var compilation = BuildFromRoot(repo);

        Assert.True(compilation.Options.GlobalOptions.TryGetValue("build_property.IsTestProject", out var isTest) && isTest == "false");
    }

    /// <summary>The repository's one project, audited from the repository root (so its folders count).</summary>
    private static ProjectCompilation BuildFromRoot(TempRepository repo)
    {
        var scan = RepositoryScan.Create(repo.Root);
        var factory = new CompilationFactory(TestEnvironment.Packs, scan.Root, "Production");
        return factory.Create(Assert.Single(scan.Projects), [], false, _ => { });
    }

    private static (ProjectCompilation Compilation, List<SkippedItem> Skipped) Build(TempRepository repo, string project)
    {
        var scan = RepositoryScan.Create(repo.PathOf(project));
        var skipped = new List<SkippedItem>();
        var factory = new CompilationFactory(TestEnvironment.Packs, scan.Root, "Production");
        return (factory.Create(Assert.Single(scan.Projects), [], false, skipped.Add), skipped);
    }
}
