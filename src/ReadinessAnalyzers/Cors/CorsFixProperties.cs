namespace ReadinessAnalyzers.Cors
{
    /// <summary>
    /// Diagnostic properties the Cors code fix reads (RDY2001, RDY2002). The analyzer decides which fix is safe and finds
    /// the configuration object in scope; the fixer only edits syntax.
    /// </summary>
    internal static class CorsFixProperties
    {
        /// <summary>What the fix does: <see cref="ReadFromConfiguration"/> or <see cref="RemoveWildcard"/>; absent when no fix is safe.</summary>
        public const string Origins = "readiness.fix.cors-origins";

        /// <summary>The permissive call becomes <c>WithOrigins(&lt;configuration&gt;.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? [])</c>.</summary>
        public const string ReadFromConfiguration = "configuration";

        /// <summary>The <c>"*"</c> literals leave the origins list; the other origins written beside them stay.</summary>
        public const string RemoveWildcard = "remove-wildcard";

        /// <summary>The configuration expression in scope (<c>builder.Configuration</c>, <c>configuration</c>, <c>Configuration</c>).</summary>
        public const string Configuration = "readiness.fix.cors-configuration";

        /// <summary>The namespace to import for <c>ConfigurationBinder.Get&lt;T&gt;</c>, when it is not in scope.</summary>
        public const string Import = "readiness.fix.cors-import";
    }
}
