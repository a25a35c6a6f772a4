using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// RDY5006: <c>AddDataProtection()</c> while nothing in the compilation persists the key ring (no <c>PersistKeysTo*</c>,
    /// no <c>KeyManagementOptions.XmlRepository</c>). A whole-program question, so it is answered at compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DataProtectionKeysNotPersistedAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DataProtectionKeysNotPersisted,
            title: "Data Protection keys are not persisted",
            messageFormat: "'AddDataProtection()' is configured but no code in this project persists the key ring (PersistKeysTo*, KeyManagementOptions.XmlRepository): keys stay in the container or process, so auth cookies and antiforgery tokens break after a deploy and between instances; call PersistKeysTo* with a shared, durable store",
            description: "Without a persisted, shared key ring every instance generates its own Data Protection keys, and a container "
                + "loses them on redeploy. Cookies and tokens protected by one instance cannot be read by another or after a restart: "
                + "users are signed out and forms fail antiforgery validation. Reported at compilation end, because the persisting "
                + "call may be anywhere in the project.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const string DataProtectionServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions";
        private const string IDataProtectionBuilder = "Microsoft.AspNetCore.DataProtection.IDataProtectionBuilder";
        private const string KeyManagementOptions = "Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions";
        private const string AddDataProtectionName = "AddDataProtection";
        private const string PersistKeysToPrefix = "PersistKeysTo";
        private const string XmlRepositoryName = "XmlRepository";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var serviceExtensions = types.Get(DataProtectionServiceCollectionExtensions);
                var builderType = types.Get(IDataProtectionBuilder);
                if (!types.ReferencesAspNetCore || serviceExtensions is null || builderType is null)
                {
                    return;
                }

                var keyManagementOptions = types.Get(KeyManagementOptions);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                if (guard.IsTestProject)
                {
                    return;
                }

                var state = new KeyRingState();

                start.RegisterOperationAction(
                    context =>
                    {
                        if (state.Persisted)
                        {
                            return;
                        }

                        var invocation = (IInvocationOperation)context.Operation;
                        var method = invocation.TargetMethod;
                        if (method.Name.StartsWith(PersistKeysToPrefix, StringComparison.Ordinal))
                        {
                            if (ExtendsBuilder(method, builderType) && !guard.IsDevelopmentOnly(invocation))
                            {
                                state.Persisted = true;
                            }
                        }
                        else if (Invocations.Is(method, serviceExtensions, AddDataProtectionName) && !guard.IsDevelopmentOnly(invocation))
                        {
                            state.Registrations.Enqueue(invocation);
                        }
                    },
                    OperationKind.Invocation);

                start.RegisterOperationAction(
                    context =>
                    {
                        // A key-ring extension whose package is not restored (PersistKeysToStackExchangeRedis …) still persists.
                        var name = Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation);
                        if (name != null && name.StartsWith(PersistKeysToPrefix, StringComparison.Ordinal) && !guard.IsDevelopmentOnly(context.Operation))
                        {
                            state.Persisted = true;
                        }
                    },
                    OperationKind.Invalid);

                if (keyManagementOptions != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            // services.Configure<KeyManagementOptions>(o => o.XmlRepository = …): a custom persisted repository.
                            var assignment = (ISimpleAssignmentOperation)context.Operation;
                            if (assignment.Target is IPropertyReferenceOperation property
                                && property.Property.Name == XmlRepositoryName
                                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, keyManagementOptions)
                                && !guard.IsDevelopmentOnly(assignment))
                            {
                                state.Persisted = true;
                            }
                        },
                        OperationKind.SimpleAssignment);
                }

                start.RegisterCompilationEndAction(context =>
                {
                    if (state.Persisted)
                    {
                        return;
                    }

                    foreach (var registration in state.Registrations)
                    {
                        // The key stores the fix may offer are looked for only now, when the rule reports.
                        var properties = IsFollowedByEphemeralProvider(registration.Syntax)
                            ? ImmutableDictionary<string, string?>.Empty
                            : DataProtectionFixProperties.For(registration, context.Options, RuleIds.DataProtectionKeysNotPersisted, context.CancellationToken);
                        context.ReportDiagnostic(Diagnostic.Create(Rule, registration.Syntax.GetLocation(), properties));
                    }
                });
            });
        }

        /// <summary>
        /// <c>AddDataProtection().….UseEphemeralDataProtectionProvider()</c>: RDY5003's fix replaces that call with the store,
        /// so this rule offers none (a second PersistKeysTo* would be redundant).
        /// </summary>
        private static bool IsFollowedByEphemeralProvider(SyntaxNode call)
        {
            for (var node = call; node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Expression == node && memberAccess.Parent is InvocationExpressionSyntax next; node = next)
            {
                if (memberAccess.Name.Identifier.ValueText == "UseEphemeralDataProtectionProvider")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A PersistKeysTo* method of any package: an extension (or static helper) taking an IDataProtectionBuilder.</summary>
        private static bool ExtendsBuilder(IMethodSymbol method, INamedTypeSymbol builderType)
        {
            var definition = method.ReducedFrom ?? method;
            return definition.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, builderType);
        }

        /// <summary>What one compilation has seen so far; written from concurrent operation actions.</summary>
        private sealed class KeyRingState
        {
            private volatile bool _persisted;

            public bool Persisted
            {
                get => _persisted;
                set => _persisted = value;
            }

            /// <summary>The AddDataProtection() calls, kept as operations: their semantic model finds the stores a fix may use.</summary>
            public ConcurrentQueue<IInvocationOperation> Registrations { get; } = new ConcurrentQueue<IInvocationOperation>();
        }
    }
}
