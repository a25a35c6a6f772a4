using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Reads rule options from .editorconfig / .globalconfig: <c>RDYnnnn.option</c> for one rule wins over
    /// <c>readiness.option</c> for all of them; a file's own section wins over the global options.
    /// </summary>
    internal static class RuleOptions
    {
        public static string? Get(AnalyzerOptions options, SyntaxTree? tree, string ruleId, string option)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if (tree != null && TryGet(provider.GetOptions(tree), ruleId, option, out var value))
            {
                return value;
            }

            return TryGet(provider.GlobalOptions, ruleId, option, out value) ? value : null;
        }

        public static string? Get(AnalyzerOptions options, AdditionalText file, string ruleId, string option)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if (TryGet(provider.GetOptions(file), ruleId, option, out var value))
            {
                return value;
            }

            return TryGet(provider.GlobalOptions, ruleId, option, out value) ? value : null;
        }

        /// <summary>A comma-separated list option, trimmed, empty entries dropped.</summary>
        public static string[] GetList(AnalyzerOptions options, SyntaxTree? tree, string ruleId, string option)
            => SplitList(Get(options, tree, ruleId, option));

        /// <summary>A comma-separated list option for an additional file (its section, then the global options).</summary>
        public static string[] GetList(AnalyzerOptions options, AdditionalText file, string ruleId, string option)
            => SplitList(Get(options, file, ruleId, option));

        private static string[] SplitList(string? value)
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

        private static bool TryGet(AnalyzerConfigOptions options, string ruleId, string option, out string value)
        {
            if (options.TryGetValue(ruleId + "." + option, out value!))
            {
                return true;
            }

            return options.TryGetValue("readiness." + option, out value!);
        }
    }
}
