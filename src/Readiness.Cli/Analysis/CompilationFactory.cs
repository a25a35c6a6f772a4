using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Readiness.Checklist.Findings;
using Readiness.Cli.Audit;
using Readiness.Cli.Discovery;
using Readiness.Cli.Projects;

namespace Readiness.Cli.Analysis;

/// <summary>
/// Builds a project's Roslyn compilation without MSBuild: its C# files, the global usings the SDK would generate,
/// the SDK's reference packs, the compile assets of restored packages (obj/project.assets.json) and the
/// compilations of referenced projects. Metadata references are shared between projects, so the symbols of the
/// framework are loaded once.
/// </summary>
internal sealed class CompilationFactory(ReferencePacks packs, string repositoryRoot, string environment)
{
    private readonly ConcurrentDictionary<string, MetadataReference> _metadata = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Version> _assemblyVersions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalyzerConfig?> _editorConfigs = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the compilation; a file that cannot be read is reported to <paramref name="skip"/> and left out.
    /// </summary>
    public ProjectCompilation Create(
        AuditProject project,
        IReadOnlyList<MetadataReference> projectReferences,
        bool projectReferencesNeedAspNetCore,
        Action<SkippedItem> skip)
    {
        var file = project.File;
        var notes = new List<string>(file.Notes);
        var tfm = file.TargetFramework ?? "net10.0";
        var packTfm = tfm.StartsWith("net", StringComparison.OrdinalIgnoreCase) && tfm.Contains('.') && char.IsDigit(tfm[3])
            ? tfm.Split('-')[0]
            : "net10.0";
        if (!string.Equals(packTfm, tfm, StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"target framework {tfm} is compiled against the {packTfm} reference assemblies");
        }

        // Restored packages.
        var unresolved = new List<string>();
        var packageAssemblies = new List<string>();
        var frameworks = new HashSet<string>(file.FrameworkReferences, StringComparer.OrdinalIgnoreCase);
        var assetsPath = AssetsPath(file, repositoryRoot);
        if (File.Exists(assetsPath))
        {
            var read = TextFileReader.Read(assetsPath, FileLimits.MaxAssetsFileBytes);
            try
            {
                var assets = read.IsRead ? ProjectAssets.Parse(read.Text!, tfm) : throw new InvalidDataException(read.SkipReason);
                packageAssemblies.AddRange(assets.CompileAssemblies);
                frameworks.UnionWith(assets.FrameworkReferences);
                unresolved.AddRange(assets.MissingPackages);
            }
            catch (InvalidDataException e)
            {
                skip(new SkippedItem(RepositoryPaths.Relative(repositoryRoot, assetsPath), "not used: " + e.Message, GapKind.NotRestored));
                unresolved.AddRange(file.PackageReferences.Select(p => p.Name));
            }
        }
        else
        {
            unresolved.AddRange(file.PackageReferences.Select(p => p.Name));
        }

        var needsAspNetCore = file.ReferencesAspNetCore || projectReferencesNeedAspNetCore
            || frameworks.Contains(ReferencePacks.AspNetCoreApp);
        var frameworkAssemblies = new List<string>();
        var generatorFolders = new List<string>();
        foreach (var framework in needsAspNetCore ? new[] { ReferencePacks.NetCoreApp, ReferencePacks.AspNetCoreApp } : [ReferencePacks.NetCoreApp])
        {
            var (paths, note) = packs.Resolve(framework, packTfm);
            frameworkAssemblies.AddRange(paths);
            if (paths.Count > 0 && ReferencePacks.GeneratorFolder(paths[0]) is { } generators)
            {
                generatorFolders.Add(generators);
            }

            if (note is not null)
            {
                notes.Add(note);
            }
        }

        var references = ResolveConflicts(frameworkAssemblies, packageAssemblies)
            .Select(path => _metadata.GetOrAdd(path, static p => MetadataReference.CreateFromFile(p)))
            .Concat(projectReferences)
            .ToList();

        // Sources, parsed in parallel: the compilation is as good as the files it could read.
        var parseOptions = CreateParseOptions(file, packTfm);
        var trees = new SyntaxTree?[project.SourceFiles.Count];
        Parallel.For(0, project.SourceFiles.Count, i =>
        {
            var path = project.SourceFiles[i];
            var read = TextFileReader.Read(path, FileLimits.MaxSourceFileBytes);
            if (!read.IsRead)
            {
                skip(new SkippedItem(RepositoryPaths.Relative(repositoryRoot, path), read.SkipReason!));
                return;
            }

            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(read.Text!, Encoding.UTF8), parseOptions, path);
        });

