using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.CodeFixes.Internals
{
    /// <summary>
    /// Adds configuration keys, with an empty value, to the text of an appsettings.json: <c>Jwt:SigningKey</c> becomes
    /// <c>"Jwt": { "SigningKey": "" }</c> (a secret's key), <c>Cors:AllowedOrigins</c> <c>"Cors": { "AllowedOrigins": [] }</c>
    /// (a list), reusing the sections that exist (case-insensitively, as configuration reads
    /// them) and never duplicating a key. The file's own layout is kept: its indentation unit, line endings, single-line
    /// objects, trailing commas and comments. A malformed file, or a key whose section is a value or an array, is left
    /// alone.
    /// </summary>
    internal static class AppSettingsKeys
    {
        private const string DefaultIndent = "  ";
        private const string FileName = "appsettings.json";

        /// <summary>An empty string value, for a key that holds one setting.</summary>
        public const string EmptyString = "\"\"";

        /// <summary>An empty array value, for a key that holds a list.</summary>
        public const string EmptyArray = "[]";

        /// <summary>
        /// The solution with <paramref name="paths"/> added, holding <paramref name="emptyValue"/>, to the project's
        /// appsettings.json when that is an AdditionalFile; the same solution when there is none or nothing to add.
        /// </summary>
        public static async Task<Solution> AddToProjectAsync(
            Solution solution, ProjectId projectId, IEnumerable<string> paths, string emptyValue, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            var settings = project is null ? null : AppSettings(project);
            if (settings is null)
            {
                return solution;
            }

            var text = await settings.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var original = text.ToString();
            var updated = Add(original, paths.Distinct(StringComparer.OrdinalIgnoreCase), emptyValue);
            if (updated is null || string.Equals(updated, original, StringComparison.Ordinal))
            {
                return solution;
            }

            return solution.WithAdditionalDocumentText(settings.Id, SourceText.From(updated, text.Encoding, text.ChecksumAlgorithm));
        }

        /// <summary>The project's appsettings.json: the only one, or the one beside the project file.</summary>
        private static TextDocument? AppSettings(Project project)
        {
            var candidates = project.AdditionalDocuments
                .Where(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), FileName, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (candidates.Count <= 1)
            {
                return candidates.FirstOrDefault();
            }

            var directory = project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath);
            return candidates.FirstOrDefault(d => d.FilePath != null && string.Equals(Path.GetDirectoryName(d.FilePath), directory, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The text with each of <paramref name="paths"/> present (a new key holds <paramref name="emptyValue"/>); the same
        /// text when all are there already; null when the file is not a JSON configuration file (then it must stay untouched).
        /// </summary>
        public static string? Add(string text, IEnumerable<string> paths, string emptyValue = EmptyString)
        {
            if (!JsonConfigReader.TryRead(text, new List<JsonConfigEntry>(), out _))
            {
                return null;
            }

            foreach (var path in paths)
            {
                var segments = path.Split(':');
                if (segments.Length == 0 || Array.IndexOf(segments, string.Empty) >= 0)
                {
                    continue;
                }

                var added = AddOne(text, segments, emptyValue);
                if (added is null)
                {
                    return null;
                }

                text = added;
            }

            return text;
        }

        private static string? AddOne(string text, string[] segments, string emptyValue)
        {
            var newline = text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
            var root = new Parser(text).ParseDocument(out var empty);
            if (root is null)
            {
                // Only whitespace: the file becomes an object holding the key; only comments: leave it to its author.
                return empty && text.Trim().Length == 0
                    ? "{" + newline + DefaultIndent + Member(segments, 0, DefaultIndent, DefaultIndent, newline, emptyValue) + newline + "}" + newline
                    : null;
            }

            var unit = IndentUnit(text, root);
            var target = root;
            for (var i = 0; i < segments.Length; i++)
            {
                if (i < segments.Length - 1 && target.Find(string.Join(":", segments, i, segments.Length - i)) != null)
                {
                    return text; // "Cors:AllowedOrigins": [] — configuration reads a name with ':' as the path it spells
                }

                var existing = target.Find(segments[i]);
                if (existing is null)
                {
                    return Insert(text, target, segments, i, unit, newline, emptyValue);
                }

                if (i == segments.Length - 1)
                {
                    return text; // the key is there: keep its value
                }

                if (existing.Object is null)
                {
                    return text; // "Jwt": "…" or an array: there is no section to put the key in
                }

                target = existing.Object;
            }

            return text;
        }

        /// <summary>Inserts segments[from..] as a new member of <paramref name="target"/>, after its last member.</summary>
        private static string Insert(string text, JsonObject target, string[] segments, int from, string unit, string newline, string emptyValue)
        {
            var objectIndent = LineIndent(text, target.Open);
            var inline = text.IndexOf('\n', target.Open, target.Close - target.Open) < 0;
            if (target.Members.Count == 0)
            {
                var memberIndent = objectIndent + unit;
                var member = Member(segments, from, memberIndent, unit, newline, emptyValue);
                var inner = text.Substring(target.Open + 1, target.Close - target.Open - 1);
                return inner.Trim().Length == 0
                    ? text.Substring(0, target.Open + 1) + newline + memberIndent + member + newline + objectIndent + text.Substring(target.Close)
                    : text.Substring(0, target.Open + 1) + newline + memberIndent + member + text.Substring(target.Open + 1);
            }

            var last = target.Members[target.Members.Count - 1];
            if (inline)
            {
                var member = InlineMember(segments, from, emptyValue);
                return last.CommaAfter >= 0
                    ? text.Substring(0, last.CommaAfter + 1) + " " + member + "," + text.Substring(last.CommaAfter + 1)
                    : text.Substring(0, last.ValueEnd) + ", " + member + text.Substring(last.ValueEnd);
            }

            var indent = IsFirstOnLine(text, last.NameStart) ? LineIndent(text, last.NameStart) : objectIndent + unit;
            var afterLast = last.CommaAfter >= 0 ? last.CommaAfter + 1 : last.ValueEnd;
            var at = SkipSameLineComments(text, afterLast);
            var insertion = newline + indent + Member(segments, from, indent, unit, newline, emptyValue) + (last.CommaAfter >= 0 ? "," : string.Empty);
            if (at < text.Length && text[at] == '}')
            {
                // "A": 1 } — the closing brace shared the last member's line; it gets its own.
                insertion += newline + objectIndent;
            }

            var builder = new StringBuilder(text.Length + insertion.Length + 1);
            if (last.CommaAfter < 0)
            {
                builder.Append(text, 0, last.ValueEnd).Append(',').Append(text, last.ValueEnd, at - last.ValueEnd);
            }
            else
            {
                builder.Append(text, 0, at);
            }

            return builder.Append(insertion).Append(text, at, text.Length - at).ToString();
        }

        /// <summary><c>"Jwt": {⏎  "SigningKey": ""⏎}</c>, indented from <paramref name="indent"/>.</summary>
        private static string Member(string[] segments, int index, string indent, string unit, string newline, string emptyValue)
        {
            var name = Quote(segments[index]) + ": ";
            if (index == segments.Length - 1)
            {
                return name + emptyValue;
            }

            var inner = indent + unit;
            return name + "{" + newline + inner + Member(segments, index + 1, inner, unit, newline, emptyValue) + newline + indent + "}";
        }

        private static string InlineMember(string[] segments, int index, string emptyValue)
        {
            var name = Quote(segments[index]) + ": ";
            return index == segments.Length - 1 ? name + emptyValue : name + "{ " + InlineMember(segments, index + 1, emptyValue) + " }";
        }

        private static string Quote(string name)
        {
            var builder = new StringBuilder(name.Length + 2).Append('"');
            foreach (var c in name)
            {
                if (c == '"' || c == '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            return builder.Append('"').ToString();
        }

        /// <summary>Past a comment that follows the last member on its line, so it stays with that member.</summary>
        private static int SkipSameLineComments(string text, int position)
        {
            var at = position;
            while (true)
            {
                var next = at;
                while (next < text.Length && (text[next] == ' ' || text[next] == '\t'))
                {
                    next++;
                }

                if (next + 1 < text.Length && text[next] == '/' && text[next + 1] == '/')
                {
                    var end = text.IndexOf('\n', next);
                    end = end < 0 ? text.Length : end;
                    return end > 0 && text[end - 1] == '\r' ? end - 1 : end;
                }

                if (next + 1 < text.Length && text[next] == '/' && text[next + 1] == '*')
                {
                    var end = text.IndexOf("*/", next + 2, StringComparison.Ordinal);
                    if (end < 0 || text.IndexOf('\n', next, end - next) >= 0)
                    {
                        return at;
                    }

                    at = end + 2;
                    continue;
                }

                return at;
            }
        }

        /// <summary>The file's indentation step, from its first member; two spaces when it shows none.</summary>
        private static string IndentUnit(string text, JsonObject root)
        {
            foreach (var member in root.Members)
            {
                if (IsFirstOnLine(text, member.NameStart))
                {
                    var indent = LineIndent(text, member.NameStart);
                    var rootIndent = LineIndent(text, root.Open);
                    if (indent.Length > rootIndent.Length && indent.StartsWith(rootIndent, StringComparison.Ordinal))
                    {
                        return indent.Substring(rootIndent.Length);
                    }
                }

                break;
            }

            return DefaultIndent;
        }

        private static int LineStart(string text, int position)
        {
            var newline = position > 0 ? text.LastIndexOf('\n', position - 1) : -1;
            return newline + 1;
        }

        private static string LineIndent(string text, int position)
        {
            var start = LineStart(text, position);
            var end = start;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            return text.Substring(start, end - start);
        }

        private static bool IsFirstOnLine(string text, int position)
        {
            for (var i = LineStart(text, position); i < position; i++)
            {
                if (text[i] != ' ' && text[i] != '\t' && text[i] != '\uFEFF')
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class JsonObject
        {
            public JsonObject(int open)
            {
                Open = open;
            }

            /// <summary>Offset of '{'.</summary>
            public int Open { get; }

            /// <summary>Offset of '}'.</summary>
            public int Close { get; set; }

            public List<JsonMember> Members { get; } = new List<JsonMember>();

            /// <summary>The member configuration would read for <paramref name="name"/>: case-insensitive, the last one wins.</summary>
            public JsonMember? Find(string name)
            {
                for (var i = Members.Count - 1; i >= 0; i--)
                {
                    if (string.Equals(Members[i].Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return Members[i];
                    }
                }

                return null;
            }
        }

        private sealed class JsonMember
        {
            public JsonMember(string name, int nameStart)
            {
                Name = name;
                NameStart = nameStart;
            }

            public string Name { get; }

            /// <summary>Offset of the name's opening quote.</summary>
            public int NameStart { get; }

            /// <summary>Offset just past the value.</summary>
            public int ValueEnd { get; set; }

            /// <summary>The value when it is an object.</summary>
            public JsonObject? Object { get; set; }

            /// <summary>Offset of the comma after the value; -1 when none follows.</summary>
            public int CommaAfter { get; set; } = -1;
        }

        /// <summary>The layout of a JSON configuration file: objects, their members and where they are. Null on anything malformed.</summary>
        private sealed class Parser
        {
            private const int MaxDepth = 64;
            private readonly string _text;
            private int _position;

            public Parser(string text)
            {
                _text = text;
            }

            public JsonObject? ParseDocument(out bool empty)
            {
                empty = false;
                if (_text.Length > 0 && _text[0] == '\uFEFF')
                {
                    _position = 1;
                }

                if (!SkipTrivia())
                {
                    return null;
                }

                if (_position >= _text.Length)
                {
                    empty = true;
                    return null;
                }

                if (_text[_position] != '{')
                {
                    return null;
                }

                var root = ParseObject(0);
                return root != null && SkipTrivia() && _position >= _text.Length ? root : null;
            }

            private JsonObject? ParseObject(int depth)
            {
                var result = new JsonObject(_position);
                _position++; // {
                while (true)
                {
                    if (!SkipTrivia() || _position >= _text.Length)
                    {
                        return null;
                    }

                    if (_text[_position] == '}')
                    {
                        result.Close = _position++;
                        return result;
                    }

                    if (result.Members.Count > 0)
                    {
                        var previous = result.Members[result.Members.Count - 1];
                        if (previous.CommaAfter < 0)
                        {
                            if (_text[_position] != ',')
                            {
                                return null;
                            }

                            previous.CommaAfter = _position++;
                            continue;
                        }
                    }

                    if (_text[_position] != '"')
                    {
                        return null;
                    }

                    var nameStart = _position;
                    var name = ReadString();
                    if (name is null || !SkipTrivia() || _position >= _text.Length || _text[_position] != ':')
                    {
                        return null;
                    }

                    _position++;
                    var member = new JsonMember(name, nameStart);
                    if (!SkipTrivia() || _position >= _text.Length || !ParseValue(member, depth + 1))
                    {
                        return null;
                    }

                    member.ValueEnd = _position;
                    result.Members.Add(member);
                }
            }

            private bool ParseValue(JsonMember? member, int depth)
            {
                if (depth > MaxDepth)
                {
                    return false;
                }

                switch (_text[_position])
                {
                    case '{':
                    {
                        var value = ParseObject(depth);
                        if (member != null)
                        {
                            member.Object = value;
                        }

                        return value != null;
                    }

                    case '[':
                        return ParseArray(depth);
                    case '"':
                        return ReadString() != null;
                    default:
                    {
                        var start = _position;
                        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '-' || _text[_position] == '+' || _text[_position] == '.'))
                        {
                            _position++;
                        }

                        return _position > start;
                    }
                }
            }

            private bool ParseArray(int depth)
            {
                _position++; // [
                var expectValue = true;
                while (true)
                {
                    if (!SkipTrivia() || _position >= _text.Length)
                    {
                        return false;
                    }

                    var c = _text[_position];
                    if (c == ']')
                    {
                        _position++;
                        return true;
                    }

                    if (!expectValue)
                    {
                        if (c != ',')
                        {
                            return false;
                        }

                        _position++;
                        expectValue = true;
                        continue;
                    }

                    if (!ParseValue(null, depth + 1))
                    {
                        return false;
                    }

                    expectValue = false;
                }
            }

            private string? ReadString()
            {
                var builder = new StringBuilder();
                _position++; // "
                while (_position < _text.Length)
                {
                    var c = _text[_position++];
                    if (c == '"')
                    {
                        return builder.ToString();
                    }

                    if (c != '\\')
                    {
                        builder.Append(c);
                        continue;
                    }

                    if (_position >= _text.Length)
                    {
                        return null;
                    }

                    var escaped = _text[_position++];
                    switch (escaped)
                    {
                        case 'u':
                            if (_position + 4 > _text.Length
                                || !int.TryParse(_text.Substring(_position, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                            {
                                return null;
                            }

                            builder.Append((char)code);
                            _position += 4;
                            break;
                        case 'n':
                            builder.Append('\n');
                            break;
                        case 't':
                            builder.Append('\t');
                            break;
                        case 'r':
                            builder.Append('\r');
                            break;
                        case 'b':
                            builder.Append('\b');
                            break;
                        case 'f':
                            builder.Append('\f');
                            break;
                        default:
                            builder.Append(escaped);
                            break;
                    }
                }

                return null;
            }

            /// <summary>Skips whitespace and comments; false on an unterminated block comment.</summary>
            private bool SkipTrivia()
            {
                while (_position < _text.Length)
                {
                    var c = _text[_position];
                    if (char.IsWhiteSpace(c))
                    {
                        _position++;
                    }
                    else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                    {
                        var end = _text.IndexOf('\n', _position);
                        _position = end < 0 ? _text.Length : end + 1;
                    }
                    else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                    {
                        var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                        if (end < 0)
                        {
                            return false;
                        }

                        _position = end + 2;
                    }
                    else
                    {
                        return true;
                    }
                }

                return true;
            }
        }
    }
}
