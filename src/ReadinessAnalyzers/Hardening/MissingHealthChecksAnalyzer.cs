using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Pipeline;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9001: a web app whose production pipeline maps no health check endpoint (<c>MapHealthChecks</c> / <c>UseHealthChecks</c>).
    /// Decided at compilation end over the entry point's pipeline (<see cref="ProgramPipeline"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingHealthChecksAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.NoHealthChecks,
            title: "No health check endpoint",
            messageFormat: "The app maps no health check endpoint outside Development{0}: load balancers and orchestrators cannot tell a hung or broken instance from a healthy one; call builder.Services.AddHealthChecks() and app.MapHealthChecks(\"/health\")",
            description: "Kubernetes probes, load balancers and uptime monitors need an endpoint that says whether this instance can serve. "
                + "Without one a broken instance keeps receiving traffic. Reported once per app, at compilation end, when neither "
                + "MapHealthChecks nor UseHealthChecks is called outside Development.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start => ProgramPipeline.Register(start, recordEvidence: false, static (end, pipeline) =>
            {
                if (pipeline.Configures(PipelineCall.HealthChecksMapped))
                {
                    return;
                }

                var detail = pipeline.ConfiguresOnlyInDevelopment(PipelineCall.HealthChecksMapped) ? " (it is only mapped in Development)"
                    : pipeline.Configures(PipelineCall.HealthChecksAdded) ? " ('AddHealthChecks()' registers checks, but no endpoint serves them)"
                    : string.Empty;
                end.ReportDiagnostic(Diagnostic.Create(Rule, pipeline.ReportLocation, detail));
            }));
        }
    }
}