        var syntaxTrees = trees.Where(t => t is not null).Select(t => t!).ToList();
        if (ImplicitUsings.GenerateSource(file) is { } globalUsings)
        {
            var path = Path.Combine(file.Directory, "obj", file.Name + ".GlobalUsings.g.cs");
            syntaxTrees.Add(CSharpSyntaxTree.ParseText(SourceText.From(globalUsings, Encoding.UTF8), parseOptions, path));
        }

        var outputKind = OutputKindOf(file, syntaxTrees);
        var options = new CSharpCompilationOptions(
                outputKind,
                reportSuppressedDiagnostics: true,
                nullableContextOptions: NullableOf(file["Nullable"]),
                allowUnsafe: file.IsTrue("AllowUnsafeBlocks"),
                checkOverflow: file.IsTrue("CheckForOverflowUnderflow"))
            .WithConcurrentBuild(true);
        var compilation = CSharpCompilation.Create(file.AssemblyName, syntaxTrees, references, options);
        compilation = FrameworkGenerators.Run(compilation, generatorFolders, parseOptions, notes);

        var additional = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var path in project.AdditionalFiles)
        {
            var read = TextFileReader.Read(path, FileLimits.MaxConfigFileBytes);
            if (!read.IsRead)
            {
                skip(new SkippedItem(RepositoryPaths.Relative(repositoryRoot, path), read.SkipReason!));
                continue;
            }

            additional.Add(new ConfigFileText(path, SourceText.From(read.Text!, Encoding.UTF8)));
        }

        var configOptions = CreateOptions(project, additional, skip);
        var result = new ProjectCompilation(project, compilation, additional.ToImmutable(), configOptions);
        result.UnresolvedPackages.AddRange(unresolved.Distinct(StringComparer.OrdinalIgnoreCase));
        result.Notes.AddRange(notes);
        return result;
    }

    /// <summary>MSBuild's conflict resolution in short: one assembly per simple name, the higher version, the framework's on a tie.</summary>
    private IEnumerable<string> ResolveConflicts(List<string> framework, List<string> packages)
    {
        var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in framework.Concat(packages))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!chosen.TryGetValue(name, out var existing))
            {
                chosen[name] = path;
                continue;
            }

            if (VersionOf(path) > VersionOf(existing))
            {
                chosen[name] = path;
            }
        }

        return chosen.Values;
    }

    private Version VersionOf(string path) => _assemblyVersions.GetOrAdd(path, static p =>
    {
        try
        {
            return AssemblyName.GetAssemblyName(p).Version ?? new Version(0, 0);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return new Version(0, 0);
        }
    });

    internal static CSharpParseOptions CreateParseOptions(ProjectFile file, string tfm)
    {
        var languageVersion = LanguageVersion.Latest;
        if (file["LangVersion"] is { Length: > 0 } text && !LanguageVersionFacts.TryParse(text, out languageVersion))
        {
            languageVersion = LanguageVersion.Latest;
        }

        // Release-build symbols: code under #if DEBUG is Development code and is not what runs in production.
        var symbols = new List<string> { "TRACE", "RELEASE", "NET", "NETCOREAPP" };
        if (Version.TryParse(tfm[3..], out var version))
        {
            symbols.Add($"NET{version.Major}_{version.Minor}");
            for (var major = 5; major <= version.Major; major++)
            {
                symbols.Add($"NET{major}_0_OR_GREATER");
            }

            symbols.Add("NETCOREAPP3_0_OR_GREATER");
            symbols.Add("NETCOREAPP3_1_OR_GREATER");
        }

        if (file["DefineConstants"] is { Length: > 0 } defines)
        {
            symbols.AddRange(defines.Split(';', ',').Select(s => s.Trim()).Where(s => s.Length > 0 && s != "DEBUG"));
        }

        return new CSharpParseOptions(languageVersion, DocumentationMode.None, SourceCodeKind.Regular, symbols.Distinct());
    }

    private static OutputKind OutputKindOf(ProjectFile file, List<SyntaxTree> trees)
    {
        var outputType = file["OutputType"] ?? (file.IsWebSdk || file.IsWorkerSdk ? "Exe" : "Library");
        if (file.IsTestProject && !(file.IsWebSdk && HasEntryPoint(trees)))
        {
            // The test SDK generates the entry point of a test project; compiling it as a library avoids a false CS5001.
            // A Web SDK app with its own Program that references the test SDK by mistake keeps its entry point: the analyzers'
            // Development guard decides whether it is a deployed app.
            return OutputKind.DynamicallyLinkedLibrary;
        }

        return outputType.ToLowerInvariant() switch
        {
            "exe" => OutputKind.ConsoleApplication,
            "winexe" => OutputKind.WindowsApplication,
            "module" => OutputKind.NetModule,
            _ => OutputKind.DynamicallyLinkedLibrary,
        };
    }

    /// <summary>Top-level statements, or a static method named Main.</summary>
    private static bool HasEntryPoint(List<SyntaxTree> trees) => trees.Any(tree =>
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        return root.Members.OfType<GlobalStatementSyntax>().Any()
            || root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<MethodDeclarationSyntax>()
                .Any(m => m.Identifier.ValueText == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword));
    });

    private static NullableContextOptions NullableOf(string? value) => value?.ToLowerInvariant() switch
    {
        "enable" or "true" => NullableContextOptions.Enable,
        "warnings" => NullableContextOptions.Warnings,
        "annotations" => NullableContextOptions.Annotations,
        _ => NullableContextOptions.Disable,
    };

    /// <summary>
    /// The restore's assets file: obj/ beside the project, or, with UseArtifactsOutput, artifacts/obj/&lt;project&gt;/ in the
    /// folder of the Directory.Build.props that turns it on (looked for up to the repository root).
    /// </summary>
    private static string AssetsPath(ProjectFile file, string repositoryRoot)
    {
        var beside = Path.Combine(file.Directory, "obj", "project.assets.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var folder = file.Directory; folder is not null && RepositoryPaths.IsUnder(folder, repositoryRoot); folder = Path.GetDirectoryName(folder))
        {
            var artifacts = Path.Combine(folder, "artifacts", "obj", file.Name, "project.assets.json");
            if (File.Exists(artifacts))
            {
                return artifacts;
            }
        }

        return beside;
    }

    private ConfigOptionsProvider CreateOptions(AuditProject project, IEnumerable<AdditionalText> additional, Action<SkippedItem> skip)
    {
        // .editorconfig files up the folder chain of every file, and .globalconfig files up the project's chain.
        var directories = new HashSet<string>(RepositoryWalker.PathComparer) { project.File.Directory };
        foreach (var path in project.SourceFiles.Concat(additional.Select(a => a.Path)))
        {
            directories.Add(Path.GetDirectoryName(path)!);
        }

        var configPaths = new HashSet<string>(RepositoryWalker.PathComparer);
        var visited = new HashSet<string>(RepositoryWalker.PathComparer);
        foreach (var directory in directories)
        {
            for (var current = directory; current is not null && visited.Add(current); current = Path.GetDirectoryName(current))
            {
                var editorConfig = Path.Combine(current, ".editorconfig");
                if (File.Exists(editorConfig))
                {
                    configPaths.Add(editorConfig);
                }
            }
        }

        for (var current = project.File.Directory; current is not null; current = Path.GetDirectoryName(current))
        {
            var globalConfig = Path.Combine(current, ".globalconfig");
            if (File.Exists(globalConfig))
            {
                configPaths.Add(globalConfig);
            }
        }

        var configs = new List<AnalyzerConfig>();
        foreach (var path in configPaths.Order(StringComparer.Ordinal))
        {
            var config = _editorConfigs.GetOrAdd(path, p =>
            {
                var read = TextFileReader.Read(p, FileLimits.MaxConfigFileBytes);
                if (!read.IsRead)
                {
                    skip(new SkippedItem(RepositoryPaths.Relative(repositoryRoot, p), read.SkipReason!));
                    return null;
                }

                return AnalyzerConfig.Parse(SourceText.From(read.Text!, Encoding.UTF8), p);
            });
            if (config is not null)
            {
                configs.Add(config);
            }
        }

        var set = configs.Count == 0 ? null : AnalyzerConfigSet.Create(configs, out _);
        var file = project.File;
        var global = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_property.IsTestProject"] = project.IsTestCode ? "true" : "false",
            ["build_property.ReadinessTestFolder"] = project.IsInTestFolder ? "true" : "false",
            ["build_property.TargetFramework"] = file.TargetFramework ?? string.Empty,
            ["build_property.RootNamespace"] = file["RootNamespace"] ?? file.Name,
            ["build_property.ProjectDir"] = file.Directory + Path.DirectorySeparatorChar,
            ["build_property.OutputType"] = file["OutputType"] ?? string.Empty,
            ["build_property.UsingMicrosoftNETSdkWeb"] = file.IsWebSdk ? "true" : "false",
        };
        return new ConfigOptionsProvider(set, global, new Dictionary<string, string> { ["readiness.environment"] = environment });
    }
}
