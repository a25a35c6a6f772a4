using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Tests.Internals;

public class WildcardTests
{
    [Theory]
    [InlineData("/repo/tests/Api.Tests/appsettings.json", "**/tests/**", true)]
    [InlineData("tests/appsettings.json", "**/tests/**", true)]
    [InlineData("C:\\repo\\test\\appsettings.json", "**/test/**", true)]
    [InlineData("/repo/src/Orders.Tests/appsettings.json", "**/*.Tests/**", true)]
    [InlineData("/repo/src/OrdersTests/.env", "**/*Tests/**", true)]
    [InlineData("/repo/src/Api/appsettings.json", "**/tests/**", false)]
    [InlineData("/repo/src/Contests/appsettings.json", "**/tests/**", false)]
    [InlineData("/repo/src/Api/appsettings.json", "appsettings.json", true)]
    [InlineData("/repo/src/Api/appsettings.json", "src/*/appsettings.json", false)]
    [InlineData("/repo/src/Api/appsettings.json", "**/src/*/appsettings.json", true)]
    public void PathGlobs(string path, string glob, bool matches) => Assert.Equal(matches, Wildcard.IsPathMatch(path, glob));

    [Theory]
    [InlineData("Deploy-Replaces-Me-42", "deploy-replaces-*", true)]
    [InlineData("dev/secret", "dev*", true)]
    [InlineData("prod-key", "dev*", false)]
    [InlineData("abc", "a?c", true)]
    [InlineData("abc", "", false)]
    public void ValuePatterns(string value, string pattern, bool matches) => Assert.Equal(matches, Wildcard.IsMatch(value, pattern));
}
