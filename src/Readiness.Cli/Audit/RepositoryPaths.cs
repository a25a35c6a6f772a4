namespace Readiness.Cli.Audit;

/// <summary>Paths as reports show them: relative to the repository root, forward slashes.</summary>
internal static class RepositoryPaths
{
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative == "." ? "." : relative;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var dir = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return path.StartsWith(dir, comparison) || string.Equals(path, directory, comparison);
    }
}
