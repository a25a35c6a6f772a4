namespace RealWorld.Corpus;

/// <summary>Where the harness's own files (repos.tsv, labels.tsv) live: the folder holding RealWorld.csproj.</summary>
internal static class HarnessPaths
{
    public static string Folder { get; } = Find();

    public static string Repositories => Path.Combine(Folder, "repos.tsv");

    public static string Labels => Path.Combine(Folder, "labels.tsv");

    private static string Find()
    {
        // The build output sits below the project folder (bin/<configuration>/net10.0); fall back to the working directory.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RealWorld.csproj")))
                {
                    return dir.FullName;
                }

                var nested = Path.Combine(dir.FullName, "benchmarks", "RealWorld");
                if (File.Exists(Path.Combine(nested, "RealWorld.csproj")))
                {
                    return nested;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
