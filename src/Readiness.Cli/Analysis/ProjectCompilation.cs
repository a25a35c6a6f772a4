using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Readiness.Cli.Audit;

namespace Readiness.Cli.Analysis;

/// <summary>A project ready to analyze: its compilation, its AdditionalFiles and its .editorconfig options.</summary>
internal sealed class ProjectCompilation(
    AuditProject project,
    CSharpCompilation compilation,
    ImmutableArray<AdditionalText> additionalFiles,
    ConfigOptionsProvider options)
{
    public AuditProject Project { get; } = project;

    public CSharpCompilation Compilation { get; } = compilation;

    public ImmutableArray<AdditionalText> AdditionalFiles { get; } = additionalFiles;

    public ConfigOptionsProvider Options { get; } = options;

    /// <summary>PackageReferences the audit could not resolve (the project was not restored).</summary>
    public List<string> UnresolvedPackages { get; } = [];

    /// <summary>Why the compilation is not exactly what MSBuild would build.</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>A config or deployment file handed to the analyzers, read once as strict UTF-8.</summary>
internal sealed class ConfigFileText(string path, Microsoft.CodeAnalysis.Text.SourceText text) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => text;
}
