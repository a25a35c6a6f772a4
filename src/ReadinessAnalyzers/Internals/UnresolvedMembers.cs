using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// For assignments that do not bind (an unrestored package, the IDE before restore): the exact names as written, so a
    /// rule may fall back to the member and the type it belongs to by name, never to a looser guess. The counterpart of
    /// <see cref="Invocations.UnresolvedMethodName"/> for properties.
    /// </summary>
    internal static class UnresolvedMembers
    {
        /// <summary>
        /// <c>options.RequireHttpsMetadata</c> or <c>ValidateIssuer</c> in an object initializer, when the target does not
        /// bind: the member's name. Null when the target is resolved or is not a member.
        /// </summary>
        public static string? MemberName(IOperation target)
        {
            if (!(target is IInvalidOperation))
            {
                return null;
            }

            switch (target.Syntax)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.ValueText;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The name the unresolved member belongs to, as written: the type of <c>new TokenValidationParameters { ValidateIssuer = … }</c>,
        /// or the last member of the receiver in <c>options.TokenValidationParameters.ValidateIssuer = …</c>. Null otherwise.
        /// </summary>
        public static string? OwnerName(IOperation target)
        {
            switch (target.Syntax)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return LastName(memberAccess.Expression);

                case IdentifierNameSyntax identifier
                    when identifier.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation } } assignment
                        && assignment.Left == identifier:
                    return creation is ObjectCreationExpressionSyntax named ? LastName(named.Type) : null;

                default:
                    return null;
            }
        }

        /// <summary>The last identifier of a member access or (qualified, alias-qualified) name: <c>Cookie</c> of <c>options.Cookie</c>.</summary>
        internal static string? LastName(SyntaxNode node)
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.ValueText;
                case QualifiedNameSyntax qualified:
                    return qualified.Right.Identifier.ValueText;
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case AliasQualifiedNameSyntax alias:
                    return alias.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }
    }
}
