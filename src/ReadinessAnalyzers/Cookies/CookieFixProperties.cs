namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// Diagnostic properties the Cookies code fixes read, beside <see cref="Internals.FixProperties.SecureValue"/>. The
    /// analyzer decides what the fix writes; the fixer only edits syntax.
    /// </summary>
    internal static class CookieFixProperties
    {
        /// <summary>
        /// RDY3003: the property that makes the reported object Secure (<c>Secure</c> on CookieOptions and CookiePolicyOptions,
        /// <c>SecurePolicy</c> on a CookieBuilder); its value is <see cref="Internals.FixProperties.SecureValue"/>. The
        /// diagnostic's additional locations are the production assignments of that property to replace; with none, the fix
        /// adds the setting next to <c>SameSite = None</c>.
        /// </summary>
        public const string SecureMember = "readiness.fix.secure-member";

        /// <summary>
        /// RDY3004: the settings the appended cookie's options get, comma-separated, in order: <c>Secure</c>, <c>HttpOnly</c>
        /// (left out for a cookie scripts must read, such as XSRF-TOKEN), <c>SameSite</c> (left out when the options already
        /// set it). The diagnostic's additional location, when there is one, is the inline <c>new CookieOptions</c> to complete;
        /// without one, <c>Append(key, value)</c> gets an options argument.
        /// </summary>
        public const string CookieSettings = "readiness.fix.cookie-settings";

        public const string Secure = "Secure";
        public const string HttpOnly = "HttpOnly";
        public const string SameSite = "SameSite";
    }
}
