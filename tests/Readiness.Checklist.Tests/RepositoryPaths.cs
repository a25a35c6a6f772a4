namespace Readiness.Checklist.Tests;

/// <summary>Finds the repository root (the folder holding ReadinessAnalyzers.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReadinessAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReadinessAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
