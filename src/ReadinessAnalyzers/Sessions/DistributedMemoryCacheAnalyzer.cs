using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// RDY5001: <c>AddDistributedMemoryCache()</c> outside Development: the <c>IDistributedCache</c> (and the session
    /// store behind <c>AddSession</c>) lives in one process's memory.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DistributedMemoryCacheAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DistributedMemoryCache,
            title: "Distributed cache kept in process memory outside Development",
            messageFormat: "'AddDistributedMemoryCache()' is not limited to Development: every instance gets its own IDistributedCache and a restart empties it{0}; register a shared store (Redis, SQL Server, a database-backed IDistributedCache) outside Development",
            description: "AddDistributedMemoryCache registers an IDistributedCache that is not distributed: it lives in the process. "
                + "Behind a load balancer each instance sees a different cache, and a deploy or restart loses everything in it, "
                + "including the sessions AddSession stores there. Use it only in Development.");

        private const string MemoryCacheServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.MemoryCacheServiceCollectionExtensions";
        private const string SessionServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions";
        private const string MethodName = "AddDistributedMemoryCache";
        private const string SessionMethodName = "AddSession";

        private const string WithSession = ", and AddSession in this file stores sessions in it, so users lose their session when a request reaches another instance or after a restart";

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

                var memoryCacheExtensions = types.Get(MemoryCacheServiceCollectionExtensions);
                var sessionExtensions = types.Get(SessionServiceCollectionExtensions);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                if (memoryCacheExtensions != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var method = ((IInvocationOperation)context.Operation).TargetMethod;
                            if (Invocations.Is(method, memoryCacheExtensions, MethodName))
                            {
                                Report(context, guard, sessionExtensions);
                            }
                        },
                        OperationKind.Invocation);
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        // The call does not bind (half-typed code): the exact method name decides.
                        if (Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation) == MethodName)
                        {
                            Report(context, guard, sessionExtensions);
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static void Report(OperationAnalysisContext context, DevelopmentGuard guard, INamedTypeSymbol? sessionExtensions)
        {
            if (guard.IsDevelopmentOnly(context.Operation))
            {
                return;
            }

            var withSession = CallsAddSessionInSameFile(context.Operation, sessionExtensions, context.CancellationToken) ? WithSession : string.Empty;
            // Production needs a shared IDistributedCache in its place: a fix only where another branch registers one.
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), DevelopmentOnlyFix.WrapWithAlternativeProperties, withSession));
        }

        /// <summary>
        /// Only for the message, and only once a diagnostic is certain: AddSession next to the cache registration means
        /// sessions are lost. One file, not the compilation, so the rule stays live while typing.
        /// </summary>
        private static bool CallsAddSessionInSameFile(IOperation operation, INamedTypeSymbol? sessionExtensions, System.Threading.CancellationToken cancellationToken)
        {
            var model = operation.SemanticModel;
            if (sessionExtensions is null || model is null)
            {
                return false;
            }

            var root = operation.Syntax.SyntaxTree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation
                    && invocation.Expression is MemberAccessExpressionSyntax memberAccess
                    && memberAccess.Name.Identifier.ValueText == SessionMethodName
                    && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                    && Invocations.Is(method, sessionExtensions, SessionMethodName))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
