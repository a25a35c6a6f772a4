using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Http;
using ReadinessAnalyzers.Internals.Pipeline;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// RDY6004 / RDY6005: a web app whose production pipeline never calls <c>UseHttpsRedirection()</c> / <c>UseHsts()</c>;
    /// RDY6005 only for an app that serves browsers (<see cref="BrowserFacingApp"/>).
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
                + "Development, where it would pin localhost to HTTPS). Reported once per app, at compilation end, and only for an app "
                + "that serves browsers (pages, static files, a SPA, cookies or sessions): API clients ignore the header.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const string OnlyInDevelopment = " (it is only called in Development)";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NoHttpsRedirectionRule, NoHstsRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var browser = new BrowserFacingApp();
                browser.Register(start);
                ProgramPipeline.Register(start, recordEvidence: true, (end, pipeline) =>
                {
                    Decide(end, pipeline, PipelineCall.HttpsRedirection, NoHttpsRedirectionRule);

                    // HSTS is a browser instruction: an API whose clients are programs gains nothing from it. A hand-written
                    // Strict-Transport-Security header outside Development is HSTS too.
                    if (browser.IsBrowserFacing && !pipeline.Has(CodeEvidence.HstsHeaderNamed))
                    {
                        Decide(end, pipeline, PipelineCall.Hsts, NoHstsRule);
                    }
                });
            });
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
