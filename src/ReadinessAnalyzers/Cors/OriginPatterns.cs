using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>
    /// One origin, or one origin pattern: <c>scheme://host[:port]</c> with scheme http or https, and a host that may begin
    /// with one <c>*.</c> label (<c>https://*.contoso.com</c>: every subdomain of contoso.com, at any depth, not contoso.com
    /// itself, as <c>SetIsOriginAllowedToAllowWildcardSubdomains</c> reads it). No path, no query, no user info.
    /// </summary>
    internal readonly struct OriginPattern
    {
        public OriginPattern(string scheme, string host, int port, bool isWildcard)
        {
            Scheme = scheme;
            Host = host;
            Port = port;
            IsWildcard = isWildcard;
        }

        /// <summary><c>http</c> or <c>https</c>, lower case.</summary>
        public string Scheme { get; }

        /// <summary>The host, lower case; for a wildcard, the domain after <c>*.</c>.</summary>
        public string Host { get; }

        /// <summary>The port, the scheme's default when none is written.</summary>
        public int Port { get; }

        /// <summary>True for <c>*.domain</c>: the subdomains of <see cref="Host"/>.</summary>
        public bool IsWildcard { get; }

        /// <summary>
        /// True when every origin <paramref name="origin"/> admits is admitted by this pattern: same scheme and port, and
        /// the same host, or (for a wildcard pattern) a host or wildcard domain under this domain.
        /// </summary>
        public bool Allows(OriginPattern origin)
        {
            if (origin.Scheme != Scheme || origin.Port != Port)
            {
                return false;
            }

            if (!IsWildcard)
            {
                return !origin.IsWildcard && origin.Host == Host;
            }

            return IsSubdomain(origin.Host, Host) || (origin.IsWildcard && origin.Host == Host);
        }

        public override string ToString()
            => Scheme + "://" + (IsWildcard ? "*." : string.Empty) + Host + (Port == OriginPatterns.DefaultPort(Scheme) ? string.Empty : ":" + Port);

        private static bool IsSubdomain(string host, string domain)
            => host.Length > domain.Length + 1
                && host.EndsWith(domain, StringComparison.Ordinal)
                && host[host.Length - domain.Length - 1] == '.';
    }

    /// <summary>
    /// The <c>allowed_origin_patterns</c> option of the Cors rules (<c>readiness.allowed_origin_patterns</c> or
    /// <c>RDY2001.allowed_origin_patterns</c> …): comma-separated origin patterns the team trusts. An entry that is not a
    /// valid pattern is ignored here: RDY0001 reports it, checking with <see cref="TryParse"/>.
    /// </summary>
    internal static class OriginPatterns
    {
        /// <summary>The valid patterns configured for <paramref name="ruleId"/> where <paramref name="tree"/> is.</summary>
        public static OriginPattern[] Read(AnalyzerOptions options, SyntaxTree tree, string ruleId)
        {
            var entries = RuleOptions.GetList(options, tree, ruleId, OptionCatalog.AllowedOriginPatterns);
            var patterns = new OriginPattern[entries.Length];
            var count = 0;
            foreach (var entry in entries)
            {
                if (TryParse(entry, out var pattern))
                {
                    patterns[count++] = pattern;
                }
            }

            Array.Resize(ref patterns, count);
            return patterns;
        }

        /// <summary>True when some pattern allows every origin <paramref name="origin"/> admits.</summary>
        public static bool AnyAllows(OriginPattern[] patterns, OriginPattern origin)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.Allows(origin))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Reads <c>scheme://host[:port]</c> (surrounding white space ignored, case-insensitive). The host is DNS labels
        /// (letters, digits, hyphens) separated by dots, <c>localhost</c>, or an IPv4 address; it may begin with one
        /// <c>*.</c> label followed by at least two labels (<c>*.com</c> would trust a whole top-level domain).
        /// </summary>
        public static bool TryParse(string text, out OriginPattern pattern)
        {
            pattern = default;
            if (text is null)
            {
                return false;
            }

            var value = text.Trim();
            var separator = value.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            var scheme = value.Substring(0, separator).ToLowerInvariant();
            if (scheme != "http" && scheme != "https")
            {
                return false;
            }

            var authority = value.Substring(separator + 3);
            var port = DefaultPort(scheme);
            var colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                if (!TryParsePort(authority.Substring(colon + 1), out port))
                {
                    return false;
                }

                authority = authority.Substring(0, colon);
            }

            var isWildcard = authority.StartsWith("*.", StringComparison.Ordinal);
            var host = (isWildcard ? authority.Substring(2) : authority).ToLowerInvariant();
            if (!IsHost(host, out var labels) || (isWildcard && labels < 2))
            {
                return false;
            }

            pattern = new OriginPattern(scheme, host, port, isWildcard);
            return true;
        }

        internal static int DefaultPort(string scheme) => scheme == "https" ? 443 : 80;

        private static bool TryParsePort(string text, out int port)
        {
            port = 0;
            if (text.Length == 0 || text.Length > 5)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                port = (port * 10) + (c - '0');
            }

            return port > 0 && port <= 65535;
        }

        /// <summary>Dot-separated labels of letters, digits and inner hyphens; no empty label, no trailing dot.</summary>
        private static bool IsHost(string host, out int labels)
        {
            labels = 0;
            if (host.Length == 0 || host.Length > 253)
            {
                return false;
            }

            var start = 0;
            while (start <= host.Length)
            {
                var end = host.IndexOf('.', start);
                if (end < 0)
                {
                    end = host.Length;
                }

                var length = end - start;
                if (length == 0 || length > 63 || host[start] == '-' || host[end - 1] == '-')
                {
                    return false;
                }

                for (var i = start; i < end; i++)
                {
                    var c = host[i];
                    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                    {
                        return false;
                    }
                }

                labels++;
                start = end + 1;
            }

            return true;
        }
    }
}
