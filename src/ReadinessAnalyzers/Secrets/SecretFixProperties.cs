using System.Collections.Immutable;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// Diagnostic properties the "read the secret from configuration" fix of RDY1001–RDY1004 reads. The analyzer knows
    /// what the secret is (a signing key, a connection string, a GitHub token, the value of <c>jwtSecret</c>) and names
    /// the configuration key it belongs under; the secret itself is never put in a property.
    /// </summary>
    internal static class SecretFixProperties
    {
        /// <summary>The configuration path the fix reads instead of the secret: <c>Jwt:SigningKey</c>, <c>ConnectionStrings:Orders</c>.</summary>
        public const string ConfigurationKey = "readiness.fix.configuration-key";

        /// <summary>
        /// "true" when the secret is the hardcoded fallback of a read of <see cref="ConfigurationKey"/>
        /// (<c>config["Jwt:Key"] ?? "…"</c>): the fix drops the fallback instead of adding a second read.
        /// </summary>
        public const string ReplacesFallback = "readiness.fix.replaces-fallback";

        /// <summary>The properties of a diagnostic the fix can handle; empty (no fix) when there is no key.</summary>
        public static ImmutableDictionary<string, string?> For(ConfigurationKeyHint hint)
        {
            if (hint.Key is null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(ConfigurationKey, hint.Key);
            return hint.IsFallback ? properties.Add(ReplacesFallback, "true") : properties;
        }
    }
}
