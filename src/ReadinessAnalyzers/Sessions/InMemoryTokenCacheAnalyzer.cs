using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// RDY5005: Microsoft.Identity.Web's <c>AddInMemoryTokenCaches()</c> outside Development: the users' access and
    /// refresh tokens are cached in one process.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InMemoryTokenCacheAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.InMemoryTokenCache,
            title: "User token cache kept in process memory outside Development",
            messageFormat: "'AddInMemoryTokenCaches()' is not limited to Development: the signed-in users' tokens are cached in this process only, so after a restart or on another instance token acquisition fails and users must sign in again; use AddDistributedTokenCaches() with a shared IDistributedCache",
            description: "Microsoft.Identity.Web's in-memory token cache keeps the access and refresh tokens it acquires for signed-in users "
                + "in the process. On a restart, a scale-out or a request routed to another instance the cache is empty: calls to "
                + "downstream APIs throw MsalUiRequiredException and users are sent through sign-in again.");

        private const string AppCallsWebApiBuilder = "Microsoft.Identity.Web.MicrosoftIdentityAppCallsWebApiAuthenticationBuilder";
        private const string InMemoryTokenCacheProviderExtension = "Microsoft.Identity.Web.TokenCacheProviders.InMemory.InMemoryTokenCacheProviderExtension";
        private const string MethodName = "AddInMemoryTokenCaches";

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

                var appCallsWebApiBuilder = types.Get(AppCallsWebApiBuilder);
                var serviceCollectionExtension = types.Get(InMemoryTokenCacheProviderExtension);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                if (appCallsWebApiBuilder != null || serviceCollectionExtension != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var method = ((IInvocationOperation)context.Operation).TargetMethod;
                            if (Invocations.Is(method, appCallsWebApiBuilder, MethodName)
                                || Invocations.Is(method, serviceCollectionExtension, MethodName))
                            {
                                Report(context, guard);
                            }
                        },
                        OperationKind.Invocation);
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        // Microsoft.Identity.Web is not restored or the call is half-typed: the exact method name decides.
                        if (Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation) == MethodName)
                        {
                            Report(context, guard);
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static void Report(OperationAnalysisContext context, DevelopmentGuard guard)
        {
            if (!guard.IsDevelopmentOnly(context.Operation))
            {
                // Token acquisition needs a cache: a fix only where another branch registers production's.
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), DevelopmentOnlyFix.WrapWithAlternativeProperties));
            }
        }
    }
}
