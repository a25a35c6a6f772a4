using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Pipeline;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9002: a web app whose production pipeline has no rate limiter: <c>AddRateLimiter</c> and <c>UseRateLimiter</c> are
    /// both needed; AspNetCoreRateLimit's middleware (UseIpRateLimiting, UseClientRateLimiting) or the app's own
    /// <c>UseMiddleware&lt;*RateLimit*Middleware&gt;()</c> count too. Decided at compilation end over the entry point's pipeline (<see cref="ProgramPipeline"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingRateLimiterAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.NoRateLimiter,
            title: "No rate limiter",
            messageFormat: "The app has no rate limiter outside Development{0}: one client can exhaust threads, connections and downstream quotas for everyone; call builder.Services.AddRateLimiter(...) with a policy and app.UseRateLimiter()",
            description: "ASP.NET Core's rate limiting middleware (AddRateLimiter with a fixed window, sliding window, token bucket or "
                + "concurrency policy, and UseRateLimiter) caps how much one client can ask for. Both calls are needed: the services "
                + "without the middleware limit nothing, the middleware without the services throws at startup. Reported once per app.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start => ProgramPipeline.Register(start, recordEvidence: false, static (end, pipeline) =>
            {
                var added = pipeline.Configures(PipelineCall.RateLimiterAdded);
                var used = pipeline.Configures(PipelineCall.RateLimiterUsed);
                if ((added && used) || pipeline.Configures(PipelineCall.RateLimitingMiddleware))
                {
                    // ASP.NET Core's limiter, or AspNetCoreRateLimit's / the app's own rate-limiting middleware.
                    return;
                }

                var detail = added ? " ('AddRateLimiter()' is called, but not 'UseRateLimiter()': no request is limited)"
                    : used ? " ('UseRateLimiter()' is called, but not 'AddRateLimiter()': no policy is registered)"
                    : pipeline.ConfiguresOnlyInDevelopment(PipelineCall.RateLimiterUsed) ? " (it is only used in Development)"
                    : string.Empty;
                end.ReportDiagnostic(Diagnostic.Create(Rule, pipeline.ReportLocation, detail));
            }));
        }
    }
}
