using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9023: <c>ADD</c> of a remote URL (http, https, git) without <c>--checksum</c>, in any stage. One file decides: live.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RemoteFileAddedToImageAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.RemoteFileAddedToImage,
            title: "ADD downloads a remote file into the image",
            messageFormat: "'ADD {0}' downloads into the image at build time with nothing to verify what arrives: whoever controls that URL or the path to it controls the image; pin it with 'ADD --checksum=sha256:…', or download and verify it in a RUN step, or COPY a vetted file",
            description: "ADD fetches a URL on every build and puts whatever comes back into the image, with root ownership and "
                + "without a checksum: a compromised server, a moved tag or a man-in-the-middle on plain http changes the image "
                + "silently. BuildKit's ADD --checksum verifies the download; otherwise fetch with curl in RUN and check a "
                + "known SHA-256, or COPY a file kept in the repository.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                if (DevelopmentGuard.Create(start.Compilation, start.Options).IsTestProject)
                {
                    return;
                }

                start.RegisterAdditionalFileAction(AnalyzeFile);
            });
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            if (!ProductionDockerfile.TryRead(context, out var model, out var text))
            {
                return;
            }

            foreach (var instruction in model.Instructions)
            {
                if (instruction.Keyword != "ADD")
                {
                    continue;
                }

                var arguments = instruction.Arguments;
                var first = 0;
                var verified = false;
                while (first < arguments.Count && model.TextOf(arguments[first]).StartsWith("--", StringComparison.Ordinal))
                {
                    verified |= model.TextOf(arguments[first]).StartsWith("--checksum", StringComparison.OrdinalIgnoreCase);
                    first++;
                }

                // Every argument but the last (the destination) is a source; JSON form: ["https://…", "/dst"].
                for (var i = first; i < arguments.Count - 1 && !verified; i++)
                {
                    var source = Source(model.Text, arguments[i]);
                    if (IsRemote(model.Text, source))
                    {
                        ProductionDockerfile.Report(context, Rule, text, source, model.TextOf(source));
                    }
                }
            }
        }

        /// <summary>The argument without the JSON form's brackets, commas and quotes.</summary>
        private static TextSpan Source(string text, TextSpan argument)
        {
            var start = argument.Start;
            var end = argument.End;
            while (start < end && (text[start] == '[' || text[start] == '"' || text[start] == '\''))
            {
                start++;
            }

            while (end > start && (text[end - 1] == ']' || text[end - 1] == ',' || text[end - 1] == '"' || text[end - 1] == '\''))
            {
                end--;
            }

            return TextSpan.FromBounds(start, end);
        }

        private static bool IsRemote(string text, TextSpan source)
        {
            return StartsWith(text, source, "http://") || StartsWith(text, source, "https://")
                || StartsWith(text, source, "git@") || StartsWith(text, source, "git://");
        }

        private static bool StartsWith(string text, TextSpan span, string prefix)
            => span.Length > prefix.Length && string.Compare(text, span.Start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
