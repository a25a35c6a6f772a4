using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>Matching invocations to the exact framework method a rule is about.</summary>
    internal static class Invocations
    {
        /// <summary>
        /// True when <paramref name="method"/> is <paramref name="name"/> declared on <paramref name="type"/>
        /// (called as an extension, static or instance method; overrides of a base method count).
        /// </summary>
        public static bool Is(IMethodSymbol method, INamedTypeSymbol? type, string name)
        {
            if (type is null || method.Name != name)
            {
                return false;
            }

            for (var current = method.ReducedFrom ?? method; current != null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.ContainingType?.OriginalDefinition, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// For code that does not bind (an unrestored package, half-typed code): the invoked method's name, so a rule
        /// may fall back to the exact name. Null when the operation is not an unresolved invocation.
        /// </summary>
        public static string? UnresolvedMethodName(IInvalidOperation operation)
        {
            if (!(operation.Syntax is InvocationExpressionSyntax invocation))
            {
                return null;
            }

            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.ValueText;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText;
                default:
                    return null;
            }
        }

        /// <summary>The constant string an argument or expression evaluates to, or null.</summary>
        public static string? ConstantString(IOperation? operation)
        {
            if (operation is null)
            {
                return null;
            }

            var constant = operation.ConstantValue;
            return constant.HasValue ? constant.Value as string : null;
        }

        /// <summary>
        /// Where to report a call: from the method name to the closing parenthesis (<c>EnableDetailedErrors()</c> in
        /// <c>options.UseNpgsql(cs).EnableDetailedErrors()</c>), so a fluent chain is not underlined whole.
        /// </summary>
        public static Location CallLocation(IOperation invocation)
        {
            var syntax = invocation.Syntax;
            if (syntax is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax memberAccess)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, call.Span.End));
            }

            return syntax.GetLocation();
        }

        /// <summary>True when the expression is the constant <c>true</c>, also through conversions (bool to bool?).</summary>
        public static bool IsConstantTrue(IOperation? operation)
        {
            while (operation is IConversionOperation conversion && !operation.ConstantValue.HasValue)
            {
                operation = conversion.Operand;
            }

            return operation != null && operation.ConstantValue.HasValue && operation.ConstantValue.Value is true;
        }

        /// <summary>
        /// For an <c>EnableX(bool enabled = true)</c> call: true when the flag is turned on for sure, the argument omitted
        /// or the constant true. A variable (<c>EnableX(env.IsDevelopment())</c>) is not.
        /// </summary>
        public static bool EnablesFlag(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
                {
                    return IsConstantTrue(argument.Value);
                }
            }

            return true;
        }

        /// <summary>The same for a call that does not bind: true unless an argument is given that is not the constant true.</summary>
        public static bool UnresolvedCallEnablesFlag(IInvalidOperation invalid)
        {
            if (!(invalid.Syntax is InvocationExpressionSyntax call))
            {
                return false;
            }

            foreach (var child in invalid.ChildOperations)
            {
                var value = child is IArgumentOperation argument ? argument.Value : child;
                if (value.Syntax.Parent is ArgumentSyntax && !IsConstantTrue(value))
                {
                    return false;
                }
            }

            // An argument that did not bind at all (no operation) is not the constant true either.
            return call.ArgumentList.Arguments.Count == 0 || HasConstantTrueChild(invalid);
        }

        private static bool HasConstantTrueChild(IInvalidOperation invalid)
        {
            foreach (var child in invalid.ChildOperations)
            {
                if (IsConstantTrue(child is IArgumentOperation argument ? argument.Value : child))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
