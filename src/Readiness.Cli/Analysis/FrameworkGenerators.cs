using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Readiness.Cli.Analysis;

/// <summary>
/// The framework's own source generators ([GeneratedRegex], [LoggerMessage], [JsonSerializable], [LibraryImport],
/// [OptionsValidator]), loaded from the reference packs' analyzers/dotnet/cs folders. Without them a partial method
/// they implement is a compiler error (CS8795) and the code around it binds less well. They run only for a
/// compilation whose sources name one of their attributes; opt-in generators (request delegates, configuration
/// binding, validation) are not run.
/// </summary>
internal static class FrameworkGenerators
{
    private static readonly string[] GeneratorFiles =
    [
        "System.Text.RegularExpressions.Generator.dll", "System.Text.Json.SourceGeneration.dll",
        "Microsoft.Interop.LibraryImportGenerator.dll", "Microsoft.Extensions.Logging.Generators.dll",
        "Microsoft.Extensions.Options.SourceGeneration.dll",
    ];

    private static readonly string[] TriggerAttributes =
    [
        "GeneratedRegex", "LoggerMessage", "JsonSerializable", "LibraryImport", "OptionsValidator",
    ];

    private static readonly ConcurrentDictionary<string, ImmutableArray<ISourceGenerator>> ByFolder = new(StringComparer.Ordinal);

    /// <summary>Runs the generators of the given reference-pack folders when the sources need them; returns the compilation to analyze.</summary>
    public static CSharpCompilation Run(CSharpCompilation compilation, IEnumerable<string> analyzerFolders, CSharpParseOptions parseOptions, List<string> notes)
    {
        var needed = compilation.SyntaxTrees.Any(tree =>
        {
            var text = tree.GetText().ToString();
            return TriggerAttributes.Any(a => text.Contains(a, StringComparison.Ordinal));
        });
        if (!needed)
        {
            return compilation;
        }

        var generators = analyzerFolders.SelectMany(folder => ByFolder.GetOrAdd(folder, Load)).ToImmutableArray();
        if (generators.IsEmpty)
        {
            return compilation;
        }

        try
        {
            var driver = CSharpGeneratorDriver.Create(generators, parseOptions: parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
            foreach (var failure in diagnostics.Where(d => d.Id is "CS8784" or "CS8785"))
            {
                notes.Add("a framework source generator failed: " + failure.GetMessage());
            }

            return (CSharpCompilation)updated;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notes.Add($"the framework source generators could not run ({e.GetType().Name}: {e.Message}); code they generate is missing");
            return compilation;
        }
    }

    private static ImmutableArray<ISourceGenerator> Load(string folder)
    {
        var generators = ImmutableArray.CreateBuilder<ISourceGenerator>();
        foreach (var file in GeneratorFiles)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                continue;
            }

            var reference = new AnalyzerFileReference(path, AnalyzerCatalog.Loader);
            AnalyzerCatalog.Loader.AddDependencyLocation(path);
            foreach (var dependency in Directory.GetFiles(folder, "*.dll"))
            {
                AnalyzerCatalog.Loader.AddDependencyLocation(dependency);
            }

            generators.AddRange(reference.GetGenerators(LanguageNames.CSharp));
        }

        return generators.ToImmutable();
    }
}
