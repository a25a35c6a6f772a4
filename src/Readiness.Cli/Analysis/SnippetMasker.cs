using System.Text;
using System.Text.RegularExpressions;

namespace Readiness.Cli.Analysis;

/// <summary>
/// Keeps secrets out of report snippets. In a snippet of a secrets finding every quoted value and every
/// <c>KEY=value</c> / <c>key: value</c> value is masked; in any other snippet the values on lines that name a
/// credential are. The mask is the analyzers' own form: a short prefix, an ellipsis and the length.
/// </summary>
internal static partial class SnippetMasker
{
    [GeneratedRegex("""(?i)(pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|signing[_-]?key|access[_-]?key|credential|connectionstring|connection_string|sas|bearer|client[_-]?secret)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CredentialWord();

    // "…", '…', @"…", $"…" and """…""" on one line.
    [GeneratedRegex(""""(?<q>"""|"|')(?<v>(?:\\.|(?!\k<q>).)*)\k<q>"""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Quoted();

    // KEY=value (env files, Dockerfile ENV/ARG, connection-string parts) and key: value (YAML, compose).
    [GeneratedRegex("""(?<lead>[A-Za-z0-9_.\-]+\s*[=:]\s*)(?<v>[^\s"',;}{]{4,})""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Assigned();

    public static string Mask(string snippet, bool maskEverything)
    {
        var lines = snippet.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (maskEverything || CredentialWord().IsMatch(lines[i]))
            {
                lines[i] = MaskLine(lines[i]);
            }
        }

        return string.Join('\n', lines);
    }

    private static string MaskLine(string line)
    {
        try
        {
            if (line.IndexOfAny(['"', '\'']) < 0)
            {
                return Assigned().Replace(line, m => m.Groups["lead"].Value + MaskValue(m.Groups["v"].Value));
            }

            // A quoted JSON key ("Password": …) names the value; only the value is masked.
            return Quoted().Replace(line, m => IsKey(line, m.Index + m.Length)
                ? m.Value
                : m.Groups["q"].Value + MaskValue(m.Groups["v"].Value) + m.Groups["q"].Value);
        }
        catch (RegexMatchTimeoutException)
        {
            return "(line hidden: it may hold a secret)";
        }
    }

    private static bool IsKey(string line, int end)
    {
        while (end < line.Length && char.IsWhiteSpace(line[end]))
        {
            end++;
        }

        return end < line.Length && line[end] == ':';
    }

    /// <summary>The same form as the analyzers' SecretMask: up to 4 leading characters for long values, none for short ones.</summary>
    internal static string MaskValue(string value)
    {
        if (value.Length == 0 || IsPlaceholder(value))
        {
            return value;
        }

        var shown = value.Length >= 16 ? 4 : value.Length >= 8 ? 2 : 0;
        return new StringBuilder(value, 0, shown, shown + 16).Append("…(").Append(value.Length).Append(" chars)").ToString();
    }

    private static bool IsPlaceholder(string value) =>
        value.StartsWith("${", StringComparison.Ordinal)
        || (value.StartsWith('<') && value.EndsWith('>'))
        || value.Contains('…');
}
