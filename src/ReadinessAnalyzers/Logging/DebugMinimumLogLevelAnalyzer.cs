using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>
    /// RDY4001: a Trace or Debug minimum log level set in code (SetMinimumLevel, AddFilter, LoggerFilterOptions.MinLevel,
    /// LoggerFilterRule), outside Development. Writing a log entry at Debug level is not a minimum level and not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DebugMinimumLogLevelAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DebugMinimumLogLevel,
            title: "Trace or Debug minimum log level outside Development",
            messageFormat: "'{0}' sets the minimum log level to {1} outside Development: production logs fill with verbose, often sensitive detail; use Information or higher, or limit it to Development",
            description: "Trace and Debug levels log request and SQL details, framework internals and values meant for a developer. "
                + "In production they cost I/O and storage and spread sensitive data to log sinks. Set the minimum level to "
                + "Information or higher outside Development, or read it from configuration.");

        private const string LoggingAssembly = "Microsoft.Extensions.Logging";
        private const string LoggingBuilderExtensions = "Microsoft.Extensions.Logging.LoggingBuilderExtensions";
        private const string FilterLoggingBuilderExtensions = "Microsoft.Extensions.Logging.FilterLoggingBuilderExtensions";
        private const string LoggerFilterOptions = "Microsoft.Extensions.Logging.LoggerFilterOptions";
        private const string LoggerFilterRule = "Microsoft.Extensions.Logging.LoggerFilterRule";

        // LogLevel.Trace = 0, LogLevel.Debug = 1.
        private const int Trace = 0;
        private const int Debug = 1;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var logLevel = types.Get(TypeNames.LogLevel);
                if (logLevel is null)
                {
                    return;
                }

                // LoggingBuilderExtensions is public in Logging and in Logging.Configuration: ask for the one with SetMinimumLevel.
                var loggingBuilderExtensions = types.Get(LoggingBuilderExtensions, LoggingAssembly);
                var filterExtensions = types.Get(FilterLoggingBuilderExtensions);
                var filterOptions = types.Get(LoggerFilterOptions);
                var filterRule = types.Get(LoggerFilterRule);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                start.RegisterOperationAction(
                    context =>
                    {
                        var invocation = (IInvocationOperation)context.Operation;
                        var method = invocation.TargetMethod;
                        if (!(method.Name == "SetMinimumLevel" && Invocations.Is(method, loggingBuilderExtensions, "SetMinimumLevel"))
                            && !(method.Name == "AddFilter" && Invocations.Is(method, filterExtensions, "AddFilter")))
                        {
                            return;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, logLevel))
                            {
                                ReportVerboseLevel(context, guard, logLevel, argument.Value, method.Name, fixable: true);
                            }
                        }
                    },
                    OperationKind.Invocation);

                if (filterRule != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var creation = (IObjectCreationOperation)context.Operation;
                            if (SymbolEqualityComparer.Default.Equals(creation.Type, filterRule))
                            {
                                foreach (var argument in creation.Arguments)
                                {
                                    if (argument.Parameter?.Name == "logLevel")
                                    {
                                        // A rule object handed to other code: no statement to limit to Development, no fix.
                                        ReportVerboseLevel(context, guard, logLevel, argument.Value, "new LoggerFilterRule", fixable: false);
                                    }
                                }
                            }
                        },
                        OperationKind.ObjectCreation);
                }

                if (filterOptions != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var assignment = (ISimpleAssignmentOperation)context.Operation;
                            if (assignment.Target is IPropertyReferenceOperation property
                                && property.Property.Name == "MinLevel"
                                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, filterOptions))
                            {
                                ReportVerboseLevel(context, guard, logLevel, assignment.Value, "LoggerFilterOptions.MinLevel", fixable: true);
                            }
                        },
                        OperationKind.SimpleAssignment);
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        // The logging package is not restored or the call is half-typed: the exact method name decides.
                        var invalid = (IInvalidOperation)context.Operation;
                        var name = Invocations.UnresolvedMethodName(invalid);
                        if (name != "SetMinimumLevel" && name != "AddFilter")
                        {
                            return;
                        }

                        foreach (var child in invalid.ChildOperations)
                        {
                            var value = child is IArgumentOperation argument ? argument.Value : child;
                            ReportVerboseLevel(context, guard, logLevel, value, name!, fixable: true);
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static void ReportVerboseLevel(
            OperationAnalysisContext context, DevelopmentGuard guard, INamedTypeSymbol logLevel, IOperation? value, string member, bool fixable)
        {
            var level = FindVerboseLevel(value, logLevel, guard);
            if (level != null)
            {
                var name = (int)level.ConstantValue.Value! == Trace ? "Trace" : "Debug";
                // The call or assignment can be limited to Development when the level is its value, not one branch of it.
                var properties = fixable && IsWholeValue(value, level) ? DevelopmentOnlyFix.WrapProperties : null;
                context.ReportDiagnostic(Diagnostic.Create(Rule, level.Syntax.GetLocation(), properties, member, name));
            }
        }

        private static bool IsWholeValue(IOperation? value, IOperation level)
        {
            while (value != level && value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value == level;
        }

        /// <summary>
        /// The Trace/Debug constant that <paramref name="value"/> may evaluate to outside Development. A level chosen by a
        /// conditional (<c>env.IsDevelopment() ? LogLevel.Debug : LogLevel.Warning</c>) is judged branch by branch.
        /// </summary>
        private static IOperation? FindVerboseLevel(IOperation? value, INamedTypeSymbol logLevel, DevelopmentGuard guard)
        {
            while (value is IConversionOperation conversion && !IsVerboseConstant(value, logLevel))
            {
                value = conversion.Operand;
            }

            switch (value)
            {
                case null:
                    return null;
                case IConditionalOperation conditional:
                    return FindVerboseLevel(conditional.WhenTrue, logLevel, guard) ?? FindVerboseLevel(conditional.WhenFalse, logLevel, guard);
                case ICoalesceOperation coalesce:
                    return FindVerboseLevel(coalesce.Value, logLevel, guard) ?? FindVerboseLevel(coalesce.WhenNull, logLevel, guard);
                default:
                    return IsVerboseConstant(value, logLevel) && !guard.IsDevelopmentOnly(value) ? value : null;
            }
        }

        private static bool IsVerboseConstant(IOperation value, INamedTypeSymbol logLevel)
            => value.ConstantValue.HasValue
                && value.ConstantValue.Value is int level
                && (level == Trace || level == Debug)
                && SymbolEqualityComparer.Default.Equals(value.Type, logLevel);
    }
}
