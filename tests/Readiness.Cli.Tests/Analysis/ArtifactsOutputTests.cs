using Readiness.Checklist.Findings;
using Readiness.Cli.Tests.EndToEnd;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Analysis;

/// <summary>
/// UseArtifactsOutput moves a project's restore output to artifacts/obj/&lt;project&gt;/ beside the Directory.Build.props
/// that turns it on: a restored project there is restored, not "not restored".
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class ArtifactsOutputTests
{
    private const string ProjectWithPackage = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.IdentityModel.Tokens" Version="8.0.0" />
          </ItemGroup>
        </Project>
        """;

    private const string Program = "var app = WebApplication.Create(args);\napp.Run();\n";

    // A real assets file from a restored sample that references the same package.
    private static string RestoredAssets() =>
        File.ReadAllText(Path.Combine(SampleFixture.SamplePath("HardenedApi"), "obj", "project.assets.json"));

    [Fact]
    public async Task AssetsUnderArtifactsObjAreFoundAndTheProjectCountsAsRestored()
    {
        using var repo = new TempRepository();
        repo.Write("Directory.Build.props", "<Project><PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput></PropertyGroup></Project>")
            .Write("src/Orders/Orders.csproj", ProjectWithPackage)
            .Write("src/Orders/Program.cs", Program)
            .Write("artifacts/obj/Orders/project.assets.json", RestoredAssets());

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.DoesNotContain(run.Skipped, s => s.Kind == GapKind.NotRestored);
    }

    [Fact]
    public async Task WithoutAnyAssetsFileTheProjectIsNotRestored()
    {
        using var repo = new TempRepository();
        repo.Write("Directory.Build.props", "<Project><PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput></PropertyGroup></Project>")
            .Write("src/Orders/Orders.csproj", ProjectWithPackage)
            .Write("src/Orders/Program.cs", Program);

        var run = await TestEnvironment.AuditAsync(repo.Root);

        Assert.Contains(run.Skipped, s => s.Kind == GapKind.NotRestored && s.Path == "src/Orders/Orders.csproj");
    }
}
