using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Running;
using ReadinessAnalyzers.Internals.Secrets;
using SecretScanner.Benchmarks;

// Modes:
//   generate <dir> [megabytes]  write the tree to disk (for secretlint and other scanners)
//   measure [megabytes]         quick in-process figures: MB/s on one core, allocation on clean lines, findings
//   scan <dir>                  read every file under dir from disk and scan it on one thread (what secretlint does)
//   (anything else)             BenchmarkDotNet (pass BenchmarkDotNet arguments, e.g. --filter *)
if (args.Length > 0 && args[0] == "generate")
{
    var root = args.Length > 1 ? args[1] : "secret-scan-tree";
    var megabytes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : SourceTree.DefaultMegabytes;
    var files = SourceTree.Generate(megabytes, out var planted);
    long bytes = 0;
    foreach (var file in files)
    {
        var path = Path.Combine(root, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var content = Encoding.UTF8.GetBytes(file.Content);
        File.WriteAllBytes(path, content);
        bytes += content.Length;
    }

    Console.WriteLine($"{files.Count} files, {bytes / 1048576.0:F1} MB, {planted} planted fakes, written to {Path.GetFullPath(root)}");
    return 0;
}

if (args.Length > 1 && args[0] == "scan")
{
    var watch = Stopwatch.StartNew();
    var matches = new List<SecretMatch>();
    long bytes = 0;
    var count = 0;
    foreach (var path in Directory.EnumerateFiles(args[1], "*", SearchOption.AllDirectories))
    {
        var content = File.ReadAllText(path);
        bytes += content.Length;
        var before = matches.Count;
        SecretFormatScanner.Scan(content, matches);
        for (var i = before; i < matches.Count; i++)
        {
            Console.WriteLine($"{Path.GetRelativePath(args[1], path)}: {matches[i].Format.Id} at {matches[i].Start}");
        }

        count++;
    }

    var seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"{count} files, {bytes / 1048576.0:F1} MB, {matches.Count} findings, {seconds:F2} s wall (reading included), {bytes / 1048576.0 / seconds:F0} MB/s");
    return 0;
}

if (args.Length > 0 && args[0] == "measure")
{
    var megabytes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : SourceTree.DefaultMegabytes;
    var files = SourceTree.Generate(megabytes, out var planted);
    var bytes = files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Content));
    var matches = new List<SecretMatch>(1024);

    // Warm-up, then the best of five single-threaded passes.
    foreach (var file in files)
    {
        SecretFormatScanner.Scan(file.Content, matches);
    }

    var best = double.MaxValue;
    for (var run = 0; run < 5; run++)
    {
        matches.Clear();
        var watch = Stopwatch.StartNew();
        foreach (var file in files)
        {
            SecretFormatScanner.Scan(file.Content, matches);
        }

        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }

    // Allocation: every line of every file scanned on its own, minus the lines that hold a finding.
    var lines = files.SelectMany(f => f.Content.Split('\n')).ToList();
    var clean = lines.Where(l =>
    {
        var found = new List<SecretMatch>();
        SecretFormatScanner.Scan(l, found);
        return found.Count == 0;
    }).ToList();
    var lineMatches = new List<SecretMatch>(16);
    var before = GC.GetAllocatedBytesForCurrentThread();
    foreach (var line in clean)
    {
        SecretFormatScanner.Scan(line, lineMatches);
    }

    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    var lineBest = double.MaxValue;
    var lineBytes = clean.Sum(l => (long)l.Length);
    for (var run = 0; run < 3; run++)
    {
        var watch = Stopwatch.StartNew();
        foreach (var line in clean)
        {
            SecretFormatScanner.Scan(line, lineMatches);
        }

        lineBest = Math.Min(lineBest, watch.Elapsed.TotalSeconds);
    }

    Console.WriteLine($"tree: {files.Count} files, {bytes / 1048576.0:F1} MB, {planted} planted fakes");
    Console.WriteLine($"findings: {matches.Count} ({string.Join(", ", matches.GroupBy(m => m.Format.Id).Select(g => $"{g.Key} {g.Count()}"))})");
    Console.WriteLine($"Scan: {best:F3} s, {bytes / 1048576.0 / best:F0} MB/s on one core");
    Console.WriteLine($"clean lines: {clean.Count} scanned one by one, {allocated} bytes allocated in total, {lineBytes / 1048576.0 / lineBest:F0} MB/s");
    Console.WriteLine($"formats: {SecretFormatScanner.Formats.Count}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(TreeScanBenchmarks).Assembly).Run(args);
return 0;
