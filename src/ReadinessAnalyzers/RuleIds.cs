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

        // Logging (RDY4xxx)
        public const string DebugMinimumLogLevel = "RDY4001";
        public const string SensitiveDataLogging = "RDY4002";
        public const string HttpLoggingOfCredentials = "RDY4003";
        public const string CredentialWrittenToLog = "RDY4004";

        // Sessions (RDY5xxx)

        // Https (RDY6xxx)

        // Auth (RDY7xxx)

        // Errors (RDY8xxx)
        public const string DeveloperErrorPage = "RDY8001";
        public const string DetailedErrors = "RDY8002";

        // Hardening (RDY9xxx)
    }
}
