using Readiness.Cli.Audit;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Discovery;

public sealed class RepositoryScanTests
{
    [Fact]
    public void AFolderAuditsEveryProjectBelowItAndGivesEachFileToTheDeepestProject()
    {
        using var repo = new TempRepository();
        repo.WebApp("src/Api", "app();", "Api")
            .Write("src/Api/Controllers/OrdersController.cs", "class C {}")
            .Write("src/Api/bin/Debug/Generated.cs", "class G {}")
            .Write("src/Api/obj/Api.AssemblyInfo.cs", "class A {}")
            .Write("src/Api/Plugins/Plugin/Plugin.csproj", TempRepository.LibraryProject)
            .Write("src/Api/Plugins/Plugin/Plugin.cs", "class P {}")
            .Write("node_modules/pkg/x.cs", "class N {}");

        var scan = RepositoryScan.Create(repo.Root);

        Assert.Equal(["src/Api/Api.csproj", "src/Api/Plugins/Plugin/Plugin.csproj"], scan.Projects.Select(p => p.RelativePath));
        var api = scan.Projects[0];
        Assert.Equal(["Controllers/OrdersController.cs", "Program.cs"], api.SourceFiles.Select(f => Relative(api, f)));
        var plugin = scan.Projects[1];
        Assert.Equal(["Plugin.cs"], plugin.SourceFiles.Select(f => Relative(plugin, f)));
    }

    [Fact]
    public void ASolutionAuditsTheProjectsItNamesAndSaysWhichAreMissing()
    {
        using var repo = new TempRepository();
        repo.WebApp("src/Api", "app();", "Api")
            .WebApp("src/Other", "app();", "Other")
            .Write("All.sln", """
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\Api\Api.csproj", "{994AA39E-626E-4AF6-BE98-02AFA63BE411}"
                EndProject
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Gone", "src\Gone\Gone.csproj", "{994AA39E-626E-4AF6-BE98-02AFA63BE412}"
                EndProject
                """);

        var scan = RepositoryScan.Create(repo.PathOf("All.sln"));

        Assert.Equal(["src/Api/Api.csproj"], scan.Projects.Select(p => p.RelativePath));
        Assert.Contains(scan.Skipped, s => s.Path == "src/Gone/Gone.csproj" && s.Reason.Contains("file not found"));
    }

    [Fact]
    public void AProjectFileAuditsThatProjectOnly()
    {
        using var repo = new TempRepository();
        repo.WebApp("api", "app();", "Api").WebApp("api/nested", "x();", "Nested");

        var scan = RepositoryScan.Create(repo.PathOf("api/Api.csproj"));

        var project = Assert.Single(scan.Projects);
        Assert.Equal("Api.csproj", project.RelativePath);
        Assert.Equal(["Program.cs"], project.SourceFiles.Select(f => Relative(project, f)));
    }

