using System;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>Character sets of token bodies, as flags so that a set test is one table lookup.</summary>
    [Flags]
    internal enum TokenChars : ushort
    {
        None = 0,
        Upper = 1,
        Lower = 2,
        Digit = 4,
        Underscore = 8,
        Dash = 16,
        Plus = 32,
        Slash = 64,
        Equals = 128,
        Dot = 256,
        /// <summary>a-f only.</summary>
        HexLowerLetter = 512,
        /// <summary>A-F only.</summary>
        HexUpperLetter = 1024,
        /// <summary>2-7 only (base32).</summary>
        Digit2To7 = 2048,
        Tilde = 4096,
        Percent = 8192,

        Alnum = Upper | Lower | Digit,
        Word = Alnum | Underscore,
        HexLower = Digit | HexLowerLetter,
        Hex = Digit | HexLowerLetter | HexUpperLetter,
        Base64 = Alnum | Plus | Slash,
        Base64Url = Alnum | Underscore | Dash,
        Base32Upper = Upper | Digit2To7,
        Base32Lower = Lower | Digit2To7,
        LowerAlnum = Lower | Digit,
        UpperAlnum = Upper | Digit,
    }

    /// <summary>Allocation-free character and span tests shared by the format matchers.</summary>
    internal static class TokenText
    {
        private static readonly ushort[] Flags = BuildFlags();

        private static ushort[] BuildFlags()
        {
            var flags = new ushort[128];
            for (var c = 'A'; c <= 'Z'; c++)
            {
                flags[c] |= (ushort)TokenChars.Upper;
            }

            for (var c = 'a'; c <= 'z'; c++)
            {
                flags[c] |= (ushort)TokenChars.Lower;
            }

            for (var c = '0'; c <= '9'; c++)
            {
                flags[c] |= (ushort)TokenChars.Digit;
            }

            for (var c = 'a'; c <= 'f'; c++)
            {
                flags[c] |= (ushort)TokenChars.HexLowerLetter;
            }

            for (var c = 'A'; c <= 'F'; c++)
            {
                flags[c] |= (ushort)TokenChars.HexUpperLetter;
            }

            for (var c = '2'; c <= '7'; c++)
            {
                flags[c] |= (ushort)TokenChars.Digit2To7;
            }

            flags['_'] |= (ushort)TokenChars.Underscore;
            flags['-'] |= (ushort)TokenChars.Dash;
            flags['+'] |= (ushort)TokenChars.Plus;
            flags['/'] |= (ushort)TokenChars.Slash;
            flags['='] |= (ushort)TokenChars.Equals;
            flags['.'] |= (ushort)TokenChars.Dot;
            flags['~'] |= (ushort)TokenChars.Tilde;
            flags['%'] |= (ushort)TokenChars.Percent;
            return flags;
        }

        public static bool In(char c, TokenChars set) => c < 128 && (Flags[c] & (ushort)set) != 0;

        /// <summary>A character that continues a word: a token glued to one is part of a longer word.</summary>
        public static bool IsWordChar(char c) => In(c, TokenChars.Word);

        public static bool IsHexDigit(char c) => In(c, TokenChars.Hex);

        /// <summary>True when no word character precedes <paramref name="index"/> (or it is the region start).</summary>
        public static bool StartsWord(string text, int index, int regionStart) => index <= regionStart || !IsWordChar(text[index - 1]);

        /// <summary>True when the character at <paramref name="index"/> does not continue a word made of <paramref name="set"/>.</summary>
        public static bool EndsWord(string text, int index, int regionEnd, TokenChars set) =>
            index >= regionEnd || !In(text[index], set | TokenChars.Word);

        /// <summary>Length of the run of <paramref name="set"/> characters starting at <paramref name="index"/>, at most <paramref name="max"/>.</summary>
        public static int RunLength(string text, int index, int regionEnd, TokenChars set, int max)
        {
            var limit = Math.Min(regionEnd, index + max);
            var i = index;
            while (i < limit && In(text[i], set))
            {
                i++;
            }

            return i - index;
        }

        /// <summary>True when all <paramref name="length"/> characters from <paramref name="index"/> are in <paramref name="set"/>.</summary>
        public static bool All(string text, int index, int length, TokenChars set)
        {
            for (var i = index; i < index + length; i++)
            {
                if (!In(text[i], set))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool Contains(string text, int index, int length, TokenChars set)
        {
            for (var i = index; i < index + length; i++)
            {
                if (In(text[i], set))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Ordinal comparison of <paramref name="value"/> with the text at <paramref name="index"/>, inside the region.</summary>
        public static bool At(string text, int index, int regionEnd, string value) =>
            index >= 0 && index + value.Length <= regionEnd && string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

        /// <summary>ASCII case-insensitive comparison of <paramref name="value"/> (lower case) with the text at <paramref name="index"/>.</summary>
        public static bool AtIgnoreCase(string text, int index, int regionEnd, string value)
        {
            if (index < 0 || index + value.Length > regionEnd)
            {
                return false;
            }

            for (var i = 0; i < value.Length; i++)
            {
                var c = text[index + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }

                if (c != value[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Index of <paramref name="value"/> (lower case) in [from, to), ASCII case-insensitive; -1 when absent.</summary>
        public static int IndexOfIgnoreCase(string text, string value, int from, int to)
        {
            var first = value[0];
            var firstUpper = first >= 'a' && first <= 'z' ? (char)(first - 32) : first;
            for (var i = from; i <= to - value.Length; i++)
            {
                var c = text[i];
                if ((c == first || c == firstUpper) && AtIgnoreCase(text, i, to, value))
                {
                    return i;
                }
            }

            return -1;
        }

        public static bool ContainsIgnoreCase(string text, string value, int from, int to) => IndexOfIgnoreCase(text, value, from, to) >= 0;

        /// <summary>The line around <paramref name="index"/>, clipped to the region and to <paramref name="reach"/> characters each side.</summary>
        public static void Line(string text, int index, int regionStart, int regionEnd, int reach, out int lineStart, out int lineEnd)
        {
            var floor = Math.Max(regionStart, index - reach);
            lineStart = index;
            while (lineStart > floor && text[lineStart - 1] != '\n' && text[lineStart - 1] != '\r')
            {
                lineStart--;
            }

            var ceiling = Math.Min(regionEnd, index + reach);
            lineEnd = index;
            while (lineEnd < ceiling && text[lineEnd] != '\n' && text[lineEnd] != '\r')
            {
                lineEnd++;
            }
        }

        /// <summary>
        /// Finds in [from, to) a run of exactly the <paramref name="set"/> characters, standing alone as a word, whose length is in
        /// [min, max]. Returns its start or -1.
        /// </summary>
        public static int FindWord(string text, int from, int to, int regionStart, int regionEnd, TokenChars set, int min, int max, out int length)
        {
            var i = from;
            while (i < to)
            {
                if (!In(text[i], set))
                {
                    i++;
                    continue;
                }

                var runStart = i;
                while (i < regionEnd && In(text[i], set))
                {
                    i++;
                }

                length = i - runStart;
                if (length >= min && length <= max && StartsWord(text, runStart, regionStart) && EndsWord(text, i, regionEnd, set)
                    && !LooksFake(text, runStart, length))
                {
                    return runStart;
                }
            }

            length = 0;
            return -1;
        }

        /// <summary>
        /// A token body that documentation would write, not a provider: a run of six identical characters (xxxxxx, 000000),
        /// six consecutive ascending characters (123456, abcdef), or the word EXAMPLE (AWS's documentation keys).
        /// </summary>
        public static bool LooksFake(string text, int index, int length)
        {
            var same = 1;
            var ascending = 1;
            for (var i = index + 1; i < index + length; i++)
            {
                var c = text[i];
                var p = text[i - 1];
                same = c == p ? same + 1 : 1;
                ascending = c == p + 1 ? ascending + 1 : 1;
                if (same >= 6 || ascending >= 6)
                {
                    return true;
                }

                if ((c == 'E' || c == 'e') && i + 7 <= index + length
                    && (string.CompareOrdinal(text, i, "EXAMPLE", 0, 7) == 0 || string.CompareOrdinal(text, i, "example", 0, 7) == 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Number of distinct characters in the span, up to 64 (enough to tell random from repetitive).</summary>
        public static int DistinctCount(string text, int index, int length)
        {
            ulong low = 0;
            ulong high = 0;
            var count = 0;
            for (var i = index; i < index + length; i++)
            {
                var c = text[i] & 127;
                ref var bits = ref c < 64 ? ref low : ref high;
                var bit = 1UL << (c & 63);
                if ((bits & bit) == 0)
                {
                    bits |= bit;
                    count++;
                }
            }

            return count;
        }
    }
}
