namespace ReadinessAnalyzers
{
    /// <summary>
    /// Every rule ID, one place. The first digit is the category (see <see cref="RuleCategories"/>).
    /// </summary>
    public static class RuleIds
    {
        // Secrets (RDY1xxx)
        public const string HardcodedCredential = "RDY1001";
        public const string HardcodedCryptographicKey = "RDY1002";
        public const string ConnectionStringWithPassword = "RDY1003";
        public const string KnownSecretFormatInCode = "RDY1004";
        public const string SecretInConfigurationFile = "RDY1005";
        public const string SecretInTestFile = "RDY1006";

        // Cors (RDY2xxx)

        // Cookies (RDY3xxx)

        // Logging (RDY4xxx)

        // Sessions (RDY5xxx)

        // Https (RDY6xxx)

        // Auth (RDY7xxx)

        // Errors (RDY8xxx)
        public const string DeveloperErrorPage = "RDY8001";

        // Hardening (RDY9xxx)
    }
}
