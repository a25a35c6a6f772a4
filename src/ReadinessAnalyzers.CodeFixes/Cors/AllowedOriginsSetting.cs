using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.CodeFixes.Cors
{
    /// <summary>
    /// The <c>Cors:AllowedOrigins</c> key the CORS fix reads: added, as an empty array, to the project's appsettings.json
    /// when that file is an AdditionalFile and lacks it. The file is edited as text, so its layout, comments and trailing
    /// commas stay; a malformed file, or a <c>Cors</c> value that is not an object, is left alone.
    /// </summary>
    internal static class AllowedOriginsSetting
    {
        public const string Path = "Cors:AllowedOrigins";
        private const string Section = "Cors";
        private const string Key = "AllowedOrigins";
        private const string FileName = "appsettings.json";

        /// <summary>The solution with the key added to <paramref name="projectId"/>'s appsettings.json, when there is one to add it to.</summary>
        public static async Task<Solution> AddAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            var file = project is null ? null : Find(project);
            if (file is null)
            {
                return solution;
            }

            var text = await file.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = Changes(text.ToString());
            return changes is null ? solution : solution.WithAdditionalDocumentText(file.Id, text.WithChanges(changes));
        }

        /// <summary>The project's appsettings.json: the one in the project's folder, else the only one.</summary>
        private static TextDocument? Find(Project project)
        {
            var files = project.AdditionalDocuments
                .Where(d => string.Equals(System.IO.Path.GetFileName(d.FilePath ?? d.Name), FileName, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (files.Count == 1)
            {
                return files[0];
            }

            var folder = System.IO.Path.GetDirectoryName(project.FilePath ?? string.Empty);
            return files.FirstOrDefault(f => string.Equals(System.IO.Path.GetDirectoryName(f.FilePath ?? string.Empty), folder, StringComparison.Ordinal));
        }

        /// <summary>The edits that add the key to a JSON configuration text, or null when there is nothing (safe) to add.</summary>
        internal static List<TextChange>? Changes(string text)
        {
            if (!JsonConfigReader.TryRead(text, new List<JsonConfigEntry>(), out _))
            {
                return null;
            }

            var root = new Outline(text).ReadDocument();
            if (root is null || root.Kind != NodeKind.Object)
            {
                return null;
            }

            var newLine = text.Contains("\r\n") ? "\r\n" : "\n";
            if (root.Members.Any(m => string.Equals(m.Name, Path, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var cors = root.Members.LastOrDefault(m => string.Equals(m.Name, Section, StringComparison.OrdinalIgnoreCase));
            if (cors is null)
            {
                var unit = IndentUnit(text, root);
                var multiLine = root.Members.Count == 0
                    ? text.IndexOf('\n', root.Start, root.End - root.Start) >= 0
                    : StartsLine(text, root.Members[root.Members.Count - 1].NameStart);
                return InsertMember(text, root, newLine, indent => multiLine
                    ? "\"" + Section + "\": {" + newLine + indent + unit + "\"" + Key + "\": []" + newLine + indent + "}"
                    : "\"" + Section + "\": { \"" + Key + "\": [] }");
            }

            if (cors.Value.Kind != NodeKind.Object || cors.Value.Members.Any(m => string.Equals(m.Name, Key, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return InsertMember(text, cors.Value, newLine, _ => "\"" + Key + "\": []", IndentUnit(text, root));
        }

        /// <summary>
        /// Adds a member after the object's last one (or as its first), in the object's layout: one member per line with the
        /// others' indentation, or on one line; a trailing comma stays a trailing comma.
        /// </summary>
        private static List<TextChange> InsertMember(string text, Node node, string newLine, Func<string, string> member, string? unit = null)
        {
            var changes = new List<TextChange>();
            if (node.Members.Count == 0)
            {
                var inner = text.Substring(node.Start + 1, node.End - node.Start - 2);
                if (inner.IndexOf('\n') >= 0)
                {
                    var indent = LineIndent(text, node.Start) + (unit ?? "  ");
                    changes.Add(new TextChange(new TextSpan(node.Start + 1, 0), newLine + indent + member(indent)));
                }
                else if (inner.Trim().Length == 0)
                {
                    changes.Add(new TextChange(new TextSpan(node.Start + 1, inner.Length), " " + member(string.Empty) + " "));
                }

                return changes;
            }

            var last = node.Members[node.Members.Count - 1];
            var multiLine = StartsLine(text, last.NameStart);
            var memberIndent = multiLine ? LineIndent(text, last.NameStart) : string.Empty;
            var text0 = member(memberIndent);
            if (last.CommaEnd >= 0)
            {
                var at = multiLine ? EndOfLineContent(text, last.CommaEnd) : last.CommaEnd;
                changes.Add(new TextChange(new TextSpan(at, 0), (multiLine ? newLine + memberIndent : " ") + text0 + ","));
                return changes;
            }

            var valueEnd = last.Value.End;
            var insertAt = multiLine ? EndOfLineContent(text, valueEnd) : valueEnd;
            var addition = (multiLine ? newLine + memberIndent : " ") + text0;
            if (insertAt == valueEnd)
            {
                changes.Add(new TextChange(new TextSpan(valueEnd, 0), "," + addition));
            }
            else
            {
                changes.Add(new TextChange(new TextSpan(valueEnd, 0), ","));
                changes.Add(new TextChange(new TextSpan(insertAt, 0), addition));
            }

            return changes;
        }

        /// <summary>One indentation step: the root members' indentation (two spaces when the root has none on its own lines).</summary>
        private static string IndentUnit(string text, Node root)
        {
            foreach (var member in root.Members)
            {
                if (StartsLine(text, member.NameStart))
                {
                    var indent = LineIndent(text, member.NameStart);
                    var rootIndent = LineIndent(text, root.Start);
                    if (indent.Length > rootIndent.Length && indent.StartsWith(rootIndent, StringComparison.Ordinal))
                    {
                        return indent.Substring(rootIndent.Length);
                    }
                }
            }

            return "  ";
        }

        private static bool StartsLine(string text, int position)
        {
            for (var i = position - 1; i >= 0; i--)
            {
                if (text[i] == '\n')
                {
                    return true;
                }

                if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The white space at the start of the line that holds <paramref name="position"/>.</summary>
        private static string LineIndent(string text, int position)
        {
            var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
            var end = start;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            return text.Substring(start, end - start);
        }

        /// <summary>After <paramref name="position"/>: past spaces and a comment that ends the line, to the line break.</summary>
        private static int EndOfLineContent(string text, int position)
        {
            var i = position;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            if (i + 1 < text.Length && text[i] == '/' && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\r' && text[i] != '\n')
                {
                    i++;
                }

                return i;
            }

            return i < text.Length && (text[i] == '\r' || text[i] == '\n') ? i : position;
        }

        private enum NodeKind
        {
            Object,
            Array,
            Other,
        }

        private sealed class Node
        {
            public Node(NodeKind kind, int start)
            {
                Kind = kind;
                Start = start;
            }

            public NodeKind Kind { get; }

            public int Start { get; }

            /// <summary>Just after the value (after the closing brace of an object).</summary>
            public int End { get; set; }

            public List<Member> Members { get; } = new List<Member>();
        }

        private sealed class Member
        {
            public Member(string name, int nameStart, Node value)
            {
                Name = name;
                NameStart = nameStart;
                Value = value;
            }

            public string Name { get; }

            public int NameStart { get; }

            public Node Value { get; }

            /// <summary>Just after the comma that follows the value; -1 when none does.</summary>
            public int CommaEnd { get; set; } = -1;
        }

        /// <summary>
        /// The outline of a JSON document the configuration reader accepted (comments, trailing commas): objects with
        /// their members and positions. Returns null rather than throwing on anything unexpected.
        /// </summary>
        private sealed class Outline
        {
            private const int MaxDepth = 64;
            private readonly string _text;
            private int _position;

            public Outline(string text) => _text = text;

            public Node? ReadDocument()
            {
                _position = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
                return ReadValue(0);
            }

            private Node? ReadValue(int depth)
            {
                SkipTrivia();
                if (_position >= _text.Length || depth > MaxDepth)
                {
                    return null;
                }

                switch (_text[_position])
                {
                    case '{':
                        return ReadObject(depth);
                    case '[':
                        return ReadArray(depth);
                    case '"':
                        var start = _position;
                        return ReadString() is null ? null : new Node(NodeKind.Other, start) { End = _position };
                    default:
                        var literalStart = _position;
                        while (_position < _text.Length && ",}] \t\r\n/".IndexOf(_text[_position]) < 0)
                        {
                            _position++;
                        }

                        return _position == literalStart ? null : new Node(NodeKind.Other, literalStart) { End = _position };
                }
            }

            private Node? ReadObject(int depth)
            {
                var node = new Node(NodeKind.Object, _position);
                _position++;
                while (true)
                {
                    SkipTrivia();
                    if (_position >= _text.Length)
                    {
                        return null;
                    }

                    if (_text[_position] == '}')
                    {
                        _position++;
                        node.End = _position;
                        return node;
                    }

                    var nameStart = _position;
                    var name = _text[_position] == '"' ? ReadString() : null;
                    SkipTrivia();
                    if (name is null || _position >= _text.Length || _text[_position] != ':')
                    {
                        return null;
                    }

                    _position++;
                    var value = ReadValue(depth + 1);
                    if (value is null)
                    {
                        return null;
                    }

                    var member = new Member(name, nameStart, value);
                    node.Members.Add(member);
                    SkipTrivia();
                    if (_position < _text.Length && _text[_position] == ',')
                    {
                        _position++;
                        member.CommaEnd = _position;
                    }
                }
            }

            private Node? ReadArray(int depth)
            {
                var node = new Node(NodeKind.Array, _position);
                _position++;
                while (true)
                {
                    SkipTrivia();
                    if (_position >= _text.Length)
                    {
                        return null;
                    }

                    if (_text[_position] == ']')
                    {
                        _position++;
                        node.End = _position;
                        return node;
                    }

                    if (ReadValue(depth + 1) is null)
                    {
                        return null;
                    }

                    SkipTrivia();
                    if (_position < _text.Length && _text[_position] == ',')
                    {
                        _position++;
                    }
                }
            }

            /// <summary>A string with its escapes resolved; the position ends after the closing quote.</summary>
            private string? ReadString()
            {
                var builder = new System.Text.StringBuilder();
                _position++;
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

            private void SkipTrivia()
            {
                while (_position < _text.Length)
                {
                    var c = _text[_position];
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                    {
                        _position++;
                    }
                    else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                    {
                        while (_position < _text.Length && _text[_position] != '\n')
                        {
                            _position++;
                        }
                    }
                    else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                    {
                        var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                        _position = end < 0 ? _text.Length : end + 2;
                    }
                    else
                    {
                        return;
                    }
                }
            }
        }
    }
}
