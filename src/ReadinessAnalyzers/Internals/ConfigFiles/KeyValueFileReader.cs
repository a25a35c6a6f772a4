using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Internals.ConfigFiles
{
    /// <summary>
    /// Reads the NAME=value pairs of line-based files: <c>.env</c>, Dockerfile <c>ENV</c>/<c>ARG</c>, and the
    /// <c>environment</c> entries (and other scalars) of docker-compose files. Tolerant: lines it does not
    /// understand are skipped.
    /// </summary>
    internal static class KeyValueFileReader
    {
        /// <summary><c>KEY=value</c>, <c>export KEY="value"</c>, <c># comments</c>.</summary>
        public static void ReadDotEnv(string text, List<ConfigEntry> entries)
        {
            var position = 0;
            while (position < text.Length)
            {
                var lineEnd = LineEnd(text, position);
                var i = SkipSpaces(text, position, lineEnd);
                if (StartsWithWord(text, i, lineEnd, "export"))
                {
                    i = SkipSpaces(text, i + 6, lineEnd);
                }

                var nameStart = i;
                while (i < lineEnd && IsNameChar(text[i]))
                {
                    i++;
                }

                var nameEnd = i;
                i = SkipSpaces(text, i, lineEnd);
                if (nameEnd > nameStart && i < lineEnd && text[i] == '=')
                {
                    i = SkipSpaces(text, i + 1, lineEnd);
                    var quoted = ReadValue(text, i, lineEnd, stopAtSpace: false, out var valueSpan);
                    if (valueSpan.Length > 0)
                    {
                        entries.Add(new ConfigEntry(text.Substring(nameStart, nameEnd - nameStart), text.Substring(valueSpan.Start, valueSpan.Length), valueSpan));
                    }

                    if (quoted && valueSpan.End > lineEnd)
                    {
                        lineEnd = LineEnd(text, valueSpan.End);
                    }
                }

                position = NextLine(text, lineEnd);
            }
        }

        /// <summary>
        /// <c>ENV KEY=value OTHER="x y"</c>, legacy <c>ENV KEY value</c>, <c>ARG NAME=default</c>, in every stage; read by
        /// <see cref="DockerfileReader"/>, so continuations, comments and parser directives count as BuildKit counts them.
        /// </summary>
        public static void ReadDockerfile(string text, List<ConfigEntry> entries)
        {
            var model = DockerfileReader.Read(text);
            foreach (var instruction in model.Instructions)
            {
                DockerfileReader.ReadAssignments(model, instruction, entries);
            }
        }

        /// <summary>
        /// docker-compose: <c>- KEY=value</c> list items and <c>KEY: value</c> scalars (environment maps and any
        /// other scalar whose name says it is a credential).
        /// </summary>
        public static void ReadCompose(string text, List<ConfigEntry> entries)
        {
            var position = 0;
            while (position < text.Length)
            {
                var lineEnd = LineEnd(text, position);
                var i = SkipSpaces(text, position, lineEnd);
                if (i < lineEnd && text[i] != '#')
                {
                    if (text[i] == '-' && i + 1 < lineEnd && text[i + 1] == ' ')
                    {
                        ReadComposeListItem(text, SkipSpaces(text, i + 1, lineEnd), lineEnd, entries);
                    }
                    else
                    {
                        ReadComposeScalar(text, i, lineEnd, entries);
                    }
                }

                position = NextLine(text, lineEnd);
            }
        }

        private static void ReadComposeListItem(string text, int i, int lineEnd, List<ConfigEntry> entries)
        {
            var quote = i < lineEnd && (text[i] == '"' || text[i] == '\'') ? text[i] : '\0';
            if (quote != '\0')
            {
                i++;
            }

            var nameStart = i;
            while (i < lineEnd && IsNameChar(text[i]))
            {
                i++;
            }

            if (i == nameStart || i >= lineEnd || text[i] != '=')
            {
                return;
            }

            var valueStart = i + 1;
            var valueEnd = quote != '\0' ? text.IndexOf(quote, valueStart, lineEnd - valueStart) : StripComment(text, valueStart, lineEnd);
            if (valueEnd < 0)
            {
                valueEnd = lineEnd;
            }

            var span = TrimEnd(text, TextSpan.FromBounds(valueStart, valueEnd));
            if (span.Length > 0)
            {
                entries.Add(new ConfigEntry(text.Substring(nameStart, i - nameStart), text.Substring(span.Start, span.Length), span));
            }
        }

        private static void ReadComposeScalar(string text, int i, int lineEnd, List<ConfigEntry> entries)
        {
            var quote = text[i] == '"' || text[i] == '\'' ? text[i] : '\0';
            if (quote != '\0')
            {
                i++;
            }

            var nameStart = i;
            while (i < lineEnd && IsNameChar(text[i]) && text[i] != ':')
            {
                i++;
            }

            var nameEnd = i;
            if (quote != '\0' && i < lineEnd && text[i] == quote)
            {
                i++;
            }

            if (nameEnd == nameStart || i >= lineEnd || text[i] != ':' || (i + 1 < lineEnd && text[i + 1] != ' ' && text[i + 1] != '\t'))
            {
                return;
            }

            var valueStart = SkipSpaces(text, i + 1, lineEnd);
            if (valueStart >= lineEnd)
            {
                return;
            }

            var first = text[valueStart];
            if (first == '|' || first == '>' || first == '{' || first == '[' || first == '&' || first == '*' || first == '#')
            {
                return;
            }

            TextSpan span;
            if (first == '"' || first == '\'')
            {
                var close = text.IndexOf(first, valueStart + 1, lineEnd - valueStart - 1);
                span = TextSpan.FromBounds(valueStart + 1, close < 0 ? lineEnd : close);
            }
            else
            {
                span = TrimEnd(text, TextSpan.FromBounds(valueStart, StripComment(text, valueStart, lineEnd)));
            }

            if (span.Length > 0)
            {
                entries.Add(new ConfigEntry(text.Substring(nameStart, nameEnd - nameStart), text.Substring(span.Start, span.Length), span));
            }
        }

        /// <summary>Reads a value at <paramref name="start"/>: quoted (span inside the quotes) or bare. True when quoted.</summary>
        private static bool ReadValue(string text, int start, int lineEnd, bool stopAtSpace, out TextSpan span)
        {
            if (start < lineEnd && (text[start] == '"' || text[start] == '\''))
            {
                var quote = text[start];
                var i = start + 1;
                while (i < text.Length && text[i] != quote)
                {
                    if (text[i] == '\\' && quote == '"' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    i++;
                }

                span = TextSpan.FromBounds(start + 1, Math.Min(i, text.Length));
                return true;
            }

            var end = start;
            if (stopAtSpace)
            {
                while (end < lineEnd && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                if (end == lineEnd && end > start && text[end - 1] == '\\')
                {
                    end--;
                }
            }
            else
            {
                end = StripComment(text, start, lineEnd);
            }

            span = TrimEnd(text, TextSpan.FromBounds(start, end));
            return false;
        }

        /// <summary>The end of a bare value: a '#' after whitespace starts a comment.</summary>
        private static int StripComment(string text, int start, int lineEnd)
        {
            for (var i = start; i < lineEnd; i++)
            {
                if (text[i] == '#' && i > start && (text[i - 1] == ' ' || text[i - 1] == '\t'))
                {
                    return i;
                }
            }

            return lineEnd;
        }

        private static TextSpan TrimEnd(string text, TextSpan span)
        {
            var end = span.End;
            while (end > span.Start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return TextSpan.FromBounds(span.Start, end);
        }

        private static bool StartsWithWord(string text, int i, int lineEnd, string word)
        {
            return i + word.Length < lineEnd
                && string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (text[i + word.Length] == ' ' || text[i + word.Length] == '\t');
        }

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':';

        private static int SkipSpaces(string text, int i, int end)
        {
            while (i < end && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            return i;
        }

        /// <summary>The offset of the line's end, before "\r\n" or "\n".</summary>
        private static int LineEnd(string text, int start)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                newline = text.Length;
            }

            return newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
        }

        private static int NextLine(string text, int lineEnd)
        {
            var newline = text.IndexOf('\n', lineEnd);
            return newline < 0 ? text.Length : newline + 1;
        }
    }
}
