using Readiness.Checklist.Files;

namespace Readiness.Checklist.Tests.Configuration;

public class GlobTests
{
    [Theory]
    [InlineData("**/*.cs", "Program.cs", true)]
    [InlineData("**/*.cs", "src/Api/Program.cs", true)]
    [InlineData("src/*.cs", "src/Api/Program.cs", false)]
    [InlineData("src/**/*.cs", "src/Api/Program.cs", true)]
    [InlineData("appsettings*.json", "src/Api/appsettings.Production.json", true)]
    [InlineData(".env", "deploy/.env", true)]
    [InlineData(".env", "deploy/.envrc", false)]
    [InlineData("Dockerfile", "src/api/dockerfile", true)]
    [InlineData("?.cs", "ab.cs", false)]
    public void GlobsMatchRepositoryRelativePaths(string pattern, string path, bool matches)
    {
        Assert.Equal(matches, new Glob(pattern).IsMatch(path));
    }
}
