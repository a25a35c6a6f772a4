using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Internals.Json
{
    /// <summary>The kind of a JSON leaf value.</summary>
    internal enum JsonLeafKind
    {
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// One configuration value as ASP.NET Core's JSON provider flattens it: the path (<c>Jwt:Key</c>,
    /// <c>Hosts:0</c>), the value, and where both are in the file.
    /// </summary>
    internal readonly struct JsonConfigEntry
    {
        public JsonConfigEntry(string path, string? value, JsonLeafKind kind, TextSpan valueSpan, TextSpan keySpan)
        {
            Path = path;
            Value = value;
            Kind = kind;
            ValueSpan = valueSpan;
            KeySpan = keySpan;
        }

        /// <summary>The flattened configuration path, segments joined by ':'; compare with <see cref="JsonConfigReader.PathComparer"/>.</summary>
        public string Path { get; }

        /// <summary>The unescaped string, or the raw text of a number or boolean; null for JSON null.</summary>
        public string? Value { get; }

        public JsonLeafKind Kind { get; }

        /// <summary>The value in the file; for a string, its content without the quotes.</summary>
        public TextSpan ValueSpan { get; }

        /// <summary>The property name in the file without its quotes; for an array element, the value's span.</summary>
        public TextSpan KeySpan { get; }

        /// <summary>The last segment of <see cref="Path"/> (<c>Key</c> for <c>Jwt:Key</c>).</summary>
        public string LastSegment
        {
            get
            {
                var colon = Path.LastIndexOf(':');
                return colon < 0 ? Path : Path.Substring(colon + 1);
            }
        }
    }

    /// <summary>
    /// Reads a JSON configuration file the way ASP.NET Core's JSON configuration provider does — comments and
    /// trailing commas allowed, objects and arrays flattened to <c>A:B:0:C</c> paths — and yields each leaf value
    /// with its exact position. Never throws: on malformed input it stops, keeps what it read, and says where.
    /// </summary>
    internal static class JsonConfigReader
    {
        /// <summary>Configuration keys are case-insensitive.</summary>
        public static readonly StringComparer PathComparer = StringComparer.OrdinalIgnoreCase;

        private const int MaxDepth = 64;

        /// <summary>
        /// Adds every leaf of <paramref name="text"/> to <paramref name="entries"/>. Returns false when the text is not
        /// a valid configuration file (not an object at the top, or malformed); <paramref name="errorPosition"/> is then
        /// the offset where reading stopped, and the entries read before it are kept.
        /// </summary>
        public static bool TryRead(string text, List<JsonConfigEntry> entries, out int errorPosition)
        {
            var reader = new Reader(text, entries);
            var ok = reader.ReadDocument();
            errorPosition = ok ? -1 : reader.Position;
            return ok;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private readonly List<JsonConfigEntry> _entries;
            private readonly List<string> _path = new List<string>(8);
            private readonly StringBuilder _buffer = new StringBuilder();
            private int _position;

            public Reader(string text, List<JsonConfigEntry> entries)
            {
                _text = text ?? string.Empty;
                _entries = entries;
            }

            public int Position => _position;

            public bool ReadDocument()
            {
                if (_text.Length > 0 && _text[0] == '\uFEFF')
                {
                    _position = 1;
                }

                if (!SkipTrivia())
                {
                    return false;
                }

                if (_position >= _text.Length)
                {
                    // Only whitespace and comments: an empty configuration.
                    return true;
                }

                if (_text[_position] != '{' || !ReadObject(0, default))
                {
                    return false;
                }

                return SkipTrivia() && _position >= _text.Length;
            }

            private bool ReadValue(int depth, TextSpan keySpan)
            {
                if (depth > MaxDepth || !SkipTrivia() || _position >= _text.Length)
                {
                    return false;
                }

                var c = _text[_position];
                switch (c)
                {
                    case '{':
                        return ReadObject(depth + 1, keySpan);
                    case '[':
                        return ReadArray(depth + 1);
                    case '"':
                    {
                        var start = _position + 1;
                        if (!ReadString(out var value))
                        {
                            return false;
                        }

                        var valueSpan = TextSpan.FromBounds(start, _position - 1);
                        Add(value, JsonLeafKind.String, valueSpan, keySpan);
                        return true;
                    }

                    default:
                        return ReadLiteral(keySpan);
                }
            }

            private bool ReadObject(int depth, TextSpan keySpan)
            {
                _position++; // {
                var first = true;
                while (true)
                {
                    if (!SkipTrivia() || _position >= _text.Length)
                    {
                        return false;
                    }

                    if (_text[_position] == '}')
                    {
                        _position++;
                        return true;
                    }

                    if (!first)
                    {
                        if (_text[_position] != ',')
                        {
                            return false;
                        }

                        _position++;
                        if (!SkipTrivia() || _position >= _text.Length)
                        {
                            return false;
                        }

                        if (_text[_position] == '}')
                        {
                            // Trailing comma.
                            _position++;
                            return true;
                        }
                    }

                    first = false;
                    if (_text[_position] != '"')
                    {
                        return false;
                    }

                    var nameStart = _position + 1;
                    if (!ReadString(out var name))
                    {
                        return false;
                    }

                    var nameSpan = TextSpan.FromBounds(nameStart, _position - 1);
                    if (!SkipTrivia() || _position >= _text.Length || _text[_position] != ':')
                    {
                        return false;
                    }

                    _position++;
                    _path.Add(name);
                    var ok = ReadValue(depth, nameSpan);
                    _path.RemoveAt(_path.Count - 1);
                    if (!ok)
                    {
                        return false;
                    }
                }
            }

            private bool ReadArray(int depth)
            {
                _position++; // [
                var index = 0;
                while (true)
                {
                    if (!SkipTrivia() || _position >= _text.Length)
                    {
                        return false;
                    }

                    if (_text[_position] == ']')
                    {
                        _position++;
                        return true;
                    }

                    if (index > 0)
                    {
                        if (_text[_position] != ',')
                        {
                            return false;
                        }

                        _position++;
                        if (!SkipTrivia() || _position >= _text.Length)
                        {
                            return false;
                        }

                        if (_text[_position] == ']')
                        {
                            _position++;
                            return true;
                        }
                    }

                    _path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var start = _position;
                    var ok = ReadValue(depth, new TextSpan(start, 0));
                    _path.RemoveAt(_path.Count - 1);
                    if (!ok)
                    {
                        return false;
                    }

                    index++;
                }
            }

            private bool ReadLiteral(TextSpan keySpan)
            {
                var start = _position;
                while (_position < _text.Length)
                {
                    var c = _text[_position];
                    if (char.IsLetterOrDigit(c) || c == '-' || c == '+' || c == '.')
                    {
                        _position++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (_position == start)
                {
                    return false;
                }

                var raw = _text.Substring(start, _position - start);
                var span = TextSpan.FromBounds(start, _position);
                switch (raw)
                {
                    case "true":
                        Add(raw, JsonLeafKind.True, span, keySpan);
                        return true;
                    case "false":
                        Add(raw, JsonLeafKind.False, span, keySpan);
                        return true;
                    case "null":
                        Add(null, JsonLeafKind.Null, span, keySpan);
                        return true;
                }

                var c0 = raw[0];
                if (c0 == '-' || (c0 >= '0' && c0 <= '9'))
                {
                    Add(raw, JsonLeafKind.Number, span, keySpan);
                    return true;
                }

                _position = start;
                return false;
            }

            private void Add(string? value, JsonLeafKind kind, TextSpan valueSpan, TextSpan keySpan)
            {
                if (keySpan.Length == 0)
                {
                    keySpan = valueSpan;
                }

                _entries.Add(new JsonConfigEntry(string.Join(":", _path), value, kind, valueSpan, keySpan));
            }

            /// <summary>Reads a string at the opening quote; leaves the position after the closing quote.</summary>
            private bool ReadString(out string value)
            {
                value = string.Empty;
                _position++; // opening quote
                var start = _position;

                // Fast path: no escapes.
                while (_position < _text.Length)
                {
                    var c = _text[_position];
                    if (c == '"')
                    {
                        value = _text.Substring(start, _position - start);
                        _position++;
                        return true;
                    }

                    if (c == '\\' || c == '\n' || c == '\r')
                    {
                        break;
                    }

                    _position++;
                }

                _buffer.Clear();
                _buffer.Append(_text, start, _position - start);
                while (_position < _text.Length)
                {
                    var c = _text[_position];
                    if (c == '"')
                    {
                        value = _buffer.ToString();
                        _position++;
                        return true;
                    }

                    if (c == '\n' || c == '\r')
                    {
                        return false;
                    }

                    if (c != '\\')
                    {
                        _buffer.Append(c);
                        _position++;
                        continue;
                    }

                    if (_position + 1 >= _text.Length)
                    {
                        return false;
                    }

                    var escape = _text[_position + 1];
                    _position += 2;
                    switch (escape)
                    {
                        case '"': _buffer.Append('"'); break;
                        case '\\': _buffer.Append('\\'); break;
                        case '/': _buffer.Append('/'); break;
                        case 'b': _buffer.Append('\b'); break;
                        case 'f': _buffer.Append('\f'); break;
                        case 'n': _buffer.Append('\n'); break;
                        case 'r': _buffer.Append('\r'); break;
                        case 't': _buffer.Append('\t'); break;
                        case 'u':
                            if (_position + 4 > _text.Length || !TryHex(_text, _position, out var code))
                            {
                                return false;
                            }

                            _buffer.Append((char)code);
                            _position += 4;
                            break;
                        default:
                            return false;
                    }
                }

                return false;
            }

            private static bool TryHex(string text, int start, out int code)
            {
                code = 0;
                for (var i = start; i < start + 4; i++)
                {
                    var c = text[i];
                    int digit;
                    if (c >= '0' && c <= '9')
                    {
                        digit = c - '0';
                    }
                    else if (c >= 'a' && c <= 'f')
                    {
                        digit = c - 'a' + 10;
                    }
                    else if (c >= 'A' && c <= 'F')
                    {
                        digit = c - 'A' + 10;
                    }
                    else
                    {
                        return false;
                    }

                    code = (code << 4) | digit;
                }

                return true;
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
                        while (_position < _text.Length && _text[_position] != '\n')
                        {
                            _position++;
                        }
                    }
                    else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                    {
                        var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                        if (end < 0)
                        {
                            _position = _text.Length;
                            return false;
                        }

                        _position = end + 2;
                    }
                    else
                    {
                        break;
                    }
                }

                return true;
            }
        }
    }
}
