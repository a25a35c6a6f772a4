using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Reads the options of <see cref="OptionCatalog"/> from .editorconfig / .globalconfig: <c>RDYnnnn.option</c> for one
    /// rule wins over <c>readiness.option</c> for all of them; a file's own options (its .editorconfig sections, over the
    /// global config) win over the global options. The first key found decides: a malformed value reads as unset, so the
    /// rule uses the default (RDY0001 reports the value), and a rule the catalog does not list for the option reads nothing.
    /// </summary>
    internal static class RuleOptions
    {
        public static string? Get(AnalyzerOptions options, SyntaxTree? tree, string ruleId, ReadinessOption option)
        {
            if (!option.TryGetRuleKey(ruleId, out var ruleKey))
            {
                return null;
            }

            var provider = options.AnalyzerConfigOptionsProvider;
            if (tree != null && TryGet(provider.GetOptions(tree), ruleKey, option, out var value))
            {
                return Valid(option, value);
            }

            return TryGet(provider.GlobalOptions, ruleKey, option, out value) ? Valid(option, value) : null;
        }

        public static string? Get(AnalyzerOptions options, AdditionalText file, string ruleId, ReadinessOption option)
        {
            if (!option.TryGetRuleKey(ruleId, out var ruleKey))
            {
                return null;
            }

            var provider = options.AnalyzerConfigOptionsProvider;
            if (TryGet(provider.GetOptions(file), ruleKey, option, out var value))
            {
                return Valid(option, value);
            }

            return TryGet(provider.GlobalOptions, ruleKey, option, out value) ? Valid(option, value) : null;
        }

        /// <summary>A <see cref="ReadinessOption.GlobalOnly"/> option: <c>readiness.option</c> from the global options.</summary>
        public static string? GetGlobal(AnalyzerOptions options, ReadinessOption option)
            => option.GlobalOnly && options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(option.SharedKey, out var value)
                ? Valid(option, value)
                : null;

        /// <summary>A comma-separated list option, trimmed, empty entries dropped.</summary>
        public static string[] GetList(AnalyzerOptions options, SyntaxTree? tree, string ruleId, ReadinessOption option)
            => SplitList(Get(options, tree, ruleId, option));

        /// <summary>A comma-separated list option for an additional file (its section, then the global options).</summary>
        public static string[] GetList(AnalyzerOptions options, AdditionalText file, string ruleId, ReadinessOption option)
            => SplitList(Get(options, file, ruleId, option));

        /// <summary>A comma-separated value, trimmed, empty entries dropped.</summary>
        public static string[] SplitList(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Array.Empty<string>();
            }

            var parts = value!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
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

        private static string? Valid(ReadinessOption option, string value) => option.Validate(value) is null ? value : null;

        private static bool TryGet(AnalyzerConfigOptions options, string ruleKey, ReadinessOption option, out string value)
            => options.TryGetValue(ruleKey, out value!) || options.TryGetValue(option.SharedKey, out value!);
    }
}
