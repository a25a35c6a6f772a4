using System.Text;
using System.Text.RegularExpressions;

namespace Readiness.Checklist.Files;

/// <summary>
/// Globs over repository-relative paths with forward slashes, case-insensitive: <c>*</c> within a segment,
/// <c>?</c> one character, <c>**/</c> any number of folders. A glob without a slash matches a file name at any
/// depth (<c>appsettings*.json</c> is <c>**/appsettings*.json</c>), as in .gitignore.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        var normalized = pattern.Replace('\\', '/').TrimStart('/');
        if (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        if (!normalized.Contains('/'))
        {
            normalized = "**/" + normalized;
        }

        _regex = new Regex(ToRegex(normalized), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.Append('$').ToString();
    }
}
