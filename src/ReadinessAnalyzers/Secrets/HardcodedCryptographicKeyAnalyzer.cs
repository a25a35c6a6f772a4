using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// RDY1002: a signing or encryption key built from hardcoded material — a literal string turned into bytes, a
    /// literal Base64/hex string, a literal byte array — reaching a key sink (SymmetricSecurityKey, HMAC,
    /// SymmetricAlgorithm.Key, AesGcm …). The sink decides: even a placeholder-looking value is a live key there.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCryptographicKeyAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.HardcodedCryptographicKey,
            title: "Hardcoded cryptographic key",
            messageFormat: "The key of '{0}' is hardcoded ({1}): anyone with the source can forge tokens or decrypt data; load the key from a secret store",
            description: "A signing or encryption key written in code is the same in every environment and known to everyone with the "
                + "source or the binary: they can sign valid JWTs, forge HMACs or decrypt data. The value does not matter — even "
                + "\"dev-secret-key-change-in-production\" is a live key once it reaches SymmetricSecurityKey. Load keys from a "
                + "secret store, or use Data Protection.");

        private const string SymmetricSecurityKeyType = "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey";
        private const string KeyedHashAlgorithmType = "System.Security.Cryptography.KeyedHashAlgorithm";
        private const string SymmetricAlgorithmType = "System.Security.Cryptography.SymmetricAlgorithm";
        private const string AesGcmType = "System.Security.Cryptography.AesGcm";
        private const string AesCcmType = "System.Security.Cryptography.AesCcm";
        private const string ChaChaType = "System.Security.Cryptography.ChaCha20Poly1305";
        private const string EncodingType = "System.Text.Encoding";
        private const string ConvertType = "System.Convert";
        private const string RsaParametersType = "System.Security.Cryptography.RSAParameters";
        private const string EcParametersType = "System.Security.Cryptography.ECParameters";

        /// <summary>A literal byte array this long, stored under a key name, is a key even before it reaches a sink.</summary>
        private const int MinimumNamedKeyBytes = 16;

        private const int MaxFollowDepth = 3;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                if (DevelopmentGuard.Create(start.Compilation, start.Options).IsTestProject)
                {
                    return;
                }

                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var sinks = new Sinks(
                    types.Get(SymmetricSecurityKeyType),
                    types.Get(KeyedHashAlgorithmType),
                    types.Get(SymmetricAlgorithmType),
                    types.Get(AesGcmType),
                    types.Get(AesCcmType),
                    types.Get(ChaChaType),
                    types.Get(EncodingType),
                    types.Get(ConvertType));
                var rsaParameters = types.Get(RsaParametersType);
                var ecParameters = types.Get(EcParametersType);

                start.RegisterOperationAction(
                    context =>
                    {
                        var creation = (IObjectCreationOperation)context.Operation;
                        var type = creation.Type as INamedTypeSymbol;
                        if (type != null && sinks.IsKeyConstructor(type))
                        {
                            foreach (var argument in creation.Arguments)
                            {
                                if (IsKeyParameter(argument.Parameter))
                                {
                                    CheckKey(context, sinks, argument.Value, type.Name, type);
                                }
                            }
                        }
                    },
                    OperationKind.ObjectCreation);

                start.RegisterOperationAction(
                    context =>
                    {
                        // HMACSHA256.HashData(key, data), aes.CreateEncryptor(rgbKey, rgbIV).
                        var invocation = (IInvocationOperation)context.Operation;
                        var method = invocation.TargetMethod;
                        var name = method.Name;
                        if (!(name.StartsWith("HashData", System.StringComparison.Ordinal) || name.StartsWith("TryHashData", System.StringComparison.Ordinal)
                            || name == "CreateEncryptor" || name == "CreateDecryptor"))
                        {
                            return;
                        }

                        if (!(sinks.IsKeyedHash(method.ContainingType) || sinks.IsSymmetricAlgorithm(method.ContainingType)))
                        {
                            return;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (IsKeyParameter(argument.Parameter))
                            {
                                CheckKey(context, sinks, argument.Value, method.ContainingType.Name + "." + name, method.ContainingType);
                            }
                        }
                    },
                    OperationKind.Invocation);

                start.RegisterOperationAction(
                    context =>
                    {
                        // aes.Key = …; new HMACSHA256 { Key = … }.
                        var assignment = (ISimpleAssignmentOperation)context.Operation;
                        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "Key" } property }
                            && (sinks.IsKeyedHash(property.ContainingType) || sinks.IsSymmetricAlgorithm(property.ContainingType)))
                        {
                            CheckKey(context, sinks, assignment.Value, property.ContainingType.Name + ".Key", property.ContainingType);
                        }

                        // new RSAParameters { D = Convert.FromBase64String("…"), … }: the private exponent makes it a private key.
                        if (assignment.Target is IFieldReferenceOperation { Field: { Name: "D" } field }
                            && (SymbolEqualityComparer.Default.Equals(field.ContainingType, rsaParameters)
                                || SymbolEqualityComparer.Default.Equals(field.ContainingType, ecParameters)))
                        {
                            CheckKey(context, sinks, assignment.Value, field.ContainingType.Name + ".D", field.ContainingType);
                        }
                    },
                    OperationKind.SimpleAssignment);

                start.RegisterOperationAction(
                    context =>
                    {
                        // new SymmetricSecurityKey(…) when Microsoft.IdentityModel does not resolve: the exact type name decides.
                        var invalid = (IInvalidOperation)context.Operation;
                        if (invalid.Syntax is ObjectCreationExpressionSyntax { ArgumentList: { Arguments: { Count: 1 } arguments } } creation
                            && TypeName(creation.Type) == "SymmetricSecurityKey"
                            && invalid.SemanticModel?.GetTypeInfo(creation, context.CancellationToken).Type is { TypeKind: TypeKind.Error } type
                            && invalid.SemanticModel.GetOperation(arguments[0].Expression, context.CancellationToken) is { } key)
                        {
                            CheckKey(context, sinks, key, "SymmetricSecurityKey", type);
                        }
                    },
                    OperationKind.Invalid);

                start.RegisterOperationAction(
                    context =>
                    {
                        var initializer = (IFieldInitializerOperation)context.Operation;
                        foreach (var field in initializer.InitializedFields)
                        {
                            CheckNamedKeyArray(context, field.Name, initializer.Value);
                        }
                    },
                    OperationKind.FieldInitializer);

                start.RegisterOperationAction(
                    context =>
                    {
                        var declarator = (IVariableDeclaratorOperation)context.Operation;
                        if (declarator.Initializer?.Value is { } value)
                        {
                            CheckNamedKeyArray(context, declarator.Symbol.Name, value);
                        }
                    },
                    OperationKind.VariableDeclarator);
            });
        }

        private static string TypeName(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        private static bool IsKeyParameter(IParameterSymbol? parameter)
        {
            if (parameter is null)
            {
                return false;
            }

            var name = parameter.Name;
            return name == "key" || name == "rgbKey" || name == "keyBytes";
        }

        /// <summary>A literal byte array of 16+ bytes stored under a key-like name: a key wherever it goes next.</summary>
        private static void CheckNamedKeyArray(OperationAnalysisContext context, string name, IOperation value)
        {
            var bytes = ConstantArrayLength(Unwrap(value));
            if (bytes >= MinimumNamedKeyBytes && IsKeyName(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, Unwrap(value)!.Syntax.GetLocation(), name, bytes + "-byte literal array"));
            }
        }

        private static bool IsKeyName(string name)
        {
            if (CredentialNames.Default.IsCredentialName(name))
            {
                return true;
            }

            var words = CredentialNames.SplitWords(name);
            var last = words.Count > 0 ? words[words.Count - 1] : string.Empty;
            return last == "key" || last == "keys" || last == "secret";
        }

        private static void CheckKey(OperationAnalysisContext context, Sinks sinks, IOperation key, string sinkName, ITypeSymbol sinkType)
        {
            var material = FindMaterial(sinks, key, 0);
            if (material.Source is null)
            {
                return;
            }

            var shown = material.Text != null ? SecretMask.Mask(material.Text) : material.Bytes + "-byte literal array";
            context.ReportDiagnostic(Diagnostic.Create(
                Rule, material.Source.Syntax.GetLocation(), FixProperties(sinks, material, sinkType), sinkName, shown));
        }

        /// <summary>
        /// Text material can be read from configuration (a string in, a string out); byte arrays and UTF-8 literals cannot
        /// without choosing an encoding for the key, so they get no fix.
        /// </summary>
        private static ImmutableDictionary<string, string?> FixProperties(Sinks sinks, Material material, ITypeSymbol sinkType)
        {
            if (material.Text is null || material.Source!.Type?.SpecialType != SpecialType.System_String)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            string section;
            string key;
            if (sinks.IsSecurityKey(sinkType as INamedTypeSymbol) || sinkType.TypeKind == TypeKind.Error && sinkType.Name == "SymmetricSecurityKey")
            {
                section = "Jwt";
                key = "SigningKey";
            }
            else if (sinks.IsKeyedHash(sinkType as INamedTypeSymbol))
            {
                section = "Hmac";
                key = "Key";
            }
            else
            {
                section = "Encryption";
                key = "Key";
            }

            return SecretFixProperties.For(ConfigurationKeys.ForKeyMaterial(material.Source, material.Name, section, key));
        }

        /// <summary>Where hardcoded key material comes from, following locals and static readonly fields a few steps.</summary>
        private static Material FindMaterial(Sinks sinks, IOperation? operation, int depth)
        {
            operation = operation is null ? null : Unwrap(operation);
            switch (operation)
            {
                case null:
                    return default;

                case IUtf8StringOperation utf8:
                    return new Material(utf8, utf8.Value, 0);

                case IArrayCreationOperation array:
                {
                    var length = ConstantArrayLength(array);
                    return length > 0 ? new Material(array, null, length) : default;
                }

                case IInvocationOperation invocation when invocation.Arguments.Length >= 1:
                {
                    var method = invocation.TargetMethod;
                    if (method.Name == "ToArray" && invocation.Instance != null)
                    {
                        // "…"u8.ToArray()
                        return FindMaterial(sinks, invocation.Instance, depth);
                    }

                    var decodes = (method.Name == "GetBytes" && Invocations.Is(method, sinks.Encoding, "GetBytes"))
                        || ((method.Name == "FromBase64String" || method.Name == "FromHexString") && Invocations.Is(method, sinks.Convert, method.Name));
                    if (!decodes || invocation.Arguments[0].Value.Type?.SpecialType != SpecialType.System_String)
                    {
                        return default;
                    }

                    return FindText(invocation.Arguments[0].Value, depth);
                }

                case IInvocationOperation invocation when invocation.TargetMethod.Name == "ToArray" && invocation.Instance != null:
                    return FindMaterial(sinks, invocation.Instance, depth);

                case ILocalReferenceOperation local when depth < MaxFollowDepth:
                {
                    var initializer = Initializer(local.SemanticModel, local.Local);
                    return IsKeyName(local.Local.Name) && ConstantArrayLength(Unwrap(initializer)) >= MinimumNamedKeyBytes
                        ? default // reported where it is declared
                        : FindMaterial(sinks, initializer, depth + 1);
                }

                case IFieldReferenceOperation field when depth < MaxFollowDepth && field.Field.IsReadOnly && field.Field.IsStatic:
                {
                    var initializer = Initializer(field.SemanticModel, field.Field);
                    return IsKeyName(field.Field.Name) && ConstantArrayLength(Unwrap(initializer)) >= MinimumNamedKeyBytes
                        ? default
                        : FindMaterial(sinks, initializer, depth + 1);
                }

                default:
                    return default;
            }
        }

        /// <summary>The hardcoded text behind a string operand: a literal, a fallback, a constant, a local or static field.</summary>
        private static Material FindText(IOperation value, int depth)
        {
            var hardcoded = SecretLiterals.FindHardcoded(value);
            if (hardcoded != null)
            {
                var text = (string)hardcoded.ConstantValue.Value!;
                return text.Length > 0 ? new Material(hardcoded, text, 0) : default;
            }

            value = Unwrap(value)!;
            if (value.ConstantValue.HasValue && value.ConstantValue.Value is string constant)
            {
                // A named constant: report where the key is used, the declaration may be in another file.
                var name = value is IFieldReferenceOperation constantField ? constantField.Field.Name
                    : value is ILocalReferenceOperation constantLocal ? constantLocal.Local.Name
                    : null;
                // A credential-named constant is RDY1001's, reported where it is declared.
                return constant.Length > 0 && !(name != null && SecretLiterals.IsReportedByName(name, constant, null))
                    ? new Material(value, constant, 0, name)
                    : default;
            }

            if (depth >= MaxFollowDepth)
            {
                return default;
            }

            switch (value)
            {
                case ILocalReferenceOperation local:
                {
                    var initializer = Initializer(local.SemanticModel, local.Local);
                    return initializer is null ? default : FindText(initializer, depth + 1);
                }

                case IFieldReferenceOperation field when field.Field.IsReadOnly && field.Field.IsStatic:
                {
                    var initializer = Initializer(field.SemanticModel, field.Field);
                    var found = initializer is null ? default : FindText(initializer, depth + 1);
                    return found.Text != null && SecretLiterals.IsReportedByName(field.Field.Name, found.Text, null) ? default : found;
                }

                default:
                    return default;
            }
        }

        /// <summary>The initializer of a local or field declared in the same file (no other semantic model is asked for).</summary>
        private static IOperation? Initializer(SemanticModel? model, ISymbol symbol)
        {
            if (model is null)
            {
                return null;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == model.SyntaxTree && reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    var operation = model.GetOperation(initializer.Value);
                    return operation;
                }
            }

            return null;
        }

        /// <summary>The length of an array whose elements are all constants, or 0.</summary>
        private static int ConstantArrayLength(IOperation? operation)
        {
            if (!(operation is IArrayCreationOperation { Initializer: { } initializer } array)
                || !(array.Type is IArrayTypeSymbol { ElementType: { SpecialType: SpecialType.System_Byte } }))
            {
                return 0;
            }

            foreach (var element in initializer.ElementValues)
            {
                if (!element.ConstantValue.HasValue)
                {
                    return 0;
                }
            }

            return initializer.ElementValues.Length;
        }

        private static IOperation? Unwrap(IOperation? operation) => Operations.Unwrap(operation);

        private readonly struct Material
        {
            public Material(IOperation source, string? text, int bytes, string? name = null)
            {
                Source = source;
                Text = text;
                Bytes = bytes;
                Name = name;
            }

            public IOperation? Source { get; }

            public string? Text { get; }

            public int Bytes { get; }

            /// <summary>The constant the text was read through (<c>JwtSecret</c>), which names its configuration key.</summary>
            public string? Name { get; }
        }

        /// <summary>The key sinks and decoders of one compilation.</summary>
        private sealed class Sinks
        {
            private readonly INamedTypeSymbol? _symmetricSecurityKey;
            private readonly INamedTypeSymbol? _keyedHash;
            private readonly INamedTypeSymbol? _symmetricAlgorithm;
            private readonly INamedTypeSymbol? _aesGcm;
            private readonly INamedTypeSymbol? _aesCcm;
            private readonly INamedTypeSymbol? _chaCha;

            public Sinks(INamedTypeSymbol? symmetricSecurityKey, INamedTypeSymbol? keyedHash, INamedTypeSymbol? symmetricAlgorithm,
                INamedTypeSymbol? aesGcm, INamedTypeSymbol? aesCcm, INamedTypeSymbol? chaCha, INamedTypeSymbol? encoding, INamedTypeSymbol? convert)
            {
                _symmetricSecurityKey = symmetricSecurityKey;
                _keyedHash = keyedHash;
                _symmetricAlgorithm = symmetricAlgorithm;
                _aesGcm = aesGcm;
                _aesCcm = aesCcm;
                _chaCha = chaCha;
                Encoding = encoding;
                Convert = convert;
            }

            public INamedTypeSymbol? Encoding { get; }

            public INamedTypeSymbol? Convert { get; }

            public bool IsKeyConstructor(INamedTypeSymbol type)
                => SymbolEqualityComparer.Default.Equals(type, _symmetricSecurityKey)
                    || SymbolEqualityComparer.Default.Equals(type, _aesGcm)
                    || SymbolEqualityComparer.Default.Equals(type, _aesCcm)
                    || SymbolEqualityComparer.Default.Equals(type, _chaCha)
                    || IsKeyedHash(type);

            public bool IsKeyedHash(INamedTypeSymbol? type) => DerivesFrom(type, _keyedHash);

            public bool IsSecurityKey(INamedTypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _symmetricSecurityKey);

            public bool IsSymmetricAlgorithm(INamedTypeSymbol? type) => DerivesFrom(type, _symmetricAlgorithm);

            private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
            {
                if (baseType is null)
                {
                    return false;
                }

                for (var current = type; current != null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
