using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Tests.Verification;

/// <summary>An AdditionalFile given by a test (appsettings.json, Dockerfile, .env …).</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>.editorconfig / .globalconfig files of a test, resolved the way the compiler resolves them.</summary>
public sealed class TestConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly DictionaryOptions _global;

    public TestConfigOptionsProvider(IEnumerable<(string Path, string Text)> configFiles)
    {
        _set = AnalyzerConfigSet.Create(configFiles.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToList());
        _global = new DictionaryOptions(_set.GlobalConfigOptions.AnalyzerOptions);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

    public ImmutableDictionary<string, ReportDiagnostic> TreeSeverities(string path) => _set.GetOptionsForSourcePath(path).TreeOptions;

    public ImmutableDictionary<string, ReportDiagnostic> GlobalSeverities => _set.GlobalConfigOptions.TreeOptions;

    private DictionaryOptions For(string path)
    {
        var local = _set.GetOptionsForSourcePath(path).AnalyzerOptions;
        var merged = _set.GlobalConfigOptions.AnalyzerOptions.SetItems(local);
        return new DictionaryOptions(merged);
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values = values.WithComparers(KeyComparer);

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => _values.TryGetValue(key, out value);
    }
}

/// <summary>Severity settings of .editorconfig applied per tree, as the compiler does for a real build.</summary>
public sealed class TestSyntaxTreeOptionsProvider(TestConfigOptionsProvider config) : SyntaxTreeOptionsProvider
{
    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        => config.TreeSeverities(tree.FilePath).TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        => config.GlobalSeverities.TryGetValue(diagnosticId, out severity);
}
