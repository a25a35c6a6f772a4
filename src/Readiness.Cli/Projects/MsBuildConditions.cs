using System.Text.RegularExpressions;

namespace Readiness.Cli.Projects;

/// <summary>
/// The small part of MSBuild's expression language project files use most: <c>$(Name)</c> expansion and conditions
/// such as <c>'$(TargetFramework)' != 'netstandard2.0'</c>, joined by <c>and</c> / <c>or</c>. Anything else (property
/// functions, item lists, <c>Exists()</c>) is "unknown", and the caller leaves the element out rather than guess.
/// Properties not yet defined expand to empty, as in MSBuild.
/// </summary>
internal static partial class MsBuildConditions
{
    [GeneratedRegex(@"\$\((?<name>[A-Za-z_][A-Za-z0-9_.\-]*)\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PropertyReference();

    /// <summary>The value with <c>$(Name)</c> expanded; null when it uses anything beyond plain property references.</summary>
    public static string? Expand(string value, IReadOnlyDictionary<string, string> properties)
    {
        var expanded = PropertyReference().Replace(value, m => properties.TryGetValue(m.Groups["name"].Value, out var v) ? v : string.Empty);
        return expanded.Contains("$(", StringComparison.Ordinal) || expanded.Contains("@(", StringComparison.Ordinal) || expanded.Contains("%(", StringComparison.Ordinal)
            ? null
            : expanded;
    }

    /// <summary>True or false when the condition is simple enough to evaluate; null otherwise.</summary>
    public static bool? Evaluate(string condition, IReadOnlyDictionary<string, string> properties)
    {
        var text = condition.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (text.StartsWith('(') && MatchingParenthesis(text) == text.Length - 1)
        {
            return Evaluate(text[1..^1], properties);
        }

        // 'or' binds looser than 'and'.
        foreach (var op in new[] { " or ", " and " })
        {
            var parts = SplitTopLevel(text, op);
            if (parts.Count > 1)
            {
                var results = parts.Select(p => Evaluate(p, properties)).ToList();
                if (results.Any(r => r is null))
                {
                    return null;
                }

                return op == " or " ? results.Any(r => r == true) : results.All(r => r == true);
            }
        }

        foreach (var comparison in new[] { "==", "!=" })
        {
            var index = text.IndexOf(comparison, StringComparison.Ordinal);
            if (index > 0)
            {
                var left = Operand(text[..index], properties);
                var right = Operand(text[(index + 2)..], properties);
                if (left is null || right is null)
                {
                    return null;
                }

                var equal = string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
                return comparison == "==" ? equal : !equal;
            }
        }

        return null;
    }

    private static string? Operand(string text, IReadOnlyDictionary<string, string> properties)
    {
        text = text.Trim();
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            text = text[1..^1];
        }
        else if (text.Contains(' ', StringComparison.Ordinal) || text.Contains('(', StringComparison.Ordinal) && !text.StartsWith("$(", StringComparison.Ordinal))
        {
            return null;
        }

        return Expand(text, properties);
    }

    private static List<string> SplitTopLevel(string text, string op)
    {
        var parts = new List<string>();
        var depth = 0;
        var inQuote = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '(')
            {
                depth++;
            }
            else if (!inQuote && c == ')')
            {
                depth--;
            }
            else if (!inQuote && depth == 0 && string.Compare(text, i, op, 0, op.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                parts.Add(text[start..i]);
                start = i + op.Length;
                i += op.Length - 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int MatchingParenthesis(string text)
    {
        var depth = 0;
        var inQuote = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && text[i] == '(')
            {
                depth++;
            }
            else if (!inQuote && text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
