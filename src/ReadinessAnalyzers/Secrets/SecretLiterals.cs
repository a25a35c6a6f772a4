using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// The decisions the Secrets rules share about C# values: which expressions are hardcoded text, which text is a
    /// credential rather than a label, a key path or a variable name, and which rule owns a value.
    /// </summary>
    internal static class SecretLiterals
    {
        /// <summary>
        /// The hardcoded string inside <paramref name="value"/>: a literal, an interpolation without holes, a
        /// concatenation of literals, or the literal fallback of <c>??</c> / <c>?:</c>. Named constants are not
        /// returned (they are reported where they are declared); <c>nameof</c> is never a secret.
        /// </summary>
        public static IOperation? FindHardcoded(IOperation? value)
        {
            for (var depth = 0; value != null && depth < 8; depth++)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        continue;
                    case ILiteralOperation literal:
                        return literal.ConstantValue.HasValue && literal.ConstantValue.Value is string ? literal : null;
                    case IInterpolatedStringOperation interpolated:
                        return interpolated.ConstantValue.HasValue && interpolated.ConstantValue.Value is string ? interpolated : null;
                    case IBinaryOperation binary:
                        return binary.OperatorKind == BinaryOperatorKind.Add && binary.ConstantValue.HasValue
                            && binary.ConstantValue.Value is string && IsLiteralText(binary) ? binary : null;
                    case ICoalesceOperation coalesce:
                        // config["Db:Password"] ?? "…": a hardcoded fallback is a hardcoded secret.
                        value = coalesce.WhenNull;
                        continue;
                    case IConditionalOperation conditional:
                        return FindHardcoded(conditional.WhenTrue) ?? FindHardcoded(conditional.WhenFalse);
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsLiteralText(IOperation operation)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    return IsLiteralText(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    return IsLiteralText(parenthesized.Operand);
                case ILiteralOperation _:
                case IInterpolatedStringOperation _:
                    return true;
                case IBinaryOperation binary:
                    return IsLiteralText(binary.LeftOperand) && IsLiteralText(binary.RightOperand);
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when <paramref name="value"/>, stored under the credential name <paramref name="name"/>, is a credential:
        /// secret-looking for the engine (long enough, mixed characters, not a placeholder, sentence, path, URL, format
        /// string or dotted name), not a configuration key path or an environment variable name (with digits, which the
        /// engine's name test leaves out), not the name itself, and above the user's entropy threshold.
        /// </summary>
        public static bool IsCredentialValue(string value, string name, SecretOptions options)
        {
            if (!SecretValues.LooksLikeSecret(value) || options.IsUserPlaceholder(value))
            {
                return false;
            }

            if (IsKeyPath(value) || IsEnvironmentVariableName(value) || string.Equals(value, name, StringComparison.OrdinalIgnoreCase)
                || RestatesName(value, name))
            {
                return false;
            }

            return options.MinimumEntropy <= 0 || SecretValues.ShannonEntropy(value) >= options.MinimumEntropy;
        }

        /// <summary>
        /// The name-based decision of RDY1001: a credential name holding a secret-looking value that is not itself a name
        /// and that no more precise rule owns. Other rules ask it to leave a value to RDY1001's report at its declaration.
        /// </summary>
        public static bool IsReportedByName(string name, string text, SecretOptions? options)
            => IsSeededPasswordHash(name, text)
            || !IsFixtureName(name)
                && (options?.Names ?? Internals.CredentialNames.Default).IsCredentialName(name)
                && (options is null ? SecretValues.LooksLikeSecret(text) : IsCredentialValue(text, name, options))
                && !IsIdentifierValue(text, name)
                && !BelongsToAnotherRule(text);

        /// <summary><c>PasswordHash = "AQAAAAEAACcQ…"</c> on a seeded user: the fixed hash of a known default password.</summary>
        private static bool IsSeededPasswordHash(string name, string text)
            => name.EndsWith("PasswordHash", StringComparison.OrdinalIgnoreCase) && SecretValues.IsIdentityPasswordHash(text);

        /// <summary>TEST_API_KEY, SamplePassword, DemoToken: sample data says what it is in its name.</summary>
        private static bool IsFixtureName(string name)
        {
            var words = Internals.CredentialNames.SplitWords(name);
            if (words.Count < 2)
            {
                return false;
            }

            var first = words[0];
            return first == "test" || first == "sample" || first == "demo" || first == "fake" || first == "dummy" || first == "example";
        }

        /// <summary>
        /// True when <paramref name="value"/> is a name rather than a secret, though stored under a credential name: a word
        /// sequence ("PasswordResetToken", "X-Api-Key", "version_pad1"), an option list ("scale=-2:force_original_aspect_ratio=x"),
        /// or a restatement of its own name (<c>ApiKeyHeader = "X-Api-Key"</c>). Code only: in a configuration file the key
        /// path is what the value is read as.
        /// </summary>
        public static bool IsIdentifierValue(string value, string name)
            => SecretValues.IsIdentifierLike(value) || SecretValues.IsOptionList(value) || RestatesName(value, name);

        /// <summary>Every word of the value (of two letters or more) is a word of the name: "X-Api-Key" under ApiKeyHeaderName.</summary>
        private static bool RestatesName(string value, string name)
        {
            var valueWords = Internals.CredentialNames.SplitWords(value);
            var nameWords = Internals.CredentialNames.SplitWords(name);
            var compared = 0;
            foreach (var word in valueWords)
            {
                if (word.Length < 2)
                {
                    continue;
                }

                if (!nameWords.Contains(word))
                {
                    return false;
                }

                compared++;
            }

            return compared > 0;
        }

        /// <summary>
        /// The hardcoded text that reaches a credential sink through <paramref name="value"/>: a literal (as
        /// <see cref="FindHardcoded"/>), hashed at startup (<c>"secret".Sha256()</c>, IdentityServer's way), or read through
        /// a constant, a local, or a field or property initialized in the same file. <paramref name="through"/> is the
        /// symbol it was read through (null for a literal in place).
        /// </summary>
        public static IOperation? FindReaching(IOperation? value, out ISymbol? through)
        {
            through = null;
            for (var depth = 0; value != null && depth < 4; depth++)
            {
                var hardcoded = FindHardcoded(value);
                if (hardcoded != null)
                {
                    return hardcoded;
                }

                value = Internals.Operations.Unwrap(value);
                switch (value)
                {
                    case IInvocationOperation invocation when IsStartupHash(invocation.TargetMethod.Name):
                        value = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        continue;
                    case IInvalidOperation invalid when invalid.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                        {
                            Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access,
                        } && IsStartupHash(access.Name.Identifier.ValueText):
                        value = invalid.SemanticModel?.GetOperation(access.Expression);
                        continue;
                    case ILocalReferenceOperation local:
                        through = local.Local;
                        value = Initializer(local.SemanticModel, local.Local);
                        continue;
                    case IFieldReferenceOperation field:
                        through = field.Field;
                        if (field.ConstantValue.HasValue)
                        {
                            return field.ConstantValue.Value is string ? field : null;
                        }

                        value = field.Field.IsReadOnly || field.Field.IsConst ? Initializer(field.SemanticModel, field.Field) : null;
                        continue;
                    case IPropertyReferenceOperation property when property.Property.SetMethod is null && !property.Property.IsIndexer:
                        through = property.Property;
                        value = Initializer(property.SemanticModel, property.Property);
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsStartupHash(string name) => name == "Sha256" || name == "Sha512" || name == "ToSha256";

        /// <summary>The initializer of a local, field or get-only property declared in the same file (no other model is asked for).</summary>
        private static IOperation? Initializer(SemanticModel? model, ISymbol symbol)
        {
            if (model is null)
            {
                return null;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                switch (reference.GetSyntax())
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer }:
                        return model.GetOperation(initializer.Value);
                    case Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer: { } initializer }:
                        return model.GetOperation(initializer.Value);
                    case Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: { } body }:
                        return model.GetOperation(body.Expression);
                }
            }

            return null;
        }

        /// <summary>
        /// True when another Secrets rule reports this text with a more precise message: a provider-format secret
        /// (RDY1004) or a connection string with a password (RDY1003).
        /// </summary>
        public static bool BelongsToAnotherRule(string text)
        {
            if (!SecretFormatScanner.MayContainSecret(text))
            {
                return false;
            }

            var matches = new List<SecretMatch>();
            SecretFormatScanner.Scan(text, matches);
            return matches.Count > 0;
        }

        /// <summary>"Jwt:Key", "ConnectionStrings:Default", "Smtp__Password": a configuration path, not its value.</summary>
        private static bool IsKeyPath(string value)
        {
            var separators = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == ':')
                {
                    if (i == 0 || i == value.Length - 1 || value[i - 1] == ':')
                    {
                        return false;
                    }

                    separators++;
                }
                else if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
                {
                    return false;
                }
            }

            // "Smtp__Password" (the environment-variable form of a path) counts too.
            return (separators > 0 || value.IndexOf("__", StringComparison.Ordinal) > 0) && char.IsLetter(value[0]);
        }

        /// <summary>"DB_PASSWORD", "JWT_SIGNING_KEY": the variable's name, passed to GetEnvironmentVariable.</summary>
        private static bool IsEnvironmentVariableName(string value)
        {
            if (!char.IsUpper(value[0]) || value.IndexOf('_') < 0)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (!(char.IsUpper(c) || char.IsDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
