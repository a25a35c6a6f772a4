using RealWorld.Corpus;
using RealWorld.Reports;

namespace RealWorld.Audit;

/// <summary>
/// `audit --corpus DIR --cli readiness.dll --out RUNDIR [--mode fresh|restored] [--repo NAME]... [--repos FILE]
/// [--timeout-minutes N] [--cli-arg ARG]...`: one repository at a time (the audit is itself parallel).
/// </summary>
internal static class AuditCommand
{
    public static int Run(CommandLine options)
    {
        var corpus = Path.GetFullPath(options.Required("--corpus"));
        var cli = Path.GetFullPath(options.Required("--cli"));
        var outFolder = Path.GetFullPath(options.Required("--out"));
        var mode = options.Optional("--mode") ?? "fresh";
        var only = options.All("--repo");
        var reposFile = options.Optional("--repos") ?? HarnessPaths.Repositories;
        var timeout = TimeSpan.FromMinutes(options.Number("--timeout-minutes") ?? 30);
        var extra = options.All("--cli-arg");
        options.RejectUnknown();

        if (mode is not ("fresh" or "restored"))
        {
            throw new UsageException($"--mode must be fresh or restored, not '{mode}'");
        }

        if (!Directory.Exists(corpus))
        {
            throw new UsageException($"{corpus}: corpus folder not found");
        }

        if (!File.Exists(cli))
        {
            throw new UsageException($"{cli}: CLI assembly not found (give the built readiness.dll)");
        }

        RejectInheritedBuildFiles(outFolder);
        var selected = Select(RepositoryList.Load(reposFile), corpus, only);
        var runFolder = Path.Combine(outFolder, mode);
        Directory.CreateDirectory(runFolder);
        var summaries = new List<AuditSummary>();
        var restores = new List<RestoreOutcome>();

        foreach (var repo in selected)
        {
            var source = Path.Combine(corpus, repo.FolderName);
            var reportFolder = Path.Combine(runFolder, repo.FolderName);
            var log = Path.Combine(runFolder, repo.FolderName + ".log");
            FreshCopy.Delete(reportFolder);
            File.Delete(log);
            Console.WriteLine($"{repo.Name} ({mode})");

            // Both modes audit a copy without obj/ folders: an earlier restore must not leak into the fresh figures,
            // and restoring must not write obj/ folders into the shared corpus that other runs read.
            var copy = Path.Combine(outFolder, mode + "-src", repo.FolderName);
            try
            {
                var (files, obj) = FreshCopy.Make(source, copy);
                Console.WriteLine($"  copied {files} files without {obj} obj/ folder(s) to {copy}");
                if (mode == "restored")
                {
                    restores.AddRange(RestoreStep.Run(repo.Name, copy, log, timeout));
                }

                string[] arguments = [cli, "audit", copy, "--format", "json", "--output", reportFolder, .. extra];
                var run = ProcessRunner.Run("dotnet", arguments, outFolder, log, timeout);
                summaries.Add(Summarise(repo, run, reportFolder));
                var s = summaries[^1];
                Console.WriteLine($"  exit {(run.TimedOut ? "timeout" : run.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))} "
                    + $"in {run.Duration.TotalSeconds:0}s: {s.Findings} findings, {s.Skipped} skipped "
                    + $"({s.NotRestored} not restored, {s.NotCompiled} not compiling, {s.AnalyzerFailures} analyzer failures){(s.Report ? string.Empty : ", NO REPORT (see the log)")}");
            }
            finally
            {
                FreshCopy.Delete(copy);
            }
        }

        var sources = Path.Combine(outFolder, mode + "-src");
        if (Directory.Exists(sources) && !Directory.EnumerateFileSystemEntries(sources).Any())
        {
            Directory.Delete(sources);
        }

        AuditSummary.Merge(runFolder, summaries);
        if (mode == "restored")
        {
            RestoreStep.Merge(runFolder, selected.Select(r => r.Name).ToList(), restores);
            var failed = restores.Count(r => r.Result != "restored");
            Console.WriteLine($"restore: {restores.Count - failed} of {restores.Count} target(s) restored; see {Path.Combine(runFolder, RestoreStep.FileName)}");
        }

        Console.WriteLine($"reports in {runFolder}; score them with: score --run {runFolder}");
        return summaries.All(s => s.Report) ? 0 : 1;
    }

    /// <summary>
    /// MSBuild and NuGet read these files from every folder above a project: below a folder that has one, the copies
    /// would build with settings that are not the repository's (this repository's own Directory.Packages.props, say).
    /// </summary>
    private static void RejectInheritedBuildFiles(string outFolder)
    {
        string[] names = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "global.json"];
        for (var dir = new DirectoryInfo(outFolder); dir is not null; dir = dir.Parent)
        {
            if (!dir.Exists)
            {
                continue;
            }

            foreach (var name in names)
            {
                var file = Path.Combine(dir.FullName, name);
                if (File.Exists(file))
                {
                    throw new UsageException($"--out {outFolder} is below {file}, which MSBuild or NuGet would apply to the audited copies; choose a folder outside any repository");
                }
            }
        }
    }

    private static IReadOnlyList<Repository> Select(IReadOnlyList<Repository> listed, string corpus, IReadOnlyList<string> only)
    {
        var wanted = only.Select(o => o.Replace('+', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = wanted.Where(w => !listed.Any(r => string.Equals(r.Name, w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException("--repo not listed in repos.tsv: " + string.Join(", ", unknown));
        }

        var selected = new List<Repository>();
        foreach (var repo in listed.Where(r => wanted.Count == 0 || wanted.Contains(r.Name)))
        {
            if (Directory.Exists(Path.Combine(corpus, repo.FolderName)))
            {
                selected.Add(repo);
            }
            else
            {
                Console.WriteLine($"warning: {repo.FolderName} is not in {corpus}; skipped");
            }
        }

        if (selected.Count == 0)
        {
            throw new UsageException($"{corpus}: none of the selected repositories is there (folders are named owner+name)");
        }

        return selected;
    }

    private static AuditSummary Summarise(Repository repo, ProcessOutcome run, string reportFolder)
    {
        var file = Path.Combine(reportFolder, ReportReader.ReportFile);
        var exit = run.TimedOut ? -1 : run.ExitCode;
        if (!File.Exists(file))
        {
            return new AuditSummary(repo.Name, exit, run.Duration.TotalSeconds, false, 0, 0, 0, 0, 0);
        }

        var report = ReportReader.Load(file, repo.Name);
        return new AuditSummary(
            repo.Name,
            exit,
            run.Duration.TotalSeconds,
            true,
            report.Findings.Count,
            report.Skipped.Count,
            report.Skipped.Where(s => s.Kind == SkipKind.NotRestored).Select(s => s.Path).Distinct(StringComparer.Ordinal).Count(),
            report.Skipped.Where(s => s.Kind == SkipKind.NotCompiled).Select(s => s.Path).Distinct(StringComparer.Ordinal).Count(),
            report.CountSkipped(SkipKind.AnalyzerFailure));
    }
}
