using System;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// Connection-string options that accept any server certificate: SQL Server and Npgsql <c>TrustServerCertificate=true</c>
    /// (also spelled <c>Trust Server Certificate</c>), MongoDB <c>tlsInsecure=true</c> / <c>tlsAllowInvalidCertificates=true</c>.
    /// A server on the same machine (<c>.</c>, <c>(local)</c>, <c>localhost</c>, <c>127.0.0.1</c>, LocalDB) has no network
    /// path to intercept and is not reported. Plain span code: it runs on every string literal.
    /// </summary>
    internal static class InsecureConnectionOption
    {
        /// <summary>The option as written (<c>TrustServerCertificate=True</c>), or null when the text turns no validation off.</summary>
        public static string? Find(string text)
        {
            // Cheap first: every option of interest contains "rust" or "nsecure" or "nvalid".
            if (text.Length < 12
                || (text.IndexOf("rust", StringComparison.OrdinalIgnoreCase) < 0
                    && text.IndexOf("nsecure", StringComparison.OrdinalIgnoreCase) < 0
                    && text.IndexOf("nvalid", StringComparison.OrdinalIgnoreCase) < 0))
            {
                return null;
            }

            string? found = null;
            var local = false;
            var start = 0;
            while (start < text.Length)
            {
                var end = NextSeparator(text, start);
                var equals = text.IndexOf('=', start, end - start);
                if (equals > start)
                {
                    var key = Compact(text, start, equals);
                    var value = text.Substring(equals + 1, end - equals - 1).Trim().Trim('\'', '"');
                    if ((key == "trustservercertificate" || key == "tlsinsecure" || key == "tlsallowinvalidcertificates" || key == "sslallowinvalidcertificates")
                        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)))
                    {
                        found = text.Substring(start, end - start).Trim();
                    }
                    else if (key == "server" || key == "datasource" || key == "host" || key == "address" || key == "addr" || key == "networkaddress")
                    {
                        local = IsLocal(value);
                    }
                }

                start = end + 1;
            }

            return local ? null : found;
        }

        private static int NextSeparator(string text, int start)
        {
            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (c == ';' || c == '&' || c == '?')
                {
                    return i;
                }
            }

            return text.Length;
        }

        /// <summary>The key lower-cased without spaces: "Trust Server Certificate" and "TrustServerCertificate" are one key.</summary>
        private static string Compact(string text, int start, int end)
        {
            var chars = new char[end - start];
            var length = 0;
            for (var i = start; i < end; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    chars[length++] = char.ToLowerInvariant(text[i]);
                }
            }

            return new string(chars, 0, length);
        }

        private static bool IsLocal(string server)
        {
            // tcp:localhost,1433 · .\SQLEXPRESS · (localdb)\MSSQLLocalDB · 127.0.0.1:5432
            var host = server;
            if (host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) || host.StartsWith("np:", StringComparison.OrdinalIgnoreCase))
            {
                host = host.Substring(host.IndexOf(':') + 1);
            }

            var cut = host.IndexOfAny(new[] { ',', '\\', ':' });
            if (cut >= 0 && !host.StartsWith("::1", StringComparison.Ordinal))
            {
                host = host.Substring(0, cut);
            }

            host = host.Trim();
            return host == "." || host == "::1" || host == "127.0.0.1"
                || host.Equals("(local)", StringComparison.OrdinalIgnoreCase)
                || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || host.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase);
        }
    }
}
