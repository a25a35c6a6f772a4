using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>Which Secrets rule owns a format of the engine, and how messages name it.</summary>
    internal static class SecretKinds
    {
        /// <summary>Passwords embedded in database/cache/broker connection strings and URIs: RDY1003's, not RDY1004's.</summary>
        public static bool IsConnectionStringPassword(SecretFormat format)
            => format.Id.EndsWith("connection-string-password", System.StringComparison.Ordinal)
                || format.Id.EndsWith("uri-password", System.StringComparison.Ordinal)
                || format.Id == "redis-configuration-password";

        /// <summary>"a GitHub token", "an AWS access key".</summary>
        public static string Article(string name)
            => name.Length > 0 && "AEIOUaeiou".IndexOf(name[0]) >= 0 ? "an " + name : "a " + name;
    }
}
