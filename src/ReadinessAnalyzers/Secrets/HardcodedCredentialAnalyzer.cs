using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
                            Check(context, cache, name, assignment.Value);
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
                            Check(context, cache, parameter.Name, argument.Value);
                        }
                    },
                    OperationKind.Argument);

                start.RegisterOperationAction(
                    context =>
                    {
                        // { "Password", "…" } in a collection initializer, dictionary.Add(...), SetEnvironmentVariable(...),
                        // KeyValuePair.Create("Jwt:Key", "…").
                        var invocation = (IInvocationOperation)context.Operation;
                        var name = invocation.TargetMethod.Name;
                        if ((name == "Add" || name == "TryAdd" || name == "SetEnvironmentVariable" || name == "Create")
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
                default:
                    return null;
            }
        }

        private static void CheckPair(OperationAnalysisContext context, SecretOptions.Cache cache, IOperation key, IOperation value)
        {
            var name = Invocations.ConstantString(key);
            if (name != null)
            {
                Check(context, cache, name, value);
            }
        }

        private static void Check(OperationAnalysisContext context, SecretOptions.Cache cache, string name, IOperation value)
        {
            // Cheap first: most values are not string literals.
            var literal = SecretLiterals.FindHardcoded(value);
            if (literal is null)
            {
                return;
            }

            var options = SecretOptions.For(cache, context.Options, context.Operation.Syntax.SyntaxTree, RuleIds.HardcodedCredential);
            if (!options.Names.IsCredentialName(name))
            {
                return;
            }

            var text = (string)literal.ConstantValue.Value!;
            if (!SecretLiterals.IsCredentialValue(text, name, options) || SecretLiterals.BelongsToAnotherRule(text))
            {
                return;
            }

            // The fix reads the value from configuration under a key named after the target (never the value).
            var hint = ConfigurationKeys.ForCredential(literal, context.ContainingSymbol);
            context.ReportDiagnostic(Diagnostic.Create(
                Rule, literal.Syntax.GetLocation(), SecretFixProperties.For(hint), name, SecretMask.Mask(text)));
        }
    }
}
