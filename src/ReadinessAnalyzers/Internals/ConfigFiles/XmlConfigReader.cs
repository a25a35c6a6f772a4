using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Internals.ConfigFiles
{
    /// <summary>
    /// Reads the named values of XML configuration files — web.config/app.config (<c>appSettings</c>,
    /// <c>connectionStrings</c>, <c>machineKey</c>, any credential-named attribute), nuget.config
    /// (<c>ClearTextPassword</c>) and publish profiles (<c>&lt;Password&gt;</c> elements) — with exact value spans.
    /// Never throws: a malformed document yields the entries before the error.
    /// </summary>
    internal static class XmlConfigReader
    {
        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };

        public static void Read(string text, List<ConfigEntry> entries)
        {
            // A byte-order mark is not part of the document; line 1 then starts after it.
            var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var lineStarts = LineStarts(text);
            lineStarts[0] = bom;
            try
            {
                using (var reader = XmlReader.Create(new StringReader(bom == 0 ? text : text.Substring(bom)), Settings))
                {
                    var lineInfo = (IXmlLineInfo)reader;
                    string? openElement = null;
                    while (reader.Read())
                    {
                        switch (reader.NodeType)
                        {
                            case XmlNodeType.Element:
                                openElement = reader.IsEmptyElement ? null : reader.LocalName;
                                ReadAttributes(reader, lineInfo, text, lineStarts, entries);
                                break;
                            case XmlNodeType.Text:
                            case XmlNodeType.CDATA:
                                if (openElement != null)
                                {
                                    // <Password>value</Password> in a publish profile or an MSBuild-style file.
                                    var start = Offset(lineStarts, lineInfo.LineNumber, lineInfo.LinePosition, text.Length);
                                    var value = reader.Value;
                                    var end = text.IndexOf('<', start);
                                    var span = TextSpan.FromBounds(start, end < 0 ? text.Length : end);
                                    span = Trim(text, span);
                                    if (value.Trim().Length > 0 && span.Length > 0)
                                    {
                                        entries.Add(new ConfigEntry(openElement, value.Trim(), span));
                                    }
                                }

                                break;
                            default:
                                openElement = null;
                                break;
                        }
                    }
                }
            }
            catch (XmlException)
            {
                // Malformed XML: keep the entries read so far.
            }
        }

        private static void ReadAttributes(XmlReader reader, IXmlLineInfo lineInfo, string text, List<int> lineStarts, List<ConfigEntry> entries)
        {
            if (!reader.HasAttributes)
            {
                return;
            }

            var element = reader.LocalName;
            string? key = null;
            string? name = null;
            TextSpan valueSpan = default;
            string? value = null;
            TextSpan connectionSpan = default;
            string? connection = null;

            while (reader.MoveToNextAttribute())
            {
                var attribute = reader.LocalName;
                var span = AttributeValueSpan(text, lineStarts, lineInfo.LineNumber, lineInfo.LinePosition);
                switch (attribute)
                {
                    case "key":
                        key = reader.Value;
                        break;
                    case "name":
                        name = reader.Value;
                        break;
                    case "value":
                        value = reader.Value;
                        valueSpan = span;
                        break;
                    case "connectionString":
                        connection = reader.Value;
                        connectionSpan = span;
                        break;
                    default:
                        if (span.Length > 0)
                        {
                            var role = element == "machineKey" && (attribute == "validationKey" || attribute == "decryptionKey")
                                ? ConfigEntryRole.Key
                                : ConfigEntryRole.Named;
                            entries.Add(new ConfigEntry(element + ":" + attribute, reader.Value, span, role));
                        }

                        break;
                }
            }

            reader.MoveToElement();
            if (key != null && value != null && valueSpan.Length > 0)
            {
                entries.Add(new ConfigEntry(key, value, valueSpan));
            }

            if (connection != null && connectionSpan.Length > 0)
            {
                entries.Add(new ConfigEntry("connectionStrings:" + (name ?? string.Empty), connection, connectionSpan, ConfigEntryRole.ConnectionString));
            }
        }

        /// <summary>The span of an attribute's value, found from the position of its name.</summary>
        private static TextSpan AttributeValueSpan(string text, List<int> lineStarts, int line, int column)
        {
            var i = Offset(lineStarts, line, column, text.Length);
            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                return default;
            }

            var open = equals + 1;
            while (open < text.Length && char.IsWhiteSpace(text[open]))
            {
                open++;
            }

            if (open >= text.Length || (text[open] != '"' && text[open] != '\''))
            {
                return default;
            }

            var close = text.IndexOf(text[open], open + 1);
            return close < 0 ? default : TextSpan.FromBounds(open + 1, close);
        }

        private static int Offset(List<int> lineStarts, int line, int column, int length)
        {
            if (line < 1 || line > lineStarts.Count)
            {
                return length;
            }

            return Math.Min(lineStarts[line - 1] + Math.Max(column - 1, 0), length);
        }

        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }

        private static TextSpan Trim(string text, TextSpan span)
        {
            var start = span.Start;
            var end = span.End;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return TextSpan.FromBounds(start, end);
        }
    }
}
