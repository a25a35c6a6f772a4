namespace ReadinessAnalyzers
{
    /// <summary>
    /// Every rule ID, one place. The first digit is the category (see <see cref="RuleCategories"/>).
    /// </summary>
    public static class RuleIds
    {
        // Configuration (RDY0xxx)
        public const string MalformedOption = "RDY0001";

        // Secrets (RDY1xxx)
        public const string HardcodedCredential = "RDY1001";
        public const string HardcodedCryptographicKey = "RDY1002";
        public const string ConnectionStringWithPassword = "RDY1003";
        public const string KnownSecretFormatInCode = "RDY1004";
        public const string SecretInConfigurationFile = "RDY1005";
        public const string SecretInTestFile = "RDY1006";

        // Cors (RDY2xxx)
        public const string AnyOriginAllowed = "RDY2001";
        public const string CredentialsWithAnyOrigin = "RDY2002";
        public const string WildcardCorsHeader = "RDY2003";
        public const string RequestOriginReflected = "RDY2004";

        // Cookies (RDY3xxx)
        public const string CookieWithoutSecure = "RDY3001";
        public const string CookieWithoutHttpOnly = "RDY3002";
        public const string SameSiteNoneWithoutSecure = "RDY3003";
        public const string CookieAppendedWithDefaultOptions = "RDY3004";
        public const string HandWrittenSetCookieHeader = "RDY3005";

        // Logging (RDY4xxx)
        public const string DebugMinimumLogLevel = "RDY4001";
        public const string SensitiveDataLogging = "RDY4002";
        public const string HttpLoggingOfCredentials = "RDY4003";
        public const string CredentialWrittenToLog = "RDY4004";
        public const string DebugLogLevelInConfiguration = "RDY4005";

        // Sessions (RDY5xxx)
        public const string DistributedMemoryCache = "RDY5001";
        public const string ProcessLocalSessionStore = "RDY5002";
        public const string EphemeralDataProtection = "RDY5003";
        public const string InMemoryDatabase = "RDY5004";
        public const string InMemoryTokenCache = "RDY5005";
        public const string DataProtectionKeysNotPersisted = "RDY5006";
        public const string SingletonSessionStore = "RDY5007";

        // Https (RDY6xxx)
        public const string CertificateValidationDisabled = "RDY6001";
        public const string RequireHttpsMetadataDisabled = "RDY6002";
        public const string PlainHttpEndpoint = "RDY6003";
        public const string NoHttpsRedirection = "RDY6004";
        public const string NoHsts = "RDY6005";

        // Auth (RDY7xxx)
        public const string TokenValidationDisabled = "RDY7001";
        public const string AlwaysTrueTokenValidator = "RDY7002";
        public const string AntiforgeryDisabledGlobally = "RDY7003";

        // Errors (RDY8xxx)
        public const string DeveloperErrorPage = "RDY8001";
        public const string DetailedErrors = "RDY8002";
        public const string ExceptionDetailsInResponse = "RDY8003";
        public const string NoExceptionHandler = "RDY8004";
        public const string DevelopmentSettingInConfiguration = "RDY8005";

        // Hardening (RDY9xxx)
        public const string NoHealthChecks = "RDY9001";
        public const string NoRateLimiter = "RDY9002";
        public const string NoForwardedHeaders = "RDY9003";
        public const string NoSecurityHeaders = "RDY9004";
        public const string WeakSecurityHeader = "RDY9005";
        public const string VersionDisclosingHeader = "RDY9006";
        public const string RequestSizeLimitDisabled = "RDY9007";
        public const string AnyHostAllowed = "RDY9010";
        public const string ContainerRunsAsRoot = "RDY9020";
        public const string DevelopmentEnvironmentInContainer = "RDY9021";
        public const string UnpinnedBaseImage = "RDY9022";
        public const string RemoteFileAddedToImage = "RDY9023";
        public const string DevelopmentEnvironmentInDotEnv = "RDY9024";
    }
}
