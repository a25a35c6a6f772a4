using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>
/// The compiler's work on a 300-file generated app with and without every ReadinessAnalyzers analyzer, and the
/// editor's path: the analyzers on one 1,000-line document.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class AnalyzerBenchmarks
{
    private GeneratedApp _app = null!;
    private CompilationWithAnalyzers _editor = null!;
    private SemanticModel _editorModel = null!;

    [GlobalSetup]
    public void Setup() => _app = GeneratedApp.Create(files: 300);

    [Benchmark(Baseline = true, Description = "compile (no analyzers)")]
    public int Compile()
    {
        var compilation = _app.Compilation.Clone();
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Diagnostics.Length;
    }

    [Benchmark(Description = "compile + ReadinessAnalyzers")]
    public async Task<int> CompileWithAnalyzers()
    {
        var compilation = _app.Compilation.Clone();
        var withAnalyzers = compilation.WithAnalyzers(GeneratedApp.Analyzers, new AnalyzerOptions([]));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Diagnostics.Length + diagnostics.Length;
    }

    [IterationSetup(Target = nameof(EditorDocument))]
    public void SetupEditor()
    {
        // A fresh compilation, as after an edit, with the document already bound, as the IDE has it.
        var compilation = _app.Compilation.Clone();
        _editorModel = compilation.GetSemanticModel(compilation.SyntaxTrees.Single(t => t.FilePath == GeneratedApp.EditorDocumentPath));
        _ = _editorModel.GetDiagnostics();
        _editor = compilation.WithAnalyzers(GeneratedApp.Analyzers, new AnalyzerOptions([]));

        // The IDE keeps one analyzer driver per compilation snapshot: start it on another document first.
        var other = compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("File0001.cs", StringComparison.Ordinal));
        _editor.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(other), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "editor: one 1,000-line document")]
    public async Task<ImmutableArray<Diagnostic>> EditorDocument()
        => await _editor.GetAnalyzerSemanticDiagnosticsAsync(_editorModel, filterSpan: null, CancellationToken.None);
}
