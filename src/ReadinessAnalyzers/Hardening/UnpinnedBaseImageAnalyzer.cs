using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9022: a <c>FROM</c> whose image has no tag or the <c>latest</c> tag, in any stage. A version tag or a digest is
    /// pinned; a <c>FROM</c> of an earlier stage, <c>scratch</c> and an image chosen by a build argument are not judged.
    /// One file decides: live.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnpinnedBaseImageAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.UnpinnedBaseImage,
            title: "Base image not pinned to a version",
            messageFormat: "'FROM {0}' {1}: each build may pull a different image, with a new major version or breaking changes, and a build cannot be reproduced; pin a version tag (mcr.microsoft.com/dotnet/aspnet:10.0) or a digest (@sha256:…)",
            description: "An image without a tag means 'latest', and 'latest' moves: the next build can bring a new .NET major version, "
                + "a different OS or a regression, and the image that runs in production can no longer be rebuilt. Pin a version "
                + "tag (which still receives patches) or, for fully reproducible builds, a digest.");

        private const string Latest = "latest";

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

            foreach (var stage in model.Stages)
            {
                var image = ProductionDockerfile.Unquote(stage.Image);
                if (stage.Parent != null || image.Length == 0 || image.IndexOf('$') >= 0 || image.IndexOf('@') >= 0
                    || string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // The tag follows the last ':' after the last '/' (a ':' before it is a registry port).
                var slash = image.LastIndexOf('/');
                var colon = image.IndexOf(':', slash + 1);
                if (colon < 0)
                {
                    ProductionDockerfile.Report(context, Rule, text, stage.ImageSpan, image, "has no tag, so it means 'latest'");
                }
                else if (string.Equals(image.Substring(colon + 1), Latest, StringComparison.OrdinalIgnoreCase))
                {
                    var offset = stage.Image.Length != image.Length ? 1 : 0;
                    var tag = new TextSpan(stage.ImageSpan.Start + offset + colon + 1, Latest.Length);
                    ProductionDockerfile.Report(context, Rule, text, tag, image, "uses the moving 'latest' tag");
                }
            }
        }
    }
}
