using System;

namespace ReadinessAnalyzers.Internals.Http
{
    /// <summary>
    /// Values that switch a security header's protection off. RDY9005 reports them; the pipeline's "no security
    /// headers" evidence (RDY9004) does not count a header written with one.
    /// </summary>
    internal static class SecurityHeaderValues
    {
        /// <summary>
        /// True when a header write with this name and (constant, possibly holed) value protects nothing:
        /// <c>X-Frame-Options: ALLOWALL</c>, a CSP whose script sources are weak, <c>Referrer-Policy: unsafe-url</c>.
        /// </summary>
        public static bool SwitchesProtectionOff(string headerName, string? value)
        {
            if (value is null)
            {
                return false;
            }

            if (headerName.Equals("X-Frame-Options", StringComparison.OrdinalIgnoreCase))
            {
                return IsAllowAll(value);
            }

            if (headerName.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                return WeakScriptSource(value) != null;
            }

            return headerName.Equals("Referrer-Policy", StringComparison.OrdinalIgnoreCase) && IsUnsafeUrl(value);
        }

        /// <summary><c>ALLOWALL</c>: not a value browsers know, so any site may frame the page.</summary>
        public static bool IsAllowAll(string value) => value.Trim().Equals("ALLOWALL", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The first weak source of the directive that governs scripts (<c>script-src</c>, <c>script-src-elem</c>, or
        /// <c>default-src</c> when there is no <c>script-src</c>), quoted for the message; null when none. <c>'unsafe-inline'</c>
        /// next to a nonce, a hash or <c>'strict-dynamic'</c> is ignored by browsers, and so by the rule; a computed part
        /// (<see cref="HeaderWrites.Hole"/>) might be a nonce.
        /// </summary>
        public static string? WeakScriptSource(string policy)
        {
            string? defaultWeakness = null;
            var hasScriptSrc = false;
            foreach (var directive in policy.Split(';'))
            {
                var tokens = directive.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0)
                {
                    continue;
                }

                var name = tokens[0];
                var isScript = name.Equals("script-src", StringComparison.OrdinalIgnoreCase) || name.Equals("script-src-elem", StringComparison.OrdinalIgnoreCase);
                var isDefault = name.Equals("default-src", StringComparison.OrdinalIgnoreCase);
                if (!isScript && !isDefault)
                {
                    continue;
                }

                hasScriptSrc |= isScript;
                var weakness = WeakSource(tokens);
                if (weakness != null)
                {
                    weakness += " in " + name.ToLowerInvariant();
                    if (isScript)
                    {
                        return weakness;
                    }

                    defaultWeakness ??= weakness;
                }
            }

            return hasScriptSrc ? null : defaultWeakness;
        }

        private static readonly char[] Whitespace = { ' ', '\t', '\r', '\n' };

        private static string? WeakSource(string[] tokens)
        {
            var unsafeInline = false;
            var inlineNeutralised = false;
            for (var i = 1; i < tokens.Length; i++)
            {
                var token = tokens[i];
                if (token == "*")
                {
                    return "'*' (scripts from any host)";
                }

                if (token.Equals("'unsafe-eval'", StringComparison.OrdinalIgnoreCase))
                {
                    return "'unsafe-eval'";
                }

                if (token.Equals("'unsafe-inline'", StringComparison.OrdinalIgnoreCase))
                {
                    unsafeInline = true;
                }
                else if (token.IndexOf(HeaderWrites.Hole) >= 0
                    || token.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase)
                    || token.StartsWith("'sha256-", StringComparison.OrdinalIgnoreCase)
                    || token.StartsWith("'sha384-", StringComparison.OrdinalIgnoreCase)
                    || token.StartsWith("'sha512-", StringComparison.OrdinalIgnoreCase)
                    || token.Equals("'strict-dynamic'", StringComparison.OrdinalIgnoreCase))
                {
                    inlineNeutralised = true;
                }
            }

            return unsafeInline && !inlineNeutralised ? "'unsafe-inline'" : null;
        }

        /// <summary>Browsers apply the last policy of the list they understand: unsafe-url counts when it is the last.</summary>
        public static bool IsUnsafeUrl(string text)
        {
            var comma = text.LastIndexOf(',');
            var last = (comma < 0 ? text : text.Substring(comma + 1)).Trim();
            return last.Equals("unsafe-url", StringComparison.OrdinalIgnoreCase);
        }
    }
}