    [Fact]
    public void SimpleCompileRemoveGlobsAreHonoured()
    {
        using var repo = new TempRepository();
        repo.Write("App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <ItemGroup>
                    <Compile Remove="Legacy/**" />
                    <Compile Remove="Old.cs;$(Generated)/*.cs" />
                  </ItemGroup>
                </Project>
                """)
            .Write("Program.cs", "")
            .Write("Old.cs", "")
            .Write("Legacy/Deep/Thing.cs", "")
            .Write("Legacy.cs", "");

        var scan = RepositoryScan.Create(repo.Root);

        var project = Assert.Single(scan.Projects);
        Assert.Equal(["Legacy.cs", "Program.cs"], project.SourceFiles.Select(f => Relative(project, f)));
    }

    [Fact]
    public void ConfigFilesGoToTheirProjectAndDeploymentFilesToTheNearestProject()
    {
        using var repo = new TempRepository();
        repo.WebApp("src/Api", "app();", "Api")
            .Write("src/Api/appsettings.json", "{}")
            .Write("src/Api/appsettings.Production.json", "{}")
            .Write("src/Api/Properties/launchSettings.json", "{}")
            .Write("src/Api/Dockerfile", "FROM x")
            .Write("src/Api/wwwroot/data.json", "{}")
            .Write("src/Worker/Worker.csproj", TempRepository.LibraryProject)
            .Write("docker-compose.yml", "services: {}")
            .Write("deploy/.env.production", "A=b")
            .Write("deploy/web.config", "<configuration/>")
            .Write("README.md", "# hi");

        var scan = RepositoryScan.Create(repo.Root);

        var api = scan.Projects.Single(p => p.RelativePath == "src/Api/Api.csproj");
        Assert.Equal(
            ["deploy/.env.production", "deploy/web.config", "docker-compose.yml", "src/Api/Dockerfile", "src/Api/Properties/launchSettings.json", "src/Api/appsettings.Production.json", "src/Api/appsettings.json"],
            api.AdditionalFiles.Select(f => RepositoryPaths.Relative(repo.Root, f)).Order(StringComparer.Ordinal));
        Assert.Empty(scan.Projects.Single(p => p.RelativePath == "src/Worker/Worker.csproj").AdditionalFiles);
    }

    [Fact]
    public void NLogConfigGoesToEveryProjectOfItsFolder()
    {
        using var repo = new TempRepository();
        repo.WebApp("src/Shop", "app();", "Shop")
            .Write("src/Shop/Shop.Admin.csproj", TempRepository.LibraryProject)
            .Write("src/Shop/NLog.config", "<nlog/>");

        var scan = RepositoryScan.Create(repo.Root);

        Assert.All(scan.Projects, p => Assert.Contains(p.AdditionalFiles, f => RepositoryPaths.Relative(repo.Root, f) == "src/Shop/NLog.config"));
    }

    [Fact]
    public void AMissingPathIsBadInput()
    {
        var error = Assert.Throws<AuditInputException>(() => RepositoryScan.Create("/no/such/folder/anywhere"));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void AFileThatIsNeitherSolutionNorProjectIsBadInput()
    {
        using var repo = new TempRepository();
        repo.Write("notes.txt", "hi");

        var error = Assert.Throws<AuditInputException>(() => RepositoryScan.Create(repo.PathOf("notes.txt")));
        Assert.Contains("is not a solution", error.Message);
    }

    [Fact]
    public void AMalformedProjectIsSkippedWithLineAndColumnAndTheOthersAreAudited()
    {
        using var repo = new TempRepository();
        repo.WebApp("good", "app();", "Good").Write("bad/Bad.csproj", "<Project>\n  <PropertyGroup>\n</Project>");

        var scan = RepositoryScan.Create(repo.Root);

        Assert.Equal(["good/Good.csproj"], scan.Projects.Select(p => p.RelativePath));
        var skipped = Assert.Single(scan.Skipped);
        Assert.Equal("bad/Bad.csproj", skipped.Path);
        Assert.Matches(@"Bad\.csproj:3:\d+: malformed XML", skipped.Reason);
    }

    [Fact]
    public void ASymbolicLinkLoopIsSkippedAndTheWalkEnds()
    {
        using var repo = new TempRepository();
        repo.WebApp("app", "app();");
        Directory.CreateSymbolicLink(repo.PathOf("app/loop"), repo.PathOf("app"));
        Directory.CreateSymbolicLink(repo.PathOf("elsewhere"), repo.PathOf("app"));

        var scan = RepositoryScan.Create(repo.Root);

        var project = Assert.Single(scan.Projects);
        Assert.Equal(["Program.cs"], project.SourceFiles.Select(f => Relative(project, f)));
        var skipped = Assert.Single(scan.Skipped);
        Assert.Equal("app/loop", skipped.Path);
        Assert.Contains("symbolic link loop", skipped.Reason);
    }

    private static string Relative(AuditProject project, string path) =>
        Path.GetRelativePath(project.File.Directory, path).Replace('\\', '/');
}
