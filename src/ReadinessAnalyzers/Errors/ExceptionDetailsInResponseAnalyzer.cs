using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    /// caught by its own type (<c>catch (ValidationException e)</c>) carries a message written for users and is not reported, nor
    /// is a broad variable inside a branch that narrowed it to a specific type (<c>if (ex is NotFoundException)</c>,
    /// <c>case KeyNotFoundException:</c>, <c>catch (Exception e) when (e is DomainException)</c>): the app's own error mapping.
    /// Sinks: Results/TypedResults and ControllerBase result methods, MVC result objects, ProblemDetails Detail/Title/Extensions,
    /// Response.WriteAsync / WriteAsJsonAsync; the detail may pass through interpolation, concatenation, string methods,
    /// anonymous or DTO objects (also unresolved ones, such as a JObject of an unrestored package), conditionals, locals it is
    /// assigned to, an object or dictionary local it is stored in (<c>error["stack"] = ex.StackTrace; Response.WriteAsync(error.ToString())</c>),
    /// and the app's own method that takes the response (<c>errorModel.WriteToResponse(context.Response)</c>).
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
            private readonly INamedTypeSymbol? _httpResponse;
            private readonly INamedTypeSymbol? _jsonSerializer;

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
                _httpResponse = types.Get(TypeNames.HttpResponse);
                _jsonSerializer = types.Get("System.Text.Json.JsonSerializer");
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
                            return IsBroadException(property.Instance?.Type) && !IsNarrowed(property.Instance) ? (name == "Message" ? "message" : "stack trace") : null;
                        }

                        return IsValueUse(property) && IsBroadException(property.Type) ? "full text" : null;

                    case IInvocationOperation invocation:
                        if (invocation.TargetMethod.Name == "ToString" && invocation.Arguments.Length == 0)
                        {
                            return IsBroadException(invocation.Instance?.Type) && !IsNarrowed(invocation.Instance) ? "full text (ToString)" : null;
                        }

                        return null;

                    case ILocalReferenceOperation _:
                    case IParameterReferenceOperation _:
                        return IsBroadException(operation.Type) && IsValueUse(operation) && !IsNarrowed(operation) ? "full text" : null;

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

                            return WritesToResponse(invocation);

                        case IInvalidOperation invalid:
                            // new JObject(new JProperty("error", ex.Message)) or json.ToString() of an unrestored package.
                            if (IsUnresolvedCarrier(invalid.Syntax))
                            {
                                continue;
                            }

                            // Ok(new JObject(…)): an argument that does not bind leaves the sink call unresolved.
                            return UnresolvedSinkMethod(invalid);

                        case IOperation member when member.Kind == OperationKind.None && current.Parent is IInvalidOperation call && IsUnresolvedCarrier(call.Syntax):
                            // json.ToString on an unresolved json: the member access under the call.
                            continue;

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

                            // errorMessage = ex.Message; … or error["stack"] = ex.StackTrace; error.Detail = …: the local carries it on.
                            return depth < MaxLocalDepth && AssignedLocal(assignment.Target) is ILocalSymbol carrier
                                ? FollowReferences(carrier, assignment, depth)
                                : null;

                        case IVariableInitializerOperation _ when depth < MaxLocalDepth:
                            return FollowLocal(current, depth);

                        default:
                            return null;
                    }
                }

                return null;
            }

            private string? FollowLocal(IOperation initializer, int depth)
                => initializer.Parent is IVariableDeclaratorOperation declarator ? FollowReferences(declarator.Symbol, initializer, depth) : null;

            private string? FollowReferences(ILocalSymbol local, IOperation inBody, int depth)
            {
                var root = inBody;
                while (root.Parent != null)
                {
                    root = root.Parent;
                }

                foreach (var descendant in root.Descendants())
                {
                    if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && FindSink(reference, depth + 1) is string sink)
                    {
                        return sink;
                    }
                }

                return null;
            }

            /// <summary>The local an assignment stores into: the local itself, or the object or dictionary local whose member or element it sets.</summary>
            private static ILocalSymbol? AssignedLocal(IOperation target)
            {
                switch (target)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IPropertyReferenceOperation property when Unwrap(property.Instance) is ILocalReferenceOperation container:
                        return container.Local;
                    case IInvalidOperation invalid when invalid.Syntax is ElementAccessExpressionSyntax || invalid.Syntax is MemberAccessExpressionSyntax:
                        foreach (var child in invalid.ChildOperations)
                        {
                            if (Unwrap(child) is ILocalReferenceOperation unresolvedContainer
                                && unresolvedContainer.Syntax == ((ExpressionSyntax)invalid.Syntax).ChildNodes().FirstOrDefault())
                            {
                                return unresolvedContainer.Local;
                            }
                        }

                        return null;
                    default:
                        return null;
                }
            }

            /// <summary>An object creation or <c>ToString()</c> that does not bind: it carries what it is given.</summary>
            private static bool IsUnresolvedCarrier(SyntaxNode syntax) =>
                syntax is ObjectCreationExpressionSyntax
                || (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "ToString" } } } } call
                    && call.ArgumentList.Arguments.Count == 0);

            /// <summary>
            /// The app's own method, called on or with the detail, that is handed the response:
            /// <c>errorModel.WriteToResponse(context.Response)</c>. Its name, or null.
            /// </summary>
            private string? WritesToResponse(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (method.DeclaringSyntaxReferences.Length == 0 || _httpResponse is null)
                {
                    return null;
                }

                foreach (var argument in invocation.Arguments)
                {
                    var type = Unwrap(argument.Value)?.Type;
                    if (SymbolEqualityComparer.Default.Equals(type, _httpResponse))
                    {
                        return method.Name;
                    }
                }

                return null;
            }

            /// <summary>
            /// True when the exception variable is inside a branch that narrowed it to a specific type: the app maps its own
            /// exception to a response (<c>if (ex is NotFoundException)</c>, <c>case ValidationException:</c>,
            /// <c>catch (Exception e) when (e is DomainException)</c>).
            /// </summary>
            private bool IsNarrowed(IOperation? instance)
            {
                instance = Unwrap(instance);
                ISymbol? symbol = instance switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (symbol is null)
                {
                    return false;
                }

                var child = instance!;
                for (var current = instance!.Parent; current != null; child = current, current = current.Parent)
                {
                    switch (current)
                    {
                        case IConditionalOperation conditional when child == conditional.WhenTrue && NarrowsTo(conditional.Condition, symbol):
                            return true;
                        case ISwitchCaseOperation switchCase when current.Parent is ISwitchOperation @switch && RefersTo(@switch.Value, symbol):
                            foreach (var clause in switchCase.Clauses)
                            {
                                if (clause is IPatternCaseClauseOperation patternClause && IsSpecificPattern(patternClause.Pattern))
                                {
                                    return true;
                                }
                            }

                            break;
                        case ISwitchExpressionArmOperation arm when child == arm.Value && current.Parent is ISwitchExpressionOperation switchExpression
                            && RefersTo(switchExpression.Value, symbol) && IsSpecificPattern(arm.Pattern):
                            return true;
                        case ICatchClauseOperation catchClause when child == catchClause.Handler && catchClause.Filter != null && NarrowsTo(catchClause.Filter, symbol):
                            return true;
                        case IAnonymousFunctionOperation _:
                        case ILocalFunctionOperation _:
                            return false;
                    }
                }

                return false;
            }

            private bool NarrowsTo(IOperation? condition, ISymbol symbol)
            {
                condition = Unwrap(condition);
                switch (condition)
                {
                    case IIsTypeOperation isType:
                        return RefersTo(isType.ValueOperand, symbol) && !IsBroadException(isType.TypeOperand);
                    case IIsPatternOperation isPattern:
                        return RefersTo(isPattern.Value, symbol) && IsSpecificPattern(isPattern.Pattern);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                        return NarrowsTo(and.LeftOperand, symbol) || NarrowsTo(and.RightOperand, symbol);
                    default:
                        return false;
                }
            }

            private bool IsSpecificPattern(IPatternOperation pattern)
            {
                switch (pattern)
                {
                    case ITypePatternOperation type:
                        return !IsBroadException(type.MatchedType);
                    case IDeclarationPatternOperation declaration:
                        return declaration.MatchedType != null && !IsBroadException(declaration.MatchedType);
                    case IRecursivePatternOperation recursive:
                        return recursive.MatchedType != null && !IsBroadException(recursive.MatchedType);
                    case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                        return IsSpecificPattern(or.LeftPattern) && IsSpecificPattern(or.RightPattern);
                    default:
                        return false;
                }
            }

            private static bool RefersTo(IOperation? operation, ISymbol symbol)
            {
                operation = Unwrap(operation);
                var referenced = operation switch
                {
                    ILocalReferenceOperation local => (ISymbol)local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                return referenced != null && SymbolEqualityComparer.Default.Equals(referenced, symbol);
            }

            /// <summary>A call that did not bind because of one argument: the sink its candidate methods all are, or null.</summary>
            private string? UnresolvedSinkMethod(IInvalidOperation invalid)
            {
                if (!(invalid.Syntax is InvocationExpressionSyntax) || invalid.SemanticModel is null)
                {
                    return null;
                }

                string? sink = null;
                foreach (var candidate in invalid.SemanticModel.GetSymbolInfo(invalid.Syntax).CandidateSymbols)
                {
                    var name = candidate is IMethodSymbol method ? SinkMethod(method) : null;
                    if (name is null || (sink != null && sink != name))
                    {
                        return null;
                    }

                    sink = name;
                }

                return sink;
            }

            private string? SinkMethod(IInvocationOperation invocation)
            {
                if (SinkMethod(invocation.TargetMethod) is string sink)
                {
                    return sink;
                }

                // problem.Extensions.Add("exception", …) / TryAdd
                var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                if ((method.Name == "Add" || method.Name == "TryAdd") && IsExtensions(Receiver(invocation)))
                {
                    return "ProblemDetails.Extensions";
                }

                return null;
            }

            private string? SinkMethod(IMethodSymbol target)
            {
                var method = target.ReducedFrom ?? target;
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

            /// <summary>String methods returning text (string.Format/Concat/Join, Substring, Trim …), ToString() and JsonSerializer.Serialize hand the detail on.</summary>
            private bool IsPassThrough(IInvocationOperation invocation) =>
                invocation.Type?.SpecialType == SpecialType.System_String
                && (invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    || (invocation.TargetMethod.Name == "ToString" && invocation.Arguments.Length == 0)
                    || (invocation.TargetMethod.Name == "Serialize" && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _jsonSerializer)));

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
