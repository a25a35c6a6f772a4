namespace ReadinessAnalyzers.Internals.Pipeline
{
    /// <summary>A framework call the whole-program rules ask about, recorded where the entry point's pipeline makes it.</summary>
    internal enum PipelineCall
    {
        HttpsRedirection,
        Hsts,
        ExceptionHandler,
        StatusCodePages,
        ProblemDetails,
        HealthChecksAdded,
        HealthChecksMapped,
        RateLimiterAdded,
        RateLimiterUsed,
        ForwardedHeaders,
        SecurityHeadersMiddleware,

        /// <summary>A rate-limiting middleware other than ASP.NET Core's: AspNetCoreRateLimit (UseIpRateLimiting, UseClientRateLimiting) or the app's own *RateLimit*Middleware.</summary>
        RateLimitingMiddleware,

        /// <summary><c>app.Use(...)</c> lambda with a try/catch that handles exceptions around <c>next</c>.</summary>
        InlineExceptionMiddleware,

        // Not asked about by rules; the mechanism uses them to find the pipeline and where to report.
        WebAppCreated,
        UseStartup,
        UseMiddleware,
        Run,
        Build,
    }

    /// <summary>Evidence from anywhere in the compilation (not only the pipeline), recorded only when a rule asks for it.</summary>
    internal enum CodeEvidence
    {
        /// <summary>X-Content-Type-Options, Content-Security-Policy, X-Frame-Options or Referrer-Policy set outside Development (assigned through the header dictionary, or added with Append/Add/TryAdd).</summary>
        SecurityHeaderNamed = 1,

        /// <summary>ForwardedHeadersOptions configured (services.Configure&lt;ForwardedHeadersOptions&gt;): the app expects a proxy.</summary>
        ProxyExpected = 2,

        /// <summary>Strict-Transport-Security written by hand outside Development (<c>Response.Headers.StrictTransportSecurity = "max-age=…"</c>).</summary>
        HstsHeaderNamed = 4,
    }
}
