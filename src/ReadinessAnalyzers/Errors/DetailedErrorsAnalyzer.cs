using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Errors
{
    /// <summary>
    /// RDY8002: detailed errors switched on outside Development: EF Core EnableDetailedErrors(), SignalR
    /// HubOptions.EnableDetailedErrors = true, Blazor Server CircuitOptions.DetailedErrors = true.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DetailedErrorsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DetailedErrors,
            title: "Detailed errors enabled outside Development",
            messageFormat: "'{0}' is not limited to Development: {1}; enable it only when the environment is Development",
            description: "EF Core's EnableDetailedErrors(), SignalR's EnableDetailedErrors and Blazor Server's DetailedErrors put "
                + "exception messages and internals into errors that reach logs or, for SignalR and Blazor, the browser. "
                + "Turn them on only in Development.");

        private const string DbContextOptionsBuilder = "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder";
        private const string DbContextOptionsBuilderOfT = "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1";
        private const string HubOptions = "Microsoft.AspNetCore.SignalR.HubOptions";
        private const string CircuitOptions = "Microsoft.AspNetCore.Components.Server.CircuitOptions";

        private const string EnableDetailedErrors = "EnableDetailedErrors";
        private const string EfConsequence = "EF Core then wraps data-reading errors with column and value details and does extra checks on every query";
        private const string SignalRConsequence = "exception messages from hub methods are sent to every client";
        private const string BlazorConsequence = "exception details from circuits are sent to the browser";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var optionsBuilder = types.Get(DbContextOptionsBuilder);
                var optionsBuilderOfT = types.Get(DbContextOptionsBuilderOfT);
                var hubOptions = types.Get(HubOptions);
                var circuitOptions = types.Get(CircuitOptions);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                if (optionsBuilder != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var invocation = (IInvocationOperation)context.Operation;
                            var method = invocation.TargetMethod;
                            // DbContextOptionsBuilder<TContext> hides (does not override) the base method: accept both.
                            if ((Invocations.Is(method, optionsBuilder, EnableDetailedErrors) || Invocations.Is(method, optionsBuilderOfT, EnableDetailedErrors))
                                && Invocations.EnablesFlag(invocation))
                            {
                                Report(context, guard, Invocations.CallLocation(invocation), DevelopmentOnlyFix.FlagArgumentProperties, EnableDetailedErrors + "()", EfConsequence);
                            }
                        },
                        OperationKind.Invocation);
                }

                if (hubOptions != null || circuitOptions != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var assignment = (ISimpleAssignmentOperation)context.Operation;
                            if (!(assignment.Target is IPropertyReferenceOperation property) || !Invocations.IsConstantTrue(assignment.Value))
                            {
                                return;
                            }

                            var name = property.Property.Name;
                            var declaringType = property.Property.ContainingType;
                            if (name == "EnableDetailedErrors" && SymbolEqualityComparer.Default.Equals(declaringType, hubOptions))
                            {
                                Report(context, guard, assignment.Syntax.GetLocation(), DevelopmentOnlyFix.AssignedValueProperties, "HubOptions.EnableDetailedErrors = true", SignalRConsequence);
                            }
                            else if (name == "DetailedErrors" && SymbolEqualityComparer.Default.Equals(declaringType, circuitOptions))
                            {
                                Report(context, guard, assignment.Syntax.GetLocation(), DevelopmentOnlyFix.AssignedValueProperties, "CircuitOptions.DetailedErrors = true", BlazorConsequence);
                            }
                        },
                        OperationKind.SimpleAssignment);
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        // EF Core is not restored or the call is half-typed: the exact method name decides.
                        var invalid = (IInvalidOperation)context.Operation;
                        if (Invocations.UnresolvedMethodName(invalid) == EnableDetailedErrors && Invocations.UnresolvedCallEnablesFlag(invalid))
                        {
                            Report(context, guard, Invocations.CallLocation(invalid), DevelopmentOnlyFix.FlagArgumentProperties, EnableDetailedErrors + "()", EfConsequence);
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static void Report(
            OperationAnalysisContext context, DevelopmentGuard guard, Location location, ImmutableDictionary<string, string?> properties, string member, string consequence)
        {
            if (!guard.IsDevelopmentOnly(context.Operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, member, consequence));
            }
        }
    }
}
