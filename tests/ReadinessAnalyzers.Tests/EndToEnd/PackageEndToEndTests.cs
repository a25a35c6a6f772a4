using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReadinessAnalyzers.Tests.Catalog;

namespace ReadinessAnalyzers.Tests.EndToEnd;

/// <summary>Packs the NuGet package once, into a local feed, with a version no cache has seen.</summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Directory.CreateTempSubdirectory("readiness-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        var (exitCode, output) = DotnetProcess.Run(
            RepositoryRoot.Path,
            "pack", "src/ReadinessAnalyzers.Package/ReadinessAnalyzers.Package.csproj",
            "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-nodeReuse:false");
        Assert.True(exitCode == 0, "dotnet pack failed:\n" + output);
        PackagePath = Path.Combine(Feed, $"ReadinessAnalyzers.{Version}.nupkg");
        Assert.True(File.Exists(PackagePath), "package not found: " + PackagePath);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public void Dispose()
    {
        // READINESS_KEEP_E2E=1 keeps the packed package and the formatted sample copies to look at.
        if (Environment.GetEnvironmentVariable("READINESS_KEEP_E2E") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>The end-to-end test classes share one packed package and run one after another (each build takes both cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}

/// <summary>
/// The "build warnings in CI" promise: a project outside the repository that references the packed package from a
/// local folder gets the RDY warnings in `dotnet build`, config files included through the buildTransitive targets.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageEndToEndTests(PackedPackage package)
{
    // "file(line,col): warning RDYnnnn", or "CSC : warning RDYnnnn" for a diagnostic without a file (RDY0001: file "").
    private static readonly Regex WarningPattern = new(@"(?:(?<file>[^\s:(]+)\(\d+,\d+\)|CSC ): warning (?<id>RDY\d{4})", RegexOptions.Compiled);

    [Fact]
    public void PackageHoldsTheAnalyzerAndBuildTransitiveFilesAndNothingElse()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "README.md",
                "ReadinessAnalyzers.nuspec",
                "analyzers/dotnet/cs/ReadinessAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/ReadinessAnalyzers.dll",
                "buildTransitive/ReadinessAnalyzers.props",
                "buildTransitive/ReadinessAnalyzers.targets",
                "buildTransitive/config/ReadinessAnalyzers.Default.globalconfig",
                "buildTransitive/config/ReadinessAnalyzers.Recommended.globalconfig",
                "buildTransitive/config/ReadinessAnalyzers.Strict.globalconfig",
            ],
            entries);

        using var nuspecStream = zip.GetEntry("ReadinessAnalyzers.nuspec")!.Open();
        var nuspec = XDocument.Load(nuspecStream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies" && e.Descendants().Any(d => d.Name.LocalName == "dependency"));
    }

    [Fact]
    public void InsecureApiBuiltAgainstThePackageReportsEveryRule()
    {
        var warnings = BuildSample("InsecureApi");
        var seen = warnings.Select(w => w.Id).ToHashSet();
        // Info diagnostics (RDY1006, secrets in test folders) are not printed by `dotnet build`; their own tests cover them.
        var missing = RuleCatalog.Descriptors
            .Where(d => d.DefaultSeverity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .Select(d => d.Id)
            .Where(id => !seen.Contains(id))
            .ToList();
        Assert.True(missing.Count == 0, "Rules InsecureApi does not trigger through the package: " + string.Join(", ", missing));
    }

    [Fact]
    public void HardenedApiBuiltAgainstThePackageReportsNothing()
    {
        var warnings = BuildSample("HardenedApi");
        Assert.True(warnings.Count == 0, "HardenedApi has warnings: " + string.Join("; ", warnings.Select(w => $"{w.Id} in {w.File}")));
    }

    [Fact]
    public void ConfigFilesReachTheAnalyzersUnlessTheProjectOptsOut()
    {
        static bool IsConfigFile(string file) => file.Length > 0 && !file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

        var withConfig = BuildSample("InsecureApi");
        Assert.Contains(withConfig, w => IsConfigFile(w.File));

        var optedOut = BuildSample("InsecureApi", "-p:ReadinessAnalyzersIncludeConfigFiles=false");
        Assert.DoesNotContain(optedOut, w => IsConfigFile(w.File));
        Assert.NotEmpty(optedOut);
    }

    /// <summary>Copies a sample outside the repository, points it at the packed package and builds it.</summary>
    private List<(string Id, string File)> BuildSample(string sample, params string[] extraArguments)
    {
        var (exitCode, output, _, _) = SampleCopy.Create(package, sample).Build(extraArguments);
        Assert.True(exitCode == 0, $"dotnet build of {sample} failed:\n{output}");

        return WarningPattern.Matches(output)
            .Select(m => (m.Groups["id"].Value, Path.GetFileName(m.Groups["file"].Value)))
            .Distinct()
            .ToList();
    }
}

/// <summary>A diagnostic as the compiler's SARIF log reports it: level is error, warning or note (a suggestion).</summary>
public sealed record ReportedDiagnostic(string Id, string Level, string File);

/// <summary>
/// What `dotnet build` printed, and every diagnostic it reported, Info ones included (from the SARIF error log).
/// Compiled is false when the compiler did not run (an up-to-date project, or a build that failed before it).
/// </summary>
public sealed record BuildResult(int ExitCode, string Output, bool Compiled, IReadOnlyList<ReportedDiagnostic> Diagnostics);

/// <summary>
/// A sample copied outside the repository with the build files a consumer has: the analyzers come from the packed package
/// in the local feed instead of a project reference.
/// </summary>
public sealed class SampleCopy
{
    private SampleCopy(PackedPackage package, string directory)
    {
        Package = package;
        Directory = directory;
    }

    public PackedPackage Package { get; }

    public string Directory { get; }

    public static SampleCopy Create(PackedPackage package, string sample)
    {
        var directory = Path.Combine(package.Root, sample + "-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(Path.Combine(RepositoryRoot.Path, "samples", sample), directory);

        // The consumer's own build files: what samples/Directory.Build.props gives in the repository, but with the
        // analyzers coming from the package instead of a project reference.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ReadinessAnalyzers" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var packages = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"));
        packages.Root!.Elements("ItemGroup").First().Add(new XElement("PackageVersion", new XAttribute("Include", "ReadinessAnalyzers"), new XAttribute("Version", package.Version)));
        packages.Save(Path.Combine(directory, "Directory.Packages.props"));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="ReadinessAnalyzers" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        return new SampleCopy(package, directory);
    }

    /// <summary>Runs `dotnet build`; the compiler writes every diagnostic it reports to a SARIF log outside the project.</summary>
    public BuildResult Build(params string[] extraArguments)
    {
        var log = Path.Combine(Package.Root, Path.GetFileName(Directory) + "-" + Guid.NewGuid().ToString("N")[..8] + ".sarif");
        var (exitCode, output) = DotnetProcess.Run(
            Directory,
            ["build", "-nodeReuse:false", "-clp:NoSummary", $"-p:ErrorLog={log}%2Cversion%3D2.1", .. extraArguments]);
        return File.Exists(log) ? new BuildResult(exitCode, output, true, ReadSarif(log)) : new BuildResult(exitCode, output, false, []);
    }

    private static List<ReportedDiagnostic> ReadSarif(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var diagnostics = new List<ReportedDiagnostic>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                // A diagnostic suppressed in source (#pragma, [SuppressMessage]) is logged with its suppression: not reported.
                if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0)
                {
                    continue;
                }

                var file = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    ? Path.GetFileName(locations[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "")
                    : "";
                diagnostics.Add(new ReportedDiagnostic(
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    file));
            }
        }

        return diagnostics;
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
