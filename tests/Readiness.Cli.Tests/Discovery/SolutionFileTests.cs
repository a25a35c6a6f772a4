using Readiness.Cli.Discovery;

namespace Readiness.Cli.Tests.Discovery;

public sealed class SolutionFileTests
{
    [Fact]
    public void SlnProjectLinesGiveTheCSharpProjectsAndSkipSolutionFolders()
    {
        var text = """
            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{827E0CD3-B72D-47B6-A68D-7590B98EB39B}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\Api\Api.csproj", "{994AA39E-626E-4AF6-BE98-02AFA63BE411}"
            EndProject
            Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Tests", "tests\Tests\Tests.csproj", "{A08D8A41-C1C5-44A7-BE0C-AC9A4AE4E57D}"
            EndProject
            Project("{F2A71F9B-5D33-465A-A702-920D77279786}") = "Fs", "src\Fs\Fs.fsproj", "{A08D8A41-C1C5-44A7-BE0C-AC9A4AE4E57E}"
            EndProject
            """;

        var projects = SolutionFile.ReadProjects("/repo/All.sln", text);

        Assert.Equal(
            [Path.GetFullPath("/repo/src/Api/Api.csproj"), Path.GetFullPath("/repo/tests/Tests/Tests.csproj")],
            projects);
    }

    [Fact]
    public void SlnxProjectElementsInFoldersAreRead()
    {
        var text = """
            <Solution>
              <Folder Name="/src/">
                <Project Path="src/Api/Api.csproj" />
              </Folder>
              <Project Path="tools/Tool/Tool.csproj" />
            </Solution>
            """;

        var projects = SolutionFile.ReadProjects("/repo/All.slnx", text);

        Assert.Equal([Path.GetFullPath("/repo/src/Api/Api.csproj"), Path.GetFullPath("/repo/tools/Tool/Tool.csproj")], projects);
    }

    [Fact]
    public void MalformedSlnxIsInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => SolutionFile.ReadProjects("/repo/All.slnx", "<Solution><Project"));
        Assert.Contains("not a valid .slnx", error.Message);
    }
}
