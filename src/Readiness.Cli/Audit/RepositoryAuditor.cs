using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Readiness.Checklist.Findings;
using Readiness.Cli.Analysis;
using Readiness.Cli.Discovery;
using Readiness.Cli.Projects;

namespace Readiness.Cli.Audit;

/// <summary>
/// Audits a repository: finds its projects, compiles each one (referenced projects first, as compilation
/// references), runs the analyzers over them a few at a time, and gathers findings and what was skipped.
/// </summary>
internal sealed class RepositoryAuditor(AnalyzerCatalog catalog, ReferencePacks packs, TextWriter progress)
{
    /// <summary>Progress lines are written when there are more projects than this.</summary>
    public const int ProgressThreshold = 3;

    public int MaxParallelProjects { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public async Task<AuditRun> RunAsync(string path, string environment, CancellationToken cancellationToken = default)
    {
        var scan = RepositoryScan.Create(path);
        var skipped = new ConcurrentQueue<SkippedItem>(scan.Skipped);
        var notes = new ConcurrentQueue<string>();
        var factory = new CompilationFactory(packs, scan.Root, environment);
        var projects = scan.Projects.ToDictionary(p => p.File.FullPath, RepositoryWalker.PathComparer);
        AddReferencedProjects(scan, projects);

        // Each compilation is built once, after the compilations it references.
        var compilations = new ConcurrentDictionary<string, Lazy<Task<ProjectCompilation>>>(RepositoryWalker.PathComparer);
        Task<ProjectCompilation> CompilationOf(AuditProject project, ImmutableStack path) =>
            compilations.GetOrAdd(project.File.FullPath, _ => new Lazy<Task<ProjectCompilation>>(() => Task.Run(async () =>
            {
                var references = new List<MetadataReference>();
                var needsAspNetCore = false;
                foreach (var reference in project.File.ProjectReferences)
                {
                    if (!projects.TryGetValue(reference, out var referenced))
                    {
                        notes.Enqueue($"{project.RelativePath}: referenced project {RepositoryPaths.Relative(scan.Root, reference)} was not found or not readable");
                        continue;
                    }

                    if (path.Contains(reference))
                    {
                        notes.Enqueue($"{project.RelativePath}: project reference cycle through {referenced.RelativePath}; the reference was left out");
                        continue;
                    }

                    var built = await CompilationOf(referenced, path.Push(project.File.FullPath)).ConfigureAwait(false);
                    references.Add(built.Compilation.ToMetadataReference());
                    needsAspNetCore |= built.Project.File.ReferencesAspNetCore
                        || built.Compilation.References.Any(r => r.Display?.Contains("Microsoft.AspNetCore.App.Ref", StringComparison.Ordinal) == true);
                }

                return factory.Create(project, references, needsAspNetCore, skipped.Enqueue);
            }, cancellationToken))).Value;

        var audited = scan.Projects.Where(p => p.IsAudited).ToList();
        var findings = new ConcurrentBag<Finding>();
        var done = 0;
        var showProgress = audited.Count > ProgressThreshold;
        var total = Stopwatch.StartNew();
        if (showProgress)
        {
            progress.WriteLine($"Auditing {audited.Count} projects under {scan.Root} ({MaxParallelProjects} at a time)…");
        }

        // Only one project runs its analyzers on all cores; with several, each runs on one and they run side by side.
        var concurrentAnalysis = audited.Count == 1;
        await Parallel.ForEachAsync(
            audited,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelProjects, CancellationToken = cancellationToken },
            async (project, token) =>
            {
                var watch = Stopwatch.StartNew();
                var compilation = await CompilationOf(project, ImmutableStack.Empty).ConfigureAwait(false);
                var result = await ProjectAnalysis.RunAsync(compilation, catalog, scan.Root, concurrentAnalysis, token).ConfigureAwait(false);
                foreach (var finding in result.Findings)
                {
                    findings.Add(finding);
                }

                Report(project, compilation, result, skipped, notes);
                var count = Interlocked.Increment(ref done);
                if (showProgress)
                {
                    lock (progress)
                    {
                        progress.WriteLine($"  [{count}/{audited.Count}] {project.RelativePath}: {project.SourceFiles.Count} files, {result.Findings.Count} findings ({watch.Elapsed.TotalSeconds:0.0} s)");
                    }
                }
            }).ConfigureAwait(false);

        if (showProgress)
        {
            progress.WriteLine($"Analyzed {audited.Count} projects in {total.Elapsed.TotalSeconds:0.0} s.");
        }

        var orderedFindings = findings
            .Distinct()
            .OrderBy(f => f.FilePath, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        var orderedSkipped = skipped
            .Distinct()
            .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Reason, StringComparer.Ordinal)
            .ToList();
        return new AuditRun(
            scan.Root,
            orderedFindings,
            orderedSkipped,
            audited.Select(p => p.RelativePath).ToList(),
            catalog.RuleIds,
            notes.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static void Report(
        AuditProject project,
        ProjectCompilation compilation,
        ProjectAnalysisResult result,
        ConcurrentQueue<SkippedItem> skipped,
        ConcurrentQueue<string> notes)
    {
        if (compilation.UnresolvedPackages.Count > 0)
        {
            skipped.Enqueue(new SkippedItem(
                project.RelativePath,
                $"not restored: packages {string.Join(", ", compilation.UnresolvedPackages)} are unresolved, so code using them binds only by name; "
                + $"run `dotnet restore {RestorePath(project)}` to make the audit exact",
                GapKind.NotRestored));
        }

        if (result.CompilerErrorCount > 0)
        {
            var first = string.Join("; ", result.FirstCompilerErrors.Select(e =>
            {
                var span = e.Location.GetLineSpan();
                var where = span.IsValid ? $"{Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}: " : string.Empty;
                return $"{where}{e.Id} {e.GetMessage()}";
            }));
            skipped.Enqueue(new SkippedItem(
                project.RelativePath,
                $"does not compile: {result.CompilerErrorCount} compiler error(s) (first: {first}); the analyzers ran on what binds",
                GapKind.DoesNotCompile));
        }

        foreach (var failure in result.AnalyzerFailures)
        {
            skipped.Enqueue(new SkippedItem(project.RelativePath, $"analyzer failure, findings may be missing: {failure}", GapKind.AnalyzerFailed));
        }

        foreach (var note in compilation.Notes)
        {
            notes.Enqueue($"{project.RelativePath}: {note}");
        }
    }

    /// <summary>The project's path as the user would type it from where they ran the tool.</summary>
    private static string RestorePath(AuditProject project)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, project.File.FullPath).Replace('\\', '/');
        return relative.Contains(' ', StringComparison.Ordinal) ? $"\"{relative}\"" : relative;
    }

