using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Decides whether a name (a C# identifier, a configuration path such as <c>Jwt:SigningKey</c>, an environment
    /// variable such as <c>DB_PASSWORD</c>) names a credential. The name is split into words; a credential word makes
    /// it one, unless a trailing word says the thing is about the credential rather than the credential itself
    /// (<c>PasswordLabel</c>, <c>passwordQuestion</c>, <c>TokenLifetime</c>, <c>ApiKeyHeaderName</c>).
    /// </summary>
    internal sealed class CredentialNames
    {
        /// <summary>Words that name a secret on their own.</summary>
        private static readonly HashSet<string> CredentialWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "password", "passwd", "pwd", "passphrase", "passcode", "secret", "secrets", "token", "credential",
            "credentials", "tokens", "apikey", "privatekey", "secretkey", "accesskey", "signingkey", "encryptionkey", "masterkey",
            "clientsecret",
        };

        /// <summary>Short words that name a credential only as the last word: dbPass, SMTP_PASS, AzureSas (not PassThrough).</summary>
        private static readonly HashSet<string> FinalOnlyWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "pass", "pat", "pin", "sas",
        };

        /// <summary>Tokens that are not credentials: cancellationToken, continuationToken, nextPageToken, SyntaxToken.</summary>
        private static readonly HashSet<string> NonSecretTokenKinds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "cancellation", "continuation", "page", "paging", "next", "sync", "resume", "change", "syntax", "lexer", "parser",
            "skip", "delta", "cursor", "stop", "end", "start",
        };

        /// <summary>Words that make a following "key" a secret key (api key, signing key, Jwt:Key …).</summary>
        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "api", "access", "secret", "private", "signing", "signature", "encryption", "decryption", "client", "jwt",
            "auth", "authentication", "master", "account", "storage", "subscription", "shared", "hmac", "symmetric",
            "security", "app", "application", "service", "webhook", "primary", "secondary", "admin", "function", "host",
        };

        /// <summary>
        /// Words after the credential word that turn the name into something about a credential, not a credential.
        /// </summary>
        private static readonly HashSet<string> DescriptiveSuffixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "label", "labels", "question", "prompt", "message", "messages", "text", "hint", "placeholder", "caption", "title",
            "description", "format", "template", "regex", "pattern", "field", "fields", "name", "names", "path", "file",
            "filename", "dir", "directory", "location", "length", "policy", "policies", "expiry", "expiration", "expires",
            "lifetime", "timeout", "ttl", "age", "count", "attempts", "retries", "required", "enabled", "disabled", "changed",
            "validator", "validation", "error", "errors", "header", "headers", "type", "types", "kind", "endpoint", "url",
            "uri", "env", "variable", "var", "param", "parameter", "property", "column", "id", "ids", "strength", "min",
            "max", "minimum", "maximum", "complexity", "reset", "provider", "providers", "options", "settings", "section",
            "mode", "scheme", "schemes", "handler", "factory", "service", "manager", "store", "cache", "client", "helper",
            "generator", "hasher", "hash", "hashed", "salt", "version", "issuer", "audience", "claim", "claims", "request",
            "response", "result", "status", "state", "source", "selector", "button", "input", "link", "icon", "style",
            "class", "css", "visible", "visibility", "view", "page", "route", "action", "event", "exception", "key",
            "lookup", "index", "query", "cookie", "purpose", "prefix", "suffix", "separator", "delimiter", "encoding",
            "culture", "size", "bytes", "bits", "expected", "rule", "rules", "reminder", "sent", "used", "valid", "invalid",
            "set", "get", "generated", "number", "at", "on", "date", "time", "utc", "when",
            // States and events: TokenRefreshed, PasswordExpired, ApiKeyMissing name what happened to a credential.
            "expired", "revoked", "missing", "issued", "refreshed", "rotated", "failed", "mismatch", "verified", "confirmed", "updated",
        };

        public static readonly CredentialNames Default = new CredentialNames(Array.Empty<string>(), Array.Empty<string>());

        private readonly HashSet<string> _extraWords;
        private readonly HashSet<string> _excludedNames;

        /// <param name="extraCredentialWords">More words that name a credential (an option of the Secrets rules).</param>
        /// <param name="excludedNames">Whole names that are never credentials (an option of the Secrets rules).</param>
        public CredentialNames(IEnumerable<string> extraCredentialWords, IEnumerable<string> excludedNames)
        {
            _extraWords = new HashSet<string>(extraCredentialWords, StringComparer.OrdinalIgnoreCase);
            _excludedNames = new HashSet<string>(excludedNames, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>True when <paramref name="name"/> names a credential.</summary>
        public bool IsCredentialName(string? name)
        {
            if (string.IsNullOrEmpty(name) || _excludedNames.Contains(name!))
            {
                return false;
            }

            // Cheap reject: most names contain none of the letters every credential word has one of.
            if (name!.IndexOfAny(CredentialLetters) < 0)
            {
                return false;
            }

            var words = SplitWords(name);
            var credentialAt = -1;
            for (var i = 0; i < words.Count; i++)
            {
                if (IsCredentialWord(words, i))
                {
                    credentialAt = i;
                }
            }

            if (credentialAt < 0)
            {
                return false;
            }

            // Only the words after the last credential word can describe it ("PasswordLabel", "TokenLifetimeMinutes").
            for (var i = credentialAt + 1; i < words.Count; i++)
            {
                if (DescriptiveSuffixes.Contains(words[i]))
                {
                    return false;
                }
            }

            // "IsPasswordValid", "HasToken", "RequirePassword": a flag, not a value.
            var first = words[0];
            return !(credentialAt > 0 && (first.Equals("is", StringComparison.OrdinalIgnoreCase)
                || first.Equals("has", StringComparison.OrdinalIgnoreCase)
                || first.Equals("require", StringComparison.OrdinalIgnoreCase)
                || first.Equals("requires", StringComparison.OrdinalIgnoreCase)
                || first.Equals("use", StringComparison.OrdinalIgnoreCase)
                || first.Equals("enable", StringComparison.OrdinalIgnoreCase)
                || first.Equals("show", StringComparison.OrdinalIgnoreCase)
                || first.Equals("no", StringComparison.OrdinalIgnoreCase)));
        }

        private static readonly char[] CredentialLetters = { 'w', 'W', 'k', 'K', 's', 'S', 'p', 'P', 't', 'T', 'c', 'C' };

        private bool IsCredentialWord(List<string> words, int index)
        {
            var word = words[index];
            if (word.Equals("token", StringComparison.OrdinalIgnoreCase) || word.Equals("tokens", StringComparison.OrdinalIgnoreCase))
            {
                return index == 0 || !NonSecretTokenKinds.Contains(words[index - 1]);
            }

            if (CredentialWords.Contains(word) || _extraWords.Contains(word))
            {
                return true;
            }

            if (FinalOnlyWords.Contains(word))
            {
                return index == words.Count - 1;
            }

            // "key" is a credential only after a qualifier: ApiKey, SigningKey, Jwt:Key, storage_account_key.
            return word.Equals("key", StringComparison.OrdinalIgnoreCase) && index > 0 && KeyQualifiers.Contains(words[index - 1])
                || word.Equals("keys", StringComparison.OrdinalIgnoreCase) && index > 0 && KeyQualifiers.Contains(words[index - 1]);
        }

        /// <summary>
        /// Splits camelCase, PascalCase, snake_case, kebab-case, dotted and colon-separated names into lower-case words.
        /// "JWTSigningKey" → jwt, signing, key; "Jwt:Key" → jwt, key; "DB_PASSWORD" → db, password.
        /// </summary>
        internal static List<string> SplitWords(string name)
        {
            var words = new List<string>(4);
            var start = -1;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(name, ref start, i, words);
                    continue;
                }

                if (start < 0)
                {
                    start = i;
                    continue;
                }

                var previous = name[i - 1];
                var boundary =
                    (char.IsUpper(c) && char.IsLower(previous))
                    || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                    || (char.IsDigit(c) != char.IsDigit(previous));
                if (boundary)
                {
                    Flush(name, ref start, i, words);
                    start = i;
                }
            }

            Flush(name, ref start, name.Length, words);
            return words;
        }

        private static void Flush(string name, ref int start, int end, List<string> words)
        {
            if (start >= 0 && end > start)
            {
                words.Add(name.Substring(start, end - start).ToLowerInvariant());
            }

            start = -1;
        }
    }
}
