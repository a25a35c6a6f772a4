using System.Text;
using Readiness.Checklist.Findings;

namespace Readiness.Checklist.Files;

/// <summary>
/// The files of the repository the declarative checks look at, listed once per audit. Build output and tool
/// folders are left out; symbolic links to folders are not followed (no loops, no escaping the repository).
/// Content is read only from UTF-8 text files up to <see cref="MaxFileBytes"/>; everything else is recorded as skipped.
/// </summary>
public sealed class RepositoryFiles
{
    /// <summary>Larger files are skipped by content checks (regex, jsonPath, dockerfile): 2 MiB.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public static readonly IReadOnlySet<string> ExcludedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "bin", "obj", "node_modules", ".vs", ".idea", "TestResults", "BenchmarkDotNet.Artifacts", "readiness-report",
    };

    private readonly List<SkippedItem> _skipped = [];
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RepositoryFiles(string root)
    {
        Root = Path.GetFullPath(root);
        All = Enumerate();
    }

    public string Root { get; }

    /// <summary>Every file, repository-relative with forward slashes, sorted ordinally.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>What could not be read, for the report.</summary>
    public IReadOnlyList<SkippedItem> Skipped
    {
        get
        {
            lock (_gate)
            {
                return [.. _skipped];
            }
        }
    }

    /// <summary>Files matching any of <paramref name="globs"/> and none of <paramref name="exclude"/>.</summary>
    public IReadOnlyList<string> Match(IReadOnlyList<string> globs, IReadOnlyList<string>? exclude = null)
    {
        var include = globs.Select(g => new Glob(g)).ToList();
        var skip = (exclude ?? []).Select(g => new Glob(g)).ToList();
        return All.Where(p => include.Any(g => g.IsMatch(p)) && !skip.Any(g => g.IsMatch(p))).ToList();
    }

    /// <summary>A file in a test project (a folder named test/tests or ending in .Tests/.Test): Development code, not production.</summary>
    public static bool IsTestPath(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var s = segments[i];
            if (s.Equals("test", StringComparison.OrdinalIgnoreCase) || s.Equals("tests", StringComparison.OrdinalIgnoreCase)
                || s.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".Test", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The file's text, or null (recorded as skipped) when it is too large, binary, not UTF-8 or unreadable.</summary>
    public string? ReadText(string relativePath)
    {
        lock (_gate)
        {
            if (_texts.TryGetValue(relativePath, out var cached))
            {
                return cached;
            }
        }

        var text = Read(relativePath, out var reason);
        lock (_gate)
        {
            if (_texts.TryAdd(relativePath, text) && reason is not null)
            {
                _skipped.Add(new SkippedItem(relativePath, reason));
            }
        }

        return text;
    }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private string? Read(string relativePath, out string? reason)
    {
        reason = null;
        try
        {
            var info = new FileInfo(FullPath(relativePath));
            if (info.Length > MaxFileBytes)
            {
                reason = $"larger than {MaxFileBytes / (1024 * 1024)} MiB ({info.Length} bytes): not read";
                return null;
            }

            var bytes = File.ReadAllBytes(info.FullName);
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0)
            {
                reason = "binary file (contains NUL bytes): not read";
                return null;
            }

            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
            }
            catch (DecoderFallbackException)
            {
                reason = "not valid UTF-8: not read";
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = "unreadable: " + ex.Message;
            return null;
        }
    }

    private List<string> Enumerate()
    {
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(Root));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = directory.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _skipped.Add(new SkippedItem(Relative(directory.FullName) + "/", "folder unreadable: " + ex.Message));
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo sub)
                {
                    if (ExcludedFolders.Contains(sub.Name))
                    {
                        continue;
                    }

                    if (sub.LinkTarget is not null)
                    {
                        _skipped.Add(new SkippedItem(Relative(sub.FullName) + "/", "symbolic link to a folder: not followed"));
                        continue;
                    }

                    pending.Push(sub);
                }
                else
                {
                    files.Add(Relative(entry.FullName));
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
}
