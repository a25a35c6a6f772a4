using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>
    /// RDY4002: EF Core's EnableSensitiveDataLogging() and IdentityModel's ShowPII / LogCompleteSecurityArtifact = true,
    /// outside Development.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SensitiveDataLoggingAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.SensitiveDataLogging,
            title: "Sensitive data logging enabled outside Development",
            messageFormat: "'{0}' is not limited to Development: {1}; enable it only when the environment is Development",
            description: "EnableSensitiveDataLogging() makes EF Core log the values of query parameters and entity keys (passwords, "
                + "personal data). IdentityModelEventSource.ShowPII and LogCompleteSecurityArtifact make Microsoft.IdentityModel "
                + "log personal data and whole tokens, signature included. Turn them on only in Development.");

        private const string DbContextOptionsBuilder = "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder";
        private const string DbContextOptionsBuilderOfT = "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1";
        private const string IdentityModelEventSource = "Microsoft.IdentityModel.Logging.IdentityModelEventSource";

        private const string EnableSensitiveDataLogging = "EnableSensitiveDataLogging";
        private const string ParameterValuesLogged = "EF Core then logs the values of query parameters and entity keys, passwords and personal data included";
        private const string PiiLogged = "IdentityModel then logs personal data from tokens and requests";
        private const string ArtifactsLogged = "IdentityModel then logs complete tokens, signatures included, which anyone reading the logs can replay";

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
                var eventSource = types.Get(IdentityModelEventSource);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                if (optionsBuilder != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var invocation = (IInvocationOperation)context.Operation;
                            var method = invocation.TargetMethod;
                            // DbContextOptionsBuilder<TContext> hides (does not override) the base method: accept both.
                            if ((Invocations.Is(method, optionsBuilder, EnableSensitiveDataLogging) || Invocations.Is(method, optionsBuilderOfT, EnableSensitiveDataLogging))
                                && Invocations.EnablesFlag(invocation))
                            {
                                Report(context, guard, Invocations.CallLocation(invocation), DevelopmentOnlyFix.FlagArgumentProperties, EnableSensitiveDataLogging + "()", ParameterValuesLogged);
                            }
                        },
                        OperationKind.Invocation);
                }

                if (eventSource != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var assignment = (ISimpleAssignmentOperation)context.Operation;
                            if (assignment.Target is IPropertyReferenceOperation property
                                && (property.Property.Name == "ShowPII" || property.Property.Name == "LogCompleteSecurityArtifact")
                                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, eventSource)
                                && Invocations.IsConstantTrue(assignment.Value))
                            {
                                var name = property.Property.Name;
                                Report(context, guard, assignment.Syntax.GetLocation(), DevelopmentOnlyFix.AssignedValueProperties, "IdentityModelEventSource." + name + " = true", name == "ShowPII" ? PiiLogged : ArtifactsLogged);
                            }
                        },
                        OperationKind.SimpleAssignment);
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        // EF Core is not restored or the call is half-typed: the exact method name decides.
                        var invalid = (IInvalidOperation)context.Operation;
                        if (Invocations.UnresolvedMethodName(invalid) == EnableSensitiveDataLogging && Invocations.UnresolvedCallEnablesFlag(invalid))
                        {
                            Report(context, guard, Invocations.CallLocation(invalid), DevelopmentOnlyFix.FlagArgumentProperties, EnableSensitiveDataLogging + "()", ParameterValuesLogged);
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
