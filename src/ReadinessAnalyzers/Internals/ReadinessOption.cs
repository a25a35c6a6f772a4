using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>What an option's value is: it decides how the value is validated and how the docs describe it.</summary>
    internal enum OptionKind
    {
        /// <summary>Comma-separated single words (letters only).</summary>
        Words,

        /// <summary>Comma-separated whole names: identifiers, configuration keys, environment variables.</summary>
        Names,

        /// <summary>Comma-separated value patterns: <c>*</c> is any run of characters, <c>?</c> one character.</summary>
        ValuePatterns,

        /// <summary>Comma-separated path globs: <c>**</c> crosses folders, <c>*</c> stays in one.</summary>
        PathGlobs,

        /// <summary>Comma-separated method names: <c>IsLocal</c> or <c>Type.IsLocal</c>.</summary>
        MethodNames,

        /// <summary>A number in a range.</summary>
        Number,

        /// <summary>One ASP.NET Core environment name.</summary>
        EnvironmentName,

        /// <summary>Comma-separated cookie names.</summary>
        CookieNames,

        /// <summary>Comma-separated container image references, wildcards allowed.</summary>
        ImagePatterns,

        /// <summary>Comma-separated configuration paths (<c>Section:Key</c>), wildcards allowed.</summary>
        ConfigurationPaths,

        /// <summary>Comma-separated origin patterns: <c>scheme://host[:port]</c>, the host may begin with one <c>*.</c> label.</summary>
        OriginPatterns,
    }

    /// <summary>
    /// One .editorconfig / .globalconfig option of the analyzers: its name, the rules whose behaviour it changes, what its
    /// value must look like, its default and what it means. Every option lives in <see cref="OptionCatalog"/>.
    /// </summary>
    internal sealed class ReadinessOption
    {
        public const string SharedPrefix = "readiness.";

        private readonly Func<string, string?> _validate;
        private readonly ImmutableDictionary<string, string> _ruleKeys;

        public ReadinessOption(
            string name,
            OptionKind kind,
            string[] rules,
            string defaultText,
            string expected,
            string meaning,
            string example,
            Func<string, string?> validate,
            bool globalOnly = false,
            string[]? alsoAffects = null)
        {
            Name = name;
            Kind = kind;
            Rules = ImmutableArray.Create(rules);
            AlsoAffects = alsoAffects is null ? ImmutableArray<string>.Empty : ImmutableArray.Create(alsoAffects);
            DefaultText = defaultText;
            Expected = expected;
            Meaning = meaning;
            Example = example;
            GlobalOnly = globalOnly;
            SharedKey = SharedPrefix + name;
            _validate = validate;

            var keys = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (!globalOnly)
            {
                foreach (var rule in rules)
                {
                    keys[rule] = rule + "." + name;
                }
            }

            _ruleKeys = keys.ToImmutable();
        }

        /// <summary>The option's name, lower-case with underscores: <c>extra_credential_words</c>.</summary>
        public string Name { get; }

        public OptionKind Kind { get; }

        /// <summary>
        /// The rules whose behaviour the option changes. Unless <see cref="GlobalOnly"/>, each of them reads it as
        /// <c>RDYnnnn.name</c> before <c>readiness.name</c>.
        /// </summary>
        public ImmutableArray<string> Rules { get; }

        /// <summary>Rules reported by the analyzers of <see cref="Rules"/> that the option changes through their keys (RDY1006).</summary>
        public ImmutableArray<string> AlsoAffects { get; }

        /// <summary>The default, as the docs and RDY0001 say it.</summary>
        public string DefaultText { get; }

        /// <summary>What a value must look like, as the docs and RDY0001 say it.</summary>
        public string Expected { get; }

        /// <summary>What the option does, in a line.</summary>
        public string Meaning { get; }

        /// <summary>A valid example value.</summary>
        public string Example { get; }

        /// <summary>
        /// True when the option is read once per compilation, as <c>readiness.name</c> from the global options only
        /// (a <c>.globalconfig</c>): it is shared by every rule in <see cref="Rules"/>, and <c>RDYnnnn.name</c> is not read.
        /// </summary>
        public bool GlobalOnly { get; }

        /// <summary><c>readiness.name</c>: the key that sets the option for every rule that reads it.</summary>
        public string SharedKey { get; }

        /// <summary>True when <paramref name="ruleId"/> reads the option under its own key <c>RDYnnnn.name</c>.</summary>
        public bool IsReadAs(string ruleId) => _ruleKeys.ContainsKey(ruleId);

        /// <summary><c>RDYnnnn.name</c> when <paramref name="ruleId"/> reads the option under its own key.</summary>
        public bool TryGetRuleKey(string ruleId, out string key) => _ruleKeys.TryGetValue(ruleId, out key!);

        /// <summary>True when the rule's page must document the option.</summary>
        public bool Affects(string ruleId) => Rules.Contains(ruleId) || AlsoAffects.Contains(ruleId);

        /// <summary>Null when <paramref name="value"/> is valid (an empty value is: it sets nothing), else what is wrong with it.</summary>
        public string? Validate(string? value)
            => string.IsNullOrWhiteSpace(value) ? null : _validate(value!.Trim());

        /// <summary>The entries of a comma-separated value, trimmed, empty ones dropped.</summary>
        public static List<string> Entries(string value)
        {
            var entries = new List<string>();
            foreach (var part in value.Split(','))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    entries.Add(trimmed);
                }
            }

            return entries;
        }

        public override string ToString() => SharedKey;
    }
}
