using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.ConfigFiles;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9020: the final stage of a Dockerfile runs as root: <c>USER root</c> / <c>USER 0</c>, or no <c>USER</c> in the final
    /// stage and the stages it builds on, over a base image that runs as root. One file decides: live in the editor.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContainerRunsAsRootAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.ContainerRunsAsRoot,
            title: "Container runs as root",
            messageFormat: "The final stage of {0} runs as root ({1}): a compromised app owns the whole container and gets a head start on escaping it; switch to a non-root user such as 'USER $APP_UID', the 'app' user that the official dotnet images provide since version 8",
            description: "A container whose process runs as root can modify its own image layers, read every mounted secret, bind "
                + "privileged ports and exploit kernel or runtime flaws with root's rights. The official .NET 8+ images ship a "
                + "non-root 'app' user (UID in $APP_UID) and listen on port 8080 so that the app can run as it: add 'USER $APP_UID' "
                + "to the final stage, or build from a chiseled or distroless image, which runs as non-root by default.");

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

            var fileName = ConfigFile.FileName(context.AdditionalFile.Path);
            var final = model.FinalStage!;

            // The user is the last USER of the final stage, else of the stage it builds on, and so on.
            for (var stage = final; stage != null; stage = stage.Parent)
            {
                for (var i = stage.Instructions.Count - 1; i >= 0; i--)
                {
                    var instruction = stage.Instructions[i];
                    if (instruction.Keyword != "USER" || instruction.Arguments.Count == 0)
                    {
                        continue;
                    }

                    var user = instruction.Arguments[0];
                    if (IsRoot(ProductionDockerfile.Unquote(model.TextOf(user))))
                    {
                        ProductionDockerfile.Report(context, Rule, text, user, fileName, "'USER " + model.TextOf(user) + "'");
                    }

                    return;
                }

                if (stage.Parent is null)
                {
                    var image = ProductionDockerfile.Unquote(stage.Image);
                    if (image.Length == 0 || image.IndexOf('$') >= 0 || RunsAsNonRoot(context, image))
                    {
                        // A truncated FROM, an image chosen by a build argument, or an image that is non-root already.
                        return;
                    }

                    var span = final.ImageSpan.Length > 0 ? final.ImageSpan : final.From.KeywordSpan;
                    var why = ReferenceEquals(stage, final)
                        ? "no USER instruction, and '" + image + "' runs as root"
                        : "no USER instruction in it or the stages it builds on, and '" + image + "' runs as root";
                    ProductionDockerfile.Report(context, Rule, text, span, fileName, why);
                    return;
                }
            }
        }

        /// <summary><c>root</c>, <c>0</c>, with or without a group (<c>root:root</c>, <c>0:0</c>).</summary>
        private static bool IsRoot(string user)
        {
            var colon = user.IndexOf(':');
            var name = (colon < 0 ? user : user.Substring(0, colon)).Trim();
            return string.Equals(name, "root", StringComparison.OrdinalIgnoreCase) || name == "0";
        }

        /// <summary>Chiseled and distroless .NET images, Chainguard images and "nonroot" tags run as a non-root user by default.</summary>
        private static bool RunsAsNonRoot(AdditionalFileAnalysisContext context, string image)
        {
            if (image.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0
                || image.IndexOf("distroless", StringComparison.OrdinalIgnoreCase) >= 0
                || image.IndexOf("nonroot", StringComparison.OrdinalIgnoreCase) >= 0
                || image.StartsWith("cgr.dev/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var pattern in RuleOptions.GetList(context.Options, context.AdditionalFile, RuleIds.ContainerRunsAsRoot, OptionCatalog.NonRootBaseImages))
            {
                if (Wildcard.IsMatch(image, pattern))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
