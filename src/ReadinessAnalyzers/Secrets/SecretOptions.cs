using System;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// The .editorconfig options of the Secrets rules, read for one file (a C# tree or an additional file).
    /// Each key is read as <c>RDYnnnn.option</c> first, then <c>readiness.option</c>; a rule reads only the options
    /// <see cref="OptionCatalog"/> lists for it (the others keep their defaults).
    /// </summary>
    internal sealed class SecretOptions
    {
        /// <summary>Folders whose files are test assets: reported at a lower severity (RDY1006).</summary>
        public static readonly string[] DefaultTestPathGlobs = { "**/test/**", "**/tests/**", "**/*.Tests/**", "**/*Tests/**", "**/*.Test/**" };

        private SecretOptions(CredentialNames names, string[] placeholderPatterns, string[] testPathGlobs, double entropyThreshold)
        {
            Names = names;
            PlaceholderPatterns = placeholderPatterns;
            TestFolders = testPathGlobs;
            MinimumEntropy = entropyThreshold;
        }

        /// <summary>Credential names with the user's extra words and excluded names.</summary>
        public CredentialNames Names { get; }

        /// <summary>Wildcard patterns (<c>*-change-me</c>) of values that are placeholders, not secrets.</summary>
        public string[] PlaceholderPatterns { get; }

        public string[] TestFolders { get; }

        /// <summary>Minimum Shannon entropy (bits per character) of a credential-named value; 0 when not set.</summary>
        public double MinimumEntropy { get; }

        /// <summary>True when <paramref name="value"/> matches one of the user's placeholder patterns.</summary>
        public bool IsUserPlaceholder(string value)
        {
            foreach (var pattern in PlaceholderPatterns)
            {
                if (Wildcard.IsMatch(value, pattern))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="path"/> is under a test folder.</summary>
        public bool IsTestPath(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            foreach (var glob in TestFolders)
            {
                if (Wildcard.IsPathMatch(path!, glob))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Options of a C# file, read once per file and rule.</summary>
        public static SecretOptions For(Cache cache, AnalyzerOptions options, SyntaxTree tree, string ruleId)
        {
            if (cache.ByTree.TryGetValue(tree, out var known))
            {
                return known;
            }

            var read = cache.Get(
                RuleOptions.Get(options, tree, ruleId, OptionCatalog.ExtraCredentialWords),
                RuleOptions.Get(options, tree, ruleId, OptionCatalog.ExcludedNames),
                RuleOptions.Get(options, tree, ruleId, OptionCatalog.ExtraPlaceholderPatterns),
                RuleOptions.Get(options, tree, ruleId, OptionCatalog.TestPathGlobs),
                RuleOptions.Get(options, tree, ruleId, OptionCatalog.EntropyThreshold));
            return cache.ByTree.GetOrAdd(tree, read);
        }

        /// <summary>Options of an additional file.</summary>
        public static SecretOptions For(Cache cache, AnalyzerOptions options, AdditionalText file, string ruleId)
            => cache.Get(
                RuleOptions.Get(options, file, ruleId, OptionCatalog.ExtraCredentialWords),
                RuleOptions.Get(options, file, ruleId, OptionCatalog.ExcludedNames),
                RuleOptions.Get(options, file, ruleId, OptionCatalog.ExtraPlaceholderPatterns),
                RuleOptions.Get(options, file, ruleId, OptionCatalog.TestPathGlobs),
                RuleOptions.Get(options, file, ruleId, OptionCatalog.EntropyThreshold));

        private static string[] Split(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Array.Empty<string>();
            }

            var parts = value!.Split(',');
            var count = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                var trimmed = parts[i].Trim();
                if (trimmed.Length > 0)
                {
                    parts[count++] = trimmed;
                }
            }

            Array.Resize(ref parts, count);
            return parts;
        }

        /// <summary>
        /// One per compilation: files with the same option text share one parsed <see cref="SecretOptions"/>, so a
        /// callback only pays for a few dictionary lookups.
        /// </summary>
        internal sealed class Cache
        {
            /// <summary>Per C# file (one cache belongs to one analyzer, so to one rule ID).</summary>
            public readonly ConcurrentDictionary<SyntaxTree, SecretOptions> ByTree = new ConcurrentDictionary<SyntaxTree, SecretOptions>();

            private readonly ConcurrentDictionary<string, SecretOptions> _byText = new ConcurrentDictionary<string, SecretOptions>(StringComparer.Ordinal);
            private SecretOptions? _default;

            public SecretOptions Get(string? words, string? excluded, string? placeholders, string? globs, string? entropy)
            {
                if (words is null && excluded is null && placeholders is null && globs is null && entropy is null)
                {
                    return _default ??= Create(null, null, null, null, null);
                }

                var key = words + "\u0001" + excluded + "\u0001" + placeholders + "\u0001" + globs + "\u0001" + entropy;
                if (_byText.TryGetValue(key, out var options))
                {
                    return options;
                }

                return _byText.GetOrAdd(key, Create(words, excluded, placeholders, globs, entropy));
            }

            private static SecretOptions Create(string? words, string? excluded, string? placeholders, string? globs, string? entropy)
            {
                var wordList = Split(words);
                var excludedList = Split(excluded);
                var names = wordList.Length == 0 && excludedList.Length == 0 ? CredentialNames.Default : new CredentialNames(wordList, excludedList);
                var globList = globs is null ? DefaultTestPathGlobs : Split(globs);
                var threshold = double.TryParse(entropy, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : 0;
                return new SecretOptions(names, Split(placeholders), globList, threshold);
            }
        }
    }
}
