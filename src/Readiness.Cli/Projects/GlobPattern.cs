using System.Text;
using System.Text.RegularExpressions;

namespace Readiness.Cli.Projects;

/// <summary>An MSBuild item glob (<c>**/*.cs</c>, <c>Legacy/*.cs</c>, <c>Old.cs</c>) matched against project-relative paths.</summary>
internal sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string pattern)
    {
        Pattern = pattern.Replace('\\', '/');
        if (Pattern.StartsWith("./", StringComparison.Ordinal))
        {
            Pattern = Pattern[2..];
        }

        var builder = new StringBuilder("^");
        for (var i = 0; i < Pattern.Length; i++)
        {
            var c = Pattern[i];
            if (c == '*' && i + 1 < Pattern.Length && Pattern[i + 1] == '*')
            {
                // "**/" matches any number of folders, including none; a trailing "**" matches everything below.
                var followedBySlash = i + 2 < Pattern.Length && Pattern[i + 2] == '/';
                builder.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        builder.Append('$');
        var options = RegexOptions.CultureInvariant | (OperatingSystem.IsLinux() ? RegexOptions.None : RegexOptions.IgnoreCase);
        _regex = new Regex(builder.ToString(), options, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    /// <summary>True when the pattern points outside the project folder (<c>../Shared/*.cs</c>).</summary>
    public bool LeavesProjectFolder => Pattern.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(Pattern);

    public bool HasWildcards => Pattern.IndexOfAny(['*', '?']) >= 0;

    /// <param name="relativePath">A path relative to the project folder, forward slashes.</param>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}
