using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Pipeline;

namespace ReadinessAnalyzers.Errors
{
    /// <summary>
    /// RDY8004: a web app whose production pipeline has no exception handler: no <c>UseExceptionHandler()</c>, no
    /// <c>AddProblemDetails()</c> with <c>UseStatusCodePages()</c>, no middleware of the project that catches exceptions
    /// around <c>next</c>. Decided at compilation end over the entry point's pipeline (<see cref="ProgramPipeline"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingExceptionHandlerAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.NoExceptionHandler,
            title: "No exception handler outside Development",
            messageFormat: "The app has no exception handler outside Development{0}: an unhandled exception ends the response with a bare 500 and no consistent, logged error body; call app.UseExceptionHandler() (with builder.Services.AddProblemDetails()) in the production pipeline",
            description: "In production an unhandled exception should produce a consistent error response (RFC 7807 problem details or an "
                + "error page) and be logged in one place. UseExceptionHandler() does that; so does AddProblemDetails() with "
                + "UseStatusCodePages(), or a middleware that wraps next in a try/catch. Reported once per app, at compilation end.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start => ProgramPipeline.Register(start, recordEvidence: false, static (end, pipeline) =>
            {
                if (pipeline.Configures(PipelineCall.ExceptionHandler)
                    || pipeline.Configures(PipelineCall.InlineExceptionMiddleware)
                    || (pipeline.Configures(PipelineCall.ProblemDetails) && pipeline.Configures(PipelineCall.StatusCodePages)))
                {
                    return;
                }

                var detail = pipeline.ConfiguresOnlyInDevelopment(PipelineCall.ExceptionHandler)
                    || pipeline.ConfiguresOnlyInDevelopment(PipelineCall.InlineExceptionMiddleware)
                    ? " ('UseExceptionHandler()' is only called in Development)"
                    : string.Empty;
                end.ReportDiagnostic(Diagnostic.Create(Rule, pipeline.ReportLocation, detail));
            }));
        }
    }
}