    /// <summary>Projects referenced by audited ones but outside the audit are compiled (not analyzed) so references bind.</summary>
    private static void AddReferencedProjects(RepositoryScan scan, Dictionary<string, AuditProject> projects)
    {
        var queue = new Queue<AuditProject>(projects.Values);
        while (queue.Count > 0)
        {
            foreach (var reference in queue.Dequeue().File.ProjectReferences)
            {
                if (projects.ContainsKey(reference) || !File.Exists(reference))
                {
                    continue;
                }

                var before = scan.Skipped.Count;
                var referenced = RepositoryScan.LoadProject(scan, reference, isAudited: false);
                scan.Skipped.RemoveRange(before, scan.Skipped.Count - before);
                if (referenced is null)
                {
                    continue;
                }

                var walker = new RepositoryWalker();
                referenced.SourceFiles.AddRange(walker.Walk(referenced.File.Directory)
                    .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)));
                projects[reference] = referenced;
                queue.Enqueue(referenced);
            }
        }
    }

    /// <summary>The chain of projects being built, to stop at a reference cycle.</summary>
    private sealed class ImmutableStack
    {
        public static readonly ImmutableStack Empty = new(null, null);

        private readonly string? _head;
        private readonly ImmutableStack? _tail;

        private ImmutableStack(string? head, ImmutableStack? tail)
        {
            _head = head;
            _tail = tail;
        }

        public ImmutableStack Push(string path) => new(path, this);

        public bool Contains(string path)
        {
            for (var current = this; current is not null; current = current._tail)
            {
                if (current._head is not null && RepositoryWalker.PathComparer.Equals(current._head, path))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
