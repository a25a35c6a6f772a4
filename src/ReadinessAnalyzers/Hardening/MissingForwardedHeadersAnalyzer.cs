using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.ConfigFiles;
using ReadinessAnalyzers.Internals.Pipeline;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9003: a web app that runs behind a proxy or in a container but never calls <c>UseForwardedHeaders()</c> and does not
    /// set <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> in its Dockerfile or compose file. Evidence of a proxy: a Dockerfile
    /// or compose file among the AdditionalFiles, or configured ForwardedHeadersOptions.
    /// Decided at compilation end (<see cref="ProgramPipeline"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingForwardedHeadersAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.NoForwardedHeaders,
            title: "No forwarded headers behind a proxy",
            messageFormat: "The app runs {0} but never calls 'UseForwardedHeaders()' outside Development: the scheme, host and client IP it sees are the proxy's, so HTTPS redirection, absolute URLs, auth callbacks, rate limits and logs are wrong; call app.UseForwardedHeaders() first in the pipeline with KnownProxies/KnownNetworks, or set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true",
            description: "Behind a reverse proxy, ingress or container load balancer the app receives HTTP from the proxy; the original "
                + "scheme, host and client address arrive in X-Forwarded-* headers that only the forwarded headers middleware applies. "
                + "Reported once per app when a Dockerfile or compose file, or configured ForwardedHeadersOptions, shows a proxy.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const string ForwardedHeadersEnabledVariable = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";
        private const string InContainer = "in a container (a Dockerfile or compose file ships it)";
        private const string BehindProxy = "behind a proxy (it configures ForwardedHeadersOptions)";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start => ProgramPipeline.Register(start, recordEvidence: false, static (end, pipeline) =>
            {
                if (pipeline.Configures(PipelineCall.ForwardedHeaders))
                {
                    return;
                }

                var containerFiles = 0;
                foreach (var file in end.Options.AdditionalFiles)
                {
                    var kind = ConfigFile.Classify(file.Path);
                    if ((kind != ConfigFileKind.Dockerfile && kind != ConfigFileKind.Compose) || ConfigFile.IsDevelopmentContainerFile(file.Path))
                    {
                        continue;
                    }

                    containerFiles++;
                    if (EnablesForwardedHeaders(kind, file, end))
                    {
                        return;
                    }
                }

                if (containerFiles > 0 || pipeline.Has(CodeEvidence.ProxyExpected))
                {
                    end.ReportDiagnostic(Diagnostic.Create(Rule, pipeline.ReportLocation, containerFiles > 0 ? InContainer : BehindProxy));
                }
            }));
        }

        /// <summary>ENV ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (Dockerfile) or the same variable in a compose environment.</summary>
        private static bool EnablesForwardedHeaders(ConfigFileKind kind, AdditionalText file, CompilationAnalysisContext context)
        {
            var text = file.GetText(context.CancellationToken)?.ToString();
            if (string.IsNullOrEmpty(text) || text!.IndexOf(ForwardedHeadersEnabledVariable, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            var entries = new List<ConfigEntry>();
            ConfigFile.ReadEntries(kind, text, entries);
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Name, ForwardedHeadersEnabledVariable, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(entry.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
