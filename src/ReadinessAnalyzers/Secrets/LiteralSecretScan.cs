using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>A provider-format secret found in a C# string literal: the secret's text and where to report it.</summary>
    internal readonly struct LiteralSecret
    {
        public LiteralSecret(SecretMatch match, string value, Location location)
        {
            Match = match;
            Value = value;
            Location = location;
        }

        public SecretMatch Match { get; }

        /// <summary>The secret itself (for masking only).</summary>
        public string Value { get; }

        /// <summary>The secret's exact span in the source when the literal spells it as-is; otherwise the whole literal.</summary>
        public Location Location { get; }
    }

    /// <summary>
    /// Scans the string literals of C# code with the secret engine: regular, verbatim, raw and UTF-8 literals and the
    /// text parts of interpolated strings. Syntax-only (no binding), so it also covers attribute arguments and
    /// constants; the engine's keyword prefilter makes a literal without a candidate cost one pass over its text.
    /// </summary>
    internal static class LiteralSecretScan
    {
        /// <summary>The node kinds that hold literal text.</summary>
        public static readonly SyntaxKind[] LiteralKinds =
        {
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringText,
        };

        /// <summary>Shorter text cannot hold a secret of any known format.</summary>
        private const int MinimumLength = 8;

        /// <summary>
        /// The operation of <paramref name="node"/> when it is a whole string literal (regular, verbatim or raw), the only
        /// form a configuration read can replace; null for UTF-8 literals and the text parts of interpolated strings.
        /// </summary>
        public static IOperation? StringLiteralOperation(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
            => node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? model.GetOperation(literal, cancellationToken)
                : null;

        /// <summary>
        /// The secrets of the literal <paramref name="node"/>, or null (nothing is allocated for a literal without a
        /// candidate, i.e. almost all of them).
        /// </summary>
        public static List<LiteralSecret>? Scan(SyntaxNode node)
        {
            SyntaxToken token;
            switch (node)
            {
                case LiteralExpressionSyntax literal:
                    token = literal.Token;
                    break;
                case InterpolatedStringTextSyntax text:
                    token = text.TextToken;
                    break;
                default:
                    return null;
            }

            var value = token.ValueText;
            if (value is null || value.Length < MinimumLength || !SecretFormatScanner.MayContainSecret(value))
            {
                return null;
            }

            var matches = new List<SecretMatch>();
            SecretFormatScanner.Scan(value, matches);
            if (matches.Count == 0)
            {
                return null;
            }

            var found = new List<LiteralSecret>(matches.Count);

            var tokenText = token.Text;
            var tree = node.SyntaxTree;
            foreach (var match in matches)
            {
                var secret = value.Substring(match.Start, match.Length);

                // Most literals spell the secret as-is: point at it. Escapes or raw-string indentation: the whole literal.
                var offset = tokenText.IndexOf(secret, System.StringComparison.Ordinal);
                var span = offset >= 0 ? new TextSpan(token.SpanStart + offset, secret.Length) : token.Span;
                found.Add(new LiteralSecret(match, secret, Location.Create(tree, span)));
            }

            return found;
        }
    }
}
