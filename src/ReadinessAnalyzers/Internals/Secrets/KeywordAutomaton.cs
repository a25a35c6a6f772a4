using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>
    /// Aho-Corasick over the formats' keywords, compiled to a dense DFA on ASCII-case-folded characters, so that a text
    /// with no keyword costs one table walk: per character one class lookup and one transition, no allocation.
    /// </summary>
    internal sealed class KeywordAutomaton
    {
        /// <summary>A keyword with the formats it announces.</summary>
        internal sealed class Keyword
        {
            public Keyword(string text, bool caseSensitive)
            {
                Text = text;
                CaseSensitive = caseSensitive;
            }

            public string Text { get; }

            public bool CaseSensitive { get; }

            public List<SecretFormat> Formats { get; } = new List<SecretFormat>();
        }

        private KeywordAutomaton(byte[] classes, int stride, int[] delta, Keyword[][] outputs)
        {
            Classes = classes;
            Stride = stride;
            Delta = delta;
            Outputs = outputs;
        }

        /// <summary>Character → column of <see cref="Delta"/>; 0 for every character in no keyword.</summary>
        public byte[] Classes { get; }

        public int Stride { get; }

        /// <summary>
        /// Transitions: Delta[state * Stride + class] is the next state already multiplied by Stride, with the sign bit set
        /// when a keyword ends there.
        /// </summary>
        public int[] Delta { get; }

        /// <summary>Keywords ending in a state, by state number (null when none).</summary>
        public Keyword[][] Outputs { get; }

        public static KeywordAutomaton Build(IReadOnlyList<SecretFormat> formats)
        {
            var keywords = new Dictionary<string, Keyword>(StringComparer.Ordinal);
            foreach (var format in formats)
            {
                foreach (var text in format.Keywords)
                {
                    var key = (format.KeywordsCaseSensitive ? "s:" : "i:") + text;
                    if (!keywords.TryGetValue(key, out var keyword))
                    {
                        keyword = new Keyword(text, format.KeywordsCaseSensitive);
                        keywords.Add(key, keyword);
                    }

                    keyword.Formats.Add(format);
                }
            }

            // Alphabet: the distinct folded characters of the keywords; everything else is class 0.
            var classes = new byte[char.MaxValue + 1];
            var classCount = 1;
            foreach (var keyword in keywords.Values)
            {
                foreach (var c in keyword.Text)
                {
                    var folded = Fold(c);
                    if (classes[folded] == 0)
                    {
                        if (classCount == byte.MaxValue)
                        {
                            throw new InvalidOperationException("Too many distinct keyword characters.");
                        }

                        classes[folded] = (byte)classCount++;
                    }
                }
            }

            for (var c = 'A'; c <= 'Z'; c++)
            {
                classes[c] = classes[c + 32];
            }

            // Trie.
            var children = new List<int[]> { NewRow(classCount) };
            var own = new List<List<Keyword>?> { null };
            foreach (var keyword in keywords.Values)
            {
                var state = 0;
                foreach (var c in keyword.Text)
                {
                    var cls = classes[Fold(c)];
                    var next = children[state][cls];
                    if (next <= 0)
                    {
                        next = children.Count;
                        children.Add(NewRow(classCount));
                        own.Add(null);
                        children[state][cls] = next;
                    }

                    state = next;
                }

                (own[state] ??= new List<Keyword>()).Add(keyword);
            }

            // Breadth-first: failure links, the complete transition function and the output sets.
            var count = children.Count;
            var fail = new int[count];
            var delta = new int[count * classCount];
            var outputs = new List<Keyword>?[count];
            var order = new List<int>(count) { 0 };
            outputs[0] = own[0];
            for (var cls = 0; cls < classCount; cls++)
            {
                var child = children[0][cls];
                if (child > 0)
                {
                    fail[child] = 0;
                    delta[cls] = child;
                    order.Add(child);
                }
            }

            for (var head = 1; head < order.Count; head++)
            {
                var state = order[head];
                var inherited = outputs[fail[state]];
                outputs[state] = own[state] is null ? inherited
                    : inherited is null ? own[state]
                    : Concat(own[state]!, inherited);
                for (var cls = 0; cls < classCount; cls++)
                {
                    var child = children[state][cls];
                    if (child > 0)
                    {
                        fail[child] = delta[fail[state] * classCount + cls];
                        delta[state * classCount + cls] = child;
                        order.Add(child);
                    }
                    else
                    {
                        delta[state * classCount + cls] = delta[fail[state] * classCount + cls];
                    }
                }
            }

            // Pre-multiply targets and flag accepting ones.
            for (var i = 0; i < delta.Length; i++)
            {
                var target = delta[i];
                delta[i] = target * classCount | (outputs[target] is null ? 0 : int.MinValue);
            }

            var result = new Keyword[count][];
            for (var i = 0; i < count; i++)
            {
                result[i] = outputs[i]?.ToArray()!;
            }

            return new KeywordAutomaton(classes, classCount, delta, result);
        }

        private static int[] NewRow(int classCount) => new int[classCount];

        private static List<Keyword> Concat(List<Keyword> first, List<Keyword> second)
        {
            var all = new List<Keyword>(first);
            all.AddRange(second);
            return all;
        }

        private static char Fold(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
}
