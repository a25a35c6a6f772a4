using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Errors
{
    /// <summary>
    /// RDY8003: the message, stack trace or text of an unexpected exception sent to the client. An exception is unexpected
    /// when its static type is a broad one (<c>Exception</c>, <c>SystemException</c>, <c>ApplicationException</c>,
    /// <c>AggregateException</c>, <c>TargetInvocationException</c>, a <c>DbException</c>): a catch-all variable,
    /// <c>IExceptionHandlerFeature.Error</c>, <c>IExceptionHandler</c>'s parameter, <c>InnerException</c>. A domain exception
    /// caught by its own type (<c>catch (ValidationException e)</c>) carries a message written for users and is not reported.
    /// Sinks: Results/TypedResults and ControllerBase result methods, MVC result objects, ProblemDetails Detail/Title/Extensions,
    /// Response.WriteAsync / WriteAsJsonAsync; the detail may pass through interpolation, concatenation, string methods,
    /// anonymous or DTO objects, conditionals, and one local.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExceptionDetailsInResponseAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.ExceptionDetailsInResponse,
            title: "Exception details sent to the client",
            messageFormat: "'{0}' sends the {1} of an unexpected exception to the client through '{2}': it can reveal code, SQL, file paths, hosts and library versions; log the exception and return a generic message with a trace id",
            description: "Messages and stack traces of unexpected exceptions are written for developers: they name tables, columns, "
                + "files, hosts and versions. Log them, and send the client a generic problem response (ProblemDetails with a trace id).");

        private const string ResultsType = "Microsoft.AspNetCore.Http.Results";
        private const string TypedResultsType = "Microsoft.AspNetCore.Http.TypedResults";
        private const string ControllerBaseType = "Microsoft.AspNetCore.Mvc.ControllerBase";
        private const string ControllerType = "Microsoft.AspNetCore.Mvc.Controller";
        private const string ResponseWritingType = "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions";
        private const string ResponseJsonType = "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions";
        private const string ProblemDetailsType = "Microsoft.AspNetCore.Mvc.ProblemDetails";
        private const string ObjectResultType = "Microsoft.AspNetCore.Mvc.ObjectResult";
        private const string ContentResultType = "Microsoft.AspNetCore.Mvc.ContentResult";
        private const string JsonResultType = "Microsoft.AspNetCore.Mvc.JsonResult";
        private const string DbExceptionType = "System.Data.Common.DbException";
        private const string TargetInvocationExceptionType = "System.Reflection.TargetInvocationException";

        /// <summary>How many locals a detail is followed through (<c>var detail = ex.ToString(); … Problem(detail)</c>).</summary>
        private const int MaxLocalDepth = 2;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                if (!types.ReferencesAspNetCore)
                {
                    return;
                }

                var model = new Sinks(types);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    context =>
                    {
                        var operation = context.Operation;
                        var what = model.Detail(operation);
                        if (what is null)
                        {
                            return;
                        }

                        var sink = model.FindSink(operation, 0);
                        if (sink != null && !guard.IsDevelopmentOnly(operation))
                        {
                            // `feature?.Error.Message`: the member binding alone (`.Error.Message`) is no place to point at.
                            var shown = operation;
                            while (shown.Parent is IConditionalAccessOperation access && access.WhenNotNull == shown)
                            {
                                shown = access;
                            }

                            var text = shown.Syntax.ToString();
                            context.ReportDiagnostic(Diagnostic.Create(
                                Rule,
                                shown.Syntax.GetLocation(),
                                text.Length <= 60 ? text : text.Substring(0, 60) + "…",
                                what,
                                sink));
                        }
                    },
                    OperationKind.PropertyReference,
                    OperationKind.Invocation,
                    OperationKind.LocalReference,
                    OperationKind.ParameterReference);
            });
        }

        /// <summary>The exception types and response sinks of one compilation.</summary>
        private sealed class Sinks
        {
            private readonly INamedTypeSymbol? _exception;
            private readonly INamedTypeSymbol? _systemException;
            private readonly INamedTypeSymbol? _applicationException;
            private readonly INamedTypeSymbol? _aggregateException;
            private readonly INamedTypeSymbol? _targetInvocationException;
            private readonly INamedTypeSymbol? _dbException;
            private readonly INamedTypeSymbol? _results;
            private readonly INamedTypeSymbol? _typedResults;
            private readonly INamedTypeSymbol? _controllerBase;
            private readonly INamedTypeSymbol? _controller;
            private readonly INamedTypeSymbol? _responseWriting;
            private readonly INamedTypeSymbol? _responseJson;
            private readonly INamedTypeSymbol? _problemDetails;
            private readonly INamedTypeSymbol? _objectResult;
            private readonly INamedTypeSymbol? _contentResult;
            private readonly INamedTypeSymbol? _jsonResult;

            public Sinks(WellKnownTypes types)
            {
                _exception = types.Get("System.Exception");
                _systemException = types.Get("System.SystemException");
                _applicationException = types.Get("System.ApplicationException");
                _aggregateException = types.Get("System.AggregateException");
                _targetInvocationException = types.Get(TargetInvocationExceptionType);
                _dbException = types.Get(DbExceptionType);
                _results = types.Get(ResultsType);
                _typedResults = types.Get(TypedResultsType);
                _controllerBase = types.Get(ControllerBaseType);
                _controller = types.Get(ControllerType);
                _responseWriting = types.Get(ResponseWritingType);
                _responseJson = types.Get(ResponseJsonType);
                _problemDetails = types.Get(ProblemDetailsType);
                _objectResult = types.Get(ObjectResultType);
                _contentResult = types.Get(ContentResultType);
                _jsonResult = types.Get(JsonResultType);
            }

            /// <summary>
            /// What of an unexpected exception <paramref name="operation"/> reads ("message", "stack trace", "full text"),
            /// or null. The exception itself counts where it is used as a value (interpolated, concatenated, serialised).
            /// </summary>
            public string? Detail(IOperation operation)
            {
                switch (operation)
                {
                    case IPropertyReferenceOperation property:
                        var name = property.Property.Name;
                        if (name == "Message" || name == "StackTrace")
                        {
                            return IsBroadException(property.Instance?.Type) ? (name == "Message" ? "message" : "stack trace") : null;
                        }

                        return IsValueUse(property) && IsBroadException(property.Type) ? "full text" : null;

                    case IInvocationOperation invocation:
                        if (invocation.TargetMethod.Name == "ToString" && invocation.Arguments.Length == 0)
                        {
                            return IsBroadException(invocation.Instance?.Type) ? "full text (ToString)" : null;
                        }

                        return null;

                    case ILocalReferenceOperation _:
                    case IParameterReferenceOperation _:
                        return IsBroadException(operation.Type) && IsValueUse(operation) ? "full text" : null;

                    default:
                        return null;
                }
            }

            /// <summary>
            /// The response sink the value of <paramref name="operation"/> flows into, named for the message; null when it
            /// goes anywhere else first (a user method, a log call, a comparison).
            /// </summary>
            public string? FindSink(IOperation operation, int depth)
            {
                var child = operation;
                for (var current = operation.Parent; current != null; child = current, current = current.Parent)
                {
                    switch (current)
                    {
                        case IConversionOperation _:
                        case IParenthesizedOperation _:
                        case IInterpolationOperation _:
                        case IInterpolatedStringOperation _:
                        case ICoalesceOperation _:
                        case IArgumentOperation _:
                        case IArrayInitializerOperation _:
                        case IArrayCreationOperation _:
                        case IAnonymousObjectCreationOperation _:
                        case IObjectOrCollectionInitializerOperation _:
                        case IMemberInitializerOperation _:
                        case IConditionalAccessOperation access when child == access.WhenNotNull:
                            continue;

                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                            continue;

                        case IConditionalOperation conditional when child != conditional.Condition:
                            continue;

                        case IInvocationOperation invocation:
                            if (SinkMethod(invocation) is string sinkMethod && child is IArgumentOperation)
                            {
                                return sinkMethod;
                            }

                            if (IsPassThrough(invocation))
                            {
                                continue;
                            }

                            return null;

                        case IObjectCreationOperation creation:
                            if (child is IArgumentOperation && IsResultObject(creation.Type))
                            {
                                return "new " + creation.Type!.Name;
                            }

                            // A DTO or anonymous-like object carrying the detail: follow the object.
                            if (creation.Type?.SpecialType == SpecialType.None && !IsBroadException(creation.Type) && !DerivesFrom(creation.Type, _exception))
                            {
                                continue;
                            }

                            return null;

                        case ISimpleAssignmentOperation assignment when child == assignment.Value:
                            if (SinkProperty(assignment.Target) is string sinkProperty)
                            {
                                return sinkProperty;
                            }

                            if (current.Parent is IObjectOrCollectionInitializerOperation || current.Parent is IAnonymousObjectCreationOperation)
                            {
                                continue;
                            }

                            return null;

                        case IVariableInitializerOperation _ when depth < MaxLocalDepth:
                            return FollowLocal(current, depth);

                        default:
                            return null;
                    }
                }

                return null;
            }

            private string? FollowLocal(IOperation initializer, int depth)
            {
                if (!(initializer.Parent is IVariableDeclaratorOperation declarator))
                {
                    return null;
                }

                var root = initializer;
                while (root.Parent != null)
                {
                    root = root.Parent;
                }

                foreach (var descendant in root.Descendants())
                {
                    if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol)
                        && FindSink(reference, depth + 1) is string sink)
                    {
                        return sink;
                    }
                }

                return null;
            }

            private string? SinkMethod(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                var type = method.ContainingType?.OriginalDefinition;
                if (type is null)
                {
                    return null;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _results) || SymbolEqualityComparer.Default.Equals(type, _typedResults))
                {
                    return type.Name + "." + method.Name;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _controllerBase) || SymbolEqualityComparer.Default.Equals(type, _controller))
                {
                    return method.Name;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _responseWriting) || SymbolEqualityComparer.Default.Equals(type, _responseJson))
                {
                    return "Response." + method.Name;
                }

                // problem.Extensions.Add("exception", …) / TryAdd
                if ((method.Name == "Add" || method.Name == "TryAdd") && IsExtensions(Receiver(invocation)))
                {
                    return "ProblemDetails.Extensions";
                }

                return null;
            }

            private string? SinkProperty(IOperation target)
            {
                if (!(target is IPropertyReferenceOperation property))
                {
                    return null;
                }

                var symbol = property.Property;
                if (symbol.IsIndexer)
                {
                    return IsExtensions(property.Instance) ? "ProblemDetails.Extensions" : null;
                }

                var containing = symbol.ContainingType;
                switch (symbol.Name)
                {
                    case "Detail":
                    case "Title":
                        return DerivesFrom(containing, _problemDetails) ? "ProblemDetails." + symbol.Name : null;
                    case "Content":
                        return DerivesFrom(containing, _contentResult) ? "ContentResult.Content" : null;
                    case "Value":
                        return DerivesFrom(containing, _objectResult) || DerivesFrom(containing, _jsonResult) ? containing.Name + ".Value" : null;
                    default:
                        return null;
                }
            }

            private bool IsExtensions(IOperation? operation)
            {
                operation = Unwrap(operation);
                return operation is IPropertyReferenceOperation { Property: { Name: "Extensions" } } extensions
                    && DerivesFrom(extensions.Property.ContainingType, _problemDetails);
            }

            private bool IsResultObject(ITypeSymbol? type) =>
                DerivesFrom(type, _objectResult) || DerivesFrom(type, _jsonResult) || DerivesFrom(type, _contentResult);

            /// <summary>String methods returning text (string.Format/Concat/Join, Substring, Trim …) and ToString() hand the detail on.</summary>
            private static bool IsPassThrough(IInvocationOperation invocation) =>
                invocation.Type?.SpecialType == SpecialType.System_String
                && (invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    || (invocation.TargetMethod.Name == "ToString" && invocation.Arguments.Length == 0));

            /// <summary>True when the exception is used as a value, not as the receiver of a member (<c>ex.Message</c>, <c>ex?.Data</c>).</summary>
            private static bool IsValueUse(IOperation operation)
            {
                var parent = operation.Parent;
                switch (parent)
                {
                    case IMemberReferenceOperation member when member.Instance == operation:
                    case IInvocationOperation invocation when invocation.Instance == operation:
                    case IConditionalAccessOperation access when access.Operation == operation:
                    case IIsTypeOperation _:
                    case IIsPatternOperation _:
                    case IThrowOperation _:
                        return false;
                    default:
                        return parent != null;
                }
            }

            private bool IsBroadException(ITypeSymbol? type)
            {
                // Cheap first: every broad type's name ends with "Exception".
                if (type is null || type.TypeKind != TypeKind.Class || !type.Name.EndsWith("Exception", StringComparison.Ordinal))
                {
                    return false;
                }

                return SymbolEqualityComparer.Default.Equals(type, _exception)
                    || SymbolEqualityComparer.Default.Equals(type, _systemException)
                    || SymbolEqualityComparer.Default.Equals(type, _applicationException)
                    || SymbolEqualityComparer.Default.Equals(type, _aggregateException)
                    || SymbolEqualityComparer.Default.Equals(type, _targetInvocationException)
                    || DerivesFrom(type, _dbException);
            }

            private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
            {
                if (baseType is null)
                {
                    return false;
                }

                for (var current = type; current != null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static IOperation? Receiver(IInvocationOperation invocation) =>
                invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

            private static IOperation? Unwrap(IOperation? operation) => Operations.Unwrap(operation);
        }
    }
}
