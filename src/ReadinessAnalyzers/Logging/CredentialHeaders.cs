using System;
using System.Collections.Generic;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>HTTP header names whose value is a credential: Authorization, Cookie, Set-Cookie, X-Api-Key, X-Auth-Token …</summary>
    internal static class CredentialHeaders
    {
        // Standard headers that carry credentials without a credential word in their name.
        private static readonly HashSet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
            "ProxyAuthorization", "SetCookie", // the typed properties of IHeaderDictionary
        };

        public static bool IsCredentialHeader(string? name)
            => !string.IsNullOrEmpty(name) && (Known.Contains(name!) || CredentialNames.Default.IsCredentialName(name));
    }
}
