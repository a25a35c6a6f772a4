using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>The configuration key a hardcoded secret belongs under, for the fix; no key means no fix.</summary>
    internal readonly struct ConfigurationKeyHint
    {
        public ConfigurationKeyHint(string? key, bool isFallback)
        {
            Key = key;
            IsFallback = isFallback;
        }

        /// <summary>The configuration path (<c>Jwt:SigningKey</c>); null when no configuration read can replace the value there.</summary>
        public string? Key { get; }

        /// <summary>True when the value is the hardcoded fallback of a read of <see cref="Key"/>.</summary>
        public bool IsFallback { get; }
    }

    /// <summary>
    /// Names the configuration key a hardcoded secret should be read from, from what the analyzer knows: the target it is
    /// assigned to (<c>jwtSecret</c> → <c>Jwt:Secret</c>, <c>SmtpOptions.Password</c> → <c>Smtp:Password</c>), the key
    /// sink (<c>SymmetricSecurityKey</c> → <c>Jwt:SigningKey</c>), the provider of a token format
    /// (<c>GitHub:Token</c>) or the database of a connection string (<c>ConnectionStrings:Orders</c>). Also decides
    /// where a read cannot replace the value: constants, parameter defaults, configuration and dictionary writes,
    /// one branch of a conditional, part of a concatenation.
    /// </summary>
    internal static class ConfigurationKeys
    {
        private const string ConfigurationInterface = "IConfiguration";
        private const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";
        private const string ConnectionStringsSection = "ConnectionStrings";

        /// <summary>Words that make the following word part of the key: ApiKey, ClientSecret, SigningKey (not Jwt:Key's section).</summary>
        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "api", "client", "signing", "signature", "access", "refresh", "secret", "private", "encryption", "auth", "bearer",
            "app", "master", "shared", "account", "admin", "bot", "webhook", "session", "consumer", "subscription", "primary",
            "secondary", "storage", "hmac", "personal", "sas",
        };

        /// <summary>Words that name the secret itself, where a key starts: dbPassword, ApiKey, githubToken.</summary>
        private static readonly HashSet<string> CredentialWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "password", "passwd", "pwd", "passphrase", "passcode", "pass", "secret", "secrets", "token", "tokens", "credential",
            "credentials", "key", "keys", "apikey", "privatekey", "secretkey", "accesskey", "signingkey", "encryptionkey", "masterkey",
            "clientsecret", "pat", "pin", "sas",
        };

        /// <summary>Type-name endings that say "the settings of": SmtpOptions, PaymentSettings, OrdersController, StripeClient.</summary>
        private static readonly string[] TypeSuffixes = { "ConnectionStringBuilder", "Configuration", "Controller", "Settings", "Options", "Service", "Client", "Config" };

        /// <summary>Words of a connection string's variable or parameter name that do not name the database.</summary>
        private static readonly HashSet<string> ConnectionWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "connection", "connections", "string", "strings", "conn", "str", "cs", "connstr", "url", "uri", "dsn", "configuration",
            "config", "value", "text", "s", "options", "settings",
        };

        /// <summary>The key for a value stored under a credential name (RDY1001).</summary>
        public static ConfigurationKeyHint ForCredential(IOperation hardcoded, ISymbol? container)
        {
            var target = TargetOf(hardcoded);
            if (target.FallbackKey != null || target.Symbol is null || !target.CanRead)
            {
                return target.Hint;
            }

            SplitName(target.Symbol.Name, out var section, out var key);
            return new ConfigurationKeyHint(Path(section ?? SectionOf(target.Symbol, container), key), false);
        }

        /// <summary>
        /// The key for hardcoded key material reaching a sink (RDY1002): named after the variable or constant it went
        /// through when that name is a key's, else after the sink.
        /// </summary>
        public static ConfigurationKeyHint ForKeyMaterial(IOperation source, string? viaName, string sinkSection, string sinkKey)
        {
            var target = TargetOf(source);
            if (target.FallbackKey != null || !target.CanRead)
            {
                return target.Hint;
            }

            var name = viaName ?? target.Symbol?.Name;
            if (name != null && IsKeyLikeName(name))
            {
                SplitName(name, out var section, out var key);
                return new ConfigurationKeyHint(Path(section ?? sinkSection, key), false);
            }

            return new ConfigurationKeyHint(Path(sinkSection, sinkKey), false);
        }

        /// <summary>The key for a connection string with a password (RDY1003): always under ConnectionStrings.</summary>
        public static ConfigurationKeyHint ForConnectionString(IOperation literal, string connectionString, SecretFormat format)
        {
            var target = TargetOf(literal);
            if (target.FallbackKey != null || !target.CanRead)
            {
                return target.Hint;
            }

            var name = ConnectionName(target.Symbol) ?? DatabaseName(connectionString) ?? ProviderConnectionName(format, connectionString) ?? "Default";
            return new ConfigurationKeyHint(ConnectionStringsSection + ":" + name, false);
        }

        /// <summary>The key for a provider-format secret (RDY1004): the provider's section, the target's or the format's key.</summary>
        public static ConfigurationKeyHint ForKnownFormat(IOperation literal, SecretFormat format)
        {
            var target = TargetOf(literal);
            if (target.FallbackKey != null || !target.CanRead)
            {
                return target.Hint;
            }

            string? key = null;
            var name = target.Symbol?.Name;
            if (name != null && CredentialNames.Default.IsCredentialName(name))
            {
                SplitName(name, out _, out key);
            }

            return new ConfigurationKeyHint(Path(ProviderSection(format.Provider), key ?? FormatKey(format.Name)), false);
        }

        /// <summary>
        /// The configuration path a read asks for: <c>config["Jwt:Key"]</c>, <c>config.GetValue&lt;string&gt;("Jwt:Key")</c>,
        /// <c>config.GetConnectionString("Orders")</c>. Null for anything else, and for reads of a section (relative paths).
        /// </summary>
        public static string? ConfigurationRead(IOperation? operation)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer when indexer.Arguments.Length == 1:
                    return IsConfiguration(indexer.Instance?.Type) ? ValidPath(Invocations.ConstantString(indexer.Arguments[0].Value)) : null;

                case IInvocationOperation invocation when invocation.Arguments.Length >= 1:
                {
                    var method = invocation.TargetMethod;
                    var receiver = invocation.Instance ?? invocation.Arguments[0].Value;
                    if (!IsConfiguration(Unwrap(receiver)?.Type))
                    {
                        return null;
                    }

                    var keyArgument = invocation.Arguments[invocation.Instance is null && invocation.Arguments.Length >= 2 ? 1 : 0].Value;
                    var key = ValidPath(Invocations.ConstantString(keyArgument));
                    if (key is null)
                    {
                        return null;
                    }

                    if (method.Name == "GetConnectionString")
                    {
                        return key.IndexOf(':') < 0 ? ConnectionStringsSection + ":" + key : null;
                    }

                    return method.Name == "GetValue" && method.TypeArguments.Length == 1 && method.TypeArguments[0].SpecialType == SpecialType.System_String
                        ? key
                        : null;
                }

                default:
                    return null;
            }
        }

        /// <summary>Where a hardcoded value goes, and whether a configuration read may stand in its place there.</summary>
        private static ValueTarget TargetOf(IOperation hardcoded)
        {
            var operation = hardcoded;
            while (operation.Parent is IConversionOperation || operation.Parent is IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            switch (operation.Parent)
            {
                case ICoalesceOperation coalesce when coalesce.WhenNull == operation:
                {
                    // config["Jwt:Key"] ?? "…": the read is there already, only the fallback goes.
                    var key = ConfigurationRead(coalesce.Value);
                    return key != null ? ValueTarget.Fallback(key) : TargetOf(coalesce);
                }

                case IVariableInitializerOperation initializer:
                    return initializer.Parent is IVariableDeclaratorOperation declarator && !declarator.Symbol.IsConst
                        ? ValueTarget.Named(declarator.Symbol)
                        : ValueTarget.None;

                case IFieldInitializerOperation fieldInitializer:
                    return fieldInitializer.InitializedFields.Length == 1 && !fieldInitializer.InitializedFields[0].IsConst
                        ? ValueTarget.Named(fieldInitializer.InitializedFields[0])
                        : ValueTarget.None;

                case IPropertyInitializerOperation propertyInitializer:
                    return propertyInitializer.InitializedProperties.Length == 1
                        ? ValueTarget.Named(propertyInitializer.InitializedProperties[0])
                        : ValueTarget.None;

                case ISimpleAssignmentOperation assignment when assignment.Value == operation:
                    switch (assignment.Target)
                    {
                        case IPropertyReferenceOperation property when !property.Property.IsIndexer:
                            return ValueTarget.Named(property.Property);
                        case IFieldReferenceOperation field:
                            return ValueTarget.Named(field.Field);
                        case ILocalReferenceOperation local:
                            return ValueTarget.Named(local.Local);
                        case IParameterReferenceOperation parameter:
                            return ValueTarget.Named(parameter.Parameter);
                        default:
                            // config["Jwt:Key"] = …, settings["Smtp:Password"] = …: the value is written to configuration.
                            return ValueTarget.None;
                    }

                case IArgumentOperation argument:
                    return argument.Parameter is null || IsPairWrite(argument.Parent) ? ValueTarget.None : ValueTarget.Named(argument.Parameter);

                case IParameterInitializerOperation _:
                case IConditionalOperation _:
                case IBinaryOperation _:
                case IInterpolationOperation _:
                case ICaseClauseOperation _:
                case IPatternOperation _:
                    return ValueTarget.None;

                default:
                    return ValueTarget.Unnamed;
            }
        }

        /// <summary>dictionary.Add("Jwt:Key", …), KeyValuePair.Create(…), new KeyValuePair(…), SetEnvironmentVariable(…): a configuration write.</summary>
        private static bool IsPairWrite(IOperation? call)
        {
            switch (call)
            {
                case IInvocationOperation invocation:
                {
                    var name = invocation.TargetMethod.Name;
                    return name == "Add" || name == "TryAdd" || name == "Create" || name == "SetEnvironmentVariable";
                }

                case IObjectCreationOperation creation:
                    return creation.Type?.Name == "KeyValuePair";
                default:
                    return false;
            }
        }

        /// <summary>IConfiguration or a type implementing it, but not a section (its keys are relative to it).</summary>
        private static bool IsConfiguration(ITypeSymbol? type)
        {
            if (type is null || IsConfigurationType(type, "IConfigurationSection"))
            {
                return false;
            }

            var isConfiguration = IsConfigurationType(type, ConfigurationInterface);
            foreach (var implemented in type.AllInterfaces)
            {
                if (IsConfigurationType(implemented, "IConfigurationSection"))
                {
                    return false;
                }

                isConfiguration |= IsConfigurationType(implemented, ConfigurationInterface);
            }

            return isConfiguration;
        }

        private static bool IsConfigurationType(ITypeSymbol type, string name)
            => type.Name == name && type.ContainingNamespace?.ToDisplayString() == ConfigurationNamespace;

        private static bool IsKeyLikeName(string name)
        {
            if (CredentialNames.Default.IsCredentialName(name))
            {
                return true;
            }

            var words = CredentialNames.SplitWords(name);
            var last = words.Count > 0 ? words[words.Count - 1] : string.Empty;
            return last == "key" || last == "secret";
        }

        /// <summary>The section a member's or a local's key goes under when its name has none: the type it belongs to.</summary>
        private static string? SectionOf(ISymbol target, ISymbol? container)
        {
            var codeType = container as INamedTypeSymbol ?? container?.ContainingType;
            switch (target)
            {
                case IFieldSymbol _:
                case IPropertySymbol _:
                {
                    var type = target.ContainingType;
                    if (type != null && !type.IsAnonymousType && IsInSource(type))
                    {
                        return TypeSection(type);
                    }

                    // A framework type's member (SqlConnectionStringBuilder.Password): the app's type says more, else the framework's.
                    return TypeSection(codeType) ?? (type is null || type.IsAnonymousType ? null : TypeSection(type));
                }

                case IParameterSymbol parameter when parameter.ContainingSymbol is IMethodSymbol method && method.MethodKind != MethodKind.AnonymousFunction:
                {
                    var type = method.ContainingType;
                    return type != null && IsInSource(type) ? TypeSection(type) : TypeSection(codeType) ?? TypeSection(type);
                }

                default:
                    return TypeSection(codeType);
            }
        }

        private static bool IsInSource(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>SmtpOptions → Smtp, OrdersController → Orders; none for Program and Startup (the app itself).</summary>
        private static string? TypeSection(INamedTypeSymbol? type)
        {
            if (type is null || type.IsImplicitlyDeclared || type.IsAnonymousType)
            {
                return null;
            }

            var name = type.Name;
            if (name.Length == 0 || name == "Program" || name == "Startup" || name.IndexOf('<') >= 0)
            {
                return null;
            }

            foreach (var suffix in TypeSuffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return name.Substring(0, name.Length - suffix.Length);
                }
            }

            return name;
        }

        /// <summary>"jwtSigningKey" → section Jwt, key SigningKey; "ClientSecret" → key ClientSecret; "DB_PASSWORD" → DB, Password.</summary>
        internal static void SplitName(string name, out string? section, out string key)
        {
            var words = Words(name);
            if (words.Count == 0)
            {
                section = null;
                key = "Secret";
                return;
            }

            // The key starts at the last credential word (smtpPasswordCopy → Smtp:PasswordCopy), with its qualifier (ApiKey).
            var keyStart = words.Count - 1;
            for (var i = words.Count - 1; i >= 0; i--)
            {
                if (CredentialWords.Contains(words[i]))
                {
                    keyStart = i;
                    break;
                }
            }

            if (keyStart > 0 && KeyQualifiers.Contains(words[keyStart - 1]))
            {
                keyStart--;
            }

            section = keyStart > 0 ? Pascal(words, 0, keyStart) : null;
            key = Pascal(words, keyStart, words.Count);
        }

        /// <summary>The words of an identifier with their case; digits stay with the word before them; m_/s_/_ prefixes go.</summary>
        private static List<string> Words(string name)
        {
            if (name.Length > 2 && name[1] == '_' && (name[0] == 'm' || name[0] == 's' || name[0] == 'k'))
            {
                name = name.Substring(2);
            }

            var words = new List<string>(4);
            var start = -1;
            for (var i = 0; i <= name.Length; i++)
            {
                var c = i < name.Length ? name[i] : '\0';
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(name, ref start, i, words);
                    continue;
                }

                if (start < 0)
                {
                    if (char.IsDigit(c) && words.Count > 0)
                    {
                        // "password_2": the digits belong to the word before.
                        start = i;
                        while (i + 1 < name.Length && char.IsDigit(name[i + 1]))
                        {
                            i++;
                        }

                        words[words.Count - 1] += name.Substring(start, i + 1 - start);
                        start = -1;
                        continue;
                    }

                    start = i;
                    continue;
                }

                var previous = name[i - 1];
                var boundary = (char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous)))
                    || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (boundary)
                {
                    Flush(name, ref start, i, words);
                    start = i;
                }
            }

            return words;
        }

        private static void Flush(string name, ref int start, int end, List<string> words)
        {
            if (start >= 0 && end > start)
            {
                words.Add(name.Substring(start, end - start));
            }

            start = -1;
        }

        /// <summary>Joins words in PascalCase; an all-capitals word longer than two letters is a word, not an acronym (JWT → Jwt).</summary>
        private static string Pascal(List<string> words, int from, int to)
        {
            var builder = new StringBuilder();
            for (var i = from; i < to; i++)
            {
                var word = words[i];
                if (word.Length == 0)
                {
                    continue;
                }

                var allUpper = true;
                foreach (var c in word)
                {
                    if (char.IsLower(c))
                    {
                        allUpper = false;
                        break;
                    }
                }

                builder.Append(char.ToUpperInvariant(word[0]));
                builder.Append(allUpper && word.Length > 2 ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
            }

            return builder.ToString();
        }

        private static string Path(string? section, string key) => string.IsNullOrEmpty(section) ? key : section + ":" + key;

        /// <summary>
        /// "OrdersConnectionString" → Orders, "DefaultConnection" → Default; null for "connectionString", "uriString", and
        /// for a parameter whose name is not about a connection (AddSingleton's "implementationInstance").
        /// </summary>
        private static string? ConnectionName(ISymbol? target)
        {
            if (target is null)
            {
                return null;
            }

            var words = Words(target.Name);
            var count = words.Count;
            words.RemoveAll(w => ConnectionWords.Contains(w));
            if (words.Count == 0 || (target is IParameterSymbol && words.Count == count))
            {
                return null;
            }

            var name = Pascal(words, 0, words.Count);
            return name.Length > 1 ? name : null;
        }

        /// <summary>The database a connection string or URI names: Database=orders, Initial Catalog=orders, …/orders.</summary>
        private static string? DatabaseName(string connectionString)
        {
            var scheme = connectionString.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0)
            {
                // The path starts after the credentials: a '/' in a raw password must not become the name.
                var at = connectionString.LastIndexOf('@');
                var path = connectionString.IndexOf('/', at > scheme ? at : scheme + 3);
                if (path < 0)
                {
                    return null;
                }

                var end = connectionString.IndexOfAny(new[] { '?', '#', '/' }, path + 1);
                return Identifier(connectionString.Substring(path + 1, (end < 0 ? connectionString.Length : end) - path - 1));
            }

            foreach (var part in connectionString.Split(';'))
            {
                var equals = part.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var keyword = part.Substring(0, equals).Trim();
                if (keyword.Equals("Database", StringComparison.OrdinalIgnoreCase)
                    || keyword.Equals("Initial Catalog", StringComparison.OrdinalIgnoreCase)
                    || keyword.Equals("Db", StringComparison.OrdinalIgnoreCase))
                {
                    return Identifier(part.Substring(equals + 1));
                }
            }

            return null;
        }

        /// <summary>Redis, MongoDB, SqlServer; for a bare URI its scheme (Amqp).</summary>
        private static string? ProviderConnectionName(SecretFormat format, string connectionString)
        {
            switch (format.Provider)
            {
                case "Microsoft SQL Server":
                    return "SqlServer";
                case "URI":
                {
                    var scheme = connectionString.IndexOf("://", StringComparison.Ordinal);
                    return scheme > 0 ? Identifier(connectionString.Substring(0, scheme)) : null;
                }

                case "ADO.NET":
                    return null;
                default:
                    return Identifier(format.Provider);
            }
        }

        /// <summary>"orders-db" → OrdersDb; null when nothing of it is a word.</summary>
        private static string? Identifier(string text)
        {
            var words = Words(text.Trim());
            if (words.Count == 0 || !char.IsLetter(words[0][0]))
            {
                return null;
            }

            return Pascal(words, 0, words.Count);
        }

        /// <summary>The section of a provider's secrets: GitHub, Aws, Azure, Stripe; Signing for a bare private key.</summary>
        private static string? ProviderSection(string provider)
        {
            switch (provider)
            {
                case "Microsoft Azure":
                    return "Azure";
                case "Twilio SendGrid":
                    return "SendGrid";
                case "PKCS":
                    return "Signing";
                case "URI":
                case "ADO.NET":
                    return null;
                default:
                    return Identifier(provider);
            }
        }

        /// <summary>The key a format's secret goes under when its target's name says nothing.</summary>
        private static string FormatKey(string formatName)
        {
            var name = formatName.ToLowerInvariant();
            if (name.IndexOf("private key", StringComparison.Ordinal) >= 0)
            {
                return "PrivateKey";
            }

            if (name.IndexOf("client secret", StringComparison.Ordinal) >= 0)
            {
                return "ClientSecret";
            }

            if (name.IndexOf("secret access key", StringComparison.Ordinal) >= 0)
            {
                return "SecretAccessKey";
            }

            if (name.IndexOf("access key id", StringComparison.Ordinal) >= 0)
            {
                return "AccessKeyId";
            }

            if (name.IndexOf("webhook", StringComparison.Ordinal) >= 0)
            {
                return name.IndexOf("url", StringComparison.Ordinal) >= 0 ? "WebhookUrl" : "WebhookSecret";
            }

            if (name.IndexOf("url", StringComparison.Ordinal) >= 0)
            {
                return "Url";
            }

            if (name.IndexOf("token", StringComparison.Ordinal) >= 0)
            {
                return "Token";
            }

            if (name.IndexOf("password", StringComparison.Ordinal) >= 0)
            {
                return "Password";
            }

            if (name.IndexOf("secret key", StringComparison.Ordinal) >= 0)
            {
                return "SecretKey";
            }

            if (name.IndexOf("secret", StringComparison.Ordinal) >= 0)
            {
                return "Secret";
            }

            return name.IndexOf("key", StringComparison.Ordinal) >= 0 ? "ApiKey" : "Secret";
        }

        /// <summary>A path the fix can write: segments of letters, digits, '_', '-', '.', separated by ':'.</summary>
        private static string? ValidPath(string? path)
        {
            if (string.IsNullOrEmpty(path) || path![0] == ':' || path[path.Length - 1] == ':')
            {
                return null;
            }

            for (var i = 0; i < path.Length; i++)
            {
                var c = path[i];
                if (c == ':' ? path[i - 1] == ':' : !(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                {
                    return null;
                }
            }

            return path;
        }

        private static IOperation? Unwrap(IOperation? operation) => Operations.Unwrap(operation);

        private readonly struct ValueTarget
        {
            public static readonly ValueTarget None = new ValueTarget(null, false, null);
            public static readonly ValueTarget Unnamed = new ValueTarget(null, true, null);

            private ValueTarget(ISymbol? symbol, bool canRead, string? fallbackKey)
            {
                Symbol = symbol;
                CanRead = canRead;
                FallbackKey = fallbackKey;
            }

            /// <summary>The field, property, local or parameter the value is stored in or passed as.</summary>
            public ISymbol? Symbol { get; }

            /// <summary>False where only a constant may stand, or where the value is itself written to configuration.</summary>
            public bool CanRead { get; }

            /// <summary>The key of the configuration read the value is the fallback of.</summary>
            public string? FallbackKey { get; }

            /// <summary>The hint when the target decides alone: a fallback's key, or no key.</summary>
            public ConfigurationKeyHint Hint => FallbackKey != null ? new ConfigurationKeyHint(FallbackKey, true) : default;

            public static ValueTarget Named(ISymbol symbol) => new ValueTarget(symbol, true, null);

            public static ValueTarget Fallback(string key) => new ValueTarget(null, true, key);
        }
    }
}
