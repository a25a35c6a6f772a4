using System.Text.RegularExpressions;

namespace Readiness.Checklist.Files;

/// <summary>
/// Which files belong to a client app rather than to server code: the nearest project above a file is a Blazor
/// WebAssembly, MAUI, WPF or Windows Forms app, or a console app that hosts nothing (an Exe without the Web or Worker
/// SDK and without Microsoft.Extensions.Hosting). Libraries count as server code: a web app may run them.
/// </summary>
internal sealed partial class ClientProjects(RepositoryFiles files)
{
    private readonly Dictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private HashSet<string>? _projectFolders;

    public bool IsClientCode(string relativePath)
    {
        _projectFolders ??= files.All.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).Select(Folder).ToHashSet(StringComparer.Ordinal);
        for (var folder = Folder(relativePath); ; folder = Parent(folder))
        {
            if (_folders.TryGetValue(folder, out var known))
            {
                return known;
            }

            if (_projectFolders.Contains(folder))
            {
                var project = files.All.First(p => Folder(p) == folder && p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase));
                return _folders[folder] = IsClientProject(files.ReadText(project) ?? "");
            }

            if (folder.Length == 0)
            {
                return _folders[folder] = false;
            }
        }
    }

    /// <summary>True for the project kinds above, from the project file's text.</summary>
    internal static bool IsClientProject(string csproj)
    {
        if (csproj.Contains("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase)
            || UseMaui().IsMatch(csproj) || UseWpf().IsMatch(csproj) || UseWindowsForms().IsMatch(csproj))
        {
            return true;
        }

        var hostsServer = csproj.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
            || csproj.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
            || csproj.Contains("Microsoft.Extensions.Hosting", StringComparison.OrdinalIgnoreCase)
            || csproj.Contains("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase)
            || csproj.Contains("Aspire.", StringComparison.OrdinalIgnoreCase);
        return !hostsServer && OutputTypeExe().IsMatch(csproj);
    }

    [GeneratedRegex(@"<UseMaui>\s*true\s*</UseMaui>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex UseMaui();

    [GeneratedRegex(@"<UseWPF>\s*true\s*</UseWPF>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex UseWpf();

    [GeneratedRegex(@"<UseWindowsForms>\s*true\s*</UseWindowsForms>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex UseWindowsForms();

    [GeneratedRegex(@"<OutputType>\s*(Win)?Exe\s*</OutputType>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex OutputTypeExe();

    private static string Folder(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : "";

    private static string Parent(string folder) => Folder(folder);
}
