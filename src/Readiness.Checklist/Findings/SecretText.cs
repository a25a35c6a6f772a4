using System.Text.RegularExpressions;

namespace Readiness.Checklist.Findings;

/// <summary>
/// Masking for text that may hold a secret: the analyzers' form (a short prefix, an ellipsis, the length),
/// and string literals in code or config snippets.
/// </summary>
public static partial class SecretText
{
    /// <summary>The analyzers' mask: 4 characters shown from 16, 2 from 8, none below.</summary>
    public static string Mask(string value)
    {
        var shown = value.Length >= 16 ? 4 : value.Length >= 8 ? 2 : 0;
        return value[..shown] + "…(" + value.Length + " chars)";
    }

    // "…", '…', and C# verbatim/raw strings, plus unquoted values after = or : (Dockerfile ENV, .env, YAML).
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@?\"(?:[^\"\\\\\\r\\n]|\\\\.|\"\")*\"|'(?:[^'\\\\\\r\\n]|\\\\.)*'", RegexOptions.None, 1000)]
    private static partial Regex QuotedLiteral();

    [GeneratedRegex("(?<=[=:]\\s*)(?![\"'\\s])[^\\s\"',;}\\]]{4,}", RegexOptions.None, 1000)]
    private static partial Regex UnquotedValue();

    [GeneratedRegex("(?i)(password|passwd|pwd|secret|token|apikey|api_key|privatekey|private_key|accesskey|access_key|signingkey|connectionstring|credential|(^|[:_.])key$)", RegexOptions.None, 1000)]
    private static partial Regex CredentialName();

    /// <summary>
    /// True for a configuration key or variable name that names a credential (Password, ApiKey, Jwt:Key,
    /// ConnectionStrings:Db …): its value is shown masked, whatever the check's category.
    /// </summary>
    public static bool IsCredentialName(string name) => CredentialName().IsMatch(name) || name.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Replaces every string literal (and every unquoted assigned value) by its mask, keeping the quotes.</summary>
    public static string MaskLiterals(string text)
    {
        try
        {
            var masked = QuotedLiteral().Replace(text, m =>
            {
                var v = m.Value;
                var open = v.StartsWith("\"\"\"", StringComparison.Ordinal) ? 3 : v.StartsWith('@') ? 2 : 1;
                var close = open == 3 ? 3 : 1;
                var inner = v.Length >= open + close ? v[open..^close] : "";
                return inner.Length == 0 ? v : v[..open] + Mask(inner) + v[^close..];
            });
            return UnquotedValue().Replace(masked, m => Mask(m.Value));
        }
        catch (RegexMatchTimeoutException)
        {
            return "(snippet withheld: it may hold a secret)";
        }
    }
}
