// Audits a generated repository of 20 projects and 2,000 C# files in-process; prints wall time and peak memory.
// dotnet run -c Release --project benchmarks/Readiness.Cli.Benchmarks [-- --projects 20 --files 2000 --keep]
using System.Diagnostics;
using Readiness.Cli.Analysis;
using Readiness.Cli.Audit;
using Readiness.Cli.Benchmarks;
using Readiness.Cli.Commands;
using Readiness.Cli.Projects;

var projects = Option("--projects", 20);
var files = Option("--files", 2000);
var keep = args.Contains("--keep");
var root = Path.Combine(Path.GetTempPath(), "readiness-benchmark-" + Guid.NewGuid().ToString("N")[..8]);

try
{
    var (projectCount, fileCount) = RepositoryGenerator.Generate(root, projects, files);
    Console.WriteLine($"Generated {projectCount} projects, {fileCount} C# files under {root}");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

    // The analysis alone: discovery, compilations, analyzers.
    var watch = Stopwatch.StartNew();
    var run = await new RepositoryAuditor(AnalyzerCatalog.Load(), ReferencePacks.FromEnvironment(), TextWriter.Null)
        .RunAsync(root, "Production");
    var analysis = watch.Elapsed;
    Console.WriteLine($"Analysis: {analysis.TotalSeconds:0.0} s, {run.Findings.Count} findings, {run.Skipped.Count} skipped, {run.Projects.Count} projects");

    // The whole command, as CI runs it: analysis, default checklist, score, JSON and SARIF reports.
    watch.Restart();
    var error = new StringWriter();
    var exit = await CliApp.RunAsync(["audit", root, "--format", "json,sarif", "--output", Path.Combine(root, "readiness-report")], TextWriter.Null, error);
    var command = watch.Elapsed;
    if (error.ToString().Contains("internal error", StringComparison.Ordinal))
    {
        Console.WriteLine("The full command could not run: " + error.ToString().Split('\n')[0]);
    }

    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);
    var gc = GC.GetGCMemoryInfo();
    Console.WriteLine($"Full audit command: {command.TotalSeconds:0.0} s (exit code {exit})");
    Console.WriteLine($"Peak working set: {peakMb:0} MB; GC heap high-water {gc.HeapSizeBytes / (1024.0 * 1024.0):0} MB now, {GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0 * 1024.0):0.0} GB allocated in total; gen2 collections {GC.CollectionCount(2)}");

    var ok = analysis.TotalSeconds < 30 && command.TotalSeconds < 30 && peakMb < 1536;
    Console.WriteLine(ok ? "Within the targets (under 30 s and 1.5 GB)." : "OVER THE TARGETS (30 s, 1.5 GB).");
    return ok ? 0 : 1;
}
finally
{
    if (!keep && Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
