using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// RDY3005: a <c>Set-Cookie</c> header written by hand (<c>Headers.Append/Add/TryAdd("Set-Cookie", …)</c>,
    /// <c>Headers["Set-Cookie"] = …</c>, <c>Headers.SetCookie = …</c>, with the name as text or <c>HeaderNames.SetCookie</c>)
    /// whose text lacks the <c>Secure</c> or <c>HttpOnly</c> attribute. Only texts the compiler can see are judged:
    /// constants, interpolated strings and concatenations (their literal parts).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HandWrittenSetCookieHeaderAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.HandWrittenSetCookieHeader,
            title: "Set-Cookie header written by hand without Secure or HttpOnly",
            messageFormat: "The Set-Cookie header written by hand for {0} lacks {1}; write the cookie with Response.Cookies.Append and CookieOptions {{ Secure = true, HttpOnly = true }}",
            description: "A Set-Cookie header built as text bypasses CookieOptions, the cookie policy and every default of the framework: "
                + "without the Secure attribute the cookie travels over plain HTTP, without HttpOnly any script can read it.");

        private const string HeaderNamesType = "Microsoft.Net.Http.Headers.HeaderNames";
        private const string SetCookie = "Set-Cookie";

        /// <summary>Stands for an interpolation hole or a non-constant operand in the reconstructed header text.</summary>
        private const char Hole = '\u0001';

        [Flags]
        private enum Attributes
        {
            None = 0,
            Secure = 1,
            HttpOnly = 2,
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var headers = types.Get(TypeNames.IHeaderDictionary);
                if (!types.ReferencesAspNetCore || headers is null)
                {
                    return;
                }

                var headerNames = types.Get(HeaderNamesType);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(context => AnalyzeInvocation(context, headers, headerNames, guard), OperationKind.Invocation);
                start.RegisterOperationAction(context => AnalyzeAssignment(context, headers, headerNames, guard), OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol headers, INamedTypeSymbol? headerNames, DevelopmentGuard guard)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name != "Append" && method.Name != "Add" && method.Name != "TryAdd" && method.Name != "AppendCommaSeparatedValues")
            {
                return;
            }

            IOperation? key = null;
            IOperation? value = null;
            foreach (var argument in invocation.Arguments)
            {
                var name = argument.Parameter?.Name;
                if (name == "key")
                {
                    key = argument.Value;
                }
                else if (name == "value" || name == "values")
                {
                    value = argument.Value;
                }
            }

            // The key decides first (List.Add has none); the receiver's type only then.
            if (!IsSetCookieName(key, headerNames))
            {
                return;
            }

            // An extension's receiver is its first argument, converted to the parameter's type (IDictionary<,> for TryAdd).
            var receiver = StripConversions(invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null));
            if (IsHeaderDictionary(receiver?.Type, headers))
            {
                Analyze(context, value, guard);
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol headers, INamedTypeSymbol? headerNames, DevelopmentGuard guard)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!(assignment.Target is IPropertyReferenceOperation target))
            {
                return;
            }

            var property = target.Property;
            var isSetCookie = property.IsIndexer
                ? target.Arguments.Length == 1 && IsSetCookieName(target.Arguments[0].Value, headerNames)
                : property.Name == "SetCookie";
            if (isSetCookie && IsHeaderDictionary(target.Instance?.Type, headers))
            {
                Analyze(context, assignment.Value, guard);
            }
        }

        private static void Analyze(OperationAnalysisContext context, IOperation? value, DevelopmentGuard guard)
        {
            var text = HeaderText(value);
            if (text is null || !TryReadCookie(text, out var cookieName, out var present))
            {
                return;
            }

            var missing = ~present & (Attributes.Secure | Attributes.HttpOnly);
            if (missing == Attributes.HttpOnly
                && ScriptReadableCookies.IsScriptReadable(cookieName, context.Options, context.Operation.Syntax.SyntaxTree, RuleIds.HandWrittenSetCookieHeader))
            {
                // The SPA's XSRF-TOKEN must be readable by scripts; it is Secure, which is all it needs.
                return;
            }

            if (missing == Attributes.None || guard.IsDevelopmentOnly(context.Operation))
            {
                return;
            }

            var what = missing == (Attributes.Secure | Attributes.HttpOnly) ? "Secure and HttpOnly"
                : missing == Attributes.Secure ? "Secure" : "HttpOnly";
            var cookie = cookieName is null ? "a cookie" : "the cookie '" + cookieName + "'";
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), cookie, what));
        }

        private static bool IsHeaderDictionary(ITypeSymbol? type, INamedTypeSymbol headers)
        {
            if (type is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, headers))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, headers))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSetCookieName(IOperation? key, INamedTypeSymbol? headerNames)
        {
            key = StripConversions(key);
            if (key is null)
            {
                return false;
            }

            if (Invocations.ConstantString(key) is string name)
            {
                return string.Equals(name, SetCookie, StringComparison.OrdinalIgnoreCase);
            }

            // HeaderNames.SetCookie is a static readonly field, not a constant.
            return key is IFieldReferenceOperation field
                && field.Field.Name == "SetCookie"
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, headerNames);
        }

        /// <summary>The header value as text, each non-constant part replaced by <see cref="Hole"/>; null when not visible.</summary>
        private static string? HeaderText(IOperation? value)
        {
            value = StripConversions(value);
            if (value is null)
            {
                return null;
            }

            if (Invocations.ConstantString(value) is string constant)
            {
                return constant;
            }

            if (!(value is IInterpolatedStringOperation) && !(value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }))
            {
                return null;
            }

            if (value.Type?.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            var builder = new StringBuilder();
            Append(builder, value);
            return builder.ToString();
        }

        private static void Append(StringBuilder builder, IOperation operation)
        {
            operation = StripConversions(operation)!;
            if (Invocations.ConstantString(operation) is string constant)
            {
                builder.Append(constant);
                return;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation text && Invocations.ConstantString(text.Text) is string literal)
                        {
                            builder.Append(literal);
                        }
                        else
                        {
                            builder.Append(Hole);
                        }
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    Append(builder, binary.LeftOperand);
                    Append(builder, binary.RightOperand);
                    break;
                default:
                    builder.Append(Hole);
                    break;
            }
        }

        /// <summary>
        /// Reads <c>name=value; Attr; Attr=value</c>. False when the text is not recognisably one cookie, when an attribute
        /// is computed (it might be Secure), or when the header deletes the cookie (<c>Max-Age=0</c>).
        /// </summary>
        private static bool TryReadCookie(string text, out string? name, out Attributes present)
        {
            name = null;
            present = Attributes.None;
            var end = text.IndexOf(';');
            var first = end < 0 ? text : text.Substring(0, end);
            var equals = first.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var cookieName = first.Substring(0, equals).Trim();
            if (cookieName.Length == 0)
            {
                return false;
            }

            name = cookieName.IndexOf(Hole) < 0 ? cookieName : null;
            while (end >= 0)
            {
                var start = end + 1;
                end = text.IndexOf(';', start);
                var attribute = (end < 0 ? text.Substring(start) : text.Substring(start, end - start)).Trim();
                if (attribute.Length == 0)
                {
                    continue;
                }

                var attributeEquals = attribute.IndexOf('=');
                var attributeName = (attributeEquals < 0 ? attribute : attribute.Substring(0, attributeEquals)).Trim();
                if (attributeName.IndexOf(Hole) >= 0)
                {
                    return false;
                }

                if (attributeName.Equals("Secure", StringComparison.OrdinalIgnoreCase))
                {
                    present |= Attributes.Secure;
                }
                else if (attributeName.Equals("HttpOnly", StringComparison.OrdinalIgnoreCase))
                {
                    present |= Attributes.HttpOnly;
                }
                else if (attributeName.Equals("Max-Age", StringComparison.OrdinalIgnoreCase)
                    && attribute.Substring(attributeEquals + 1).Trim() == "0")
                {
                    return false;
                }
            }

            return true;
        }

        private static IOperation? StripConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
