using Readiness.Cli.Projects;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Projects;

public sealed class ProjectAssetsTests
{
    [Fact]
    public void CompileAssetsOfTheTargetFrameworkAreResolvedAgainstThePackageFolders()
    {
        using var repo = new TempRepository();
        repo.WriteBytes("packages/serilog/4.0.0/lib/net8.0/Serilog.dll", [1]);
        repo.WriteBytes("packages/gone/1.0.0/lib/net8.0/Gone.dll", [1]);
        File.Delete(repo.PathOf("packages/gone/1.0.0/lib/net8.0/Gone.dll"));
        var folder = repo.PathOf("packages").Replace("\\", "\\\\") + "/";
        var json = $$"""
            {
              "version": 3,
              "targets": {
                "net10.0": {
                  "Serilog/4.0.0": { "type": "package", "compile": { "lib/net8.0/Serilog.dll": { "related": ".xml" } } },
                  "Meta/1.0.0": { "type": "package", "compile": { "lib/net8.0/_._": {} } },
                  "Gone/1.0.0": { "type": "package", "compile": { "lib/net8.0/Gone.dll": {} } },
                  "Testing/1.0.0": { "type": "package", "frameworkReferences": [ "Microsoft.AspNetCore.App" ] },
                  "Domain/1.0.0": { "type": "project", "compile": { "bin/placeholder/Domain.dll": {} } }
                },
                "net10.0/linux-x64": {
                  "Native/1.0.0": { "type": "package", "compile": { "lib/net8.0/Native.dll": {} } }
                }
              },
              "libraries": {
                "Serilog/4.0.0": { "type": "package", "path": "serilog/4.0.0" },
                "Gone/1.0.0": { "type": "package", "path": "gone/1.0.0" }
              },
              "packageFolders": { "{{folder}}": {} },
              "project": { "frameworks": { "net10.0": { "targetAlias": "net10.0", "frameworkReferences": { "Microsoft.NETCore.App": {} } } } }
            }
            """;

        var assets = ProjectAssets.Parse(json, "net10.0");

        Assert.Equal("net10.0", assets.Target);
        Assert.Equal([repo.PathOf("packages/serilog/4.0.0/lib/net8.0/Serilog.dll")], assets.CompileAssemblies);
        Assert.Equal(["Gone/1.0.0"], assets.MissingPackages);
        Assert.Contains("Microsoft.AspNetCore.App", assets.FrameworkReferences);
        Assert.Contains("Microsoft.NETCore.App", assets.FrameworkReferences);
    }

    [Fact]
    public void AnAssetsFileWithoutTargetsIsInvalid()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProjectAssets.Parse("""{ "version": 3 }""", "net10.0"));
        Assert.Contains("no 'targets'", error.Message);
    }

    [Fact]
    public void MalformedJsonSaysWhere()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProjectAssets.Parse("{\n  \"targets\": [,\n}", "net10.0"));
        Assert.Contains("not valid JSON (2:", error.Message);
    }
}
