using Readiness.Cli.Analysis;
using Readiness.Cli.Audit;
using Readiness.Cli.Projects;

namespace Readiness.Cli.Tests.Support;

/// <summary>Things every test shares: the analyzers (loaded once), the SDK's reference packs, the repository root.</summary>
internal static class TestEnvironment
{
    private static readonly Lazy<AnalyzerCatalog> LazyCatalog = new(() => AnalyzerCatalog.Load());

    public static AnalyzerCatalog Catalog => LazyCatalog.Value;

    public static ReferencePacks Packs { get; } = ReferencePacks.FromEnvironment();

    /// <summary>The repository this test project lives in (the folder holding ReadinessAnalyzers.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static RepositoryAuditor Auditor(TextWriter? progress = null) => new(Catalog, Packs, progress ?? TextWriter.Null);

    public static Task<AuditRun> AuditAsync(string path, string environment = "Production") =>
        Auditor().RunAsync(path, environment);

    private static string FindRepositoryRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "ReadinessAnalyzers.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("ReadinessAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
