using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Tests.Verification;

/// <summary>
/// The assemblies a test snippet compiles against: the .NET and ASP.NET Core shared frameworks and the packages
/// the test project references for rule tests (EF Core, Npgsql, IdentityModel). Loaded once per test run.
/// </summary>
public static class TestReferences
{
    private static readonly string[] IncludedPrefixes =
    [
        "System.", "Microsoft.AspNetCore", "Microsoft.Extensions.", "Microsoft.EntityFrameworkCore", "Npgsql",
        "Microsoft.IdentityModel.", "Microsoft.Net.Http.Headers", "Microsoft.Win32.", "Microsoft.CSharp", "Microsoft.JSInterop",
        "Microsoft.VisualBasic",
    ];

    private static readonly string[] IncludedNames = ["System", "netstandard", "mscorlib"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() => Load(frameworkOnly: true));

    public static ImmutableArray<MetadataReference> Default => All.Value;

    /// <summary>The default references without the assemblies whose names start with <paramref name="prefix"/> (a package not restored).</summary>
    public static ImmutableArray<MetadataReference> Without(string prefix) =>
        [.. Default.Where(r => !Path.GetFileName(((PortableExecutableReference)r).FilePath!).StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>A package that cannot be restored here, as a stub assembly with its real name, namespaces and members.</summary>
    public static MetadataReference Stub(string assemblyName, string source)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            assemblyName,
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source)],
            Default,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The stub " + assemblyName + " does not compile:\n" + string.Join("\n", result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>
    /// The shared frameworks only, no package: what an unrestored checkout compiles against (the audit without restore,
    /// the IDE before restore). Framework assemblies are the ones loaded from the dotnet root's shared folder.
    /// </summary>
    public static ImmutableArray<MetadataReference> WithoutPackages => Framework.Value;

    private static ImmutableArray<MetadataReference> Load() => Load(frameworkOnly: false);

    private static ImmutableArray<MetadataReference> Load(bool frameworkOnly)
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (frameworkOnly && !IsSharedFramework(path))
            {
                continue;
            }

            if (IncludedNames.Contains(name) || IncludedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }

    private static bool IsSharedFramework(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Contains("/shared/Microsoft.NETCore.App/", StringComparison.Ordinal)
            || normalized.Contains("/shared/Microsoft.AspNetCore.App/", StringComparison.Ordinal);
    }
}
