using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals.ConfigFiles;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// The Dockerfile an additional-file action judges: a Dockerfile* / *.dockerfile that is not a developer's variant
    /// (<c>Dockerfile.dev</c>, <c>Dockerfile.local</c> …) nor a dev-container image (<c>.devcontainer/Dockerfile</c>), read once for every rule.
    /// </summary>
    internal static class ProductionDockerfile
    {
        public static bool TryRead(AdditionalFileAnalysisContext context, out DockerfileModel model, out SourceText text)
        {
            model = null!;
            text = null!;
            var path = context.AdditionalFile.Path;
            if (ConfigFile.Classify(path) != ConfigFileKind.Dockerfile || ConfigFile.IsDevelopmentContainerFile(path))
            {
                return false;
            }

            var sourceText = context.AdditionalFile.GetText(context.CancellationToken);
            if (sourceText is null || sourceText.Length == 0)
            {
                return false;
            }

            text = sourceText;
            model = DockerfileReader.Read(sourceText);
            return model.Stages.Count > 0;
        }

        public static void Report(AdditionalFileAnalysisContext context, DiagnosticDescriptor rule, SourceText text, TextSpan span, params object[] arguments)
        {
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(rule, location, arguments));
        }

        /// <summary>An argument without its quotes; empty for an unterminated quote (a file being typed).</summary>
        public static string Unquote(string value)
        {
            if (value.Length == 0 || (value[0] != '"' && value[0] != '\''))
            {
                return value;
            }

            return value.Length >= 2 && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : string.Empty;
        }
    }
}
