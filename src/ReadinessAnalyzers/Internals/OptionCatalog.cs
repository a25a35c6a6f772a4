using System;
using System.Collections.Immutable;
using System.Globalization;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Every .editorconfig / .globalconfig option the analyzers read, one place: the rules read their options through
    /// <see cref="RuleOptions"/> with these entries, RDY0001 validates the values a compilation sees against them, and
    /// docs/configuration.md and each rule page's Options section are checked against them by the tests.
    /// A malformed value is never thrown: <see cref="RuleOptions"/> treats it as unset, so the rule uses the default,
    /// and RDY0001 reports it once.
    /// </summary>
    internal static class OptionCatalog
    {
        /// <summary>Highest <see cref="EntropyThreshold"/>: printable text cannot carry much more than 6.5 bits per character.</summary>
        public const double MaxEntropyThreshold = 6;

        public static readonly ReadinessOption ExtraCredentialWords = new ReadinessOption(
            "extra_credential_words",
            OptionKind.Words,
            new[] { RuleIds.HardcodedCredential, RuleIds.SecretInConfigurationFile },
            defaultText: "none",
            expected: "comma-separated words of letters only (kennwort, motdepasse)",
            meaning: "more words that make a name a credential; names are split into words at case changes, digits and punctuation",
            example: "kennwort, motdepasse",
            validate: ValidateWords);

        public static readonly ReadinessOption ExcludedNames = new ReadinessOption(
            "excluded_names",
            OptionKind.Names,
            new[] { RuleIds.HardcodedCredential, RuleIds.SecretInConfigurationFile },
            defaultText: "none",
            expected: "comma-separated whole names without spaces (SecretSantaName, Jwt:KeyId)",
            meaning: "whole names (identifiers, configuration keys) that are never credentials, compared case-insensitively",
            example: "SecretSantaName, Jwt:KeyId",
            validate: ValidateNames);

        public static readonly ReadinessOption ExtraPlaceholderPatterns = new ReadinessOption(
            "extra_placeholder_patterns",
            OptionKind.ValuePatterns,
            new[] { RuleIds.HardcodedCredential, RuleIds.ConnectionStringWithPassword, RuleIds.KnownSecretFormatInCode, RuleIds.SecretInConfigurationFile },
            defaultText: "none",
            expected: "comma-separated wildcard patterns that do not match every value (*-replace-at-deploy, dev-*)",
            meaning: "values matching one of these patterns (`*` any run of characters, `?` one) are placeholders, not secrets",
            example: "*-replace-at-deploy, dev-*",
            validate: ValidateValuePatterns);

        public static readonly ReadinessOption TestPathGlobs = new ReadinessOption(
            "test_path_globs",
            OptionKind.PathGlobs,
            new[] { RuleIds.HardcodedCredential, RuleIds.KnownSecretFormatInCode, RuleIds.SecretInConfigurationFile },
            defaultText: string.Join(", ", global::ReadinessAnalyzers.Secrets.SecretOptions.DefaultTestPathGlobs),
            expected: "comma-separated path globs (* within a folder, ** across folders) that do not match every file (**/fixtures/**)",
            meaning: "files under these folders are test assets: their secrets are reported as RDY1006 (Info) instead; an empty value means no test folders",
            example: "**/tests/**, **/fixtures/**",
            validate: ValidatePathGlobs,
            alsoAffects: new[] { RuleIds.SecretInTestFile });

        public static readonly ReadinessOption EntropyThreshold = new ReadinessOption(
            "entropy_threshold",
            OptionKind.Number,
            new[] { RuleIds.HardcodedCredential, RuleIds.SecretInConfigurationFile },
            defaultText: "none (0)",
            expected: "a number from 0 to 6 with a '.' decimal point (3.5)",
            meaning: "minimum Shannon entropy (bits per character) a credential-named value needs, on top of the built-in test; 0 turns it off",
            example: "3.5",
            validate: ValidateEntropy);

        public static readonly ReadinessOption DevelopmentGuardMethods = new ReadinessOption(
            "development_guard_methods",
            OptionKind.MethodNames,
            new[]
            {
                RuleIds.AnyOriginAllowed, RuleIds.CredentialsWithAnyOrigin, RuleIds.WildcardCorsHeader, RuleIds.RequestOriginReflected,
                RuleIds.CookieWithoutSecure, RuleIds.CookieWithoutHttpOnly, RuleIds.SameSiteNoneWithoutSecure,
                RuleIds.CookieAppendedWithDefaultOptions, RuleIds.HandWrittenSetCookieHeader,
                RuleIds.DebugMinimumLogLevel, RuleIds.SensitiveDataLogging, RuleIds.HttpLoggingOfCredentials, RuleIds.CredentialWrittenToLog,
                RuleIds.DistributedMemoryCache, RuleIds.ProcessLocalSessionStore, RuleIds.EphemeralDataProtection, RuleIds.InMemoryDatabase,
                RuleIds.InMemoryTokenCache, RuleIds.DataProtectionKeysNotPersisted, RuleIds.SingletonSessionStore,
                RuleIds.CertificateValidationDisabled, RuleIds.RequireHttpsMetadataDisabled, RuleIds.PlainHttpEndpoint,
                RuleIds.NoHttpsRedirection, RuleIds.NoHsts,
                RuleIds.TokenValidationDisabled, RuleIds.AlwaysTrueTokenValidator, RuleIds.AntiforgeryDisabledGlobally,
                RuleIds.DeveloperErrorPage, RuleIds.DetailedErrors, RuleIds.ExceptionDetailsInResponse, RuleIds.NoExceptionHandler,
                RuleIds.NoHealthChecks, RuleIds.NoRateLimiter, RuleIds.NoForwardedHeaders, RuleIds.NoSecurityHeaders,
                RuleIds.WeakSecurityHeader, RuleIds.VersionDisclosingHeader, RuleIds.RequestSizeLimitDisabled,
            },
            defaultText: "none",
            expected: "comma-separated method names, bare or as Type.Method (IsLocal, HostingExtensions.IsDevOrTest)",
            meaning: "methods that, like IsDevelopment(), return true only in Development: code they guard is Development-only and not reported",
            example: "IsLocal, HostingExtensions.IsDevOrTest",
            validate: ValidateMethodNames,
            globalOnly: true);

        public static readonly ReadinessOption Environment = new ReadinessOption(
            "environment",
            OptionKind.EnvironmentName,
            new[] { RuleIds.DebugLogLevelInConfiguration, RuleIds.DevelopmentSettingInConfiguration, RuleIds.AnyHostAllowed },
            defaultText: Configuration.EffectiveConfiguration.DefaultEnvironment,
            expected: "one environment name of letters, digits, '.', '-' or '_' (Staging)",
            meaning: "the environment whose effective configuration (appsettings.json overlaid by appsettings.{environment}.json) is judged",
            example: "Staging",
            validate: ValidateEnvironment);

        public static readonly ReadinessOption ScriptReadableCookies = new ReadinessOption(
            "script_readable_cookies",
            OptionKind.CookieNames,
            new[] { RuleIds.CookieWithoutHttpOnly, RuleIds.HandWrittenSetCookieHeader },
            defaultText: "none (XSRF-TOKEN, CSRF-TOKEN, csrftoken and their variants are built in)",
            expected: "comma-separated cookie names (MY-XSRF-TOKEN)",
            meaning: "more cookies that scripts must read (an SPA's anti-forgery token): they may drop HttpOnly as long as they stay Secure; case-insensitive",
            example: "MY-XSRF-TOKEN",
            validate: ValidateCookieNames);

        public static readonly ReadinessOption NonRootBaseImages = new ReadinessOption(
            "nonroot_base_images",
            OptionKind.ImagePatterns,
            new[] { RuleIds.ContainerRunsAsRoot },
            defaultText: "none (chiseled, distroless, nonroot and cgr.dev images, Elasticsearch and SQL Server 2019+ images are built in)",
            expected: "comma-separated image references, * and ? allowed, that do not match every image (registry.example.com/base/*)",
            meaning: "base images that already run as a non-root user, so a final stage without USER over them is fine",
            example: "registry.example.com/base/*",
            validate: ValidateImagePatterns);

        public static readonly ReadinessOption DevelopmentSettings = new ReadinessOption(
            "development_settings",
            OptionKind.ConfigurationPaths,
            new[] { RuleIds.DevelopmentSettingInConfiguration },
            defaultText: "none",
            expected: "comma-separated configuration paths, * allowed (Features:UseDeveloperExceptionPage, Swagger:*)",
            meaning: "the app's own Development-only switches: reported when true in the judged environment's configuration",
            example: "Features:UseDeveloperExceptionPage, Swagger:*",
            validate: ValidateConfigurationPaths);

        public static readonly ReadinessOption AllowedOriginPatterns = new ReadinessOption(
            "allowed_origin_patterns",
            OptionKind.OriginPatterns,
            new[] { RuleIds.AnyOriginAllowed, RuleIds.CredentialsWithAnyOrigin },
            defaultText: "none: wildcard subdomains are not reported",
            expected: "comma-separated origins scheme://host[:port], scheme http or https, no path; the host may begin with one '*.' label (https://*.example.com)",
            meaning: "the origins the team trusts; when set, a wildcard subdomain origin (SetIsOriginAllowedToAllowWildcardSubdomains) is reported unless a pattern allows every origin it admits",
            example: "https://app.example.com, https://*.example.com",
            validate: ValidateOriginPatterns);

        /// <summary>Every option, in the order of docs/configuration.md.</summary>
        public static readonly ImmutableArray<ReadinessOption> All = ImmutableArray.Create(
            ExtraCredentialWords,
            ExcludedNames,
            ExtraPlaceholderPatterns,
            TestPathGlobs,
            EntropyThreshold,
            DevelopmentGuardMethods,
            Environment,
            ScriptReadableCookies,
            NonRootBaseImages,
            DevelopmentSettings,
            AllowedOriginPatterns);

        private static readonly ImmutableDictionary<string, ReadinessOption> ByName = CreateIndex();

        /// <summary>The option named <paramref name="name"/> (case-insensitive, as .editorconfig keys are), or null.</summary>
        public static ReadinessOption? Find(string name) => ByName.TryGetValue(name, out var option) ? option : null;

        private static ImmutableDictionary<string, ReadinessOption> CreateIndex()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, ReadinessOption>(StringComparer.OrdinalIgnoreCase);
            foreach (var option in All)
            {
                builder.Add(option.Name, option);
            }

            return builder.ToImmutable();
        }

        // Validators: null when the (trimmed, non-empty) value is valid, else what is wrong, naming the offending entry.

        private static string? ValidateWords(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                foreach (var c in entry)
                {
                    if (!char.IsLetter(c))
                    {
                        return "'" + entry + "' is not a single word: names are split into words at case changes, digits and punctuation, so it could never match";
                    }
                }
            }

            return null;
        }

        private static string? ValidateNames(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                if (IndexOfWhiteSpaceOrControl(entry) >= 0)
                {
                    return "'" + entry + "' contains a space: a name never does";
                }
            }

            return null;
        }

        private static string? ValidateValuePatterns(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                if (OnlyWildcards(entry, "*?"))
                {
                    return "'" + entry + "' matches every value, so nothing would be reported (turn the rule off with dotnet_diagnostic.<rule>.severity = none instead)";
                }
            }

            return null;
        }

        private static string? ValidatePathGlobs(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                if (entry.IndexOfAny(new[] { '[', ']', '{', '}' }) >= 0)
                {
                    return "'" + entry + "' uses [...] or {...}, which these globs do not support (only *, ** and ?)";
                }

                if (OnlyWildcards(entry, "*/\\"))
                {
                    return "'" + entry + "' matches every file, so every secret would be reported as a test secret";
                }
            }

            return null;
        }

        private static string? ValidateEntropy(string value)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || double.IsInfinity(number))
            {
                return "'" + value + "' is not a number";
            }

            return number < 0 || number > MaxEntropyThreshold
                ? value + " is outside 0 to 6 bits per character"
                : null;
        }

        private static string? ValidateMethodNames(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                if (!IsDottedName(entry))
                {
                    return "'" + entry + "' is not a method name (IsLocal) or a Type.Method name";
                }
            }

            return null;
        }

        private static string? ValidateEnvironment(string value)
        {
            if (Quoted(value) is string quoted)
            {
                return quoted;
            }

            foreach (var c in value)
            {
                if (!(IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_'))
                {
                    return "'" + value + "' is not one environment name";
                }
            }

            return null;
        }

        private static string? ValidateCookieNames(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                foreach (var c in entry)
                {
                    // RFC 6265 cookie-name: a token, so no spaces, controls or separators.
                    if (c <= ' ' || c >= 0x7F || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0)
                    {
                        return "'" + entry + "' is not a cookie name: '" + c + "' cannot appear in one";
                    }
                }
            }

            return null;
        }

        private static string? ValidateImagePatterns(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                foreach (var c in entry)
                {
                    if (!(IsAsciiLetterOrDigit(c) || "._-/:@*?".IndexOf(c) >= 0))
                    {
                        return "'" + entry + "' is not an image reference: '" + c + "' cannot appear in one";
                    }
                }

                if (OnlyWildcards(entry, "*?"))
                {
                    return "'" + entry + "' matches every image, so nothing would be reported (turn the rule off with dotnet_diagnostic.RDY9020.severity = none instead)";
                }
            }

            return null;
        }

        private static string? ValidateConfigurationPaths(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                foreach (var segment in entry.Split(':'))
                {
                    if (segment.Trim().Length == 0)
                    {
                        return "'" + entry + "' has an empty section name: write Section:Key";
                    }
                }
            }

            return null;
        }

        private static string? ValidateOriginPatterns(string value)
        {
            foreach (var entry in ReadinessOption.Entries(value))
            {
                if (Quoted(entry) is string quoted)
                {
                    return quoted;
                }

                // OriginProblem says what is wrong; OriginPatterns.TryParse, which the Cors rules match with, has the last word.
                if (OriginProblem(entry) is string problem)
                {
                    return "'" + entry + "' " + problem;
                }

                if (!global::ReadinessAnalyzers.Cors.OriginPatterns.TryParse(entry, out _))
                {
                    return "'" + entry + "' is not an origin the Cors rules can match: scheme://host[:port] with a DNS name, localhost or IPv4 address";
                }
            }

            return null;
        }

        /// <summary>
        /// Null when <paramref name="text"/> is <c>scheme://host[:port]</c> with scheme http or https, a host of DNS labels
        /// (the first may be <c>*</c>, then two labels at least follow) or a bracketed IPv6 address, and no path, query or
        /// fragment; else what is wrong.
        /// </summary>
        internal static string? OriginProblem(string text)
        {
            const string Separator = "://";
            var schemeEnd = text.IndexOf(Separator, StringComparison.Ordinal);
            if (schemeEnd < 0)
            {
                return text == "*" ? "allows every origin" : "is not scheme://host[:port]";
            }

            var scheme = text.Substring(0, schemeEnd);
            if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                return "has scheme '" + scheme + "': an origin pattern is http or https";
            }

            var authority = text.Substring(schemeEnd + Separator.Length);
            if (authority.IndexOfAny(new[] { '/', '?', '#' }) >= 0)
            {
                return "has a path, query or fragment: an origin is only scheme://host[:port]";
            }

            string host;
            string? port = null;
            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                if (close < 0)
                {
                    return "has an unclosed IPv6 address";
                }

                host = authority.Substring(0, close + 1);
                var rest = authority.Substring(close + 1);
                if (rest.Length > 0)
                {
                    if (rest[0] != ':')
                    {
                        return "is not scheme://host[:port]";
                    }

                    port = rest.Substring(1);
                }

                if (host.Length == 2)
                {
                    return "has an empty IPv6 address";
                }

                foreach (var c in host.Substring(1, host.Length - 2))
                {
                    if (!(Uri.IsHexDigit(c) || c == ':' || c == '.'))
                    {
                        return "has an invalid IPv6 address";
                    }
                }
            }
            else
            {
                var colon = authority.LastIndexOf(':');
                host = colon < 0 ? authority : authority.Substring(0, colon);
                port = colon < 0 ? null : authority.Substring(colon + 1);
                if (HostProblem(host) is string hostProblem)
                {
                    return hostProblem;
                }
            }

            if (port != null && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= 65535))
            {
                return "has port '" + port + "': a port is a number from 1 to 65535";
            }

            return null;
        }

        private static string? HostProblem(string host)
        {
            if (host.Length == 0)
            {
                return "has no host";
            }

            var labels = host.Split('.');
            var wildcard = labels[0] == "*";
            if (wildcard && labels.Length < 3)
            {
                return "puts '*.' over a top-level domain: a wildcard must sit under a domain (https://*.example.com)";
            }

            for (var i = wildcard ? 1 : 0; i < labels.Length; i++)
            {
                var label = labels[i];
                if (label.IndexOf('*') >= 0)
                {
                    return "has a '*' that is not one leading '*.' label";
                }

                if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
                {
                    return "has an invalid host name";
                }

                foreach (var c in label)
                {
                    if (!(IsAsciiLetterOrDigit(c) || c == '-'))
                    {
                        return "has an invalid host name";
                    }
                }
            }

            return null;
        }

        private static string? Quoted(string entry)
            => entry.Length > 0 && (entry[0] == '"' || entry[0] == '\'' || entry[entry.Length - 1] == '"' || entry[entry.Length - 1] == '\'')
                ? entry + " is quoted: .editorconfig values are written without quotes"
                : null;

        private static bool OnlyWildcards(string entry, string characters)
        {
            var hasStar = false;
            foreach (var c in entry)
            {
                if (characters.IndexOf(c) < 0)
                {
                    return false;
                }

                hasStar |= c == '*';
            }

            return hasStar;
        }

        private static bool IsDottedName(string entry)
        {
            foreach (var part in entry.Split('.'))
            {
                if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
                {
                    return false;
                }

                foreach (var c in part)
                {
                    if (!(char.IsLetterOrDigit(c) || c == '_'))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static int IndexOfWhiteSpaceOrControl(string entry)
        {
            for (var i = 0; i < entry.Length; i++)
            {
                if (char.IsWhiteSpace(entry[i]) || char.IsControl(entry[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
