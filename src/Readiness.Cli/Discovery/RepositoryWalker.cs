namespace Readiness.Cli.Discovery;

/// <summary>
/// Lists the files below a folder the way a build sees a repository: build output, dependencies and VCS folders left
/// out, every real directory visited once. A symbolic link back to a folder already on the path is a loop and is
/// reported; one to a folder already walked elsewhere is a duplicate and is not walked twice.
/// </summary>
internal sealed class RepositoryWalker
{
    private static readonly HashSet<string> ExcludedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", ".git", ".vs", ".idea",
    };

    private readonly HashSet<string> _visitedRealDirectories = new(PathComparer);
    private readonly List<(string Path, string Reason)> _skipped = [];

    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparer.OrdinalIgnoreCase
        : StringComparer.Ordinal;

    /// <summary>Directories and files that could not be walked, with the reason.</summary>
    public IReadOnlyList<(string Path, string Reason)> Skipped => _skipped;

    public static bool IsExcludedDirectoryName(string name) => ExcludedDirectories.Contains(name);

    /// <summary>Every file below <paramref name="root"/> (absolute paths as reached, not resolved through links).</summary>
    public List<string> Walk(string root)
    {
        var files = new List<string>();
        var rootFull = Path.GetFullPath(root);
        var realRoot = RealPath(rootFull) ?? rootFull;
        if (!_visitedRealDirectories.Add(realRoot))
        {
            return files;
        }

        var stack = new Stack<(string Path, string RealPath, string[] Ancestors)>();
        stack.Push((rootFull, realRoot, [realRoot]));
        while (stack.Count > 0)
        {
            var (directory, _, ancestors) = stack.Pop();
            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _skipped.Add((directory, "unreadable directory: " + e.Message));
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            var subdirectories = new List<(string, string, string[])>();
            foreach (var entry in entries)
            {
                FileSystemInfo info;
                try
                {
                    var attributes = File.GetAttributes(entry);
                    info = (attributes & FileAttributes.Directory) != 0 ? new DirectoryInfo(entry) : new FileInfo(entry);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A dangling link or a file that vanished while we looked.
                    if (new FileInfo(entry).LinkTarget is { } target)
                    {
                        _skipped.Add((entry, $"broken symbolic link to '{target}'"));
                    }
                    else
                    {
                        _skipped.Add((entry, "unreadable: " + e.Message));
                    }

                    continue;
                }

                if (info is FileInfo)
                {
                    if (info.LinkTarget is not null && !File.Exists(entry))
                    {
                        _skipped.Add((entry, $"broken symbolic link to '{info.LinkTarget}'"));
                        continue;
                    }

                    files.Add(entry);
                    continue;
                }

                if (IsExcludedDirectoryName(info.Name))
                {
                    continue;
                }

                var real = info.LinkTarget is null ? Path.Combine(ancestors[^1], info.Name) : RealPath(entry);
                if (real is null)
                {
                    _skipped.Add((entry, $"broken symbolic link to '{info.LinkTarget}'"));
                    continue;
                }

                if (Array.Exists(ancestors, a => PathComparer.Equals(a, real)))
                {
                    _skipped.Add((entry, $"symbolic link loop: it points back to '{real}', a folder that contains it"));
                    continue;
                }

                if (!_visitedRealDirectories.Add(real))
                {
                    // Already walked through another path; walking it again would report its files twice.
                    continue;
                }

                subdirectories.Add((entry, real, [.. ancestors, real]));
            }

            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                stack.Push(subdirectories[i]);
            }
        }

        return files;
    }

    /// <summary>The path with every symbolic link on it resolved, or null when a link is dangling or loops.</summary>
    internal static string? RealPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var root = Path.GetPathRoot(full)!;
            var current = root;
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var hops = 0;
            var queue = new Queue<string>(parts);
            while (queue.Count > 0)
            {
                var part = queue.Dequeue();
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? root;
                    continue;
                }

                var next = Path.Combine(current, part);
                var info = new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    if (++hops > 40)
                    {
                        return null;
                    }

                    // Resolve the link's target, then continue with the rest of the path.
                    var resolvedTarget = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                    var rest = queue.ToArray();
                    var targetFull = Path.GetFullPath(resolvedTarget);
                    var targetRoot = Path.GetPathRoot(targetFull)!;
                    queue = new Queue<string>(targetFull[targetRoot.Length..]
                        .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)
                        .Concat(rest));
                    current = targetRoot;
                    continue;
                }

                if (!info.Exists && !Directory.Exists(next))
                {
                    return null;
                }

                current = next;
            }

            return current;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
