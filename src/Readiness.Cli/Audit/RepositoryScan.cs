using Readiness.Checklist.Findings;
using Readiness.Cli.Discovery;
using Readiness.Cli.Projects;

namespace Readiness.Cli.Audit;

/// <summary>
/// What an audit of PATH covers: the repository root, the projects (from a .sln/.slnx, a .csproj, or every .csproj
/// below a folder), each project's C# files (default globs: its folder minus bin/, obj/ and nested projects' folders,
/// minus simple &lt;Compile Remove&gt;), and its config and deployment files. Files of the repository that belong to
/// no project (compose files, .env, Dockerfiles, *.config, *.pubxml) go to the nearest project.
/// </summary>
internal sealed class RepositoryScan
{
    private RepositoryScan(string root)
    {
        Root = root;
    }

    /// <summary>Absolute path of the repository root: the folder audited, or the folder of the solution or project.</summary>
    public string Root { get; }

    public List<AuditProject> Projects { get; } = [];

    public List<SkippedItem> Skipped { get; } = [];

    /// <summary>Every file the walk found below the root (absolute paths).</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    public static RepositoryScan Create(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new AuditInputException("no path to audit");
        }

        var full = Path.GetFullPath(path);
        List<string> projectPaths;
        RepositoryScan scan;
        var walker = new RepositoryWalker();
        if (Directory.Exists(full))
        {
            scan = new RepositoryScan(full.TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } trimmed ? trimmed : full);
            scan.Files = walker.Walk(scan.Root);
            projectPaths = scan.Files.Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        }
        else if (File.Exists(full))
        {
            scan = new RepositoryScan(Path.GetDirectoryName(full)!);
            var extension = Path.GetExtension(full).ToLowerInvariant();
            switch (extension)
            {
                case ".sln" or ".slnx":
                    var solution = TextFileReader.Read(full, FileLimits.MaxProjectFileBytes);
                    if (!solution.IsRead)
                    {
                        throw new AuditInputException($"{path}: {solution.SkipReason}");
                    }

                    try
                    {
                        projectPaths = SolutionFile.ReadProjects(full, solution.Text!).ToList();
                    }
                    catch (InvalidDataException e)
                    {
                        throw new AuditInputException($"{path}: {e.Message}");
                    }

                    break;
                case ".csproj":
                    projectPaths = [full];
                    break;
                default:
                    throw new AuditInputException($"{path} is not a solution (.sln, .slnx), a C# project (.csproj) or a folder");
            }

            scan.Files = walker.Walk(scan.Root);
        }
        else
        {
            throw new AuditInputException($"{path} does not exist");
        }

        // Projects a solution names outside its folder are walked too.
        var files = scan.Files.ToList();
        foreach (var projectPath in projectPaths)
        {
            var directory = Path.GetDirectoryName(projectPath)!;
            if (!RepositoryPaths.IsUnder(projectPath, scan.Root) && Directory.Exists(directory))
            {
                files.AddRange(walker.Walk(directory));
            }
        }

        scan.Files = files;
        foreach (var (skippedPath, reason) in walker.Skipped)
        {
            scan.Skipped.Add(new SkippedItem(RepositoryPaths.Relative(scan.Root, skippedPath), reason));
        }

        foreach (var projectPath in projectPaths.Distinct(RepositoryWalker.PathComparer).Order(StringComparer.Ordinal))
        {
            if (LoadProject(scan, projectPath, isAudited: true) is { } project)
            {
                scan.Projects.Add(project);
            }
        }

        if (scan.Projects.Count == 0 && projectPaths.Count == 0)
        {
            // Nothing to audit at all: a score of an empty folder would only mislead.
            if (!scan.Files.Any(IsConfiguration))
            {
                throw new AuditInputException(
                    $"{path} holds no C# project (.csproj) and no configuration to audit (appsettings*.json, Dockerfile, compose file, .env, web.config): "
                    + "point the audit at the app's folder, solution or project");
            }

            scan.Skipped.Add(new SkippedItem(".", "no C# project (.csproj) found; only the checklist's file checks ran", GapKind.NoProject));
        }

        scan.AssignFiles();
        return scan;
    }

    /// <summary>A file the checklist's configuration and deployment checks read.</summary>
    private static bool IsConfiguration(string file)
    {
        var name = Path.GetFileName(file);
        return (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || ((name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("compose", StringComparison.OrdinalIgnoreCase))
                && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
            || name.Equals("web.config", StringComparison.OrdinalIgnoreCase) || name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads a project file, or records why not and returns null.</summary>
    internal static AuditProject? LoadProject(RepositoryScan scan, string projectPath, bool isAudited)
    {
        var relative = RepositoryPaths.Relative(scan.Root, projectPath);
        var read = TextFileReader.Read(projectPath, FileLimits.MaxProjectFileBytes);
        if (!read.IsRead)
        {
            scan.Skipped.Add(new SkippedItem(relative, "project not audited: " + read.SkipReason, GapKind.ProjectNotAudited));
            return null;
        }

        var propsPath = FindDirectoryBuildProps(Path.GetDirectoryName(projectPath)!);
        var props = propsPath is null ? default : TextFileReader.Read(propsPath, FileLimits.MaxProjectFileBytes);
        try
        {
            var file = ProjectFile.Load(projectPath, read.Text!, propsPath, props.Text);
            return new AuditProject(file, relative) { IsAudited = isAudited };
        }
        catch (InvalidDataException e)
        {
            scan.Skipped.Add(new SkippedItem(relative, "project not audited: " + e.Message, GapKind.ProjectNotAudited));
            return null;
        }
    }

    private static string? FindDirectoryBuildProps(string directory)
    {
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, "Directory.Build.props");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private void AssignFiles()
    {
        // Every project folder counts, audited or not: a nested project's files are never the outer project's.
        var projectDirectories = Files
            .Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetDirectoryName(f)!)
            .Concat(Projects.Select(p => p.File.Directory))
            .Distinct(RepositoryWalker.PathComparer)
            .ToList();
        foreach (var file in Files.Distinct(RepositoryWalker.PathComparer))
        {
            var owners = Owners(file, projectDirectories);
            var name = Path.GetFileName(file);
            if (name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var owner in owners)
                {
                    owner.SourceFiles.Add(file);
                }

                continue;
            }

            if (owners.Count > 0 && owners.Exists(o => IsProjectConfigFile(o, file)))
            {
                foreach (var owner in owners)
                {
                    owner.AdditionalFiles.Add(file);
                }

                continue;
            }

            if (IsDeploymentFile(name))
            {
                // A Dockerfile or compose file of a test folder (tests/, *.Tests/) outside every project is a test fixture, not
                // the deployment of the nearest app.
                var target = owners.Count > 0 ? owners[0]
                    : TestFolders.Contains(RepositoryPaths.Relative(Root, file)) ? null
                    : Nearest(file);
                target?.AdditionalFiles.Add(file);
            }
        }

        foreach (var project in Projects)
        {
            ApplyCompileItems(project);
        }
    }

    /// <summary>The projects whose folder is the deepest one containing <paramref name="file"/>.</summary>
    private List<AuditProject> Owners(string file, List<string> projectDirectories)
    {
        string? deepest = null;
        foreach (var directory in projectDirectories)
        {
            if (RepositoryPaths.IsUnder(file, directory) && (deepest is null || directory.Length > deepest.Length))
            {
                deepest = directory;
            }
        }

        return deepest is null ? [] : Projects.Where(p => RepositoryWalker.PathComparer.Equals(p.File.Directory, deepest)).ToList();
    }

    /// <summary>For a file outside every project: the project sharing the longest folder prefix; web apps first, then by path.</summary>
    private AuditProject? Nearest(string file)
    {
        var fileParts = Path.GetDirectoryName(file)!.Split(Path.DirectorySeparatorChar);
        return Projects
            .Where(p => p.IsAudited)
            .OrderByDescending(p => CommonPrefix(fileParts, p.File.Directory.Split(Path.DirectorySeparatorChar)))
            .ThenByDescending(p => p.File.ReferencesAspNetCore && !p.File.IsTestProject)
            .ThenBy(p => p.File.IsTestProject)
            .ThenBy(p => p.RelativePath, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int CommonPrefix(string[] a, string[] b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && RepositoryWalker.PathComparer.Equals(a[i], b[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The files the package's buildTransitive targets give a project: appsettings*.json, launchSettings.json, Dockerfile*, .env*, nlog.config.</summary>
    internal static bool IsProjectConfigFile(AuditProject project, string file)
    {
        var relative = Path.GetRelativePath(project.File.Directory, file).Replace('\\', '/');
        if (relative.Equals("Properties/launchSettings.json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (relative.Contains('/'))
        {
            return false;
        }

        return (relative.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || relative.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || relative.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || relative.Equals("nlog.config", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Config and deployment files the secret and container rules judge wherever they are in the repository.</summary>
    internal static bool IsDeploymentFile(string name)
    {
        var lower = name.ToLowerInvariant();
        var isYaml = lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal);
        return (isYaml && (lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose", StringComparison.Ordinal)))
            || lower.StartsWith(".env", StringComparison.Ordinal)
            || lower.StartsWith("dockerfile", StringComparison.Ordinal)
            || lower.EndsWith(".dockerfile", StringComparison.Ordinal)
            || lower == "containerfile"
            || lower.EndsWith(".config", StringComparison.Ordinal)
            || lower.EndsWith(".pubxml", StringComparison.Ordinal)
            || IsEntrypointScript(lower);
    }

    /// <summary>A container's entrypoint script (<c>docker-entrypoint.sh</c>, <c>entrypoint.sh</c>, <c>start.sh</c>): RDY9020 reads whether it drops root.</summary>
    private static bool IsEntrypointScript(string lower) =>
        lower.EndsWith(".sh", StringComparison.Ordinal)
        && (lower.Contains("entrypoint", StringComparison.Ordinal) || lower.StartsWith("docker", StringComparison.Ordinal) || lower.StartsWith("start", StringComparison.Ordinal));

    private void ApplyCompileItems(AuditProject project)
    {
        var file = project.File;
        var defaultItems = !string.Equals(file["EnableDefaultCompileItems"], "false", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(file["EnableDefaultItems"], "false", StringComparison.OrdinalIgnoreCase);
        var includes = file.CompileIncludes.Select(p => new GlobPattern(p)).ToList();
        var removes = file.CompileRemoves.Select(p => new GlobPattern(p)).ToList();

        string Relative(string path) => Path.GetRelativePath(file.Directory, path).Replace('\\', '/');

        var sources = defaultItems
            ? project.SourceFiles
            : project.SourceFiles.Where(s => includes.Exists(i => i.IsMatch(Relative(s)))).ToList();

        // Compile items outside the project folder (linked files such as ../Shared/*.cs).
        foreach (var include in includes.Where(i => i.LeavesProjectFolder))
        {
            if (!include.HasWildcards)
            {
                var linked = Path.GetFullPath(Path.Combine(file.Directory, include.Pattern));
                if (File.Exists(linked))
                {
                    sources.Add(linked);
                }

                continue;
            }

            var prefix = include.Pattern[..include.Pattern.IndexOfAny(['*', '?'])];
            var baseDirectory = Path.GetFullPath(Path.Combine(file.Directory, prefix[..(prefix.LastIndexOf('/') + 1)]));
            if (Directory.Exists(baseDirectory))
            {
                var walker = new RepositoryWalker();
                sources.AddRange(walker.Walk(baseDirectory).Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && include.IsMatch(Relative(f))));
            }
        }

        sources = sources
            .Where(s => !removes.Exists(r => r.IsMatch(Relative(s))))
            .Distinct(RepositoryWalker.PathComparer)
            .Order(StringComparer.Ordinal)
            .ToList();
        project.SourceFiles.Clear();
        project.SourceFiles.AddRange(sources);
        project.AdditionalFiles.Sort(StringComparer.Ordinal);
    }
}
