using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Configuration
{
    /// <summary>
    /// RDY0001: an option in .editorconfig / .globalconfig that the analyzers cannot use: a value <see cref="OptionCatalog"/>
    /// rejects (the rules then use the default), an unknown option, a <c>RDYnnnn.option</c> key the rule does not read,
    /// or a shared option in a place it is not read from. The options are the same for the whole compilation most of the
    /// time, so each distinct key and value is reported once, at compilation end, without a location.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MalformedOptionAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.MalformedOption,
            title: "Malformed ReadinessAnalyzers option",
            messageFormat: "ReadinessAnalyzers option '{0} = {1}' {2}",
            description: "An option in .editorconfig or .globalconfig that the analyzers cannot use: a malformed value (the rules then "
                + "use the default, so a typo silently weakens them), an option name that does not exist, a RDYnnnn.option key for a "
                + "rule that does not read that option, or a shared option set where it is not read. Each key and value is reported "
                + "once per compilation; docs/configuration.md lists every option.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const int MaxShownValueLength = 60;
        private const string RulePrefix = "RDY";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(static context => Analyze(context));
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var global = provider.GlobalOptions;
            var reported = new HashSet<string>(StringComparer.Ordinal);

            // Files matched by the same sections often share one options object: each is listed once.
            var seen = new HashSet<AnalyzerConfigOptions>(SameInstance.Comparer);
            Check(context, global, global, isGlobal: true, reported);
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var options = provider.GetOptions(tree);
                if (seen.Add(options))
                {
                    Check(context, options, global, isGlobal: false, reported);
                }
            }

            foreach (var file in context.Options.AdditionalFiles)
            {
                var options = provider.GetOptions(file);
                if (seen.Add(options))
                {
                    Check(context, options, global, isGlobal: false, reported);
                }
            }
        }

        private static void Check(CompilationAnalysisContext context, AnalyzerConfigOptions options, AnalyzerConfigOptions global, bool isGlobal, HashSet<string> reported)
        {
            IEnumerable<string> keys;
            try
            {
                keys = options.Keys;
            }
            catch (NotImplementedException)
            {
                // A host whose options cannot list their keys: nothing to check, and the rules still read what they need.
                return;
            }

            foreach (var key in keys)
            {
                if (!IsReadinessKey(key) || !options.TryGetValue(key, out var value))
                {
                    continue;
                }

                var problem = Problem(key, value, options, global, isGlobal, out var shownKey);
                if (problem != null && reported.Add(shownKey + "\u0001" + value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, shownKey, Shorten(value.Trim()), problem));
                }
            }
        }

        /// <summary><c>readiness.x</c> or <c>RDYnnnn.x</c>, in any case (.editorconfig keys are lower-cased).</summary>
        private static bool IsReadinessKey(string key)
            => key.StartsWith(ReadinessOption.SharedPrefix, StringComparison.OrdinalIgnoreCase) || RuleIdOf(key) != null;

        private static string? RuleIdOf(string key)
        {
            if (key.Length < 9 || key[7] != '.' || !key.StartsWith(RulePrefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            for (var i = 3; i < 7; i++)
            {
                if (key[i] < '0' || key[i] > '9')
                {
                    return null;
                }
            }

            return RulePrefix + key.Substring(3, 4);
        }

        /// <summary>What is wrong with the key and its value, as the end of the message; null when nothing is.</summary>
        private static string? Problem(string key, string value, AnalyzerConfigOptions options, AnalyzerConfigOptions global, bool isGlobal, out string shownKey)
        {
            var ruleId = RuleIdOf(key);
            var name = ruleId is null ? key.Substring(ReadinessOption.SharedPrefix.Length) : key.Substring(8);
            shownKey = (ruleId ?? "readiness") + "." + name;

            var option = OptionCatalog.Find(name);
            if (option is null)
            {
                if (ruleId != null && string.Equals(name, "severity", StringComparison.OrdinalIgnoreCase))
                {
                    return "has no effect: a rule's severity is set with 'dotnet_diagnostic." + ruleId + ".severity'";
                }

                var closest = Closest(name);
                return "has no effect: '" + name + "' is not an option of ReadinessAnalyzers"
                    + (closest is null ? " (docs/configuration.md lists them)" : " (did you mean '" + closest.Name + "'?)");
            }

            if (ruleId != null && option.GlobalOnly)
            {
                return "has no effect: '" + option.Name + "' is shared by every rule and read only as '" + option.SharedKey + "' from a global config (.globalconfig)";
            }

            if (ruleId != null && !option.IsReadAs(ruleId))
            {
                if (option.AlsoAffects.Contains(ruleId))
                {
                    return "has no effect: " + ruleId + " is reported by the rules that read '" + option.Name + "', so set '" + option.SharedKey
                        + "' (or " + RuleKeys(option) + ")";
                }

                return "has no effect: " + ruleId + " does not read '" + option.Name + "'; " + RuleKeys(option) + " do, and '"
                    + option.SharedKey + "' sets it for all of them";
            }

            if (option.GlobalOnly && !isGlobal
                && !(global.TryGetValue(key, out var globalValue) && string.Equals(globalValue, value, StringComparison.Ordinal)))
            {
                return "has no effect here: '" + option.Name + "' is read once per compilation, only from a global config "
                    + "(a .globalconfig file with is_global = true), not from an .editorconfig section";
            }

            var malformed = option.Validate(value);
            return malformed is null
                ? null
                : "is malformed: " + malformed + ". Expected " + option.Expected + "; until it is fixed the rules use the default: " + option.DefaultText;
        }

        private static string RuleKeys(ReadinessOption option)
        {
            var keys = new List<string>(option.Rules.Length);
            foreach (var rule in option.Rules)
            {
                keys.Add(rule + "." + option.Name);
            }

            return string.Join(", ", keys);
        }

        /// <summary>The option whose name is a likely typo of <paramref name="name"/>, or null.</summary>
        private static ReadinessOption? Closest(string name)
        {
            ReadinessOption? best = null;
            var bestDistance = int.MaxValue;
            foreach (var option in OptionCatalog.All)
            {
                var distance = EditDistance(name.ToLowerInvariant(), option.Name);
                if (distance < bestDistance)
                {
                    best = option;
                    bestDistance = distance;
                }
            }

            return bestDistance <= Math.Max(2, name.Length / 4) ? best : null;
        }

        private static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }

        private sealed class SameInstance : IEqualityComparer<AnalyzerConfigOptions>
        {
            public static readonly SameInstance Comparer = new SameInstance();

            public bool Equals(AnalyzerConfigOptions? x, AnalyzerConfigOptions? y) => ReferenceEquals(x, y);

            public int GetHashCode(AnalyzerConfigOptions obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        private static string Shorten(string value)
            => value.Length <= MaxShownValueLength ? value : value.Substring(0, MaxShownValueLength) + "…";
    }
}
