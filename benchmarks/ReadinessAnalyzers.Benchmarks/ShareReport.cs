using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>
/// The figures the README quotes: the analyzers' own execution time (Roslyn's per-analyzer telemetry) against the
/// compiler's time for the same compilation, per 1,000 lines, and the editor's path. Medians of several runs.
/// </summary>
public static class ShareReport
{
    public static async Task RunAsync(int files, int runs)
    {
        var app = GeneratedApp.Create(files);
        Console.WriteLine($"Generated app: {app.Compilation.SyntaxTrees.Count()} files, {app.Lines:N0} lines, {GeneratedApp.Analyzers.Length} analyzers");

        // Warm the JIT for both paths once.
        await MeasureAsync(app);

        var compile = new List<double>();
        var analyzers = new List<double>();
        var wallWith = new List<double>();
        var wallNoOp = new List<double>();
        var editor = new List<double>();
        var editorAnalyzers = new List<double>();
        var editorNoOp = new List<double>();
        Dictionary<string, TimeSpan> perAnalyzer = [];
        var diagnosticsCount = 0;
        for (var run = 0; run < runs; run++)
        {
            var m = await MeasureAsync(app);
            compile.Add(m.CompileMs);
            analyzers.Add(m.AnalyzerMs);
            wallWith.Add(m.WallWithMs);
            wallNoOp.Add(m.WallNoOpMs);
            editor.Add(m.EditorMs);
            editorAnalyzers.Add(m.EditorAnalyzerMs);
            editorNoOp.Add(m.EditorNoOpMs);
            perAnalyzer = m.PerAnalyzer;
            diagnosticsCount = m.Diagnostics;
        }

        var compileMs = Median(compile);
        var analyzerMs = Median(analyzers);
        var editorMs = Median(editor);
        Console.WriteLine($"compile (parse+bind+emit), median of {runs}: {compileMs:F0} ms");
        Console.WriteLine($"compile + a no-op analyzer (driver floor):  {Median(wallNoOp):F0} ms wall");
        Console.WriteLine($"compile + ReadinessAnalyzers:               {Median(wallWith):F0} ms wall = {100 * (Median(wallWith) - Median(wallNoOp)) / compileMs:F1}% of compile time above the driver floor");
        Console.WriteLine($"analyzers' execution time (telemetry):      {analyzerMs:F1} ms  = {100 * analyzerMs / compileMs:F2}% of compile time");
        Console.WriteLine($"analyzers per 1,000 lines:                  {analyzerMs / (app.Lines / 1000.0):F3} ms");
        Console.WriteLine($"editor: one 1,000-line document, median:    {editorMs:F2} ms wall, of which the analyzers' own callbacks {Median(editorAnalyzers):F2} ms");
        Console.WriteLine($"editor: same document with a no-op analyzer: {Median(editorNoOp):F2} ms wall (the driver's own cost, paid by any analyzer)");
        Console.WriteLine($"diagnostics reported on the generated app:  {diagnosticsCount}");
        Console.WriteLine("slowest analyzers:");
        foreach (var (name, time) in perAnalyzer.OrderByDescending(p => p.Value).Take(14))
        {
            Console.WriteLine($"  {name,-48} {time.TotalMilliseconds,8:F2} ms");
        }
    }

    private static async Task<Measurement> MeasureAsync(GeneratedApp app)
    {
        var compilation = app.Compilation.Clone();
        var watch = Stopwatch.StartNew();
        using (var stream = new MemoryStream())
        {
            compilation.Emit(stream);
        }

        var compileMs = watch.Elapsed.TotalMilliseconds;

        // Sequential analysis: on 2 cores, concurrent callbacks wait on each other and the telemetry counts the waiting.
        var (wallWith, perAnalyzer, diagnostics) = await CompileWithAnalyzersAsync(app, GeneratedApp.Analyzers);
        var (wallNoOp, _, _) = await CompileWithAnalyzersAsync(app, [new NoOpOperationAnalyzer()]);

        // The editor: a fresh compilation with the document bound, then the analyzers on that document only.
        var (editorMs, editorAnalyzerMs) = await MeasureEditorAsync(app, GeneratedApp.Analyzers);
        var (noOpMs, _) = await MeasureEditorAsync(app, [new NoOpOperationAnalyzer()]);

        return new Measurement(compileMs, perAnalyzer.Values.Sum(t => t.TotalMilliseconds), wallWith, wallNoOp, editorMs, editorAnalyzerMs, noOpMs, perAnalyzer, diagnostics);
    }

    /// <summary>Compile (emit) plus the given analyzers over the whole compilation: wall time and per-analyzer telemetry.</summary>
    private static async Task<(double WallMs, Dictionary<string, TimeSpan> PerAnalyzer, int Diagnostics)> CompileWithAnalyzersAsync(
        GeneratedApp app, System.Collections.Immutable.ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var fresh = app.Compilation.Clone();
        var watch = Stopwatch.StartNew();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = fresh.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        using (var stream = new MemoryStream())
        {
            fresh.Emit(stream);
        }

        var wall = watch.Elapsed.TotalMilliseconds;
        var perAnalyzer = new Dictionary<string, TimeSpan>();
        foreach (var analyzer in analyzers)
        {
            perAnalyzer[analyzer.GetType().Name] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        }

        return (wall, perAnalyzer, diagnostics.Length);
    }

    /// <summary>
    /// The IDE's path: one analyzer driver per compilation snapshot (started on another document first), then the
    /// analyzers on the 1,000-line document. Returns the wall time and the analyzers' own execution time in it.
    /// </summary>
    private static async Task<(double WallMs, double AnalyzerMs)> MeasureEditorAsync(GeneratedApp app, System.Collections.Immutable.ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var edited = app.Compilation.Clone();
        var model = edited.GetSemanticModel(edited.SyntaxTrees.Single(t => t.FilePath == GeneratedApp.EditorDocumentPath));
        _ = model.GetDiagnostics();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var editor = edited.WithAnalyzers(analyzers, options);
        var other = edited.SyntaxTrees.First(t => t.FilePath.EndsWith("File0001.cs", StringComparison.Ordinal));
        await editor.GetAnalyzerSemanticDiagnosticsAsync(edited.GetSemanticModel(other), filterSpan: null, CancellationToken.None);
        var before = await TotalExecutionMsAsync(editor, analyzers);

        var watch = Stopwatch.StartNew();
        await editor.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        var wall = watch.Elapsed.TotalMilliseconds;
        return (wall, await TotalExecutionMsAsync(editor, analyzers) - before);
    }

    private static async Task<double> TotalExecutionMsAsync(CompilationWithAnalyzers compilation, System.Collections.Immutable.ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var total = 0.0;
        foreach (var analyzer in analyzers)
        {
            total += (await compilation.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }

        return total;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed record Measurement(double CompileMs, double AnalyzerMs, double WallWithMs, double WallNoOpMs, double EditorMs, double EditorAnalyzerMs, double EditorNoOpMs, Dictionary<string, TimeSpan> PerAnalyzer, int Diagnostics);
}
