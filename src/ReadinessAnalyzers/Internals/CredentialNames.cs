using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Decides whether a name (a C# identifier, a configuration path such as <c>Jwt:SigningKey</c>, an environment
    /// variable such as <c>DB_PASSWORD</c>) names a credential. The name is split into words; the credential word must be
    /// its head noun: a word after it other than a few that keep it a credential (<c>Value</c>, <c>Base64</c>, <c>Default</c>)
    /// makes the name about a credential rather than the credential itself (<c>PasswordLabel</c>, <c>TokenIdentifier</c>,
    /// <c>PasswordResetPurpose</c>, <c>RotateApiKeyCommand</c>, <c>ApiKeyHeaderName</c>).
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
        /// The only words that may follow the credential word and keep the name a credential: the credential must be the
        /// head noun ("ApiKey", "DbPasswordValue", "SigningKeyBase64"); anything else makes the name about a credential
        /// ("TokenIdentifier", "PasswordResetPurpose", "RotateApiKeyCommand", "SecretsVersioning", "ApiKeyHeader").
        /// </summary>
        private static readonly HashSet<string> KeepsCredential = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "value", "values", "str", "string", "raw", "plain", "plaintext", "clear", "cleartext", "encoded", "base", "base64", "b64", "hex",
            "bytes", "data", "literal", "default", "fallback", "dev", "development", "prod", "production", "staging", "local",
            "override", "primary", "secondary", "old", "new", "current", "previous", "backup", "copy", "main", "confirm", "confirmation",
        };

        /// <summary>Plural section names whose entries are credentials: ApiKeys:Stripe, Secrets:GitHub, Passwords:Admin.</summary>
        private static readonly HashSet<string> CredentialSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "secrets", "passwords", "tokens", "credentials", "apikeys",
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

            // A configuration path or environment variable is judged by its last segment (Smtp:Password, Jwt__Key);
            // a plural credential section names its entries (ApiKeys:Stripe).
            var words = SplitWords(name!);
            var segment = LastSegmentStart(name!);
            var leafStart = segment > 0 ? words.Count - SplitWords(name!.Substring(segment)).Count : 0;
            if (IsCredentialWords(words, leafStart))
            {
                return true;
            }

            return leafStart > 0 && words.Count - leafStart == 1 && IsSectionOfCredentials(words, leafStart);
        }

        /// <param name="leafStart">The first word of the last path segment: the credential word must be in it.</param>
        private bool IsCredentialWords(List<string> words, int leafStart)
        {
            var credentialAt = -1;
            for (var i = 0; i < words.Count; i++)
            {
                if (IsCredentialWord(words, i))
                {
                    credentialAt = i;
                }
            }

            if (credentialAt < leafStart)
            {
                return false;
            }

            // PublicKeyToken, PublishableKey: published on purpose.
            for (var i = 0; i < credentialAt; i++)
            {
                if (words[i] == "public" || words[i] == "publishable")
                {
                    return false;
                }
            }

            // The credential must be the head noun: only words that keep it a credential may follow it.
            for (var i = credentialAt + 1; i < words.Count; i++)
            {
                if (!KeepsCredential.Contains(words[i]) && !IsNumber(words[i]))
                {
                    return false;
                }
            }

            // "IsPasswordValid", "HasToken", "RequirePassword": a flag, not a value.
            return !(credentialAt > leafStart && IsFlagPrefix(words[leafStart]));
        }

        private static bool IsFlagPrefix(string word) =>
            word == "is" || word == "has" || word == "require" || word == "requires" || word == "use" || word == "enable"
            || word == "show" || word == "no";

        private static bool IsSectionOfCredentials(List<string> words, int leafStart)
        {
            var last = words[leafStart - 1];
            return last == "keys"
                ? leafStart > 1 && KeyQualifiers.Contains(words[leafStart - 2])
                : CredentialSections.Contains(last);
        }

        /// <summary>Where the last segment of a "Section:Key" or "Section__Key" path starts, or 0.</summary>
        private static int LastSegmentStart(string name)
        {
            var colon = name.LastIndexOf(':');
            var underscores = name.LastIndexOf("__", StringComparison.Ordinal);
            var start = Math.Max(colon + 1, underscores >= 0 ? underscores + 2 : 0);
            return start > 0 && start < name.Length ? start : 0;
        }

        private static bool IsNumber(string word)
        {
            foreach (var c in word)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return word.Length > 0;
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
