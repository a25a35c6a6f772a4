using System;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Wildcard matching for option values, case-insensitive and allocation-free: for path globs
    /// (<c>**/tests/**</c>: <c>**</c> crosses folders, <c>*</c> stays inside one, <c>?</c> is one character; '\' counts as '/')
    /// and for value patterns (<c>*-change-me</c>, where '/' is an ordinary character).
    /// </summary>
    internal static class Wildcard
    {
        /// <summary>True when <paramref name="path"/> matches <paramref name="glob"/>; a glob without '/' matches the file name anywhere.</summary>
        public static bool IsPathMatch(string path, string glob)
        {
            if (string.IsNullOrEmpty(path) || string.IsNullOrEmpty(glob))
            {
                return false;
            }

            if (glob.IndexOf('/') < 0)
            {
                glob = "**/" + glob;
            }

            // A leading "**/" also matches at the root: "**/tests/**" covers "tests/x.json" and "/src/tests/x.json".
            return Match(path, 0, glob, 0, pathMode: true)
                || (glob.StartsWith("**/", StringComparison.Ordinal) && Match(path, 0, glob, 3, pathMode: true));
        }

        /// <summary>True when the whole <paramref name="value"/> matches <paramref name="pattern"/> ('*' is any run of characters).</summary>
        public static bool IsMatch(string value, string pattern)
            => value != null && !string.IsNullOrEmpty(pattern) && Match(value, 0, pattern, 0, pathMode: false);

        private static bool Match(string text, int t, string pattern, int p, bool pathMode)
        {
            while (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    var crossesFolders = !pathMode || (p + 1 < pattern.Length && pattern[p + 1] == '*');
                    p += crossesFolders && pathMode ? 2 : 1;
                    if (pathMode && crossesFolders && p < pattern.Length && pattern[p] == '/')
                    {
                        // "**/" may match nothing at all.
                        if (Match(text, t, pattern, p + 1, pathMode))
                        {
                            return true;
                        }
                    }

                    for (var i = t; i <= text.Length; i++)
                    {
                        if (Match(text, i, pattern, p, pathMode))
                        {
                            return true;
                        }

                        if (i < text.Length && !crossesFolders && IsSeparator(text[i]))
                        {
                            return false;
                        }
                    }

                    return false;
                }

                if (t >= text.Length)
                {
                    return false;
                }

                var matches = c == '?'
                    ? !(pathMode && IsSeparator(text[t]))
                    : pathMode && IsSeparator(c) ? IsSeparator(text[t]) : char.ToLowerInvariant(c) == char.ToLowerInvariant(text[t]);
                if (!matches)
                {
                    return false;
                }

                p++;
                t++;
            }

            return t == text.Length;
        }

        private static bool IsSeparator(char c) => c == '/' || c == '\\';
    }
}
