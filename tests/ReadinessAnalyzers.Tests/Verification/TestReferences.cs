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
    /// The base class library only: no ASP.NET Core, EF Core, Npgsql or IdentityModel, as when a repository's packages are
    /// not restored. A rule's fallback (exact type and member names) is tested with these.
    /// </summary>
    public static ImmutableArray<MetadataReference> FrameworkOnly => Framework.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
    [
        .. All.Value.Where(r => r.Display is { } path && Path.GetFileNameWithoutExtension(path) is var name
            && (IncludedNames.Contains(name) || name.StartsWith("System.", StringComparison.Ordinal))),
    ]);

    private static ImmutableArray<MetadataReference> Load()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (IncludedNames.Contains(name) || IncludedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }
}
