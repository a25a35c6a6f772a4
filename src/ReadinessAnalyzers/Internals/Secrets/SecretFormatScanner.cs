using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>
    /// Finds provider-format secrets (tokens, keys, connection-string passwords, private keys) in a text: a C# literal's
    /// value or a whole file. One pass of a keyword automaton finds the places where a format may start; only there do the
    /// formats' precise checks (prefix, length, character set, word boundaries, checksum, context) run.
    /// </summary>
    internal static class SecretFormatScanner
    {
        private static readonly KeywordAutomaton Automaton = KeywordAutomaton.Build(SecretFormatCatalog.All);

        /// <summary>Every known format, most specific first.</summary>
        public static IReadOnlyList<SecretFormat> Formats => SecretFormatCatalog.All;

        /// <summary>The format with this id, or null.</summary>
        public static SecretFormat? Find(string id)
        {
            foreach (var format in SecretFormatCatalog.All)
            {
                if (string.Equals(format.Id, id, StringComparison.Ordinal))
                {
                    return format;
                }
            }

            return null;
        }

        /// <summary>
        /// The cheap prefilter: false when no format's keyword occurs in the text, so no format can match. True does not
        /// mean a secret is there; call <see cref="Scan(string, List{SecretMatch})"/> to know.
        /// </summary>
        public static bool MayContainSecret(string? text)
        {
            if (text is null)
            {
                return false;
            }

            var automaton = Automaton;
            var classes = automaton.Classes;
            var delta = automaton.Delta;
            var state = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var next = delta[state + classes[text[i]]];
                if (next < 0)
                {
                    next &= int.MaxValue;
                    foreach (var keyword in automaton.Outputs[next / automaton.Stride])
                    {
                        var keywordStart = i - keyword.Text.Length + 1;
                        if (!keyword.CaseSensitive || string.CompareOrdinal(text, keywordStart, keyword.Text, 0, keyword.Text.Length) == 0)
                        {
                            return true;
                        }
                    }
                }

                state = next;
            }

            return false;
        }

        /// <summary>Appends to <paramref name="matches"/> the secrets found in the whole text. Allocates nothing when there are none.</summary>
        public static void Scan(string text, List<SecretMatch> matches)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            Scan(text, 0, text.Length, matches);
        }

        /// <summary>
        /// Appends to <paramref name="matches"/> the secrets found in text[start..start+length). Matchers read nothing outside that
        /// region, so a caller can scan one literal inside a file's text. Allocates nothing when there are none.
        /// </summary>
        public static void Scan(string text, int start, int length, List<SecretMatch> matches)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (matches is null)
            {
                throw new ArgumentNullException(nameof(matches));
            }

            if (start < 0 || length < 0 || start > text.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            var automaton = Automaton;
            var classes = automaton.Classes;
            var delta = automaton.Delta;
            var end = start + length;
            var firstOwn = matches.Count;
            var state = 0;
            for (var i = start; i < end; i++)
            {
                var next = delta[state + classes[text[i]]];
                if (next < 0)
                {
                    next &= int.MaxValue;
                    OnKeywords(text, i, automaton.Outputs[next / automaton.Stride], start, end, matches, firstOwn);
                }

                state = next;
            }
        }

        private static void OnKeywords(
            string text, int last, KeywordAutomaton.Keyword[] keywords, int regionStart, int regionEnd, List<SecretMatch> matches, int firstOwn)
        {
            foreach (var keyword in keywords)
            {
                var keywordStart = last - keyword.Text.Length + 1;
                if (keyword.CaseSensitive && string.CompareOrdinal(text, keywordStart, keyword.Text, 0, keyword.Text.Length) != 0)
                {
                    continue;
                }

                foreach (var format in keyword.Formats)
                {
                    var length = format.Matcher(text, keywordStart, last + 1, regionStart, regionEnd, out var start);
                    if (length > 0 && start >= regionStart && start + length <= regionEnd)
                    {
                        Add(matches, firstOwn, new SecretMatch(start, length, format));
                    }
                }
            }
        }

        /// <summary>
        /// Adds a match unless one already found covers it. Where two overlap, the one that contains the other stays (a
        /// service-account JSON over the private key inside it); for the same span, the more specific format (lower priority).
        /// </summary>
        private static void Add(List<SecretMatch> matches, int firstOwn, SecretMatch match)
        {
            // Overlaps come from nearby keywords, so only the latest matches are compared: linear on hostile input.
            var floor = Math.Max(firstOwn, matches.Count - RecentMatches);
            for (var i = floor; i < matches.Count; i++)
            {
                var other = matches[i];
                if (Overlap(other, match)
                    && (match.Start > other.Start || match.End < other.End
                        || (match.Start == other.Start && match.End == other.End && match.Format.Priority >= other.Format.Priority)))
                {
                    return;
                }
            }

            for (var i = matches.Count - 1; i >= floor; i--)
            {
                if (Overlap(matches[i], match))
                {
                    matches.RemoveAt(i);
                }
            }

            matches.Add(match);
        }

        private const int RecentMatches = 32;

        private static bool Overlap(SecretMatch a, SecretMatch b) => a.Start < b.End && b.Start < a.End;
    }
}
