using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Pipeline;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// RDY6004 / RDY6005: a web app whose production pipeline never calls <c>UseHttpsRedirection()</c> / <c>UseHsts()</c>.
    /// Whole-program rules: decided at compilation end over the entry point's pipeline (<see cref="ProgramPipeline"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HttpsNotEnforcedAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor NoHttpsRedirectionRule = RuleDescriptors.Create(
            RuleIds.NoHttpsRedirection,
            title: "No HTTPS redirection outside Development",
            messageFormat: "The app never calls 'UseHttpsRedirection()' outside Development{0}: requests that arrive over plain HTTP are served as they are; call app.UseHttpsRedirection() in the production pipeline",
            description: "Without HTTPS redirection a link, bookmark or typed URL over http:// is answered in clear text: cookies, tokens "
                + "and form posts travel unencrypted. Reported once per app, at app.Run() / builder.Build() or Startup.Configure, "
                + "when the pipeline the entry point builds never calls UseHttpsRedirection() outside Development.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        internal static readonly DiagnosticDescriptor NoHstsRule = RuleDescriptors.Create(
            RuleIds.NoHsts,
            title: "No HSTS outside Development",
            messageFormat: "The app never calls 'UseHsts()' outside Development{0}: browsers are not told to refuse plain HTTP, so the first request of every visit can be downgraded; call app.UseHsts() when the environment is not Development",
            description: "HTTP Strict Transport Security tells browsers to use HTTPS only, for the max-age of the header; without it an "
                + "attacker on the network can strip TLS from the first request. Call UseHsts() outside Development (not in "
                + "Development, where it would pin localhost to HTTPS). Reported once per app, at compilation end.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const string OnlyInDevelopment = " (it is only called in Development)";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NoHttpsRedirectionRule, NoHstsRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start => ProgramPipeline.Register(start, recordEvidence: true, static (end, pipeline) =>
            {
                Decide(end, pipeline, PipelineCall.HttpsRedirection, NoHttpsRedirectionRule);
                if (!pipeline.Has(CodeEvidence.HstsHeaderNamed))
                {
                    // A hand-written Strict-Transport-Security header outside Development is HSTS too.
                    Decide(end, pipeline, PipelineCall.Hsts, NoHstsRule);
                }
            }));
        }

        private static void Decide(CompilationAnalysisContext context, ProgramPipeline pipeline, PipelineCall call, DiagnosticDescriptor rule)
        {
            if (!pipeline.Configures(call))
            {
                var detail = pipeline.ConfiguresOnlyInDevelopment(call) ? OnlyInDevelopment : string.Empty;
                context.ReportDiagnostic(Diagnostic.Create(rule, pipeline.ReportLocation, detail));
            }
        }
    }
}
