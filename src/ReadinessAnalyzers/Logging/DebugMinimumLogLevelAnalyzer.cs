using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>
    /// RDY4001: a Trace or Debug minimum log level set in code, outside Development: Microsoft.Extensions.Logging
    /// (SetMinimumLevel, AddFilter, LoggerFilterOptions.MinLevel, LoggerFilterRule), Serilog (MinimumLevel.Debug()/Verbose(),
    /// MinimumLevel.Is/Override(…, Debug), new LoggingLevelSwitch(Debug)). Writing a log entry at Debug level is not a minimum
    /// level and not reported. A Microsoft.Extensions.Logging level that only hands everything to NLog or Serilog
    /// (ClearProviders, then AddNLog/UseNLog/UseSerilog) is not a level. NLog rules in code are per target (a debugger,
    /// an updater log, an error tracker) and apps reset their levels from user settings: they are not judged.
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
        private const string SerilogMinimumLevelConfiguration = "Serilog.Configuration.LoggerMinimumLevelConfiguration";
        private const string SerilogLogEventLevel = "Serilog.Events.LogEventLevel";
        private const string SerilogLoggingLevelSwitch = "Serilog.Core.LoggingLevelSwitch";

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
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                if (types.ReferencesAspNetCore)
                {
                    // Serilog levels are judged for web apps: a console client's verbose log is its operator's business.
                    RegisterSerilog(start, types, guard);
                    start.RegisterOperationAction(context => AnalyzeUnresolvedLibraryCall(context, guard), OperationKind.Invalid);
                }

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
                            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, logLevel)
                                && !(method.Name == "SetMinimumLevel" && HandsLevelsToAnotherLibrary(invocation.Syntax)))
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
                        if ((name != "SetMinimumLevel" && name != "AddFilter")
                            || (name == "SetMinimumLevel" && HandsLevelsToAnotherLibrary(invalid.Syntax)))
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

        /// <summary>Serilog: <c>MinimumLevel.Debug()</c>, <c>MinimumLevel.Is/Override(…, LogEventLevel.Debug)</c>, <c>new LoggingLevelSwitch(Debug)</c>.</summary>
        private static void RegisterSerilog(CompilationStartAnalysisContext start, WellKnownTypes types, DevelopmentGuard guard)
        {
            var minimumLevel = types.Get(SerilogMinimumLevelConfiguration);
            var eventLevel = types.Get(SerilogLogEventLevel);
            if (minimumLevel is null || eventLevel is null)
            {
                return;
            }

            start.RegisterOperationAction(
                context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    var method = invocation.TargetMethod;
                    if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, minimumLevel))
                    {
                        return;
                    }

                    if ((method.Name == "Debug" || method.Name == "Verbose") && method.Parameters.Length == 0)
                    {
                        if (!guard.IsDevelopmentOnly(invocation))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, Invocations.CallLocation(invocation), "MinimumLevel." + method.Name, method.Name));
                        }

                        return;
                    }

                    if (method.Name != "Is" && method.Name != "Override")
                    {
                        return;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, eventLevel))
                        {
                            ReportVerboseLevel(context, guard, eventLevel, argument.Value, "MinimumLevel." + method.Name, fixable: false, traceName: "Verbose");
                        }
                    }
                },
                OperationKind.Invocation);

            var levelSwitch = types.Get(SerilogLoggingLevelSwitch);
            if (levelSwitch is null)
            {
                return;
            }

            start.RegisterOperationAction(
                context =>
                {
                    var creation = (IObjectCreationOperation)context.Operation;
                    if (!SymbolEqualityComparer.Default.Equals(creation.Type, levelSwitch))
                    {
                        return;
                    }

                    foreach (var argument in creation.Arguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, eventLevel))
                        {
                            ReportVerboseLevel(context, guard, eventLevel, argument.Value, "new LoggingLevelSwitch", fixable: false, traceName: "Verbose");
                        }
                    }
                },
                OperationKind.ObjectCreation);
        }

        /// <summary>
        /// Serilog not restored: the exact shapes decide. <c>MinimumLevel.Debug()</c> on a chain that starts at
        /// <c>new LoggerConfiguration()</c> or at the configuration parameter of <c>UseSerilog</c>/<c>AddSerilog</c>;
        /// <c>MinimumLevel.Is/Override(…, LogEventLevel.Debug)</c> on such a chain; <c>new LoggingLevelSwitch(LogEventLevel.Debug)</c>.
        /// </summary>
        private static void AnalyzeUnresolvedLibraryCall(OperationAnalysisContext context, DevelopmentGuard guard)
        {
            var invalid = (IInvalidOperation)context.Operation;
            switch (invalid.Syntax)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } invocation
                    when call.Expression is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "MinimumLevel" } } } minimumLevel
                        && IsSerilogChain(minimumLevel.Expression):
                    var name = call.Name.Identifier.ValueText;
                    if ((name == "Debug" || name == "Verbose") && invocation.ArgumentList.Arguments.Count == 0)
                    {
                        if (!guard.IsDevelopmentOnly(invalid))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, Invocations.CallLocation(invalid), "MinimumLevel." + name, name));
                        }
                    }
                    else if (name == "Is" || name == "Override")
                    {
                        ReportUnresolvedLevelArgument(context, guard, invalid, invocation.ArgumentList, "LogEventLevel", "Verbose", "MinimumLevel." + name);
                    }

                    break;
                case ObjectCreationExpressionSyntax creation when creation.ArgumentList != null:
                    var type = TypeName(creation.Type);
                    if (type == "LoggingLevelSwitch")
                    {
                        ReportUnresolvedLevelArgument(context, guard, invalid, creation.ArgumentList, "LogEventLevel", "Verbose", "new LoggingLevelSwitch");
                    }
                    break;
            }
        }

        private static void ReportUnresolvedLevelArgument(
            OperationAnalysisContext context, DevelopmentGuard guard, IOperation invalid, ArgumentListSyntax arguments, string enumName, string traceName, string member)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (ReportUnresolvedLevel(context, guard, invalid, argument.Expression, enumName, traceName, member))
                {
                    return;
                }
            }
        }

        /// <summary>Reports <c>{enumName}.Debug</c> or <c>{enumName}.{traceName}</c>, written as exactly that member access.</summary>
        private static bool ReportUnresolvedLevel(
            OperationAnalysisContext context, DevelopmentGuard guard, IOperation invalid, ExpressionSyntax expression, string enumName, string traceName, string member)
        {
            if (expression is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: var level } } } access
                && (level == "Debug" || level == traceName)
                && TypeName(access.Expression) == enumName
                && !guard.IsDevelopmentOnly(invalid))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, access.GetLocation(), member, level));
                return true;
            }

            return false;
        }

        /// <summary>The last identifier of a type or member-access name (<c>Serilog.Events.LogEventLevel</c> → LogEventLevel).</summary>
        private static string? TypeName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>A Serilog configuration chain: rooted at <c>new LoggerConfiguration()</c> or a parameter of the lambda given to UseSerilog/AddSerilog.</summary>
        private static bool IsSerilogChain(ExpressionSyntax receiver)
        {
            while (true)
            {
                switch (receiver)
                {
                    case InvocationExpressionSyntax invocation:
                        receiver = invocation.Expression;
                        continue;
                    case MemberAccessExpressionSyntax access:
                        receiver = access.Expression;
                        continue;
                    case ParenthesizedExpressionSyntax parenthesized:
                        receiver = parenthesized.Expression;
                        continue;
                    case ObjectCreationExpressionSyntax creation:
                        return TypeName(creation.Type) == "LoggerConfiguration";
                    case IdentifierNameSyntax identifier:
                        return IsSerilogLambdaParameter(identifier);
                    default:
                        return false;
                }
            }
        }

        private static bool IsSerilogLambdaParameter(IdentifierNameSyntax identifier)
        {
            var name = identifier.Identifier.ValueText;
            for (var node = identifier.Parent; node != null; node = node.Parent)
            {
                if (!(node is LambdaExpressionSyntax lambda))
                {
                    continue;
                }

                var declares = lambda switch
                {
                    SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText == name,
                    ParenthesizedLambdaExpressionSyntax parenthesized => DeclaresParameter(parenthesized.ParameterList, name),
                    _ => false,
                };
                if (declares)
                {
                    return lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
                        && (CalledName(call) == "UseSerilog" || CalledName(call) == "AddSerilog");
                }
            }

            return false;
        }

        private static bool DeclaresParameter(ParameterListSyntax parameters, string name)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// True when a Microsoft.Extensions.Logging minimum only passes everything on to NLog or Serilog, which then filter
        /// by their own rules: the providers are cleared and NLog/Serilog added, in the same lambda or body, or on the
        /// builder chain that holds the lambda (<c>.ConfigureLogging(b =&gt; { b.ClearProviders(); b.SetMinimumLevel(Trace); }).UseNLog()</c>).
        /// </summary>
        private static bool HandsLevelsToAnotherLibrary(SyntaxNode call)
        {
            SyntaxNode? scope = null;
            for (var node = call.Parent; node != null && scope is null; node = node.Parent)
            {
                if (node is AnonymousFunctionExpressionSyntax || node is BaseMethodDeclarationSyntax || node is LocalFunctionStatementSyntax || node is CompilationUnitSyntax)
                {
                    scope = node;
                }
            }

            if (scope is null || !Calls(scope, "ClearProviders"))
            {
                return false;
            }

            if (Calls(scope, "AddNLog") || Calls(scope, "UseNLog") || Calls(scope, "UseSerilog") || Calls(scope, "AddSerilog"))
            {
                return true;
            }

            if (!(scope is AnonymousFunctionExpressionSyntax))
            {
                return false;
            }

            for (var node = scope.Parent; node != null; node = node.Parent)
            {
                if (node is StatementSyntax || node is ArrowExpressionClauseSyntax)
                {
                    return Calls(node, "AddNLog") || Calls(node, "UseNLog") || Calls(node, "UseSerilog") || Calls(node, "AddSerilog");
                }
            }

            return false;
        }

        private static bool Calls(SyntaxNode scope, string name)
        {
            foreach (var node in scope.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation && CalledName(invocation) == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static void ReportVerboseLevel(
            OperationAnalysisContext context, DevelopmentGuard guard, INamedTypeSymbol logLevel, IOperation? value, string member, bool fixable, string traceName = "Trace")
        {
            var level = FindVerboseLevel(value, logLevel, guard);
            if (level != null)
            {
                var name = (int)level.ConstantValue.Value! == Trace ? traceName : "Debug";
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
