using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Checklist.Findings;
using Readiness.Cli.Audit;

namespace Readiness.Cli.Analysis;

/// <summary>What analyzing one project produced.</summary>
internal sealed record ProjectAnalysisResult(
    IReadOnlyList<Finding> Findings,
    int CompilerErrorCount,
    IReadOnlyList<Diagnostic> FirstCompilerErrors,
    IReadOnlyList<string> AnalyzerFailures);

/// <summary>
/// Runs the analyzers over one compilation the way the compiler does in a build, with suppressed diagnostics kept
/// (they become waived findings) and analyzer crashes caught (they make the analysis incomplete, never silent).
/// </summary>
internal static class ProjectAnalysis
{
    public static async Task<ProjectAnalysisResult> RunAsync(
        ProjectCompilation project,
        AnalyzerCatalog catalog,
        string repositoryRoot,
        bool concurrentAnalysis,
        CancellationToken cancellationToken)
    {
        var failures = new ConcurrentBag<string>();
        var options = new AnalyzerOptions(project.AdditionalFiles, project.Options);
        var withAnalyzers = project.Compilation.WithAnalyzers(
            catalog.Analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: concurrentAnalysis,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: true));

        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var mapper = new FindingMapper(repositoryRoot, project);
        var findings = new List<Finding>();
        var errors = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (catalog.RuleIds.Contains(diagnostic.Id))
            {
                findings.Add(mapper.Map(diagnostic));
            }
            else if (diagnostic.Id == "AD0001")
            {
                failures.Add(diagnostic.GetMessage());
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Error && !diagnostic.IsSuppressed)
            {
                errors.Add(diagnostic);
            }
        }

        findings.Sort((a, b) => (a.FilePath, a.Line, a.Column, a.RuleId).CompareTo((b.FilePath, b.Line, b.Column, b.RuleId)));
        return new ProjectAnalysisResult(
            findings,
            errors.Count,
            errors.OrderBy(e => e.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(e => e.Location.SourceSpan.Start).Take(3).ToList(),
            failures.Distinct().ToList());
    }
}
