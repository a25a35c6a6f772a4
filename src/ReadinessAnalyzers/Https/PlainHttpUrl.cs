using System;

namespace ReadinessAnalyzers.Https
{
    /// <summary>Whether a URL or CORS origin is plain http:// to a host that is not the local machine.</summary>
    internal static class PlainHttpUrl
    {
        private const string Scheme = "http://";

        /// <summary>
        /// True for <c>http://</c> (any case) followed by a host that is not loopback: <c>localhost</c> (and
        /// <c>*.localhost</c>), <c>127.0.0.0/8</c>, <c>[::1]</c>. An empty or unparsable host is not reported.
        /// </summary>
        public static bool IsNonLoopback(string? url)
        {
            if (url is null)
            {
                return false;
            }

            var text = url.Trim();
            if (text.Length <= Scheme.Length || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var start = Scheme.Length;
            var end = text.Length;
            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '/' || c == '?' || c == '#')
                {
                    end = i;
                    break;
                }
            }

            var authority = text.Substring(start, end - start);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            string host;
            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                if (close < 0)
                {
                    return false;
                }

                host = authority.Substring(1, close - 1);
                return host.Length > 0 && !IsIpv6Loopback(host);
            }

            var colon = authority.IndexOf(':');
            host = colon >= 0 ? authority.Substring(0, colon) : authority;
            if (host.EndsWith(".", StringComparison.Ordinal))
            {
                host = host.Substring(0, host.Length - 1);
            }

            return host.Length > 0 && !IsLoopbackName(host) && !IsIpv4Loopback(host);
        }

        private static bool IsLoopbackName(string host) =>
            string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

        private static bool IsIpv4Loopback(string host)
        {
            if (!host.StartsWith("127.", StringComparison.Ordinal))
            {
                return false;
            }

            var parts = host.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, out var value) || value > 255)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsIpv6Loopback(string host) =>
            host == "::1" || string.Equals(host, "0:0:0:0:0:0:0:1", StringComparison.Ordinal);
    }
}
