using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Readiness.Cli.Analysis;

/// <summary>
/// The ReadinessAnalyzers assembly, loaded as an analyzer from a file next to the tool (the build copies it there),
/// exactly as the compiler loads it in <c>dotnet build</c>: one implementation of every rule.
/// </summary>
internal sealed class AnalyzerCatalog
{
    public const string AssemblyFileName = "ReadinessAnalyzers.dll";

    private AnalyzerCatalog(string path, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        AssemblyPath = path;
        Analyzers = analyzers;
        Descriptors = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        RuleIds = Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        DescriptorsById = Descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public string AssemblyPath { get; }

    /// <summary>The loader analyzers and the framework's source generators share.</summary>
    internal static IAnalyzerAssemblyLoader Loader => DefaultContextLoader.Instance;

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    public IReadOnlyDictionary<string, DiagnosticDescriptor> DescriptorsById { get; }

    /// <summary>The rule IDs the analyzers report: what ran.</summary>
    public IReadOnlySet<string> RuleIds { get; }

    /// <summary>The analyzer assembly in the tool's own folder.</summary>
    public static string DefaultPath => Path.Combine(
        Path.GetDirectoryName(typeof(AnalyzerCatalog).Assembly.Location) ?? AppContext.BaseDirectory,
        AssemblyFileName);

    /// <summary>Loads the analyzers; throws <see cref="InvalidOperationException"/> with the reason when it cannot.</summary>
    public static AnalyzerCatalog Load(string? path = null)
    {
        path = Path.GetFullPath(path ?? DefaultPath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"the analyzer assembly {AssemblyFileName} is not next to the tool ({path}); rebuild src/Readiness.Cli, whose build copies it there");
        }

        var failures = new List<string>();
        var reference = new AnalyzerFileReference(path, DefaultContextLoader.Instance);
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.TypeName ?? "assembly"}: {e.Message}");
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"could not load the analyzers from {path}: {string.Join("; ", failures)}");
        }

        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"{path} holds no C# analyzers");
        }

        return new AnalyzerCatalog(path, analyzers);
    }

    /// <summary>
    /// Loads analyzer assemblies into the default context, so their reference to Microsoft.CodeAnalysis 4.14 binds
    /// to the newer Roslyn the tool carries (the runtime accepts a higher version there).
    /// </summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public static readonly DefaultContextLoader Instance = new();

        private readonly ConcurrentDictionary<string, string> _dependencies = new(StringComparer.OrdinalIgnoreCase);

        private DefaultContextLoader()
        {
            // A generator's own dependencies (Microsoft.Interop.SourceGeneration …) sit next to it, not next to the tool.
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name is { } simple && _dependencies.TryGetValue(simple, out var path) ? context.LoadFromAssemblyPath(path) : null;
        }

        public void AddDependencyLocation(string fullPath) =>
            _dependencies.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);

        public Assembly LoadFromPath(string fullPath)
        {
            var name = AssemblyName.GetAssemblyName(fullPath);
            foreach (var loaded in AssemblyLoadContext.Default.Assemblies)
            {
                if (AssemblyName.ReferenceMatchesDefinition(loaded.GetName(), name) && string.Equals(loaded.Location, fullPath, StringComparison.Ordinal))
                {
                    return loaded;
                }
            }

            return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }
}
