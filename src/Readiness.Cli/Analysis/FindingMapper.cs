using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Readiness.Checklist.Findings;
using Readiness.Cli.Audit;

namespace Readiness.Cli.Analysis;

/// <summary>Turns a Roslyn diagnostic into a plain <see cref="Finding"/>: repository-relative path, 1-based span, masked snippet.</summary>
internal sealed class FindingMapper(string repositoryRoot, ProjectCompilation project)
{
    /// <summary>Rules whose findings may quote a secret: the Secrets category and "secret written to a log".</summary>
    private static readonly HashSet<string> SecretRuleIds = new(StringComparer.Ordinal) { "RDY4004" };

    public Finding Map(Diagnostic diagnostic)
    {
        var descriptor = diagnostic.Descriptor;
        var location = diagnostic.Location;
        var span = location.GetMappedLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            span = location.GetLineSpan();
        }

        string path;
        SourceText? text = null;
        if (span.IsValid && !string.IsNullOrEmpty(span.Path))
        {
            path = span.Path;
            text = location.SourceTree?.GetText() ?? project.AdditionalFiles.FirstOrDefault(a => a.Path == span.Path)?.GetText();
        }
        else
        {
            // A diagnostic about the whole compilation: it belongs to the project file.
            path = project.Project.File.FullPath;
            span = new FileLinePositionSpan(path, new LinePosition(0, 0), new LinePosition(0, 0));
        }

        var isSecret = descriptor.Category == "Secrets" || SecretRuleIds.Contains(descriptor.Id);
        return new Finding(
            descriptor.Id,
            RepositoryPaths.Relative(repositoryRoot, path),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            diagnostic.GetMessage(CultureInfo.InvariantCulture))
        {
            Category = descriptor.Category,
            HelpUri = string.IsNullOrEmpty(descriptor.HelpLinkUri) ? null : descriptor.HelpLinkUri,
            Snippet = text is null ? null : SnippetMasker.Mask(Snippet(text, span.StartLinePosition.Line), maskEverything: isSecret),
            Suppression = SuppressionOf(diagnostic, path),
        };
    }

    /// <summary>The finding's line with one line either side.</summary>
    internal static string Snippet(SourceText text, int line)
    {
        var builder = new StringBuilder();
        var first = Math.Max(0, line - 1);
        var last = Math.Min(text.Lines.Count - 1, line + 1);
        for (var i = first; i <= last; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            var content = text.Lines[i].ToString();
            builder.Append(content.Length > 400 ? content[..400] + "…" : content);
        }

        return builder.ToString();
    }

    /// <summary>How the diagnostic was suppressed in source or configuration, or null.</summary>
    private string? SuppressionOf(Diagnostic diagnostic, string path)
    {
        if (diagnostic.IsSuppressed)
        {
            var info = diagnostic.GetSuppressionInfo(project.Compilation);
            if (info?.Attribute is { } attribute)
            {
                var justification = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Justification").Value.Value as string;
                return string.IsNullOrWhiteSpace(justification)
                    ? "[SuppressMessage]"
                    : $"[SuppressMessage] {justification}";
            }

            return info is null ? "suppressed by a diagnostic suppressor" : "#pragma warning disable";
        }

        if (project.Options.ConfiguredSeverity(path, diagnostic.Id, diagnostic.Descriptor.Category) is { } configured
            && ConfigOptionsProvider.IsOff(configured.Value))
        {
            return $".editorconfig: {configured.Key} = {configured.Value}";
        }

        return null;
    }
}
