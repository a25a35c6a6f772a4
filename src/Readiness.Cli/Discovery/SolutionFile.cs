using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Readiness.Cli.Discovery;

/// <summary>Reads the C# projects a solution lists: <c>Project(...)</c> lines of a .sln, <c>Project Path</c> of a .slnx.</summary>
internal static partial class SolutionFile
{
    [GeneratedRegex("""^\s*Project\("\{[^}]*\}"\)\s*=\s*"[^"]*"\s*,\s*"(?<path>[^"]+)"\s*,""", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProjectLine();

    /// <summary>Absolute paths of the .csproj files the solution names (existing or not; the caller checks).</summary>
    public static IReadOnlyList<string> ReadProjects(string solutionPath, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(solutionPath))!;
        var relativePaths = solutionPath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            ? ReadSlnx(text)
            : ProjectLine().Matches(text).Select(m => m.Groups["path"].Value);

        return relativePaths
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p.Replace('\\', Path.DirectorySeparatorChar))))
            .Distinct(RepositoryWalker.PathComparer)
            .ToList();
    }

    private static IEnumerable<string> ReadSlnx(string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"not a valid .slnx file ({e.LineNumber}:{e.LinePosition}: {e.Message})", e);
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName == "Project")
            .Select(e => (string?)e.Attribute("Path"))
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p!);
    }
}
