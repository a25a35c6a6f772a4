using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>Kinds of connection strings, told apart by the keys they use.</summary>
    internal enum ConnectionKind
    {
        None,
        SqlServer,
        PostgreSql,
        MySql,
        Redis,
        Generic,
    }

    /// <summary>Azure services whose connection strings carry a shared key, told apart by the endpoint host.</summary>
    internal enum AzureService
    {
        Storage,
        CosmosDb,
        ServiceBus,
        IotHub,
        SignalR,
        WebPubSub,
        AppConfiguration,
        Other,
    }

    /// <summary>
    /// Matchers for secrets that live inside a structure: connection strings, URIs, query strings, webhooks, JWTs, key
    /// blocks, JSON and XML configuration. Each returns the span of the secret value itself.
    /// </summary>
    internal static class StructuredMatchers
    {
        // ---------------------------------------------------------------- connection strings

        /// <summary>Password=/Pwd= in a connection string of the given kind; the value is the secret.</summary>
        public static SecretMatcher ConnectionStringPassword(ConnectionKind kind) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                start = 0;
                if (keywordStart > regionStart && !IsKeySeparator(text[keywordStart - 1]))
                {
                    return 0;
                }

                var i = SkipSpaces(text, keywordEnd, regionEnd);
                if (i >= regionEnd || text[i] != '=')
                {
                    return 0;
                }

                // The value first (cheap, and most Password= in code have none), the kind of connection string after.
                i = SkipSpaces(text, i + 1, regionEnd);
                var ceiling = Math.Min(regionEnd, i + 512);
                int valueStart;
                int valueEnd;
                if (i < ceiling && text[i] == '\'')
                {
                    valueStart = i + 1;
                    valueEnd = text.IndexOf('\'', valueStart, ceiling - valueStart);
                    if (valueEnd < 0)
                    {
                        return 0;
                    }
                }
                else
                {
                    valueStart = i;
                    valueEnd = i;
                    while (valueEnd < ceiling && text[valueEnd] != ';' && !IsSegmentDelimiter(text[valueEnd])
                        && !(kind == ConnectionKind.Redis && text[valueEnd] == ','))
                    {
                        valueEnd++;
                    }

                    while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
                    {
                        valueEnd--;
                    }
                }

                if (valueEnd <= valueStart || ClassifyOnce(text, keywordStart, regionStart, regionEnd) != kind)
                {
                    return 0;
                }

                return AcceptValue(text, valueStart, valueEnd, out start);
            };

        [ThreadStatic]
        private static string? classifiedText;

        [ThreadStatic]
        private static int classifiedKeyword;

        [ThreadStatic]
        private static int classifiedRegion;

        [ThreadStatic]
        private static ConnectionKind classifiedKind;

        /// <summary>The five connection-string formats share a keyword: classify each hit once, not five times.</summary>
        private static ConnectionKind ClassifyOnce(string text, int keyword, int regionStart, int regionEnd)
        {
            var region = regionStart ^ (regionEnd << 1);
            if (ReferenceEquals(classifiedText, text) && classifiedKeyword == keyword && classifiedRegion == region)
            {
                return classifiedKind;
            }

            Segment(text, keyword, regionStart, regionEnd, out var segmentStart, out var segmentEnd);
            classifiedKind = Classify(text, keyword, segmentStart, segmentEnd);
            classifiedText = text;
            classifiedKeyword = keyword;
            classifiedRegion = region;
            return classifiedKind;
        }

        private static int AcceptValue(string text, int valueStart, int valueEnd, out int start)
        {
            start = valueStart;
            var length = valueEnd - valueStart;
            if (length <= 0 || length > 512 || SecretValues.IsPlaceholder(text.Substring(valueStart, length)))
            {
                return 0;
            }

            return length;
        }

        private static bool IsKeySeparator(char c) => c == ';' || c == ',' || c == '"' || c == '\'' || c == '{' || c == '(' || char.IsWhiteSpace(c);

        private static int SkipSpaces(string text, int index, int end)
        {
            while (index < end && (text[index] == ' ' || text[index] == '\t'))
            {
                index++;
            }

            return index;
        }

        /// <summary>The delimited string around a position: back and forth to a quote, a line break, an XML bracket or a backtick.</summary>
        private static void Segment(string text, int index, int regionStart, int regionEnd, out int segmentStart, out int segmentEnd)
        {
            var floor = Math.Max(regionStart, index - 384);
            segmentStart = index;
            while (segmentStart > floor && !IsSegmentDelimiter(text[segmentStart - 1]))
            {
                segmentStart--;
            }

            var ceiling = Math.Min(regionEnd, index + 384);
            segmentEnd = index;
            while (segmentEnd < ceiling && !IsSegmentDelimiter(text[segmentEnd]))
            {
                segmentEnd++;
            }
        }

        private static bool IsSegmentDelimiter(char c) => c == '"' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '`';

        private static readonly string[] SqlServerMarkers =
        {
            "data source=", "initial catalog=", "trusted_connection=", "trustservercertificate=", "multipleactiveresultsets=",
            "integrated security=", "server=tcp:", ".database.windows.net", "persist security info=", "(localdb)", "user id=",
        };

        private static readonly string[] MySqlMarkers =
        {
            "uid=", "port=3306", "sslmode=none", "sslmode=preferred", "sslmode=required", "allowuservariables=",
            "allowpublickeyretrieval=", "convertzerodatetime=", "characterset=", "treattinyasboolean=",
        };

        private static readonly string[] PostgreSqlMarkers = { "host=", "port=5432", "username=", "search path=", "searchpath=" };

        private static readonly string[] RedisMarkers =
        {
            ",ssl=", ",abortconnect=", ":6379", ":6380", ",allowadmin=", ",connecttimeout=", ",defaultdatabase=", ",user=",
        };

        private static readonly string[] GenericMarkers =
        {
            "server=", "host=", "data source=", "database=", "user id=", "uid=", "user=", "username=", "dsn=", "provider=", "driver=",
            "address=", "addr=",
        };

        /// <summary>MySQL and PostgreSQL markers are decisive; SQL Server keys are also accepted by the others; generic last.</summary>
        private static readonly ConnectionKind[] KindsBySpecificity =
        {
            ConnectionKind.MySql, ConnectionKind.PostgreSql, ConnectionKind.SqlServer, ConnectionKind.Generic,
        };

        /// <summary>The markers by their first character, so that a segment is classified in one pass.</summary>
        private static readonly KeyValuePair<string, ConnectionKind>[][] MarkersByFirstChar = BuildMarkers();

        private static KeyValuePair<string, ConnectionKind>[][] BuildMarkers()
        {
            var lists = new List<KeyValuePair<string, ConnectionKind>>[128];
            void AddAll(string[] markers, ConnectionKind kind)
            {
                foreach (var marker in markers)
                {
                    (lists[marker[0]] ??= new List<KeyValuePair<string, ConnectionKind>>()).Add(new KeyValuePair<string, ConnectionKind>(marker, kind));
                }
            }

            AddAll(RedisMarkers, ConnectionKind.Redis);
            AddAll(MySqlMarkers, ConnectionKind.MySql);
            AddAll(PostgreSqlMarkers, ConnectionKind.PostgreSql);
            AddAll(SqlServerMarkers, ConnectionKind.SqlServer);
            AddAll(GenericMarkers, ConnectionKind.Generic);
            var table = new KeyValuePair<string, ConnectionKind>[128][];
            for (var c = 0; c < 128; c++)
            {
                table[c] = lists[c]?.ToArray() ?? Array.Empty<KeyValuePair<string, ConnectionKind>>();
            }

            return table;
        }

        /// <summary>Tells the kind of connection string the Password= at <paramref name="keyword"/> belongs to (None: not one).</summary>
        internal static ConnectionKind Classify(string text, int keyword, int segmentStart, int segmentEnd)
        {
            // "Default credentials are: username=admin, password=…": prose (a word ending in ':' or '.' before a space)
            // is help text, never a connection string.
            for (var i = segmentStart + 1; i + 1 < keyword; i++)
            {
                if ((text[i] == ':' || text[i] == '.') && text[i + 1] == ' ' && char.IsLetter(text[i - 1]))
                {
                    return ConnectionKind.None;
                }
            }

            var found = 0;
            for (var i = segmentStart; i < segmentEnd; i++)
            {
                var c = text[i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }

                if (c >= 128)
                {
                    continue;
                }

                foreach (var marker in MarkersByFirstChar[c])
                {
                    if (TokenText.AtIgnoreCase(text, i, segmentEnd, marker.Key))
                    {
                        found |= 1 << (int)marker.Value;
                    }
                }
            }

            if ((keyword > segmentStart && text[keyword - 1] == ',') || (found & (1 << (int)ConnectionKind.Redis)) != 0)
            {
                return ConnectionKind.Redis;
            }

            foreach (var kind in KindsBySpecificity)
            {
                if ((found & (1 << (int)kind)) != 0)
                {
                    return kind;
                }
            }

            return ConnectionKind.None;
        }

        private static bool ContainsAny(string text, string[] values, int from, int to)
        {
            foreach (var value in values)
            {
                if (TokenText.ContainsIgnoreCase(text, value, from, to))
                {
                    return true;
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- URIs with credentials

        private static readonly string[] SpecificSchemes = { "mongodb", "mongodb+srv", "redis", "rediss", "postgres", "postgresql" };

        /// <summary>scheme://user:password@host — the password is the secret. <paramref name="schemes"/> null: any other scheme.</summary>
        public static SecretMatcher UriPassword(string[]? schemes) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                start = 0;
                var separator = keywordEnd - 3;
                if (separator < regionStart || string.CompareOrdinal(text, separator, "://", 0, 3) != 0)
                {
                    return 0;
                }

                var schemeStart = separator;
                var floor = Math.Max(regionStart, separator - 24);
                while (schemeStart > floor && (char.IsLetterOrDigit(text[schemeStart - 1]) || text[schemeStart - 1] == '+'
                    || text[schemeStart - 1] == '-' || text[schemeStart - 1] == '.'))
                {
                    schemeStart--;
                }

                var schemeLength = separator - schemeStart;
                if (schemeLength < 2 || !char.IsLetter(text[schemeStart]))
                {
                    return 0;
                }

                var specific = IsOneOf(text, schemeStart, schemeLength, SpecificSchemes);
                if (schemes is null ? specific : !IsOneOf(text, schemeStart, schemeLength, schemes))
                {
                    return 0;
                }

                var authorityStart = separator + 3;
                var ceiling = Math.Min(regionEnd, authorityStart + 512);
                var at = -1;
                var colon = -1;
                for (var i = authorityStart; i < ceiling; i++)
                {
                    var c = text[i];
                    if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || char.IsWhiteSpace(c))
                    {
                        break;
                    }

                    if (c == '@')
                    {
                        at = i;
                    }
                    else if (c == ':' && colon < 0 && at < 0)
                    {
                        colon = i;
                    }
                }

                if (at < 0 || colon < 0 || colon > at)
                {
                    return 0;
                }

                return AcceptValue(text, colon + 1, at, out start);
            };

        private static bool IsOneOf(string text, int start, int length, string[] values)
        {
            foreach (var value in values)
            {
                if (value.Length == length && TokenText.AtIgnoreCase(text, start, start + length, value))
                {
                    return true;
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- Azure shared keys

        /// <summary>
        /// Key=value in an Azure connection string: a base64 value of exactly <paramref name="length"/> characters (padding
        /// included), for the service named by the connection string's endpoint.
        /// </summary>
        public static SecretMatcher AzureKey(int length, AzureService service) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                start = keywordEnd;
                if (keywordStart > regionStart && (TokenText.IsWordChar(text[keywordStart - 1]) || text[keywordStart - 1] == '-'
                    || text[keywordStart - 1] == '.'))
                {
                    return 0;
                }

                var run = TokenText.RunLength(text, keywordEnd, regionEnd, TokenChars.Base64 | TokenChars.Equals, length + 1);
                // 64-byte keys end in "==", 32-byte keys in one '='.
                var padding = length % 4 == 0 && length == 88 ? 2 : 1;
                if (run != length || text[keywordEnd + length - 1] != '=' || (text[keywordEnd + length - 2] == '=') != (padding == 2)
                    || !TokenText.EndsWord(text, keywordEnd + length, regionEnd, TokenChars.Base64)
                    || TokenText.LooksFake(text, keywordEnd, length) || IsWellKnownDevelopmentKey(text, keywordEnd, length))
                {
                    return 0;
                }

                Segment(text, keywordStart, regionStart, regionEnd, out var segmentStart, out var segmentEnd);
                var actual = Service(text, segmentStart, segmentEnd);
                if (actual == AzureService.Other && service == AzureService.Storage)
                {
                    actual = AzureService.Storage;
                }

                return actual == service ? length : 0;
            };

        private static AzureService Service(string text, int from, int to)
        {
            if (TokenText.ContainsIgnoreCase(text, "documents.azure.com", from, to) || TokenText.ContainsIgnoreCase(text, "accountendpoint=", from, to))
            {
                return AzureService.CosmosDb;
            }

            if (TokenText.ContainsIgnoreCase(text, ".servicebus.", from, to))
            {
                return AzureService.ServiceBus;
            }

            if (TokenText.ContainsIgnoreCase(text, "azure-devices.net", from, to))
            {
                return AzureService.IotHub;
            }

            if (TokenText.ContainsIgnoreCase(text, ".service.signalr.net", from, to))
            {
                return AzureService.SignalR;
            }

            if (TokenText.ContainsIgnoreCase(text, "webpubsub.azure.com", from, to))
            {
                return AzureService.WebPubSub;
            }

            if (TokenText.ContainsIgnoreCase(text, ".azconfig.io", from, to))
            {
                return AzureService.AppConfiguration;
            }

            return AzureService.Other;
        }

        private static bool IsWellKnownDevelopmentKey(string text, int start, int length)
        {
            foreach (var known in SecretValues.WellKnownDevelopmentKeys)
            {
                if (known.Length == length && string.CompareOrdinal(text, start, known, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- signed URLs

        /// <summary>
        /// sig= of a shared access signature (storage SAS, or a Logic Apps / Power Automate trigger URL): an HMAC-SHA256 in
        /// (URL-encoded) base64, in a query string that also has sv=.
        /// </summary>
        public static SecretMatcher SharedAccessSignature(bool logicApps) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                start = keywordEnd;
                if (keywordStart <= regionStart)
                {
                    return 0;
                }

                var previous = text[keywordStart - 1];
                if (previous != '?' && previous != '&' && previous != ';')
                {
                    return 0;
                }

                var length = TokenText.RunLength(text, keywordEnd, regionEnd, TokenChars.Base64Url | TokenChars.Plus | TokenChars.Slash
                    | TokenChars.Equals | TokenChars.Percent, 200);
                var effective = 0;
                for (var i = keywordEnd; i < keywordEnd + length; i++)
                {
                    if (text[i] == '%')
                    {
                        i += 2;
                    }

                    effective++;
                }

                if (effective < 43 || effective > 44 || TokenText.LooksFake(text, keywordEnd, length))
                {
                    return 0;
                }

                var floor = Math.Max(regionStart, keywordStart - 2048);
                var urlStart = keywordStart;
                while (urlStart > floor && !char.IsWhiteSpace(text[urlStart - 1]) && text[urlStart - 1] != '"' && text[urlStart - 1] != '\'')
                {
                    urlStart--;
                }

                if (!HasParameter(text, "sv=", urlStart, keywordStart))
                {
                    return 0;
                }

                var isLogicApps = TokenText.ContainsIgnoreCase(text, ".logic.azure.com", urlStart, keywordStart)
                    || TokenText.ContainsIgnoreCase(text, "/workflows/", urlStart, keywordStart);
                return isLogicApps == logicApps ? length : 0;
            };

        private static bool HasParameter(string text, string name, int from, int to)
        {
            var index = from;
            while ((index = TokenText.IndexOfIgnoreCase(text, name, index, to)) > from)
            {
                var previous = text[index - 1];
                if (previous == '?' || previous == '&' || previous == ';')
                {
                    return true;
                }

                index++;
            }

            return false;
        }

        // ---------------------------------------------------------------- webhooks

        /// <summary>Where a URL whose host contains the keyword starts: the host's first label, with http(s):// when present.</summary>
        private static int UrlStart(string text, int keywordStart, int regionStart)
        {
            var start = keywordStart;
            var floor = Math.Max(regionStart, keywordStart - 128);
            while (start > floor && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '.' || text[start - 1] == '-'))
            {
                start--;
            }

            if (start - 8 >= regionStart && string.CompareOrdinal(text, start - 8, "https://", 0, 8) == 0)
            {
                return start - 8;
            }

            if (start - 7 >= regionStart && string.CompareOrdinal(text, start - 7, "http://", 0, 7) == 0)
            {
                return start - 7;
            }

            return start;
        }

        /// <summary>hooks.slack.com/services/T…/B…/secret or /workflows|triggers/…: the whole URL is the secret.</summary>
        public static int SlackWebhook(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = UrlStart(text, keywordStart, regionStart);
            int end;
            if (TokenText.AtIgnoreCase(text, keywordEnd, regionEnd, "services/"))
            {
                var i = keywordEnd + 9;
                if (!Segment(text, ref i, regionEnd, 'T', TokenChars.UpperAlnum, 8, 12, '/')
                    || !Segment(text, ref i, regionEnd, 'B', TokenChars.UpperAlnum, 8, 12, '/'))
                {
                    return 0;
                }

                var length = TokenText.RunLength(text, i, regionEnd, TokenChars.Alnum, 25);
                if (length != 24 || TokenText.LooksFake(text, i, length))
                {
                    return 0;
                }

                end = i + length;
            }
            else if (TokenText.AtIgnoreCase(text, keywordEnd, regionEnd, "workflows/") || TokenText.AtIgnoreCase(text, keywordEnd, regionEnd, "triggers/"))
            {
                var i = text.IndexOf('/', keywordEnd) + 1;
                var length = TokenText.RunLength(text, i, regionEnd, TokenChars.Alnum | TokenChars.Slash | TokenChars.Plus, 80);
                if (length < 40 || length > 64 || TokenText.LooksFake(text, i, length))
                {
                    return 0;
                }

                end = i + length;
            }
            else
            {
                return 0;
            }

            return TokenText.EndsWord(text, end, regionEnd, TokenChars.Alnum) ? end - start : 0;
        }

        /// <summary>Reads first + run of set (length in [min, max]) + the separator, advancing <paramref name="i"/>.</summary>
        private static bool Segment(string text, ref int i, int regionEnd, char first, TokenChars set, int min, int max, char separator)
        {
            if (i >= regionEnd || text[i] != first)
            {
                return false;
            }

            var length = TokenText.RunLength(text, i + 1, regionEnd, set, max + 1);
            if (length < min || length > max || i + 1 + length >= regionEnd || text[i + 1 + length] != separator)
            {
                return false;
            }

            i += length + 2;
            return true;
        }

        /// <summary>…webhook.office.com/webhookb2/{uuid}@{uuid}/IncomingWebhook/{32}/{uuid}[/V2…]: the whole URL.</summary>
        public static int TeamsWebhook(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = UrlStart(text, keywordStart, regionStart);
            var i = keywordEnd;
            if (!Uuid(text, ref i, regionEnd) || i >= regionEnd || text[i] != '@')
            {
                return 0;
            }

            i++;
            if (!Uuid(text, ref i, regionEnd) || !TokenText.AtIgnoreCase(text, i, regionEnd, "/incomingwebhook/"))
            {
                return 0;
            }

            i += 17;
            var length = TokenText.RunLength(text, i, regionEnd, TokenChars.Alnum, 33);
            if (length != 32 || i + 32 >= regionEnd || text[i + 32] != '/')
            {
                return 0;
            }

            i += 33;
            if (!Uuid(text, ref i, regionEnd))
            {
                return 0;
            }

            if (i + 1 < regionEnd && text[i] == '/')
            {
                var tail = TokenText.RunLength(text, i + 1, regionEnd, TokenChars.Base64Url, 200);
                if (tail >= 8)
                {
                    i += 1 + tail;
                }
            }

            return TokenText.EndsWord(text, i, regionEnd, TokenChars.Base64Url) ? i - start : 0;
        }

        private static bool Uuid(string text, ref int i, int regionEnd)
        {
            if (i + 36 > regionEnd || !TokenShapes.IsUuidAt(text, i, 36))
            {
                return false;
            }

            i += 36;
            return true;
        }

        /// <summary>discord(app).com/api/webhooks/{id}/{token}: the whole URL.</summary>
        public static int DiscordWebhook(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = UrlStart(text, keywordStart, regionStart);
            var digits = TokenText.RunLength(text, keywordEnd, regionEnd, TokenChars.Digit, 21);
            var i = keywordEnd + digits;
            if (digits < 17 || digits > 20 || i >= regionEnd || text[i] != '/')
            {
                return 0;
            }

            var length = TokenText.RunLength(text, i + 1, regionEnd, TokenChars.Base64Url, 69);
            if (length < 60 || length > 68 || TokenText.LooksFake(text, i + 1, length)
                || !TokenText.EndsWord(text, i + 1 + length, regionEnd, TokenChars.Base64Url))
            {
                return 0;
            }

            return i + 1 + length - start;
        }

        // ---------------------------------------------------------------- JWT

        /// <summary>header.payload.signature in base64url, whose header decodes to JSON with an "alg" member.</summary>
        public static int Jwt(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = keywordStart;
            const TokenChars set = TokenChars.Base64Url;
            if (keywordStart > regionStart && (TokenText.In(text[keywordStart - 1], set) || text[keywordStart - 1] == '.'))
            {
                return 0;
            }

            var header = TokenText.RunLength(text, keywordStart, regionEnd, set, 2048);
            var i = keywordStart + header;
            if (header < 10 || i >= regionEnd || text[i] != '.')
            {
                return 0;
            }

            var payload = TokenText.RunLength(text, i + 1, regionEnd, set, 16384);
            i += 1 + payload;
            if (payload < 10 || i >= regionEnd || text[i] != '.')
            {
                return 0;
            }

            var signature = TokenText.RunLength(text, i + 1, regionEnd, set, 4096);
            i += 1 + signature;
            if (signature < 16 || (i < regionEnd && (TokenText.IsWordChar(text[i]) || text[i] == '.'))
                || !HeaderHasAlg(text, keywordStart, header))
            {
                return 0;
            }

            return i - keywordStart;
        }

        /// <summary>Decodes base64url on the fly and looks for the five bytes "alg" (quotes included).</summary>
        private static bool HeaderHasAlg(string text, int start, int length)
        {
            const ulong quotedAlg = 0x22616C6722; // '"' 'a' 'l' 'g' '"'
            var bits = 0;
            var bitCount = 0;
            ulong window = 0;
            for (var i = start; i < start + length; i++)
            {
                var c = text[i];
                var value = c >= 'A' && c <= 'Z' ? c - 'A'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 26
                    : c >= '0' && c <= '9' ? c - '0' + 52
                    : c == '-' ? 62
                    : 63;
                bits = (bits << 6) | value;
                bitCount += 6;
                if (bitCount >= 8)
                {
                    bitCount -= 8;
                    window = ((window << 8) | (uint)((bits >> bitCount) & 0xFF)) & 0xFFFFFFFFFF;
                    bits &= (1 << bitCount) - 1;
                    if (window == quotedAlg)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- private keys

        /// <summary>Which key blocks a format takes.</summary>
        internal enum KeyBlock
        {
            Pem,
            OpenSsh,
            Pgp,
        }

        /// <summary>-----BEGIN … PRIVATE KEY----- with a real base64 body and its -----END line: the whole block.</summary>
        public static SecretMatcher PrivateKeyBlock(KeyBlock block) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                start = keywordStart;
                var labelEnd = text.IndexOf("-----", keywordEnd, Math.Min(80, regionEnd - keywordEnd), StringComparison.Ordinal);
                if (labelEnd < 0)
                {
                    return 0;
                }

                var labelLength = labelEnd - keywordEnd;
                var isOpenSsh = labelLength == 19 && string.CompareOrdinal(text, keywordEnd, "OPENSSH PRIVATE KEY", 0, 19) == 0;
                var isPgp = labelLength == 21 && string.CompareOrdinal(text, keywordEnd, "PGP PRIVATE KEY BLOCK", 0, 21) == 0;
                var isPem = !isOpenSsh && !isPgp && labelLength >= 11
                    && string.CompareOrdinal(text, labelEnd - 11, "PRIVATE KEY", 0, 11) == 0;
                var wanted = block == KeyBlock.OpenSsh ? isOpenSsh : block == KeyBlock.Pgp ? isPgp : isPem;
                if (!wanted)
                {
                    return 0;
                }

                var bodyStart = labelEnd + 5;
                var endMarker = FindEndMarker(text, bodyStart, Math.Min(regionEnd, bodyStart + 65536));
                if (endMarker < 0)
                {
                    return 0;
                }

                var base64 = 0;
                for (var i = bodyStart; i < endMarker; i++)
                {
                    // "\n" written as an escape in JSON or in a verbatim file: the 'n' is not key material.
                    if (text[i] == '\\' && i + 1 < endMarker)
                    {
                        i++;
                        continue;
                    }

                    if (TokenText.In(text[i], TokenChars.Base64))
                    {
                        base64++;
                    }
                }

                if (base64 < 64 || TokenText.DistinctCount(text, bodyStart, endMarker - bodyStart) < 24)
                {
                    return 0;
                }

                var close = text.IndexOf("-----", endMarker + 9, Math.Min(80, regionEnd - endMarker - 9), StringComparison.Ordinal);
                var end = close < 0 ? endMarker + 9 : close + 5;
                return end - keywordStart;
            };

        [ThreadStatic]
        private static string? endSearchText;

        [ThreadStatic]
        private static int endSearchFrom;

        [ThreadStatic]
        private static int endSearchTo;

        [ThreadStatic]
        private static int endSearchFound;

        /// <summary>
        /// The next "-----END " in [from, to), remembering the last search so that many BEGIN lines without an END do not
        /// rescan the same text (linear, not quadratic, on hostile input).
        /// </summary>
        private static int FindEndMarker(string text, int from, int to)
        {
            if (ReferenceEquals(endSearchText, text) && from >= endSearchFrom)
            {
                if (endSearchFound >= from && endSearchFound + 9 <= to)
                {
                    return endSearchFound;
                }

                if (endSearchFound < 0 && to <= endSearchTo)
                {
                    return -1;
                }
            }

            var found = to - from > 0 ? text.IndexOf("-----END ", from, to - from, StringComparison.Ordinal) : -1;
            endSearchText = text;
            endSearchFrom = from;
            endSearchTo = to;
            endSearchFound = found;
            return found;
        }

        /// <summary>PuTTY-User-Key-File-2/3 with its Private-Lines: block: from the header to the last private line.</summary>
        /// <summary>
        /// The private exponent <c>"d"</c> of a JSON Web Key (RSA or EC), JSON as-is, escaped in a JSON string or written
        /// with single quotes (which JsonWebKey's reader accepts): a Base64url
        /// value of 40+ characters, with a <c>"kty"</c> member nearby. A public JWK has no <c>"d"</c>.
        /// </summary>
        public static int JwkPrivateKey(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = 0;
            var i = SkipSpaces(text, keywordEnd, regionEnd);
            if (i < regionEnd && text[i] == '\\')
            {
                i++;
            }

            if (i >= regionEnd || (text[i] != '"' && text[i] != '\''))
            {
                return 0;
            }

            var length = TokenText.RunLength(text, i + 1, regionEnd, TokenChars.Base64Url, 2048);
            if (length < 40)
            {
                return 0;
            }

            var from = Math.Max(regionStart, keywordStart - 4096);
            var to = Math.Min(regionEnd, keywordEnd + length + 4096);
            if (text.IndexOf("kty", from, to - from, StringComparison.Ordinal) < 0)
            {
                return 0;
            }

            start = i + 1;
            return length;
        }

        public static int PuttyKey(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = keywordStart;
            var limit = Math.Min(regionEnd, keywordEnd + 16384);
            var lines = text.IndexOf("Private-Lines:", keywordEnd, limit - keywordEnd, StringComparison.Ordinal);
            if (lines < 0)
            {
                return 0;
            }

            var i = SkipSpaces(text, lines + 14, limit);
            var count = 0;
            while (i < limit && text[i] >= '0' && text[i] <= '9' && count < 1000)
            {
                count = count * 10 + text[i] - '0';
                i++;
            }

            var base64 = 0;
            var bodyStart = i;
            for (var line = 0; line < count; line++)
            {
                while (i < limit && (text[i] == '\r' || text[i] == '\n'))
                {
                    i++;
                }

                var lineLength = TokenText.RunLength(text, i, limit, TokenChars.Base64 | TokenChars.Equals, 1024);
                if (lineLength == 0)
                {
                    return 0;
                }

                base64 += lineLength;
                i += lineLength;
            }

            if (count == 0 || base64 < 40 || TokenText.DistinctCount(text, bodyStart, i - bodyStart) < 20)
            {
                return 0;
            }

            return i - keywordStart;
        }

        // ---------------------------------------------------------------- configuration documents

        /// <summary>A Google service-account key file: "type": "service_account" and its "private_key" value (the secret).</summary>
        public static int GcpServiceAccount(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = 0;
            var before = Math.Max(regionStart, keywordStart - 48);
            if (text.IndexOf("\"type\"", before, keywordStart - before, StringComparison.Ordinal) < 0)
            {
                return 0;
            }

            var from = Math.Max(regionStart, keywordStart - 8192);
            var to = Math.Min(regionEnd, keywordEnd + 8192);
            var key = text.IndexOf("\"private_key\"", from, to - from, StringComparison.Ordinal);
            if (key < 0)
            {
                return 0;
            }

            var i = key + 13;
            while (i < to && (text[i] == ' ' || text[i] == ':' || text[i] == '\t'))
            {
                i++;
            }

            if (i >= to || text[i] != '"')
            {
                return 0;
            }

            var valueStart = i + 1;
            var valueEnd = valueStart;
            while (valueEnd < to && text[valueEnd] != '"')
            {
                valueEnd += text[valueEnd] == '\\' ? 2 : 1;
            }

            if (valueEnd >= to || text.IndexOf("PRIVATE KEY", valueStart, valueEnd - valueStart, StringComparison.Ordinal) < 0
                || valueEnd - valueStart < 200)
            {
                return 0;
            }

            start = valueStart;
            return valueEnd - valueStart;
        }

        /// <summary>validationKey="…"/decryptionKey="…" of a machineKey element: hex of at least <paramref name="minimum"/> digits.</summary>
        public static SecretMatcher MachineKey(int minimum) =>
            (string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start) =>
            {
                start = keywordEnd + 1;
                if (keywordStart <= regionStart || !char.IsWhiteSpace(text[keywordStart - 1]) || keywordEnd >= regionEnd)
                {
                    return 0;
                }

                var quote = text[keywordEnd];
                if (quote != '"' && quote != '\'')
                {
                    return 0;
                }

                var length = TokenText.RunLength(text, start, regionEnd, TokenChars.Hex, 1025);
                if (length < minimum || length > 1024 || start + length >= regionEnd || text[start + length] != quote
                    || TokenText.LooksFake(text, start, length))
                {
                    return 0;
                }

                var floor = Math.Max(regionStart, keywordStart - 1024);
                var element = text.LastIndexOf('<', keywordStart, keywordStart - floor + 1);
                return element >= 0 && TokenText.AtIgnoreCase(text, element + 1, regionEnd, "machinekey") ? length : 0;
            };

        /// <summary>&lt;add key="ClearTextPassword" value="…" /&gt; in nuget.config: the value.</summary>
        public static int NuGetClearTextPassword(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = 0;
            var limit = Math.Min(regionEnd, keywordEnd + 512);
            var elementEnd = text.IndexOf('>', keywordEnd, limit - keywordEnd);
            var elementStart = text.LastIndexOf('<', keywordStart, keywordStart - Math.Max(regionStart, keywordStart - 256) + 1);
            if (elementEnd < 0 || elementStart < 0)
            {
                return 0;
            }

            var value = TokenText.IndexOfIgnoreCase(text, "value", elementStart, elementEnd);
            while (value >= 0 && value >= keywordStart && value < keywordEnd)
            {
                value = TokenText.IndexOfIgnoreCase(text, "value", keywordEnd, elementEnd);
            }

            if (value < 0)
            {
                return 0;
            }

            var i = SkipSpaces(text, value + 5, elementEnd);
            if (i >= elementEnd || text[i] != '=')
            {
                return 0;
            }

            i = SkipSpaces(text, i + 1, elementEnd);
            if (i >= elementEnd || (text[i] != '"' && text[i] != '\''))
            {
                return 0;
            }

            var valueEnd = text.IndexOf(text[i], i + 1, elementEnd - i - 1);
            return valueEnd < 0 ? 0 : AcceptValue(text, i + 1, valueEnd, out start);
        }

        // ---------------------------------------------------------------- shapes with a separator inside

        /// <summary>Twilio auth token: 32 hex on the line of an auth-token word, with an account SID (AC + 32 hex) nearby.</summary>
        public static int TwilioAuthToken(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = 0;
            var from = Math.Max(regionStart, keywordStart - 512);
            var to = Math.Min(regionEnd, keywordEnd + 512);
            var sid = -1;
            for (var i = text.IndexOf("AC", from, to - from, StringComparison.Ordinal); i >= 0 && i < to - 33;
                 i = text.IndexOf("AC", i + 2, to - i - 2, StringComparison.Ordinal))
            {
                if (TokenText.StartsWord(text, i, regionStart) && TokenText.RunLength(text, i + 2, regionEnd, TokenChars.HexLower, 33) == 32
                    && TokenText.EndsWord(text, i + 34, regionEnd, TokenChars.HexLower))
                {
                    sid = i;
                    break;
                }
            }

            if (sid < 0)
            {
                return 0;
            }

            TokenText.Line(text, keywordStart, regionStart, regionEnd, 256, out var lineStart, out var lineEnd);
            start = TokenText.FindWord(text, lineStart, lineEnd, regionStart, regionEnd, TokenChars.HexLower, 32, 32, out var length);
            return start < 0 ? 0 : length;
        }

        /// <summary>A Sentry DSN with its secret key (https://public:secret@…sentry…): the secret.</summary>
        public static int SentryDsnSecret(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = 0;
            TokenText.Line(text, keywordStart, regionStart, regionEnd, 256, out var lineStart, out var lineEnd);
            for (var i = text.IndexOf("://", lineStart, lineEnd - lineStart, StringComparison.Ordinal); i >= 0;
                 i = i + 3 < lineEnd ? text.IndexOf("://", i + 3, lineEnd - i - 3, StringComparison.Ordinal) : -1)
            {
                var p = i + 3;
                if (TokenText.RunLength(text, p, regionEnd, TokenChars.HexLower, 33) == 32 && p + 32 < regionEnd && text[p + 32] == ':'
                    && TokenText.RunLength(text, p + 33, regionEnd, TokenChars.HexLower, 33) == 32 && p + 65 < regionEnd && text[p + 65] == '@'
                    && !TokenText.LooksFake(text, p + 33, 32))
                {
                    start = p + 33;
                    return 32;
                }
            }

            return 0;
        }

        /// <summary>Braintree: access_token$production$ + 16 lower-case alphanumerics + '$' + 32 hex: the whole token.</summary>
        public static int Braintree(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = keywordStart;
            var merchant = TokenText.RunLength(text, keywordEnd, regionEnd, TokenChars.LowerAlnum, 17);
            var dollar = keywordEnd + 16;
            if (!TokenText.StartsWord(text, keywordStart, regionStart) || merchant != 16 || dollar >= regionEnd || text[dollar] != '$'
                || TokenText.RunLength(text, dollar + 1, regionEnd, TokenChars.HexLower, 33) != 32
                || !TokenText.EndsWord(text, dollar + 33, regionEnd, TokenChars.HexLower) || TokenText.LooksFake(text, dollar + 1, 32))
            {
                return 0;
            }

            return dollar + 33 - keywordStart;
        }

        /// <summary>Mailchimp: 32 hex + "-us" + data-center number; the keyword is the "-us" in the middle.</summary>
        public static int Mailchimp(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = keywordStart - 32;
            if (start < regionStart || !TokenText.All(text, start, 32, TokenChars.HexLower) || !TokenText.StartsWord(text, start, regionStart)
                || TokenText.LooksFake(text, start, 32))
            {
                return 0;
            }

            var digits = TokenText.RunLength(text, keywordEnd, regionEnd, TokenChars.Digit, 3);
            var end = keywordEnd + digits;
            return digits >= 1 && digits <= 2 && TokenText.EndsWord(text, end, regionEnd, TokenChars.Alnum) ? end - start : 0;
        }

        /// <summary>Telegram bot token: bot id digits + ":AA" + 33 base64url characters; the keyword is ":AA".</summary>
        public static int Telegram(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start)
        {
            start = keywordStart;
            var floor = Math.Max(regionStart, keywordStart - 17);
            while (start > floor && TokenText.In(text[start - 1], TokenChars.Digit))
            {
                start--;
            }

            var digits = keywordStart - start;
            if (digits < 6 || digits > 16 || !TokenText.StartsWord(text, start, regionStart))
            {
                return 0;
            }

            var length = TokenText.RunLength(text, keywordEnd, regionEnd, TokenChars.Base64Url, 34);
            var end = keywordEnd + length;
            if (length != 33 || !TokenText.EndsWord(text, end, regionEnd, TokenChars.Base64Url) || TokenText.LooksFake(text, keywordEnd, length))
            {
                return 0;
            }

            return end - start;
        }
    }
}
