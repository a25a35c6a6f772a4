using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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
    }
}
