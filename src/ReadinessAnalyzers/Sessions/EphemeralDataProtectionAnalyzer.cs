using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// RDY5003: <c>UseEphemeralDataProtectionProvider()</c> or <c>new EphemeralDataProtectionProvider()</c> outside
    /// Development: the Data Protection keys exist only in this process's memory.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EphemeralDataProtectionAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.EphemeralDataProtection,
            title: "Ephemeral Data Protection keys outside Development",
            messageFormat: "'{0}' is not limited to Development: its keys live only in this process, so auth cookies, antiforgery tokens and protected payloads break on restart and on every other instance; persist a shared key ring (PersistKeysTo*) instead",
            description: "The ephemeral Data Protection provider generates keys in memory. Everything it protects (authentication and "
                + "session cookies, antiforgery tokens, TempData, protected query strings) becomes unreadable after a restart or on "
                + "another instance. Use it only in Development or tests.");

        private const string DataProtectionBuilderExtensions = "Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions";
        private const string EphemeralDataProtectionProvider = "Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider";
        private const string MethodName = "UseEphemeralDataProtectionProvider";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                if (!types.MayBeUnrestoredWebCode)
                {
                    return;
                }

                var builderExtensions = types.Get(DataProtectionBuilderExtensions);
                var ephemeralProvider = types.Get(EphemeralDataProtectionProvider);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                if (builderExtensions != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var invocation = (IInvocationOperation)context.Operation;
                            if (Invocations.Is(invocation.TargetMethod, builderExtensions, MethodName) && !guard.IsDevelopmentOnly(invocation))
                            {
                                // builder.UseEphemeralDataProtectionProvider(): one fix, the best available. A store evident in
                                // the project replaces the call (DataProtectionPersistenceFixer); else the call is limited to
                                // Development (DevelopmentOnlyCallFixer), leaving production the default key ring.
                                var properties = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax _ }
                                    ? DataProtectionFixProperties.For(invocation, context.Options, RuleIds.EphemeralDataProtection, context.CancellationToken)
                                    : ImmutableDictionary<string, string?>.Empty;
                                context.ReportDiagnostic(Diagnostic.Create(
                                    Rule,
                                    invocation.Syntax.GetLocation(),
                                    properties.IsEmpty ? DevelopmentOnlyFix.WrapProperties : properties,
                                    MethodName + "()"));
                            }
                        },
                        OperationKind.Invocation);
                }

                if (ephemeralProvider != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var type = ((IObjectCreationOperation)context.Operation).Type;
                            if (type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ephemeralProvider))
                            {
                                // An instance handed to other code: no call to limit to Development, no fix.
                                Report(context, guard, "new EphemeralDataProtectionProvider()", null);
                            }
                        },
                        OperationKind.ObjectCreation);
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        // The call does not bind (half-typed code): the exact method name decides.
                        if (Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation) == MethodName)
                        {
                            Report(context, guard, MethodName + "()", DevelopmentOnlyFix.WrapProperties);
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static void Report(OperationAnalysisContext context, DevelopmentGuard guard, string what, ImmutableDictionary<string, string?>? properties)
        {
            if (!guard.IsDevelopmentOnly(context.Operation))
            {
                // Without the ephemeral provider production uses the default key ring, which RDY5006 asks to persist.
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties, what));
            }
        }
    }
}
