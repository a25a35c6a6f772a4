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
            if (EntrypointDropsRoot(context, model, final))
            {
                // Started as root on purpose (to fix volume ownership, say), the entrypoint runs the app as another user.
                return;
            }

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

        /// <summary>
        /// The final stage's ENTRYPOINT or CMD (its own, else the stage it builds on) switches user before it runs the app:
        /// <c>gosu</c>, <c>su-exec</c>, <c>setpriv --reuid</c>, <c>s6-setuidgid</c>, <c>chpst -u</c> in the instruction, or in an
        /// entrypoint script it runs that is among the AdditionalFiles (matched by file name).
        /// </summary>
        private static bool EntrypointDropsRoot(AdditionalFileAnalysisContext context, DockerfileModel model, DockerStage final)
        {
            var seenEntrypoint = false;
            var seenCmd = false;
            for (var stage = final; stage != null; stage = stage.Parent)
            {
                for (var i = stage.Instructions.Count - 1; i >= 0; i--)
                {
                    var instruction = stage.Instructions[i];
                    var isEntrypoint = instruction.Keyword == "ENTRYPOINT" && !seenEntrypoint;
                    var isCmd = instruction.Keyword == "CMD" && !seenCmd;
                    if (!isEntrypoint && !isCmd)
                    {
                        continue;
                    }

                    seenEntrypoint |= isEntrypoint;
                    seenCmd |= isCmd;
                    var command = model.TextOf(instruction.Span);
                    if (PrivilegeDrop.In(command) || ScriptDropsRoot(context, command))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool ScriptDropsRoot(AdditionalFileAnalysisContext context, string command)
        {
            foreach (var token in PrivilegeDrop.Tokens(command))
            {
                if (!token.EndsWith(".sh", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = ConfigFile.FileName(token);
                foreach (var file in context.Options.AdditionalFiles)
                {
                    if (string.Equals(ConfigFile.FileName(file.Path), name, StringComparison.Ordinal)
                        && file.GetText(context.CancellationToken) is { } script
                        && PrivilegeDrop.InScript(script.ToString()))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>root</c>, <c>0</c>, with or without a group (<c>root:root</c>, <c>0:0</c>).</summary>
        private static bool IsRoot(string user)
        {
            var colon = user.IndexOf(':');
            var name = (colon < 0 ? user : user.Substring(0, colon)).Trim();
            return string.Equals(name, "root", StringComparison.OrdinalIgnoreCase) || name == "0";
        }

        /// <summary>
        /// Vendor images whose own Dockerfile ends with a non-root USER: Elasticsearch (uid 1000) and SQL Server 2019 and later
        /// (the mssql user; 2017 images still run as root).
        /// </summary>
        private static bool IsVendorImageRunningAsItsOwnUser(string image)
        {
            if (image.StartsWith("docker.elastic.co/elasticsearch/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            const string SqlServer = "mcr.microsoft.com/mssql/server:";
            if (!image.StartsWith(SqlServer, StringComparison.OrdinalIgnoreCase) || image.Length < SqlServer.Length + 4)
            {
                return false;
            }

            return int.TryParse(image.Substring(SqlServer.Length, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && year >= 2019;
        }

        /// <summary>Chiseled and distroless .NET images, Chainguard images and "nonroot" tags run as a non-root user by default.</summary>
        private static bool RunsAsNonRoot(AdditionalFileAnalysisContext context, string image)
        {
            if (image.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0
                || image.IndexOf("distroless", StringComparison.OrdinalIgnoreCase) >= 0
                || image.IndexOf("nonroot", StringComparison.OrdinalIgnoreCase) >= 0
                || image.StartsWith("cgr.dev/", StringComparison.OrdinalIgnoreCase)
                || IsVendorImageRunningAsItsOwnUser(image))
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
