using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>
    /// Reads the logging rules of an nlog.config: <c>&lt;logger name="…" minlevel="Debug" writeTo="…"/&gt;</c> (or <c>level</c>),
    /// with the exact span of the level value. A rule that writes nowhere (a filter, a <c>final</c> black hole) sets no level,
    /// nor does the root's <c>internalLogLevel</c> (NLog's own diagnostics) or a layout (<c>${var:level}</c>). Never throws.
    /// </summary>
    internal static class NLogConfigReader
    {
        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };

        /// <summary>One verbose rule: the logger name pattern, the attribute, the level as written and its span.</summary>
        internal readonly struct VerboseRule
        {
            public VerboseRule(string logger, string attribute, string level, TextSpan span)
            {
                Logger = logger;
                Attribute = attribute;
                Level = level;
                Span = span;
            }

            public string Logger { get; }

            public string Attribute { get; }

            public string Level { get; }

            public TextSpan Span { get; }
        }

        public static bool IsNLogConfig(string path)
        {
            var name = Path.GetFileName(path);
            return string.Equals(name, "nlog.config", StringComparison.OrdinalIgnoreCase);
        }

        public static List<VerboseRule> ReadVerboseRules(string text)
        {
            var rules = new List<VerboseRule>();
            var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var lineStarts = LineStarts(text, bom);
            try
            {
                using (var reader = XmlReader.Create(new StringReader(bom == 0 ? text : text.Substring(bom)), Settings))
                {
                    var lineInfo = (IXmlLineInfo)reader;
                    while (reader.Read())
                    {
                        if (reader.NodeType != XmlNodeType.Element || !string.Equals(reader.LocalName, "logger", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        var logger = reader.GetAttribute("name") ?? "*";
                        var writesTo = !string.IsNullOrWhiteSpace(reader.GetAttribute("writeTo"));
                        if (!writesTo)
                        {
                            continue;
                        }

                        foreach (var attribute in new[] { "minlevel", "level" })
                        {
                            if (!reader.MoveToAttribute(attribute))
                            {
                                continue;
                            }

                            var level = reader.Value.Trim();
                            if (string.Equals(level, "Trace", StringComparison.OrdinalIgnoreCase) || string.Equals(level, "Debug", StringComparison.OrdinalIgnoreCase))
                            {
                                var span = ValueSpan(text, lineStarts, lineInfo.LineNumber, lineInfo.LinePosition);
                                if (span.HasValue)
                                {
                                    rules.Add(new VerboseRule(logger, attribute, level, span.Value));
                                }
                            }

                            reader.MoveToElement();
                        }
                    }
                }
            }
            catch (XmlException)
            {
                // Malformed XML: keep the rules read so far.
            }

            return rules;
        }

        /// <summary>The span inside the quotes of the attribute that starts at (line, position), both 1-based.</summary>
        private static TextSpan? ValueSpan(string text, List<int> lineStarts, int line, int position)
        {
            if (line < 1 || line > lineStarts.Count)
            {
                return null;
            }

            var offset = lineStarts[line - 1] + position - 1;
            var equals = offset >= 0 && offset < text.Length ? text.IndexOf('=', offset) : -1;
            if (equals < 0)
            {
                return null;
            }

            var open = equals + 1;
            while (open < text.Length && text[open] != '"' && text[open] != '\'')
            {
                open++;
            }

            if (open >= text.Length)
            {
                return null;
            }

            var close = text.IndexOf(text[open], open + 1);
            return close < 0 ? (TextSpan?)null : TextSpan.FromBounds(open + 1, close);
        }

        private static List<int> LineStarts(string text, int bom)
        {
            var starts = new List<int> { bom };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }
    }
}
