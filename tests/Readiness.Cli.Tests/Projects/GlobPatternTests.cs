using Readiness.Cli.Projects;

namespace Readiness.Cli.Tests.Projects;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("**/*.cs", "Program.cs", true)]
    [InlineData("**/*.cs", "a/b/C.cs", true)]
    [InlineData("Legacy/**", "Legacy/x/y.cs", true)]
    [InlineData("Legacy/**", "LegacyX.cs", false)]
    [InlineData("Legacy/*.cs", "Legacy/x/y.cs", false)]
    [InlineData("Old.cs", "Old.cs", true)]
    [InlineData("Old.cs", "sub/Old.cs", false)]
    [InlineData("Gen?.cs", "Gen1.cs", true)]
    [InlineData(@"Legacy\Old.cs", "Legacy/Old.cs", true)]
    public void MatchesLikeMsBuildItemGlobs(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new GlobPattern(pattern).IsMatch(path));
}
