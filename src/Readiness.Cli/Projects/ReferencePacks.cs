using System.Runtime.InteropServices;

namespace Readiness.Cli.Projects;

/// <summary>
/// The reference assemblies of the installed .NET SDK: packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/&lt;tfm&gt;
/// and the same for Microsoft.AspNetCore.App.Ref. The dotnet root comes from DOTNET_ROOT, else from the running
/// runtime's own folder. When no reference pack matches the project's framework, the newest one is used and the
/// audit says so; when there are no packs at all (a runtime-only install), the shared framework's assemblies stand in.
/// </summary>
internal sealed class ReferencePacks
{
    public const string NetCoreApp = "Microsoft.NETCore.App";
    public const string AspNetCoreApp = "Microsoft.AspNetCore.App";

    private readonly Dictionary<(string Framework, string Tfm), (IReadOnlyList<string> Paths, string? Note)> _cache = [];
    private readonly Lock _lock = new();

    public ReferencePacks(string? dotnetRoot)
    {
        DotnetRoot = dotnetRoot;
    }

    public string? DotnetRoot { get; }

    public static ReferencePacks FromEnvironment() => new(LocateDotnetRoot());

    public static string? LocateDotnetRoot()
    {
        foreach (var variable in new[] { "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_INSTALL_DIR" })
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value) && Directory.Exists(Path.Combine(value, "packs")))
            {
                return Path.GetFullPath(value);
            }
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ is where the running runtime lives.
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var candidate = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        if (Directory.Exists(Path.Combine(candidate, "shared")))
        {
            return candidate;
        }

        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return Path.GetDirectoryName(processPath);
        }

        return null;
    }

    /// <summary>The reference assemblies of <paramref name="framework"/> for <paramref name="tfm"/>, and a note when they are not an exact match.</summary>
    public (IReadOnlyList<string> Paths, string? Note) Resolve(string framework, string tfm)
    {
        lock (_lock)
        {
            if (!_cache.TryGetValue((framework, tfm), out var result))
            {
                result = ResolveUncached(framework, tfm);
                _cache[(framework, tfm)] = result;
            }

            return result;
        }
    }

    private (IReadOnlyList<string> Paths, string? Note) ResolveUncached(string framework, string tfm)
    {
        if (DotnetRoot is null)
        {
            return ([], "the .NET installation was not found (set DOTNET_ROOT)");
        }

        var packDirectory = Path.Combine(DotnetRoot, "packs", framework + ".Ref");
        var versions = Directory.Exists(packDirectory)
            ? Directory.GetDirectories(packDirectory).OrderByDescending(d => ParseVersion(Path.GetFileName(d))).ToList()
            : [];

        foreach (var version in versions)
        {
            var refDirectory = Path.Combine(version, "ref", tfm);
            if (Directory.Exists(refDirectory))
            {
                return (Directory.GetFiles(refDirectory, "*.dll"), null);
            }
        }

        // No pack for this framework version: the newest pack is the closest API surface we have.
        foreach (var version in versions)
        {
            var refRoot = Path.Combine(version, "ref");
            var newest = Directory.Exists(refRoot)
                ? Directory.GetDirectories(refRoot).OrderByDescending(d => ParseVersion(Path.GetFileName(d).TrimStart('n', 'e', 't'))).FirstOrDefault()
                : null;
            if (newest is not null)
            {
                return (Directory.GetFiles(newest, "*.dll"), $"{framework} reference assemblies for {tfm} are not installed; used {Path.GetFileName(newest)} from {Path.GetFileName(version)}");
            }
        }

        var shared = Path.Combine(DotnetRoot, "shared", framework);
        var sharedVersion = Directory.Exists(shared)
            ? Directory.GetDirectories(shared).OrderByDescending(d => ParseVersion(Path.GetFileName(d))).FirstOrDefault()
            : null;
        if (sharedVersion is not null)
        {
            var assemblies = Directory.GetFiles(sharedVersion, "*.dll").Where(IsManagedAssembly).ToList();
            return (assemblies, $"no {framework} reference pack is installed; compiled against the shared runtime {Path.GetFileName(sharedVersion)}");
        }

        return ([], $"{framework} was not found under {DotnetRoot}");
    }

    /// <summary>packs/&lt;pack&gt;/&lt;version&gt;/analyzers/dotnet/cs for a reference assembly of ref/&lt;tfm&gt;, when it exists.</summary>
    public static string? GeneratorFolder(string referenceAssemblyPath)
    {
        var refTfm = Path.GetDirectoryName(referenceAssemblyPath);
        var version = refTfm is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(refTfm));
        var folder = version is null ? null : Path.Combine(version, "analyzers", "dotnet", "cs");
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    private static bool IsManagedAssembly(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith("Microsoft.DiaSymReader.Native", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("mscordaccore", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("mscordbi", StringComparison.OrdinalIgnoreCase);
    }

    private static Version ParseVersion(string text)
    {
        var core = text.Split('-', '+')[0];
        return Version.TryParse(core, out var version) ? version : new Version(0, 0);
    }
}
