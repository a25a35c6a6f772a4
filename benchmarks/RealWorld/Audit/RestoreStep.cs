using System.Globalization;

namespace RealWorld.Audit;

internal sealed record RestoreOutcome(string Repo, string Target, string Result, double Seconds, string FirstError);

/// <summary>
/// `dotnet restore` of every solution of a repository (every project when it has no solution), one at a time.
/// A failure is an outcome to report, never a reason to stop: old repositories pin packages the feed no longer has.
/// </summary>
internal static class RestoreStep
{
    public const string FileName = "restore.tsv";

    private static readonly string[] Ignored = ["obj", "bin", "node_modules", ".git"];

    public static IReadOnlyList<RestoreOutcome> Run(string repo, string folder, string logFile, TimeSpan timeout)
    {
        var outcomes = new List<RestoreOutcome>();
        var projectsDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in Targets(folder))
        {
            var outcome = Restore(repo, folder, target, logFile, timeout, indent: "  ");
            outcomes.Add(outcome);
            if (outcome.Result == "restored" || !IsSolution(target))
            {
                continue;
            }

            // One project that cannot restore (an SDK the feed lacks, a retired package) fails the whole solution:
            // restore its projects one by one, so the others are audited with their packages.
            foreach (var project in SolutionProjects(folder, target, logFile).Where(projectsDone.Add))
            {
                outcomes.Add(Restore(repo, folder, project, logFile, timeout, indent: "    "));
            }
        }

        return outcomes;
    }

    private static RestoreOutcome Restore(string repo, string folder, string target, string logFile, TimeSpan timeout, string indent)
    {
        var relative = Path.GetRelativePath(folder, target).Replace('\\', '/');
        var run = ProcessRunner.Run("dotnet", ["restore", target], folder, logFile, timeout);
        var result = run.TimedOut ? "timeout" : run.ExitCode == 0 ? "restored" : "failed";
        var error = result == "restored" ? string.Empty : FirstError(run.Output).Replace(folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        Console.WriteLine($"{indent}restore {relative}: {result} in {run.Duration.TotalSeconds:0}s{(error.Length > 0 ? ": " + error : string.Empty)}");
        return new RestoreOutcome(repo, relative, result, run.Duration.TotalSeconds, error);
    }

    private static bool IsSolution(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The C# projects a solution lists (`dotnet sln list` reads .sln and .slnx alike), as full paths.</summary>
    private static IEnumerable<string> SolutionProjects(string folder, string solution, string logFile)
    {
        var list = ProcessRunner.Run("dotnet", ["sln", solution, "list"], folder, logFile, TimeSpan.FromMinutes(2));
        if (list.ExitCode != 0)
        {
            return [];
        }

        var solutionFolder = Path.GetDirectoryName(solution)!;
        return list.Output
            .Select(l => l.Trim())
            .Where(l => l.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(l => Path.GetFullPath(Path.Combine(solutionFolder, l.Replace('\\', '/'))))
            .Where(File.Exists)
            .ToList();
    }

    /// <summary>Solutions (.sln, .slnx) below the folder; every .csproj when there is none.</summary>
    public static IReadOnlyList<string> Targets(string folder)
    {
        var files = Walk(folder).ToList();
        var solutions = files.Where(IsSolution).ToList();
        var targets = solutions.Count > 0 ? solutions : files.Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        return targets.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The first NuGet error (NUnnnn), else the first MSBuild error line, else the last line printed.</summary>
    public static string FirstError(IReadOnlyList<string> output)
    {
        var line = output.FirstOrDefault(l => l.Contains("error NU", StringComparison.Ordinal))
            ?? output.FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal))
            ?? output.LastOrDefault(l => l.Trim().Length > 0)
            ?? "no output";
        line = line.Trim().Replace('\t', ' ');
        return line.Length <= 300 ? line : line[..299] + "…";
    }

    public static void Merge(string runFolder, IReadOnlyCollection<string> repos, IEnumerable<RestoreOutcome> outcomes)
    {
        var file = Path.Combine(runFolder, FileName);
        const string header = "repo\ttarget\tresult\tseconds\tfirst-error";
        var kept = File.Exists(file)
            ? File.ReadLines(file).Skip(1).Where(l => !repos.Contains(l.Split('\t')[0])).ToList()
            : [];
        var added = outcomes.Select(o => string.Join('\t', o.Repo, o.Target, o.Result, o.Seconds.ToString("0.0", CultureInfo.InvariantCulture), o.FirstError));
        File.WriteAllLines(file, new[] { header }.Concat(kept.Concat(added).Order(StringComparer.Ordinal)));
    }

    private static IEnumerable<string> Walk(string folder)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(folder));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    if (!Ignored.Contains(sub.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        pending.Push(sub);
                    }
                }
                else
                {
                    yield return entry.FullName;
                }
            }
        }
    }
}
