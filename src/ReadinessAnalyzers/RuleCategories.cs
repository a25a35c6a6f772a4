namespace ReadinessAnalyzers
{
    /// <summary>
    /// Category names, exactly as users write them in
    /// <c>dotnet_analyzer_diagnostic.category-Secrets.severity</c>.
    /// </summary>
    public static class RuleCategories
    {
        public const string Configuration = "Configuration";
        public const string Secrets = "Secrets";
        public const string Cors = "Cors";
        public const string Cookies = "Cookies";
        public const string Logging = "Logging";
        public const string Sessions = "Sessions";
        public const string Https = "Https";
        public const string Auth = "Auth";
        public const string Errors = "Errors";
        public const string Hardening = "Hardening";

        /// <summary>The category a rule ID belongs to, from its first digit.</summary>
        public static string? ForRuleId(string id)
        {
            if (id.Length != 7 || !id.StartsWith("RDY", System.StringComparison.Ordinal))
            {
                return null;
            }

            switch (id[3])
            {
                case '0': return Configuration;
                case '1': return Secrets;
                case '2': return Cors;
                case '3': return Cookies;
                case '4': return Logging;
                case '5': return Sessions;
                case '6': return Https;
                case '7': return Auth;
                case '8': return Errors;
                case '9': return Hardening;
                default: return null;
            }
        }
    }
}
