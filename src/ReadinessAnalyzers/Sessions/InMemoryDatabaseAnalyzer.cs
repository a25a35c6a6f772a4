using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// RDY5004: EF Core's <c>UseInMemoryDatabase</c> outside Development and test projects.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InMemoryDatabaseAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.InMemoryDatabase,
            title: "EF Core in-memory database outside Development and tests",
            messageFormat: "'UseInMemoryDatabase' is not limited to Development or tests: the data lives in this process only, is lost on restart and differs on every instance; configure a real database provider outside Development",
            description: "The EF Core in-memory provider is a testing tool: no persistence, no transactions, no constraints and one copy "
                + "of the data per process. An app that uses it in production loses every write on restart and answers differently "
                + "on each instance behind a load balancer.");

        private const string InMemoryDbContextOptionsExtensions = "Microsoft.EntityFrameworkCore.InMemoryDbContextOptionsExtensions";
        private const string MethodName = "UseInMemoryDatabase";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var extensions = types.Get(InMemoryDbContextOptionsExtensions);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                if (guard.IsTestProject)
                {
                    return;
                }

                if (extensions != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var method = ((IInvocationOperation)context.Operation).TargetMethod;
                            if (Invocations.Is(method, extensions, MethodName))
                            {
                                Report(context, guard);
                            }
                        },
                        OperationKind.Invocation);
                }

                if (types.MayBeUnrestoredWebCode || extensions != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            // The provider package is not restored or the call is half-typed: the exact method name decides.
                            if (Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation) == MethodName)
                            {
                                Report(context, guard);
                            }
                        },
                        OperationKind.Invalid);
                }
            });
        }

        private static void Report(OperationAnalysisContext context, DevelopmentGuard guard)
        {
            if (!guard.IsDevelopmentOnly(context.Operation))
            {
                // The provider is the database: a fix only where another branch configures production's.
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), DevelopmentOnlyFix.WrapWithAlternativeProperties));
            }
        }
    }
}
