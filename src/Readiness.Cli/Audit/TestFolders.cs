namespace Readiness.Cli.Audit;

/// <summary>The folders a reviewer reads as test code: <c>test/</c>, <c>tests/</c>, and projects named <c>*.Tests</c>, <c>*.UnitTests</c> ….</summary>
internal static class TestFolders
{
    private static readonly string[] Suffixes = [".Tests", ".Test", ".UnitTests", ".IntegrationTests", ".FunctionalTests", ".EndToEndTests", ".E2E.Tests"];

    /// <summary>True when a folder of the repository-relative <paramref name="relativePath"/> (not the file name) is a test folder.</summary>
    public static bool Contains(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (IsTestFolder(parts[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsTestFolder(string name)
        => name.Equals("test", StringComparison.OrdinalIgnoreCase)
            || name.Equals("tests", StringComparison.OrdinalIgnoreCase)
            || Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
