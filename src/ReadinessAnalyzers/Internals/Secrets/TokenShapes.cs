using System;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>Checks a candidate token span [start, start+length) beyond its character set: checksums, inner structure.</summary>
    internal delegate bool TokenCheck(string text, int start, int length);

    /// <summary>
    /// The three generic shapes a format can take, as matchers: a token that starts with its prefix, a token built around an
    /// inner signature, and a value found on the same line as a context word.
    /// </summary>
    internal static class TokenShapes
    {
        /// <summary>prefix + body: the keyword is the prefix; the body is a run of <paramref name="body"/> of length [min, max].</summary>
        public static SecretMatcher Prefixed(TokenChars body, int min, int max, TokenCheck? check = null, bool padding = false) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                start = keywordStart;
                if (!TokenText.StartsWord(text, keywordStart, regionStart))
                {
                    return 0;
                }

                var length = TokenText.RunLength(text, keywordEnd, regionEnd, body, max + 1);
                if (length < min || length > max)
                {
                    return 0;
                }

                var end = keywordEnd + length;
                if (padding)
                {
                    var limit = Math.Min(regionEnd, end + 2);
                    while (end < limit && text[end] == '=')
                    {
                        end++;
                    }
                }

                if (!TokenText.EndsWord(text, end, regionEnd, body) || TokenText.LooksFake(text, keywordEnd, length)
                    || (check is not null && !check(text, keywordStart, end - keywordStart)))
                {
                    return 0;
                }

                return end - keywordStart;
            };

        /// <summary>A token that contains its keyword somewhere inside: the maximal run of <paramref name="set"/> around it.</summary>
        public static SecretMatcher Around(TokenChars set, int maxLength, TokenCheck check) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                var floor = Math.Max(regionStart, keywordStart - maxLength);
                start = keywordStart;
                while (start > floor && TokenText.In(text[start - 1], set))
                {
                    start--;
                }

                var ceiling = Math.Min(regionEnd, keywordEnd + maxLength);
                var end = keywordEnd;
                while (end < ceiling && TokenText.In(text[end], set))
                {
                    end++;
                }

                if ((start > regionStart && TokenText.In(text[start - 1], set | TokenChars.Word))
                    || !TokenText.EndsWord(text, end, regionEnd, set)
                    || !check(text, start, end - start))
                {
                    return 0;
                }

                return end - start;
            };

        /// <summary>
        /// A value of <paramref name="set"/> characters, length [min, max], standing alone as a word on the same line as a
        /// context keyword (within <paramref name="reach"/> characters).
        /// </summary>
        public static SecretMatcher InLine(TokenChars set, int min, int max, TokenCheck? check = null, int reach = 256) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                TokenText.Line(text, keywordStart, regionStart, regionEnd, reach, out var lineStart, out var lineEnd);
                var from = lineStart;
                while (from < lineEnd)
                {
                    start = TokenText.FindWord(text, from, lineEnd, regionStart, regionEnd, set, min, max, out var length);
                    if (start < 0)
                    {
                        break;
                    }

                    if (check is null || check(text, start, length))
                    {
                        return length;
                    }

                    from = start + length;
                }

                start = 0;
                return 0;
            };

        /// <summary>Body rules for a prefixed token whose prefix is <paramref name="prefixLength"/> long.</summary>
        public static TokenCheck Body(int prefixLength, TokenCheck bodyCheck) =>
            (text, start, length) => bodyCheck(text, start + prefixLength, length - prefixLength);

        /// <summary>The character at <paramref name="offset"/> of the span is <paramref name="c"/>.</summary>
        public static bool CharAt(string text, int start, int length, int offset, char c) => offset < length && text[start + offset] == c;

        public static bool HasUpperLowerDigit(string text, int start, int length) =>
            TokenText.Contains(text, start, length, TokenChars.Upper)
            && TokenText.Contains(text, start, length, TokenChars.Lower)
            && TokenText.Contains(text, start, length, TokenChars.Digit);

        public static bool HasLetterAndDigit(string text, int start, int length) =>
            TokenText.Contains(text, start, length, TokenChars.Upper | TokenChars.Lower)
            && TokenText.Contains(text, start, length, TokenChars.Digit);

        /// <summary>8-4-4-4-12 hex.</summary>
        public static bool IsUuidAt(string text, int start, int length)
        {
            if (length != 36)
            {
                return false;
            }

            for (var i = 0; i < 36; i++)
            {
                var dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? text[start + i] != '-' : !TokenText.IsHexDigit(text[start + i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>CRC32 (IEEE) and base62, for GitHub- and npm-style token checksums.</summary>
    internal static class TokenChecksum
    {
        private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        private static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }

        public static uint Crc32(string text, int start, int length)
        {
            var crc = 0xFFFFFFFFu;
            for (var i = start; i < start + length; i++)
            {
                crc = (crc >> 8) ^ Table[(crc ^ (byte)text[i]) & 0xFF];
            }

            return crc ^ 0xFFFFFFFFu;
        }

        /// <summary>
        /// A GitHub/npm token: a 4-character prefix, 30 random base62 characters, then the CRC32 of those 30 characters in
        /// base62, left-padded with '0' to 6 characters.
        /// </summary>
        public static bool IsValidBase62Crc(string text, int start, int length)
        {
            if (length != 40)
            {
                return false;
            }

            var random = start + 4;
            var crc = Crc32(text, random, 30);
            for (var k = 5; k >= 0; k--)
            {
                if (text[random + 30 + k] != Base62[(int)(crc % 62)])
                {
                    return false;
                }

                crc /= 62;
            }

            return crc == 0;
        }

        /// <summary>The 6-character base62 checksum of <paramref name="random"/> (used by test generators).</summary>
        public static string Base62Checksum(string random)
        {
            var crc = Crc32(random, 0, random.Length);
            var chars = new char[6];
            for (var k = 5; k >= 0; k--)
            {
                chars[k] = Base62[(int)(crc % 62)];
                crc /= 62;
            }

            return new string(chars);
        }
    }
}
