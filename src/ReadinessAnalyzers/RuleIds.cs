namespace ReadinessAnalyzers
{
    /// <summary>
    /// Every rule ID, one place. The first digit is the category (see <see cref="RuleCategories"/>).
    /// </summary>
    public static class RuleIds
    {
        // Secrets (RDY1xxx)

        // Cors (RDY2xxx)

        // Cookies (RDY3xxx)
        public const string CookieWithoutSecure = "RDY3001";
        public const string CookieWithoutHttpOnly = "RDY3002";
        public const string SameSiteNoneWithoutSecure = "RDY3003";
        public const string CookieAppendedWithDefaultOptions = "RDY3004";
        public const string HandWrittenSetCookieHeader = "RDY3005";

        // Logging (RDY4xxx)

        // Sessions (RDY5xxx)

        // Https (RDY6xxx)

        // Auth (RDY7xxx)

        // Errors (RDY8xxx)
        public const string DeveloperErrorPage = "RDY8001";

        // Hardening (RDY9xxx)
    }
}
