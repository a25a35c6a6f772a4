using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReadinessAnalyzers.CodeFixes.Internals
{
    /// <summary>
    /// Inserts elements into a comma-separated list (object initializer members, arguments) in the list's own layout: on
    /// one line they follow <c>, </c>; one per line they take the indentation of the element they follow, and a trailing
    /// comma stays a trailing comma. Comments stay where they were.
    /// </summary>
    internal static class SeparatedListEdits
    {
        /// <summary>
        /// <paramref name="items"/> after the element at <paramref name="after"/> of a non-empty <paramref name="list"/>.
        /// <paramref name="container"/> is the node that holds the list (to find the file's line break).
        /// </summary>
        public static SeparatedSyntaxList<T> InsertAfter<T>(SeparatedSyntaxList<T> list, int after, IReadOnlyList<T> items, SyntaxNode container)
            where T : SyntaxNode
        {
            var anchor = list[after];
            var firstToken = anchor.GetFirstToken();
            var startsLine = firstToken.LeadingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                || firstToken.GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var lineBreak = LineBreak(container);
            var indentation = startsLine ? Indentation(anchor.GetLeadingTrivia()) : default;
            var between = Comma(startsLine ? SyntaxFactory.TriviaList(lineBreak) : SyntaxFactory.TriviaList(SyntaxFactory.Space));

            var nodesAndTokens = new List<SyntaxNodeOrToken>();
            var hasSeparator = after < list.SeparatorCount;
            for (var i = 0; i < list.Count; i++)
            {
                if (i != after)
                {
                    nodesAndTokens.Add(list[i]);
                    if (i < list.SeparatorCount)
                    {
                        nodesAndTokens.Add(list.GetSeparator(i));
                    }

                    continue;
                }

                SyntaxTriviaList lastTrailing;
                if (hasSeparator)
                {
                    nodesAndTokens.Add(anchor);
                    nodesAndTokens.Add(list.GetSeparator(i));
                    lastTrailing = default;
                }
                else
                {
                    // The last element without a trailing comma: the comma goes right after it and takes its trailing trivia
                    // (a comment stays on its line); the new last element ends the way the list ended.
                    var trailing = anchor.GetTrailingTrivia();
                    var commaTrailing = trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? trailing
                        : startsLine ? WithoutTrailingWhitespace(trailing).Add(lineBreak)
                        : trailing.Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) ? trailing
                        : trailing.Add(SyntaxFactory.Space);
                    nodesAndTokens.Add(anchor.WithoutTrailingTrivia());
                    nodesAndTokens.Add(Comma(commaTrailing));
                    lastTrailing = startsLine && trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                        ? SyntaxFactory.TriviaList(lineBreak)
                        : WhitespaceOnly(trailing);
                }

                for (var j = 0; j < items.Count; j++)
                {
                    var item = items[j].WithLeadingTrivia(indentation);
                    if (j < items.Count - 1 || hasSeparator)
                    {
                        nodesAndTokens.Add(item.WithoutTrailingTrivia());
                        nodesAndTokens.Add(between);
                    }
                    else
                    {
                        nodesAndTokens.Add(item.WithTrailingTrivia(lastTrailing));
                    }
                }
            }

            return SyntaxFactory.SeparatedList<T>(nodesAndTokens);
        }

        /// <summary>A comma with exactly the given trailing trivia (no elastic trivia for the formatter to rework).</summary>
        public static SyntaxToken Comma(SyntaxTriviaList trailing)
            => SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CommaToken, trailing);

        private static SyntaxTriviaList WithoutTrailingWhitespace(SyntaxTriviaList trivia)
        {
            var end = trivia.Count;
            while (end > 0 && trivia[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                end--;
            }

            return SyntaxFactory.TriviaList(trivia.Take(end));
        }

        /// <summary>The white space after the last line break of some leading trivia: the indentation of its line.</summary>
        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            var result = new List<SyntaxTrivia>();
            foreach (var trivia in leading)
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia) || !trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    result.Clear();
                }
                else
                {
                    result.Add(trivia);
                }
            }

            return SyntaxFactory.TriviaList(result);
        }

        private static SyntaxTriviaList WhitespaceOnly(SyntaxTriviaList trivia)
            => SyntaxFactory.TriviaList(trivia.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));

        /// <summary>The line break the file uses (the first one in or before the node), \n when there is none.</summary>
        public static SyntaxTrivia LineBreak(SyntaxNode node)
        {
            foreach (var trivia in node.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.LineFeed;
        }

        /// <summary>The indentation of the line a node starts, when it starts a line; none otherwise.</summary>
        public static SyntaxTriviaList IndentationOf(SyntaxNode node)
        {
            var first = node.GetFirstToken();
            var startsLine = first.LeadingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                || first.GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                || first.GetPreviousToken().IsKind(SyntaxKind.None);
            return startsLine ? Indentation(first.LeadingTrivia) : default;
        }
    }
}
