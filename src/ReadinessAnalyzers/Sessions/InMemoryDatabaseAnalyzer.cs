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
            if (!guard.IsDevelopmentOnly(context.Operation) && !IsSwitchedAlternative(context.Operation))
            {
                // The provider is the database: a fix only where another branch configures production's.
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), DevelopmentOnlyFix.WrapWithAlternativeProperties));
            }
        }

        /// <summary>
        /// <c>if (useInMemory) { …UseInMemoryDatabase(…) } else { …UseSqlServer(…) }</c> on a boolean flag: the app configures a
        /// real provider and the in-memory one is a switch someone must turn on (tests, demos). A fallback on a missing
        /// connection string (<c>if (string.IsNullOrEmpty(cs))</c>) is no switch: a misconfigured deployment silently gets it.
        /// </summary>
        private static bool IsSwitchedAlternative(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current != null; child = current, current = current.Parent)
            {
                if (current is IConditionalOperation { WhenFalse: { } whenFalse } conditional
                    && child != conditional.Condition
                    && IsOptInFlag(conditional.Condition))
                {
                    var other = child == conditional.WhenTrue ? whenFalse : conditional.WhenTrue;
                    return ConfiguresAnotherProvider(other.Syntax);
                }
            }

            return false;
        }

        /// <summary>A bool local, parameter, field or property (negated or not), not a constant and not a null/empty test.</summary>
        private static bool IsOptInFlag(IOperation condition)
        {
            condition = Operations.Unwrap(condition)!;
            if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = Operations.Unwrap(not.Operand)!;
            }

            return !condition.ConstantValue.HasValue
                && condition.Type?.SpecialType == SpecialType.System_Boolean
                && (condition is ILocalReferenceOperation || condition is IParameterReferenceOperation
                    || condition is IFieldReferenceOperation || condition is IPropertyReferenceOperation);
        }

        private static bool ConfiguresAnotherProvider(SyntaxNode branch)
        {
            foreach (var node in branch.DescendantNodes())
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                    {
                        Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: var name } } },
                    }
                    && name.Length > 3
                    && name.StartsWith("Use", System.StringComparison.Ordinal)
                    && name != MethodName
                    && (name.EndsWith("Server", System.StringComparison.Ordinal) || name.EndsWith("Sql", System.StringComparison.Ordinal)
                        || name == "UseNpgsql" || name == "UseSqlite" || name == "UseMySql" || name == "UseOracle" || name == "UseCosmos"
                        || name == "UseMySQL" || name == "UseJet" || name == "UseFirebird"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
