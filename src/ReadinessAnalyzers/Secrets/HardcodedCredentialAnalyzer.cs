using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// RDY1001: a credential-named target (field, property, local, parameter default, argument, initializer entry,
    /// configuration key) assigned a string literal that looks like a secret.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.HardcodedCredential,
            title: "Hardcoded credential",
            messageFormat: "'{0}' is set to a hardcoded credential ({1}): anyone with the source or the binary has it; read it from configuration backed by a secret store instead",
            description: "A password, token, API key or client secret written in code is committed with the code, copied to every clone, "
                + "build log and package, and cannot be rotated without a release. Read it from configuration (user-secrets in "
                + "Development, environment variables or a vault in production).");

        private const string KeyValuePairType = "System.Collections.Generic.KeyValuePair`2";
        private const string KeyValuePairFactoryType = "System.Collections.Generic.KeyValuePair";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                // Test fixtures use made-up credentials on purpose; a name-based rule there is noise (see the docs page).
                if (DevelopmentGuard.Create(start.Compilation, start.Options).IsTestProject)
                {
                    return;
                }

                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var keyValuePair = types.Get(KeyValuePairType);
                var keyValuePairFactory = types.Get(KeyValuePairFactoryType);
                var cache = new SecretOptions.Cache();
                var sinks = new CredentialSinks(types);

                start.RegisterOperationAction(
                    context =>
                    {
                        var initializer = (IFieldInitializerOperation)context.Operation;
                        foreach (var field in initializer.InitializedFields)
                        {
                            Check(context, cache, field.Name, initializer.Value);
                        }
                    },
                    OperationKind.FieldInitializer);

                start.RegisterOperationAction(
                    context =>
                    {
                        var initializer = (IPropertyInitializerOperation)context.Operation;
                        foreach (var property in initializer.InitializedProperties)
                        {
                            Check(context, cache, property.Name, initializer.Value);
                        }
                    },
                    OperationKind.PropertyInitializer);

                start.RegisterOperationAction(
                    context =>
                    {
                        var initializer = (IParameterInitializerOperation)context.Operation;
                        Check(context, cache, initializer.Parameter.Name, initializer.Value);
                    },
                    OperationKind.ParameterInitializer);

                start.RegisterOperationAction(
                    context =>
                    {
                        var declarator = (IVariableDeclaratorOperation)context.Operation;
                        var value = declarator.Initializer?.Value;
                        if (value != null)
                        {
                            Check(context, cache, declarator.Symbol.Name, value);
                        }
                    },
                    OperationKind.VariableDeclarator);

                start.RegisterOperationAction(
                    context =>
                    {
                        var assignment = (ISimpleAssignmentOperation)context.Operation;
                        var name = TargetName(assignment.Target);
                        if (name != null)
                        {
                            Check(context, cache, name, assignment.Value, IsCredentialMember(sinks, assignment.Target, name) ? Target.Sink : Target.Named);
                        }
                    },
                    OperationKind.SimpleAssignment);

                start.RegisterOperationAction(
                    context =>
                    {
                        // new NetworkCredential("user", "…"), Connect(password: "…"): the parameter names the value.
                        var argument = (IArgumentOperation)context.Operation;
                        var parameter = argument.Parameter;
                        if (parameter != null && argument.ArgumentKind == ArgumentKind.Explicit)
                        {
                            // The sink decides; an ordinary method's token/key parameter needs a secret-shaped value.
                            Check(context, cache, parameter.Name, argument.Value, sinks.IsCredentialArgument(argument) ? Target.Sink : Target.Parameter);
                        }
                    },
                    OperationKind.Argument);

                start.RegisterOperationAction(
                    context =>
                    {
                        // JSON or env-file text in a literal: "{ \"SecretKey\": \"…\" }", """DB_PASSWORD=…""".
                        var literal = (ILiteralOperation)context.Operation;
                        if (literal.ConstantValue.HasValue && literal.ConstantValue.Value is string text && text.Length >= 16)
                        {
                            CheckEmbedded(context, cache, literal, text);
                        }
                    },
                    OperationKind.Literal);

                start.RegisterOperationAction(
                    context =>
                    {
                        // new NetworkCredential(…), new Secret("…".Sha256()), userManager.CreateAsync(user, "…") when the
                        // package does not resolve: the exact type and method names decide.
                        var invalid = (IInvalidOperation)context.Operation;
                        var index = CredentialSinks.UnresolvedCredentialArgument(invalid, out var sinkName);
                        var arguments = (invalid.Syntax as ObjectCreationExpressionSyntax)?.ArgumentList?.Arguments
                            ?? (invalid.Syntax as InvocationExpressionSyntax)?.ArgumentList.Arguments;
                        if (index >= 0 && arguments is { } list && index < list.Count && list[index].NameColon is null)
                        {
                            var value = invalid.SemanticModel?.GetOperation(list[index].Expression, context.CancellationToken);
                            if (value != null)
                            {
                                Check(context, cache, sinkName, value, Target.Sink);
                            }
                        }
                    },
                    OperationKind.Invalid);

                start.RegisterOperationAction(
                    context =>
                    {
                        // { "Password", "…" } in a collection initializer, dictionary.Add(...), SetEnvironmentVariable(...),
                        // Aspire's WithEnvironment("Seed__AdminPassword", "…"), KeyValuePair.Create("Jwt:Key", "…").
                        var invocation = (IInvocationOperation)context.Operation;
                        var name = invocation.TargetMethod.Name;
                        if ((name == "Add" || name == "TryAdd" || name == "SetEnvironmentVariable" || name == "WithEnvironment" || name == "Create")
                            && invocation.Arguments.Length == 2
                            && (name != "Create" || SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, keyValuePairFactory)))
                        {
                            CheckPair(context, cache, invocation.Arguments[0].Value, invocation.Arguments[1].Value);
                        }
                    },
                    OperationKind.Invocation);

                if (keyValuePair != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var creation = (IObjectCreationOperation)context.Operation;
                            if (creation.Arguments.Length == 2
                                && SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, keyValuePair))
                            {
                                CheckPair(context, cache, creation.Arguments[0].Value, creation.Arguments[1].Value);
                            }
                        },
                        OperationKind.ObjectCreation);
                }
            });
        }

        /// <summary>The name a value is stored under: the member, the local, or the indexer's constant key ("Jwt:Key").</summary>
        private static string? TargetName(IOperation target)
        {
            switch (target)
            {
                case IPropertyReferenceOperation property when property.Property.IsIndexer:
                    return property.Arguments.Length == 1 ? Invocations.ConstantString(property.Arguments[0].Value) : null;
                case IPropertyReferenceOperation property:
                    return property.Property.Name;
                case IFieldReferenceOperation field:
                    return field.Field.Name;
                case ILocalReferenceOperation local:
                    return local.Local.Name;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.Name;
                case IInvalidOperation { Syntax: IdentifierNameSyntax identifier }:
                    // A member of a type that does not resolve (an unrestored package): its name as written.
                    return identifier.Identifier.ValueText;
                case IInvalidOperation { Syntax: MemberAccessExpressionSyntax access }:
                    return access.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }

        /// <summary>True when the assigned member is a credential sink (OIDC ClientSecret, a connection-string builder's Password).</summary>
        private static bool IsCredentialMember(CredentialSinks sinks, IOperation target, string name)
        {
            if (name != "ClientSecret" && name != "Password")
            {
                return false;
            }

            switch (target)
            {
                case IPropertyReferenceOperation property:
                    return sinks.IsCredentialMember(name, property.Property.ContainingType);
                case IInvalidOperation invalid:
                {
                    var model = invalid.SemanticModel;
                    var receiver = invalid.Syntax is MemberAccessExpressionSyntax access
                        ? model?.GetTypeInfo(access.Expression).Type
                        : invalid.Syntax.Parent?.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }
                            ? model?.GetTypeInfo(creation).Type
                            : null;
                    return CredentialSinks.IsUnresolvedCredentialMember(name, receiver);
                }

                default:
                    return false;
            }
        }

        /// <summary>
        /// Credential-named entries of JSON (<c>"SecretKey": "…"</c>) or env-file lines (<c>DB_PASSWORD=…</c>) written inside a
        /// string literal, judged as a configuration file would be; one report per literal.
        /// </summary>
        private static void CheckEmbedded(OperationAnalysisContext context, SecretOptions.Cache cache, IOperation literal, string text)
        {
            // Cheap first: JSON needs a quoted key and a colon, env text a line break and '='.
            var json = text.IndexOf("\":", System.StringComparison.Ordinal) >= 0 || text.IndexOf("\" :", System.StringComparison.Ordinal) >= 0;
            var env = text.IndexOf('\n') >= 0 && text.IndexOf('=') > 0;
            if (!json && !env)
            {
                return;
            }

            SecretOptions? options = null;
            foreach (var (name, value) in EmbeddedEntries(text, json))
            {
                options ??= SecretOptions.For(cache, context.Options, literal.Syntax.SyntaxTree, RuleIds.HardcodedCredential);
                if (!options.IsTestPath(literal.Syntax.SyntaxTree.FilePath) && IsReportedByName(name, value, options))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, literal.Syntax.GetLocation(), name, SecretMask.Mask(value)));
                    return;
                }
            }
        }

        private static System.Collections.Generic.IEnumerable<(string Name, string Value)> EmbeddedEntries(string text, bool json)
        {
            if (json)
            {
                // "name" : "value"
                for (var colon = text.IndexOf(':'); colon > 0; colon = text.IndexOf(':', colon + 1))
                {
                    var keyEnd = colon - 1;
                    while (keyEnd >= 0 && text[keyEnd] == ' ')
                    {
                        keyEnd--;
                    }

                    if (keyEnd <= 0 || text[keyEnd] != '"')
                    {
                        continue;
                    }

                    var keyStart = text.LastIndexOf('"', keyEnd - 1);
                    var valueStart = colon + 1;
                    while (valueStart < text.Length && text[valueStart] == ' ')
                    {
                        valueStart++;
                    }

                    if (keyStart < 0 || valueStart >= text.Length || text[valueStart] != '"')
                    {
                        continue;
                    }

                    var valueEnd = text.IndexOf('"', valueStart + 1);
                    if (valueEnd > valueStart)
                    {
                        yield return (text.Substring(keyStart + 1, keyEnd - keyStart - 1), text.Substring(valueStart + 1, valueEnd - valueStart - 1));
                    }
                }

                yield break;
            }

            // NAME=value, one per line
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                var equals = trimmed.IndexOf('=');
                if (equals > 0 && trimmed[0] != '#' && trimmed.IndexOf(' ', 0, equals) < 0)
                {
                    yield return (trimmed.Substring(0, equals), trimmed.Substring(equals + 1).Trim().Trim('"', '\''));
                }
            }
        }

        /// <summary>What the value is stored in, which decides how secret-looking it must be.</summary>
        private enum Target
        {
            /// <summary>A credential-named field, property, local, default or configuration key: a secret-looking value, not a name.</summary>
            Named,

            /// <summary>An ordinary method's credential-named parameter: a secret-shaped value (high entropy or mixed classes).</summary>
            Parameter,

            /// <summary>An API that takes a credential and nothing else: any non-empty literal.</summary>
            Sink,
        }

        private static void CheckPair(OperationAnalysisContext context, SecretOptions.Cache cache, IOperation key, IOperation value)
        {
            var name = Invocations.ConstantString(key);
            if (name != null)
            {
                Check(context, cache, name, value);
            }
        }

        private static void Check(OperationAnalysisContext context, SecretOptions.Cache cache, string name, IOperation value, Target target = Target.Named)
        {
            ISymbol? through = null;

            // Cheap first: most values are not string literals.
            var literal = target == Target.Sink ? SecretLiterals.FindReaching(value, out through) : SecretLiterals.FindHardcoded(value);
            if (literal is null)
            {
                return;
            }

            var tree = context.Operation.Syntax.SyntaxTree;
            var options = SecretOptions.For(cache, context.Options, tree, RuleIds.HardcodedCredential);

            // A test folder inside an application project holds fixtures, as a test project does.
            if (options.IsTestPath(tree.FilePath))
            {
                return;
            }

            var text = (string)literal.ConstantValue.Value!;
            // config["…"] ?? "disabled": a fallback sentinel is judged like a named value, not as the credential itself.
            if (target == Target.Sink && through is null && Operations.Unwrap(value) is ICoalesceOperation or IConditionalOperation)
            {
                target = Target.Named;
            }

            if (target == Target.Sink)
            {
                // Any literal is a live credential here; one read through a credential-named constant is reported there.
                if (text.Trim().Length == 0 || options.IsUserPlaceholder(text) || Internals.Secrets.SecretValues.IsInstruction(text)
                    || SecretLiterals.BelongsToAnotherRule(text) || CredentialSinks.IsCertificateThumbprint(value, text)
                    || through != null && IsReportedByName(through.Name, text, options))
                {
                    return;
                }
            }
            else if (!IsReportedByName(name, text, options)
                || target == Target.Parameter && !Internals.Secrets.SecretValues.IsSecretShaped(text))
            {
                return;
            }

            if (through != null)
            {
                // Read through a constant, local, field or property: reported where it reaches the sink (no fix there).
                context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), through.Name, SecretMask.Mask(text)));
                return;
            }

            // The fix reads the value from configuration under a key named after the target (never the value).
            var hint = ConfigurationKeys.ForCredential(literal, context.ContainingSymbol);
            context.ReportDiagnostic(Diagnostic.Create(
                Rule, literal.Syntax.GetLocation(), SecretFixProperties.For(hint), name, SecretMask.Mask(text)));
        }

        private static bool IsReportedByName(string name, string text, SecretOptions options)
            => SecretLiterals.IsReportedByName(name, text, options);
    }
}
