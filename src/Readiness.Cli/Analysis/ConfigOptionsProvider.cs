using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Readiness.Cli.Analysis;

/// <summary>
/// The .editorconfig options of a project as the compiler computes them (Roslyn's <see cref="AnalyzerConfigSet"/>
/// over the folder chain), plus the build properties and the audited environment as global options.
/// Severity keys are kept back from the analyzers: the audit applies them itself, so a rule turned off with
/// <c>severity = none</c> is reported as suppressed (waived) instead of vanishing.
/// </summary>
internal sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet? _set;
    private readonly ConcurrentDictionary<string, (DictionaryOptions Options, AnalyzerConfigOptionsResult? Result)> _byPath = new(StringComparer.Ordinal);
    private readonly DictionaryOptions _global;
    private readonly IReadOnlyDictionary<string, string> _forced;

    /// <param name="forcedOptions">Options the command line sets (the environment): they win over every file's .editorconfig.</param>
    public ConfigOptionsProvider(AnalyzerConfigSet? set, IReadOnlyDictionary<string, string> globalOptions, IReadOnlyDictionary<string, string> forcedOptions)
    {
        _set = set;
        _forced = forcedOptions;
        var global = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        if (set is not null)
        {
            foreach (var (key, value) in set.GlobalConfigOptions.AnalyzerOptions)
            {
                if (!IsSeverityKey(key))
                {
                    global[key] = value;
                }
            }
        }

        foreach (var (key, value) in globalOptions.Concat(forcedOptions))
        {
            global[key] = value;
        }

        _global = new DictionaryOptions(global.ToImmutable());
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath).Options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path).Options;

    /// <summary>
    /// How .editorconfig configures a rule for a file: <c>dotnet_diagnostic.ID.severity</c>, then
    /// <c>dotnet_analyzer_diagnostic.category-Name.severity</c>, then <c>dotnet_analyzer_diagnostic.severity</c>,
    /// each in the file's sections before the global config. Returns the key that decided and its value, or null.
    /// </summary>
    public (string Key, string Value)? ConfiguredSeverity(string path, string ruleId, string category)
    {
        if (_set is null)
        {
            return null;
        }

        var (_, result) = For(path);
        var global = _set.GlobalConfigOptions;
        var idKey = $"dotnet_diagnostic.{ruleId}.severity";
        var categoryKey = $"dotnet_analyzer_diagnostic.category-{category}.severity";
        const string AllKey = "dotnet_analyzer_diagnostic.severity";

        if (result is { } file && file.TreeOptions.TryGetValue(ruleId, out var fileSeverity))
        {
            return (idKey, ToText(fileSeverity));
        }

        if (global.TreeOptions.TryGetValue(ruleId, out var globalSeverity))
        {
            return (idKey, ToText(globalSeverity));
        }

        foreach (var key in new[] { categoryKey, AllKey })
        {
            if (result is { } r && TryGetIgnoreCase(r.AnalyzerOptions, key, out var value))
            {
                return (key, value);
            }

            if (TryGetIgnoreCase(global.AnalyzerOptions, key, out value))
            {
                return (key, value);
            }
        }

        return null;
    }

    public static bool IsOff(string severity) =>
        severity.Equals("none", StringComparison.OrdinalIgnoreCase) || severity.Equals("suppress", StringComparison.OrdinalIgnoreCase);

    private (DictionaryOptions Options, AnalyzerConfigOptionsResult? Result) For(string path)
    {
        if (_set is null || string.IsNullOrEmpty(path))
        {
            return (_forced.Count == 0 ? DictionaryOptions.Empty : new DictionaryOptions(ImmutableDictionary.CreateRange(AnalyzerConfigOptions.KeyComparer, _forced)), null);
        }

        return _byPath.GetOrAdd(path, p =>
        {
            var result = _set.GetOptionsForSourcePath(p);
            var options = result.AnalyzerOptions
                .Where(kv => !IsSeverityKey(kv.Key))
                .ToImmutableDictionary(AnalyzerConfigOptions.KeyComparer)
                .SetItems(_forced);
            return (new DictionaryOptions(options), result);
        });
    }

    private static bool IsSeverityKey(string key) =>
        key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.OrdinalIgnoreCase)
        || (key.StartsWith("dotnet_diagnostic.", StringComparison.OrdinalIgnoreCase) && key.EndsWith(".severity", StringComparison.OrdinalIgnoreCase));

    private static bool TryGetIgnoreCase(ImmutableDictionary<string, string> options, string key, [NotNullWhen(true)] out string? value)
    {
        foreach (var (k, v) in options)
        {
            if (k.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static string ToText(ReportDiagnostic severity) => severity switch
    {
        ReportDiagnostic.Suppress => "none",
        ReportDiagnostic.Hidden => "silent",
        ReportDiagnostic.Info => "suggestion",
        ReportDiagnostic.Warn => "warning",
        ReportDiagnostic.Error => "error",
        _ => "default",
    };

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> options) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty.WithComparers(KeyComparer));

        public override IEnumerable<string> Keys => options.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => options.TryGetValue(key, out value);
    }
}
