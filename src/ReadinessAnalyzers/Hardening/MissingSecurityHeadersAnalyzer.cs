using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Pipeline;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9004: a web app that sets none of the basic security headers anywhere (X-Content-Type-Options,
    /// Content-Security-Policy, X-Frame-Options, Referrer-Policy) and uses no known headers middleware.
    /// Decided at compilation end (<see cref="ProgramPipeline"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingSecurityHeadersAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.NoSecurityHeaders,
            title: "No security headers",
            messageFormat: "The app sets no security header outside Development (X-Content-Type-Options, Content-Security-Policy, X-Frame-Options, Referrer-Policy): browsers may sniff content types, let other sites frame the app and leak URLs in the Referer; add a small middleware that sets them, or a headers package such as UseSecurityHeaders()",
            description: "ASP.NET Core sends none of the browser hardening headers by default. A middleware that sets "
                + "X-Content-Type-Options: nosniff, a Content-Security-Policy (or X-Frame-Options) and a Referrer-Policy closes MIME "
                + "sniffing, clickjacking and referrer leaks. Reported once per app when no code of the project names any of them.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start => ProgramPipeline.Register(start, recordEvidence: true, static (end, pipeline) =>
            {
                if (!pipeline.Configures(PipelineCall.SecurityHeadersMiddleware) && !pipeline.Has(CodeEvidence.SecurityHeaderNamed))
                {
                    end.ReportDiagnostic(Diagnostic.Create(Rule, pipeline.ReportLocation));
                }
            }));
        }
    }
}
