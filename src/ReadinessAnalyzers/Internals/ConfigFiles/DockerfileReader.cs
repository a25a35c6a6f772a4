using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Internals.ConfigFiles
{
    /// <summary>One Dockerfile instruction: its keyword and its whitespace-separated arguments, continuations joined.</summary>
    internal sealed class DockerInstruction
    {
        public DockerInstruction(string keyword, TextSpan keywordSpan)
        {
            Keyword = keyword;
            KeywordSpan = keywordSpan;
        }

        /// <summary>The keyword in upper case (<c>FROM</c>, <c>ENV</c> …): Dockerfile keywords are case-insensitive.</summary>
        public string Keyword { get; }

        public TextSpan KeywordSpan { get; }

        /// <summary>The raw arguments (quotes kept), each within the file; an argument never spans a continuation.</summary>
        public List<TextSpan> Arguments { get; } = new List<TextSpan>(4);

        /// <summary>From the keyword to the end of the last argument.</summary>
        public TextSpan Span => Arguments.Count == 0 ? KeywordSpan : TextSpan.FromBounds(KeywordSpan.Start, Arguments[Arguments.Count - 1].End);
    }

    /// <summary>A build stage: a <c>FROM</c> and the instructions up to the next one.</summary>
    internal sealed class DockerStage
    {
        public DockerStage(DockerInstruction from, TextSpan imageSpan, string image, string? name, DockerStage? parent)
        {
            From = from;
            ImageSpan = imageSpan;
            Image = image;
            Name = name;
            Parent = parent;
        }

        public DockerInstruction From { get; }

        /// <summary>The image reference in the file; empty (at the keyword's end) when a truncated <c>FROM</c> names none.</summary>
        public TextSpan ImageSpan { get; }

        public string Image { get; }

        /// <summary>The name after <c>AS</c>, or null.</summary>
        public string? Name { get; }

        /// <summary>The earlier stage this one builds on (<c>FROM build AS final</c>): it inherits its USER and ENV.</summary>
        public DockerStage? Parent { get; }

        public List<DockerInstruction> Instructions { get; } = new List<DockerInstruction>();
    }

    /// <summary>A Dockerfile read into instructions and stages.</summary>
    internal sealed class DockerfileModel
    {
        public DockerfileModel(string text) => Text = text;

        public string Text { get; }

        public List<DockerInstruction> Instructions { get; } = new List<DockerInstruction>();

        public List<DockerStage> Stages { get; } = new List<DockerStage>();

        /// <summary>The stage the image is built from (the last one): what runs in production.</summary>
        public DockerStage? FinalStage => Stages.Count == 0 ? null : Stages[Stages.Count - 1];

        public string TextOf(TextSpan span) => Text.Substring(span.Start, span.Length);
    }

    /// <summary>
    /// Reads a Dockerfile the way BuildKit does where it matters to the rules: parser directives (<c># escape=`</c>),
    /// comments, line continuations (with comment and blank lines inside them), quoted arguments, heredocs skipped,
    /// <c>FROM image AS name</c> stages and what each stage inherits. Never throws: a truncated file yields what it holds.
    /// </summary>
    internal static class DockerfileReader
    {
        private static readonly ConditionalWeakTable<SourceText, DockerfileModel> Cache = new ConditionalWeakTable<SourceText, DockerfileModel>();
        private static readonly ConditionalWeakTable<SourceText, DockerfileModel>.CreateValueCallback Factory = text => Read(text.ToString());

        /// <summary>The model of a file's text, read once however many rules ask.</summary>
        public static DockerfileModel Read(SourceText text) => Cache.GetValue(text, Factory);

        public static DockerfileModel Read(string text)
        {
            text ??= string.Empty;
            var model = new DockerfileModel(text);
            var escape = '\\';
            var directives = true;
            var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            while (position < text.Length)
            {
                var lineEnd = LineEnd(text, position);
                var i = SkipSpaces(text, position, lineEnd);
                if (i >= lineEnd)
                {
                    directives = false;
                    position = NextLine(text, lineEnd);
                    continue;
                }

                if (text[i] == '#')
                {
                    if (directives)
                    {
                        directives = ReadDirective(text, i + 1, lineEnd, ref escape);
                    }

                    position = NextLine(text, lineEnd);
                    continue;
                }

                directives = false;
                var keywordEnd = i;
                while (keywordEnd < lineEnd && IsLetter(text[keywordEnd]))
                {
                    keywordEnd++;
                }

                if (keywordEnd == i)
                {
                    position = NextLine(text, SkipContinuedLines(text, lineEnd, escape));
                    continue;
                }

                var instruction = new DockerInstruction(text.Substring(i, keywordEnd - i).ToUpperInvariant(), TextSpan.FromBounds(i, keywordEnd));
                lineEnd = ReadArguments(text, keywordEnd, lineEnd, escape, instruction.Arguments);
                model.Instructions.Add(instruction);
                AddToStage(model, instruction);
                position = SkipHeredocs(model, instruction, NextLine(text, lineEnd));
            }

            return model;
        }

        /// <summary>
        /// The NAME=value pairs of an <c>ENV</c> or <c>ARG</c> instruction, and the legacy <c>ENV NAME value</c> form.
        /// An <c>ARG</c> without a default is not a value.
        /// </summary>
        public static void ReadAssignments(DockerfileModel model, DockerInstruction instruction, List<ConfigEntry> entries)
        {
            var isEnv = instruction.Keyword == "ENV";
            if ((!isEnv && instruction.Keyword != "ARG") || instruction.Arguments.Count == 0)
            {
                return;
            }

            var text = model.Text;
            var arguments = instruction.Arguments;
            if (isEnv && text.IndexOf('=', arguments[0].Start, arguments[0].Length) < 0)
            {
                // Legacy form: ENV NAME the rest of the instruction.
                if (arguments.Count > 1 && IsName(text, arguments[0]))
                {
                    var span = TrimQuotes(text, TextSpan.FromBounds(arguments[1].Start, arguments[arguments.Count - 1].End));
                    if (span.Length > 0)
                    {
                        entries.Add(new ConfigEntry(model.TextOf(arguments[0]), text.Substring(span.Start, span.Length), span));
                    }
                }

                return;
            }

            foreach (var argument in arguments)
            {
                var equals = text.IndexOf('=', argument.Start, argument.Length);
                if (equals <= argument.Start)
                {
                    continue;
                }

                var name = TextSpan.FromBounds(argument.Start, equals);
                if (!IsName(text, name))
                {
                    continue;
                }

                var value = TrimQuotes(text, TextSpan.FromBounds(equals + 1, argument.End));
                if (value.Length > 0)
                {
                    entries.Add(new ConfigEntry(model.TextOf(name), text.Substring(value.Start, value.Length), value));
                }
            }
        }

        /// <summary>The image reference of a <c>FROM</c> argument list: the first argument that is not a <c>--flag</c>.</summary>
        private static int ImageArgument(string text, List<TextSpan> arguments)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                if (!(arguments[i].Length >= 2 && text[arguments[i].Start] == '-' && text[arguments[i].Start + 1] == '-'))
                {
                    return i;
                }
            }

            return -1;
        }

        private static void AddToStage(DockerfileModel model, DockerInstruction instruction)
        {
            if (instruction.Keyword != "FROM")
            {
                if (model.Stages.Count > 0)
                {
                    model.Stages[model.Stages.Count - 1].Instructions.Add(instruction);
                }

                return;
            }

            var text = model.Text;
            var arguments = instruction.Arguments;
            var imageIndex = ImageArgument(text, arguments);
            var imageSpan = imageIndex < 0 ? new TextSpan(instruction.KeywordSpan.End, 0) : arguments[imageIndex];
            var image = model.TextOf(imageSpan);
            string? name = null;
            if (imageIndex >= 0 && imageIndex + 2 < arguments.Count
                && string.Equals(model.TextOf(arguments[imageIndex + 1]), "AS", StringComparison.OrdinalIgnoreCase))
            {
                name = model.TextOf(arguments[imageIndex + 2]);
            }

            DockerStage? parent = null;
            for (var i = model.Stages.Count - 1; i >= 0 && image.Length > 0; i--)
            {
                // Stage names are case-insensitive.
                if (string.Equals(model.Stages[i].Name, image, StringComparison.OrdinalIgnoreCase))
                {
                    parent = model.Stages[i];
                    break;
                }
            }

            model.Stages.Add(new DockerStage(instruction, imageSpan, image, name, parent));
        }

        /// <summary>Reads the arguments after the keyword; returns the end of the instruction's last physical line.</summary>
        private static int ReadArguments(string text, int i, int lineEnd, char escape, List<TextSpan> arguments)
        {
            while (true)
            {
                i = SkipSpaces(text, i, lineEnd);
                if (i >= lineEnd)
                {
                    return lineEnd;
                }

                if (IsContinuation(text, i, lineEnd, escape))
                {
                    var next = NextInstructionLine(text, lineEnd);
                    if (next >= text.Length)
                    {
                        return lineEnd;
                    }

                    i = next;
                    lineEnd = LineEnd(text, next);
                    continue;
                }

                var start = i;
                while (i < lineEnd && text[i] != ' ' && text[i] != '\t')
                {
                    var c = text[i];
                    if (c == '"' || c == '\'')
                    {
                        var close = i + 1;
                        while (close < lineEnd && text[close] != c)
                        {
                            close += c == '"' && text[close] == escape && close + 1 < lineEnd ? 2 : 1;
                        }

                        i = close < lineEnd ? close + 1 : lineEnd;
                    }
                    else if (c == escape && IsContinuation(text, i, lineEnd, escape))
                    {
                        break;
                    }
                    else
                    {
                        i += c == escape && i + 1 < lineEnd ? 2 : 1;
                    }
                }

                if (i > start)
                {
                    arguments.Add(TextSpan.FromBounds(start, Math.Min(i, lineEnd)));
                }
            }
        }

        /// <summary>The start of the next line that continues an instruction: blank and comment lines inside a continuation are skipped.</summary>
        private static int NextInstructionLine(string text, int lineEnd)
        {
            var position = NextLine(text, lineEnd);
            while (position < text.Length)
            {
                var end = LineEnd(text, position);
                var i = SkipSpaces(text, position, end);
                if (i < end && text[i] != '#')
                {
                    return position;
                }

                position = NextLine(text, end);
            }

            return text.Length;
        }

        private static int SkipContinuedLines(string text, int lineEnd, char escape)
        {
            while (lineEnd < text.Length && EndsWithContinuation(text, lineEnd, escape))
            {
                var next = NextInstructionLine(text, lineEnd);
                if (next >= text.Length)
                {
                    return text.Length;
                }

                lineEnd = LineEnd(text, next);
            }

            return lineEnd;
        }

        /// <summary>Skips the bodies of <c>&lt;&lt;EOF</c> heredocs, so their lines are not read as instructions.</summary>
        private static int SkipHeredocs(DockerfileModel model, DockerInstruction instruction, int position)
        {
            var text = model.Text;
            foreach (var argument in instruction.Arguments)
            {
                if (argument.Length < 3 || text[argument.Start] != '<' || text[argument.Start + 1] != '<')
                {
                    continue;
                }

                var start = argument.Start + 2;
                if (start < argument.End && text[start] == '-')
                {
                    start++;
                }

                var end = argument.End;
                if (end - start >= 2 && (text[start] == '"' || text[start] == '\'') && text[end - 1] == text[start])
                {
                    start++;
                    end--;
                }

                if (end <= start)
                {
                    continue;
                }

                var word = text.Substring(start, end - start);
                while (position < text.Length)
                {
                    var lineEnd = LineEnd(text, position);
                    var lineStart = position;
                    while (lineStart < lineEnd && text[lineStart] == '\t')
                    {
                        lineStart++;
                    }

                    position = NextLine(text, lineEnd);
                    if (lineEnd - lineStart == word.Length && string.CompareOrdinal(text, lineStart, word, 0, word.Length) == 0)
                    {
                        break;
                    }
                }
            }

            return position;
        }

        /// <summary>Reads a parser directive (<c># escape=`</c>); false when the comment is not one (directives end there).</summary>
        private static bool ReadDirective(string text, int i, int lineEnd, ref char escape)
        {
            i = SkipSpaces(text, i, lineEnd);
            var nameStart = i;
            while (i < lineEnd && IsLetter(text[i]))
            {
                i++;
            }

            var nameEnd = i;
            i = SkipSpaces(text, i, lineEnd);
            if (nameEnd == nameStart || i >= lineEnd || text[i] != '=')
            {
                return false;
            }

            i = SkipSpaces(text, i + 1, lineEnd);
            if (nameEnd - nameStart == 6 && string.Compare(text, nameStart, "escape", 0, 6, StringComparison.OrdinalIgnoreCase) == 0
                && i < lineEnd && (text[i] == '`' || text[i] == '\\'))
            {
                escape = text[i];
            }

            return true;
        }

        private static bool IsContinuation(string text, int i, int lineEnd, char escape)
        {
            if (text[i] != escape)
            {
                return false;
            }

            for (var j = i + 1; j < lineEnd; j++)
            {
                if (text[j] != ' ' && text[j] != '\t')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool EndsWithContinuation(string text, int lineEnd, char escape)
        {
            var i = lineEnd;
            while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
            {
                i--;
            }

            return i > 0 && text[i - 1] == escape;
        }

        private static bool IsName(string text, TextSpan span)
        {
            if (span.Length == 0)
            {
                return false;
            }

            for (var i = span.Start; i < span.End; i++)
            {
                var c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        private static TextSpan TrimQuotes(string text, TextSpan span)
        {
            if (span.Length >= 2 && (text[span.Start] == '"' || text[span.Start] == '\'') && text[span.End - 1] == text[span.Start])
            {
                return TextSpan.FromBounds(span.Start + 1, span.End - 1);
            }

            if (span.Length >= 1 && (text[span.Start] == '"' || text[span.Start] == '\''))
            {
                // Unterminated quote in a truncated file: the value runs to the end of the argument.
                return TextSpan.FromBounds(span.Start + 1, span.End);
            }

            return span;
        }

        private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

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
