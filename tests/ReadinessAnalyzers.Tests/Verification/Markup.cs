using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Tests.Verification;

/// <summary>
/// The markup of Microsoft.CodeAnalysis.Testing: <c>[|text|]</c> expects the analyzer's only diagnostic,
/// <c>{|RDY1001:text|}</c> a diagnostic with that ID, <c>{|#0:text|}</c> marks location 0 for an explicit
/// <see cref="DiagnosticResult"/>.
/// </summary>
public sealed record MarkedSpan(string? DiagnosticId, int? LocationIndex, TextSpan Span);

public static class Markup
{
    public static (string Text, IReadOnlyList<MarkedSpan> Spans) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(char Closer, string? Id, int? Index, int Start)>();

        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((']', null, null, text.Length));
                i++;
            }
            else if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at offset {i} has no ':' after its ID.");
                }

                var name = markup.Substring(i + 2, colon - i - 2);
                if (name.StartsWith('#'))
                {
                    open.Push(('}', null, int.Parse(name[1..]), text.Length));
                }
                else
                {
                    open.Push(('}', name, null, text.Length));
                }

                i = colon;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                var closer = markup[i + 1];
                if (open.Count == 0 || open.Peek().Closer != closer)
                {
                    throw new FormatException($"Markup '|{closer}' at offset {i} closes nothing.");
                }

                var (_, id, index, start) = open.Pop();
                spans.Add(new MarkedSpan(id, index, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Markup has an unclosed '[|' or '{|'.");
        }

        return (text.ToString(), spans);
    }

    private static bool Starts(string text, int index, string token)
        => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
