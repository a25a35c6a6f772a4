using System;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>
    /// The shared vocabulary of values that are not secrets (placeholders, documentation values, IDs, paths, URLs, format
    /// strings, sentences) and the test of a value that looks like one. Used by the format matchers for passwords and by the
    /// name-based rules for values assigned to credential-named targets.
    /// </summary>
    internal static class SecretValues
    {
        /// <summary>Words that make a whole value a placeholder wherever they appear in it.</summary>
        private static readonly string[] PlaceholderFragments =
        {
            "changeme", "change-me", "change_me", "change-this", "change_this", "changethis", "change-in-production",
            "replaceme", "replace-me", "replace_me", "replace-with", "replace_with", "placeholder", "redacted", "example",
            "your-", "your_", "yourkey", "yoursecret", "yourpassword", "yourtoken", "insert-", "insert_", "enter-your",
            "enter_your", "put-your", "put_your", "not-a-real", "not_a_real", "notarealsecret", "dummy", "<", "todo", "fixme",
            "secret-here", "key-here", "token-here", "password-here", "_here", "-here", "sample",
        };

        /// <summary>Whole values (case-insensitive) that are placeholders or documentation stand-ins.</summary>
        private static readonly string[] PlaceholderValues =
        {
            "password", "passw0rd", "pass", "secret", "token", "apikey", "api-key", "api_key", "key", "test", "testing", "fake",
            "none", "null", "nil", "undefined", "empty", "default", "tbd", "n/a", "na", "string", "value", "xxx", "foo", "bar",
            "foobar", "admin", "user", "username", "example", "sample", "mysecret", "my-secret", "mypassword", "my-password",
            "secret123", "password123", "supersecret", "super-secret", "true", "false", "unset", "required", "optional",
        };

        /// <summary>Words that make a value a placeholder when they stand as a separate word (my-test-key, fake_token).</summary>
        private static readonly string[] PlaceholderWords =
        {
            "test", "fake", "dummy", "sample", "example", "mock", "stub", "placeholder", "redacted", "your", "here", "changeme",
            "xxx", "foo", "bar",
        };

        /// <summary>
        /// Published keys of local emulators (Azurite, the Cosmos DB emulator): documented, identical on every machine, no secret.
        /// </summary>
        internal static readonly string[] WellKnownDevelopmentKeys =
        {
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
        };

        /// <summary>
        /// True for values that stand for a secret rather than being one: empty, <c>changeme</c>, <c>&lt;your-key&gt;</c>,
        /// <c>xxxx</c>, <c>${VAR}</c>, <c>%VAR%</c>, <c>{{ var }}</c>, <c>$(Var)</c>, <c>#{Var}#</c>, <c>your-…-here</c>,
        /// example/sample/dummy/fake/test/redacted values, AWS's <c>…EXAMPLE</c> keys, one repeated character, emulator keys.
        /// A placeholder used as a live key in code is still a hardcoded secret: that is the caller's (the sink's) decision.
        /// </summary>
        public static bool IsPlaceholder(string? value)
        {
            if (value is null)
            {
                return true;
            }

            var text = value.Trim().Trim('"', '\'', '`');
            if (text.Length == 0)
            {
                return true;
            }

            if (IsVariableReference(text) || IsOneRepeatedCharacter(text) || IsMaskLike(text))
            {
                return true;
            }

            foreach (var known in WellKnownDevelopmentKeys)
            {
                if (string.Equals(text, known, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var whole in PlaceholderValues)
            {
                if (string.Equals(text, whole, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (var fragment in PlaceholderFragments)
            {
                if (text.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            // Words: only where the value is made of separated words (my-test-key), not inside random text (aB3testXy).
            if (text.IndexOfAny(WordSeparators) >= 0)
            {
                foreach (var word in PlaceholderWords)
                {
                    if (ContainsSeparatedWord(text, word))
                    {
                        return true;
                    }
                }
            }

            // yourPassword, yourWeak(!)Password: a value that addresses the reader.
            if (text.Length > 4 && text.StartsWith("your", StringComparison.OrdinalIgnoreCase) && !char.IsLower(text[4]))
            {
                return true;
            }

            return TokenText.LooksFake(text, 0, text.Length);
        }

        /// <summary>
        /// An ASP.NET Core Identity password hash (version 3: "AQAAAA" then Base64): the hash of a known, seeded password is
        /// as good as the password to anyone who can guess it, and it is a fixed credential of every deployment.
        /// </summary>
        public static bool IsIdentityPasswordHash(string? value)
            => value is not null && value.Length >= 60 && value.StartsWith("AQAAAA", StringComparison.Ordinal)
                && TokenText.All(value, 0, value.TrimEnd('=').Length, TokenChars.Base64);

        private static readonly char[] WordSeparators = { '-', '_', ' ', '.', ':' };

        /// <summary>
        /// Text that tells a person what to put there ("&lt;insert here&gt;", "copy the client secret here", "${SECRET}"): not
        /// a credential even where one is expected. A weak value ("secret", "admin") is not an instruction: it works.
        /// </summary>
        public static bool IsInstruction(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            var text = value!.Trim();
            if (IsVariableReference(text))
            {
                return true;
            }

            foreach (var word in InstructionWords)
            {
                if (ContainsSeparatedWord(text, word))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] InstructionWords = { "here", "your", "insert", "paste", "copy" };

        /// <summary>${VAR}, $VAR, %VAR%, {{ var }}, $(Var), #{Var}#, {VAR}, @Var@, __VAR__ — a reference resolved at deploy time.</summary>
        public static bool IsVariableReference(string text)
        {
            if (text.Length < 2)
            {
                return false;
            }

            if (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("$(", StringComparison.Ordinal)
                || text.StartsWith("{{", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)
                || text.StartsWith("$env:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if ((text[0] == '%' && text[text.Length - 1] == '%') || (text[0] == '@' && text[text.Length - 1] == '@')
                || (text[0] == '{' && text[text.Length - 1] == '}') || (text[0] == '[' && text[text.Length - 1] == ']')
                || (text[0] == '<' && text[text.Length - 1] == '>'))
            {
                return true;
            }

            if (text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal) && text.Length > 4)
            {
                return true;
            }

            // $VAR / $Var: a shell or pipeline variable name, nothing else.
            if (text[0] == '$' && text.Length > 1 && (char.IsLetter(text[1]) || text[1] == '_'))
            {
                for (var i = 1; i < text.Length; i++)
                {
                    if (!char.IsLetterOrDigit(text[i]) && text[i] != '_')
                    {
                        return false;
                    }
                }

                return true;
            }

            return false;
        }

        private static bool IsOneRepeatedCharacter(string text)
        {
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] != text[0])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Only mask characters and separators: ****, xxxx-xxxx, ..., ####, 0000-0000.</summary>
        private static bool IsMaskLike(string text)
        {
            foreach (var c in text)
            {
                if (c != '*' && c != 'x' && c != 'X' && c != '.' && c != '-' && c != '_' && c != '#' && c != '•' && c != '…' && c != '0'
                    && c != ' ')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ContainsSeparatedWord(string text, string word)
        {
            var index = 0;
            while ((index = text.IndexOf(word, index, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = index + word.Length;
                var startsWord = index == 0 || !char.IsLetter(text[index - 1]);
                var endsWord = end == text.Length || !char.IsLetter(text[end]) || (char.IsUpper(text[end]) && char.IsLower(text[end - 1]));
                if (startsWord && endsWord)
                {
                    return true;
                }

                index = end;
            }

            return false;
        }

        /// <summary>Shannon entropy of the value's characters, in bits per character.</summary>
        public static double ShannonEntropy(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return 0;
            }

            // Sort-free count over the value: values are short, so a quadratic pass beats allocating a table.
            double entropy = 0;
            var length = value!.Length;
            for (var i = 0; i < length; i++)
            {
                var c = value[i];
                if (value.IndexOf(c) != i)
                {
                    continue;
                }

                var count = 0;
                for (var j = i; j < length; j++)
                {
                    if (value[j] == c)
                    {
                        count++;
                    }
                }

                var p = (double)count / length;
                entropy -= p * Math.Log(p, 2);
            }

            return entropy;
        }

        /// <summary>True when the value is exactly <paramref name="length"/> hexadecimal digits (a thumbprint, a hash, a key).</summary>
        public static bool IsHexOfLength(string? value, int length) =>
            value is not null && value.Length == length && TokenText.All(value, 0, length, TokenChars.Hex);

        /// <summary>True for a UUID/GUID (8-4-4-4-12 hex, optionally in braces or parentheses) or 32 hex digits in GUID "N" form.</summary>
        public static bool IsUuid(string? value)
        {
            if (value is null)
            {
                return false;
            }

            var text = value;
            if (text.Length == 38 && ((text[0] == '{' && text[37] == '}') || (text[0] == '(' && text[37] == ')')))
            {
                text = text.Substring(1, 36);
            }

            if (text.Length != 36)
            {
                return false;
            }

            for (var i = 0; i < 36; i++)
            {
                var dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? text[i] != '-' : !TokenText.IsHexDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A file system path: /etc/app/key.pem, ./certs/x.pfx, ~/x, C:\x, \\server\share, or name.ext with a known file extension.</summary>
        public static bool IsFilePath(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            var text = value!;
            if (text.IndexOf(' ') >= 0 && text.IndexOf('/') < 0 && text.IndexOf('\\') < 0)
            {
                return false;
            }

            if (text.StartsWith("/", StringComparison.Ordinal) && text.Length > 1 && text.IndexOf('/', 1) > 0
                || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("../", StringComparison.Ordinal)
                || text.StartsWith("~/", StringComparison.Ordinal) || text.StartsWith("\\\\", StringComparison.Ordinal)
                || text.StartsWith(".\\", StringComparison.Ordinal) || text.StartsWith("..\\", StringComparison.Ordinal)
                || (text.Length > 2 && char.IsLetter(text[0]) && text[1] == ':' && (text[2] == '\\' || text[2] == '/')))
            {
                return true;
            }

            var dot = text.LastIndexOf('.');
            if (dot > 0 && dot < text.Length - 1)
            {
                var extension = text.Substring(dot + 1);
                foreach (var known in FileExtensions)
                {
                    if (string.Equals(extension, known, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static readonly string[] FileExtensions =
        {
            "pem", "pfx", "p12", "crt", "cer", "key", "json", "xml", "config", "txt", "yml", "yaml", "env", "db", "sqlite", "cs",
            "dll", "exe", "jks", "keystore", "pub", "der", "snk", "log", "ini", "toml",
        };

        /// <summary>An absolute URL that carries no credentials (no user:password@, no key-like query parameter value).</summary>
        public static bool IsUrlWithoutCredentials(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            var text = value!;
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return false;
            }

            for (var i = 0; i < scheme; i++)
            {
                if (!char.IsLetterOrDigit(text[i]) && text[i] != '+' && text[i] != '-' && text[i] != '.')
                {
                    return false;
                }
            }

            var authorityEnd = text.IndexOfAny(AuthorityEnds, scheme + 3);
            var at = text.IndexOf('@', scheme + 3);
            if (at >= 0 && (authorityEnd < 0 || at < authorityEnd))
            {
                return false;
            }

            var query = text.IndexOf('?', scheme + 3);
            if (query < 0)
            {
                return true;
            }

            foreach (var parameter in CredentialParameters)
            {
                var index = text.IndexOf(parameter, query, StringComparison.OrdinalIgnoreCase);
                if (index > 0 && (text[index - 1] == '?' || text[index - 1] == '&'))
                {
                    return false;
                }
            }

            return true;
        }

        private static readonly string[] CredentialParameters =
        {
            "sig=", "key=", "apikey=", "api_key=", "token=", "access_token=", "password=", "pwd=", "secret=", "client_secret=", "code=",
        };

        private static readonly char[] AuthorityEnds = { '/', '?', '#' };

        /// <summary>A composite format string or template with holes: "{0}", "{name}", "{0:N2}", "%s", "%d".</summary>
        public static bool IsFormatString(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            var text = value!;
            var open = text.IndexOf('{');
            while (open >= 0 && open < text.Length - 2)
            {
                var close = text.IndexOf('}', open + 1);
                if (close < 0)
                {
                    break;
                }

                if (close > open + 1 && (char.IsLetterOrDigit(text[open + 1]) || text[open + 1] == '_'))
                {
                    var hole = true;
                    for (var i = open + 1; i < close; i++)
                    {
                        var c = text[i];
                        if (!char.IsLetterOrDigit(c) && c != '_' && c != ':' && c != ',' && c != '.' && c != '-' && c != '#')
                        {
                            hole = false;
                            break;
                        }
                    }

                    if (hole)
                    {
                        return true;
                    }
                }

                open = text.IndexOf('{', close);
            }

            return text.IndexOf("%s", StringComparison.Ordinal) >= 0 || text.IndexOf("%d", StringComparison.Ordinal) >= 0;
        }

        /// <summary>Words separated by spaces, as a person writes them: a label, a message, a sentence.</summary>
        public static bool IsSentence(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            var text = value!.Trim();
            var spaces = 0;
            var letters = 0;
            foreach (var c in text)
            {
                if (c == ' ')
                {
                    spaces++;
                }
                else if (char.IsLetter(c))
                {
                    letters++;
                }
            }

            return spaces >= 2 && letters >= (text.Length - spaces) * 0.8
                || spaces >= 1 && letters == text.Length - spaces && text.Length > 3;
        }

        /// <summary>A name rather than a value: dotted, colon or kebab path of plain words ("Jwt:Key", "MyApp.Settings", "orders-api").</summary>
        public static bool IsIdentifierPath(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            var text = value!;
            var segments = 1;
            var previousSeparator = true;
            foreach (var c in text)
            {
                if (c == '.' || c == ':' || c == '-' || c == '_' || c == '/')
                {
                    if (previousSeparator)
                    {
                        return false;
                    }

                    segments++;
                    previousSeparator = true;
                    continue;
                }

                if (!char.IsLetter(c))
                {
                    return false;
                }

                previousSeparator = false;
            }

            return segments >= 2 && !previousSeparator;
        }

        /// <summary>
        /// A name rather than a value: a sequence of words in Pascal, camel, snake, kebab, dotted or path form
        /// ("PasswordResetToken", "X-Api-Key", "version_pad1", "orders.read", ".Release.Group-Name"). Every letter run reads as
        /// a word, at least two of them, and most letters are in words of three or more letters with a vowel ("Api", "Reset";
        /// short acronyms such as Jwt, Db or X may fill the rest): random text of the same alphabet almost never splits so.
        /// </summary>
        public static bool IsIdentifierLike(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            var text = value!;
            var words = 0;
            var digits = 0;
            var letters = 0;
            var wordLetters = 0;
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : '.';
                var boundary = i > 0 && i < text.Length && start >= 0
                    && (char.IsUpper(c) && char.IsLower(text[i - 1])
                        || char.IsUpper(c) && char.IsUpper(text[i - 1]) && i + 1 < text.Length && char.IsLower(text[i + 1]));
                if (!IsAsciiLetter(c) || boundary)
                {
                    if (start >= 0)
                    {
                        letters += i - start;
                        if (IsWord(text, start, i - start))
                        {
                            wordLetters += i - start;
                        }

                        words++;
                        start = -1;
                    }

                    if (i == text.Length)
                    {
                        break;
                    }

                    if (boundary)
                    {
                        start = i;
                        continue;
                    }

                    if (c >= '0' && c <= '9')
                    {
                        digits++;
                    }
                    else if (c != '.' && c != ':' && c != '-' && c != '_' && c != '/')
                    {
                        return false;
                    }

                    continue;
                }

                if (start < 0)
                {
                    start = i;
                }
            }

            // More than six words is a passphrase ("ThisIsTheKeyOfTheOrdersServiceSigner"), not a name.
            return words >= 2 && words <= 6 && wordLetters * 10 >= letters * 6 && digits <= 4 && digits * 4 <= text.Length;
        }

        private static bool IsAsciiLetter(char c) => c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';

        /// <summary>A letter run that reads as a word: three letters or more, one of them a vowel (y counts).</summary>
        private static bool IsWord(string text, int start, int length)
        {
            if (length < 3)
            {
                return false;
            }

            for (var i = start; i < start + length; i++)
            {
                switch (char.ToLowerInvariant(text[i]))
                {
                    case 'a':
                    case 'e':
                    case 'i':
                    case 'o':
                    case 'u':
                    case 'y':
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Options written as name=value pairs: an ffmpeg filter ("scale=1280:-2:force_original_aspect_ratio=decrease"),
        /// a query of flags ("mode=fast,level=3"). Every name is a word of letters and underscores.
        /// </summary>
        public static bool IsOptionList(string? value)
        {
            if (string.IsNullOrEmpty(value) || value!.IndexOf('=') <= 0)
            {
                return false;
            }

            var text = value!;
            var nameStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '=')
                {
                    if (i - nameStart < 3 || !IsOptionName(text, nameStart, i))
                    {
                        return false;
                    }
                }
                else if (c == ':' || c == ',' || c == '&')
                {
                    nameStart = i + 1;
                }
                else if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsOptionName(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (!(IsAsciiLetter(text[i]) || text[i] == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True for a value shaped like a machine-made secret rather than a word someone typed: long and high-entropy, or
        /// mixing at least three character classes. What an argument to an ordinary method's <c>token</c>/<c>key</c>
        /// parameter must be before it counts.
        /// </summary>
        public static bool IsSecretShaped(string? value)
        {
            if (!LooksLikeSecret(value) || IsIdentifierLike(value))
            {
                return false;
            }

            var text = value!.Trim();
            bool lower = false, upper = false, digit = false, other = false;
            foreach (var c in text)
            {
                lower |= c >= 'a' && c <= 'z';
                upper |= c >= 'A' && c <= 'Z';
                digit |= c >= '0' && c <= '9';
                other |= !char.IsLetterOrDigit(c);
            }

            var classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
            var entropy = ShannonEntropy(text);
            return text.Length >= 16 && entropy >= 3.5 || text.Length >= 10 && classes >= 3 && entropy >= 3.0;
        }

        /// <summary>
        /// True when a value could be a real secret: long enough, several character classes or high entropy, and none of the
        /// non-secrets (placeholders, UUIDs such as UserSecretsId, file paths, URLs without credentials, format strings,
        /// sentences, dotted names). Certificate thumbprints (40 hex) are the caller's call, with the target's name
        /// (<see cref="IsHexOfLength"/>).
        /// </summary>
        public static bool LooksLikeSecret(string? value)
        {
            if (value is null)
            {
                return false;
            }

            var text = value.Trim();
            if (text.Length < 8 || text.Length > 4096)
            {
                return false;
            }

            if (IsPlaceholder(text) || IsUuid(text) || IsFilePath(text) || IsUrlWithoutCredentials(text) || IsFormatString(text)
                || IsSentence(text) || IsIdentifierPath(text))
            {
                return false;
            }

            // Whole numbers and dates are settings, not secrets (ports, timeouts, 2024-01-01).
            var lower = 0;
            var upper = 0;
            var digit = 0;
            var other = 0;
            foreach (var c in text)
            {
                if (c >= 'a' && c <= 'z')
                {
                    lower = 1;
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    upper = 1;
                }
                else if (c >= '0' && c <= '9')
                {
                    digit = 1;
                }
                else if (c == ' ')
                {
                    return false;
                }
                else
                {
                    other = 1;
                }
            }

            var classes = lower + upper + digit + other;
            if (lower + upper == 0)
            {
                return false;
            }

            var entropy = ShannonEntropy(text);
            if (text.Length >= 20)
            {
                return classes >= 2 ? entropy >= 3.0 : entropy >= 3.5;
            }

            return classes >= 2 && entropy >= 2.5;
        }
    }
}
