using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>
    /// RDY2004: the request's Origin header echoed into Access-Control-Allow-Origin without an allow-list check — a
    /// wildcard that also works with credentials. An echo inside (or after) a condition that tests the origin against
    /// something other than null/empty is the correct pattern and is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReflectedOriginAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.RequestOriginReflected,
            title: "Request Origin reflected into Access-Control-Allow-Origin",
            messageFormat: "'{0}' copies the request's Origin header into Access-Control-Allow-Origin unchecked: every website is trusted, with your users' cookies if credentials are allowed; compare the origin with an allow-list first, or use the CORS middleware",
            description: "Echoing the Origin request header back trusts whatever origin asks, like a wildcard, but unlike '*' browsers "
                + "also accept it with Access-Control-Allow-Credentials. Check the origin against the configured origins before echoing it.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var header = types.ReferencesAspNetCore ? AllowOriginHeader.Create(types) : null;
                if (header is null)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    context =>
                    {
                        var value = header.WrittenValue(context.Operation, out var how);
                        if (value != null && IsRequestOrigin(value, header, 0) && !IsChecked(context.Operation, header)
                            && !guard.IsDevelopmentOnly(context.Operation))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), how));
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment);
            });
        }

        /// <summary>
        /// True when a value is the request's Origin header: read directly, through ToString()/First()/[0]/?? and casts,
        /// or through locals declared with it (<c>var origin = …</c>, <c>TryGetValue("Origin", out var origin)</c>).
        /// </summary>
        private static bool IsRequestOrigin(IOperation? operation, AllowOriginHeader header, int depth)
        {
            operation = Values.Unwrap(operation);
            if (operation is null)
            {
                return false;
            }

            if (header.IsOriginRead(operation))
            {
                return true;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when depth < Values.MaxLocalDepth:
                    return IsRequestOrigin(Values.DeclaredValue(local), header, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsRequestOrigin(coalesce.Value, header, depth);
                case IPropertyReferenceOperation { Property: { IsIndexer: true } } element:
                    return IsRequestOrigin(element.Instance, header, depth);
                case IInvocationOperation invocation when IsPassThrough(invocation):
                    return IsRequestOrigin(Receiver(invocation), header, depth);
                default:
                    return false;
            }
        }

        /// <summary>Calls that hand on the origin they are called on: ToString(), First(), Trim() …</summary>
        private static bool IsPassThrough(IInvocationOperation invocation)
        {
            switch (invocation.TargetMethod.Name)
            {
                case "ToString":
                case "First":
                case "FirstOrDefault":
                case "Single":
                case "SingleOrDefault":
                case "Last":
                case "LastOrDefault":
                case "Trim":
                case "ToLower":
                case "ToLowerInvariant":
                    return Receiver(invocation) != null;
                default:
                    return false;
            }
        }

        private static IOperation? Receiver(IInvocationOperation invocation) =>
            invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        /// <summary>
        /// True when the write sits inside a condition that tests the origin, or after one in an enclosing block
        /// (<c>if (!allowed.Contains(origin)) return;</c>).
        /// </summary>
        private static bool IsChecked(IOperation write, AllowOriginHeader header)
        {
            var child = write;
            for (var current = write.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                        if (TestsOrigin(conditional.Condition, header))
                        {
                            return true;
                        }

                        break;

                    case ISwitchOperation switchOperation when child != switchOperation.Value:
                        if (TestsOrigin(switchOperation.Value, header))
                        {
                            return true;
                        }

                        break;

                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (statement is IConditionalOperation earlier && TestsOrigin(earlier.Condition, header))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a condition uses the origin for more than a null/empty/presence test, or hands the request (the
        /// HttpContext, the HttpRequest, its headers) to a method that can check it (<c>IsAllowed(context)</c>).
        /// </summary>
        private static bool TestsOrigin(IOperation condition, AllowOriginHeader header)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if ((operation is ILocalReferenceOperation || header.IsOriginRead(operation))
                    && IsRequestOrigin(operation, header, 0)
                    && !IsPresenceTest(operation))
                {
                    return true;
                }

                if (operation is IArgumentOperation argument && header.CarriesRequestHeaders(Values.Unwrap(argument.Value)?.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a use of the origin only asks whether there is one: <c>TryGetValue(…, out origin)</c>,
        /// <c>IsNullOrEmpty(origin)</c>, <c>origin != null</c>, <c>origin is not null</c>, <c>origin.Count &gt; 0</c>.
        /// </summary>
        private static bool IsPresenceTest(IOperation use)
        {
            if (use is IInvocationOperation { TargetMethod: { Name: "TryGetValue" } })
            {
                return true;
            }

            // Climb through what hands the origin on unchanged: casts, ToString(), First(), out var declarations.
            while (true)
            {
                var parent = use.Parent;
                if (parent is IConversionOperation || parent is IDeclarationExpressionOperation
                    || (parent is IInvocationOperation call && call.Instance == use && IsPassThrough(call)))
                {
                    use = parent;
                }
                else if (parent is IArgumentOperation { Parent: IInvocationOperation extension } argument
                    && extension.Instance is null && extension.Arguments[0] == argument && IsPassThrough(extension))
                {
                    use = extension;
                }
                else
                {
                    break;
                }
            }

            switch (use.Parent)
            {
                case IArgumentOperation argument:
                    if (argument.Parameter?.RefKind == RefKind.Out)
                    {
                        return true;
                    }

                    var name = (argument.Parent as IInvocationOperation)?.TargetMethod.Name;
                    return name == "IsNullOrEmpty" || name == "IsNullOrWhiteSpace" || name == "Any";

                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals:
                    var other = binary.LeftOperand == use ? binary.RightOperand : binary.LeftOperand;
                    return IsNullOrEmptyConstant(other);

                case IIsPatternOperation isPattern:
                    var pattern = isPattern.Pattern;
                    while (pattern is INegatedPatternOperation negated)
                    {
                        pattern = negated.Pattern;
                    }

                    return !(pattern is IConstantPatternOperation constant) || IsNullOrEmptyConstant(constant.Value);

                case IPropertyReferenceOperation property when property.Instance == use:
                    return property.Property.Name == "Count" || property.Property.Name == "Length";

                default:
                    return false;
            }
        }

        private static bool IsNullOrEmptyConstant(IOperation? operation)
        {
            operation = Values.Unwrap(operation);
            if (operation is IDefaultValueOperation)
            {
                return true;
            }

            return operation != null && operation.ConstantValue.HasValue
                && (operation.ConstantValue.Value is null || operation.ConstantValue.Value is string text && text.Length == 0);
        }
    }
}
