using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>What a callback accepts.</summary>
    internal enum CallbackVerdict
    {
        /// <summary>Every return is the literal <c>true</c>.</summary>
        ReturnsTrue,

        /// <summary>Every return hands back the first parameter unchanged, or a constant string (an issuer validator).</summary>
        ReturnsFirstParameter,

        /// <summary>
        /// Every return is a token built or read from the input without validating it: <c>new JsonWebToken(token)</c>,
        /// <c>handler.ReadJwtToken(token)</c>, or a local holding one.
        /// </summary>
        ReturnsUncheckedToken,
    }

    /// <summary>
    /// Reads the source of a callback — a lambda, an anonymous method, a method group, a local holding one — and
    /// decides whether it accepts everything. A callback that throws, or calls anything but logging and token reading,
    /// might reject something and is never judged accepting: precision over recall.
    /// </summary>
    internal static class Callbacks
    {
        private const int MaxLocalDepth = 3;

        /// <summary>True when the callback <paramref name="value"/> holds is in source and always accepts in the sense of <paramref name="verdict"/>.</summary>
        public static bool AlwaysAccepts(IOperation? value, CallbackVerdict verdict)
        {
            if (!TryGetSource(value, 0, out var declaration, out var body))
            {
                return false;
            }

            foreach (var node in body.DescendantNodesAndSelf(static n => !IsNestedFunction(n)))
            {
                if (node.IsKind(SyntaxKind.ThrowStatement) || node.IsKind(SyntaxKind.ThrowExpression))
                {
                    return false;
                }

                if (node is InvocationExpressionSyntax call && !IsHarmlessCall(call))
                {
                    return false;
                }
            }

            if (body is ExpressionSyntax expression)
            {
                return Accepts(expression, verdict, declaration, body);
            }

            var returns = 0;
            foreach (var node in body.DescendantNodes(static n => !IsNestedFunction(n)))
            {
                if (node is ReturnStatementSyntax returnStatement)
                {
                    if (returnStatement.Expression is null || !Accepts(returnStatement.Expression, verdict, declaration, body))
                    {
                        return false;
                    }

                    returns++;
                }
            }

            return returns > 0;
        }

        /// <summary>The declaring node (for its parameters) and body of the callback an operation evaluates to.</summary>
        internal static bool TryGetSource(IOperation? value, int depth, out SyntaxNode declaration, out SyntaxNode body)
        {
            declaration = null!;
            body = null!;
            while (value is IConversionOperation || value is IDelegateCreationOperation || value is IParenthesizedOperation)
            {
                value = value switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IDelegateCreationOperation creation => creation.Target,
                    _ => ((IParenthesizedOperation)value).Operand,
                };
            }

            switch (value)
            {
                case IAnonymousFunctionOperation function when function.Syntax is AnonymousFunctionExpressionSyntax syntax:
                    declaration = syntax;
                    body = syntax.Body;
                    return body != null;

                case IMethodReferenceOperation reference:
                    var references = reference.Method.DeclaringSyntaxReferences;
                    if (references.Length != 1)
                    {
                        return false;
                    }

                    declaration = references[0].GetSyntax();
                    switch (declaration)
                    {
                        case MethodDeclarationSyntax method:
                            body = (SyntaxNode?)method.ExpressionBody?.Expression ?? method.Body!;
                            break;
                        case LocalFunctionStatementSyntax local:
                            body = (SyntaxNode?)local.ExpressionBody?.Expression ?? local.Body!;
                            break;
                    }

                    return body != null;

                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    return TryGetSource(LocalInitializer(local), depth + 1, out declaration, out body);

                default:
                    return false;
            }
        }

        private static IOperation? LocalInitializer(ILocalReferenceOperation local)
        {
            var model = local.SemanticModel;
            if (model is null)
            {
                return null;
            }

            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == model.SyntaxTree && reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    return model.GetOperation(initializer.Value);
                }
            }

            return null;
        }

        private static bool Accepts(ExpressionSyntax expression, CallbackVerdict verdict, SyntaxNode declaration, SyntaxNode body)
        {
            expression = Strip(expression);
            switch (verdict)
            {
                case CallbackVerdict.ReturnsTrue:
                    return expression.IsKind(SyntaxKind.TrueLiteralExpression);

                case CallbackVerdict.ReturnsFirstParameter:
                    return (expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == FirstParameterName(declaration))
                        || (expression.IsKind(SyntaxKind.StringLiteralExpression) && ((LiteralExpressionSyntax)expression).Token.ValueText.Length > 0);

                default:
                    if (expression is IdentifierNameSyntax name && body is BlockSyntax block)
                    {
                        // `var jwt = new JwtSecurityToken(token); return jwt;`
                        var initializer = LocalInitializerSyntax(block, name.Identifier.ValueText);
                        return initializer != null && IsUncheckedToken(Strip(initializer));
                    }

                    return IsUncheckedToken(expression);
            }
        }

        private static bool IsUncheckedToken(ExpressionSyntax expression) =>
            expression is BaseObjectCreationExpressionSyntax
            || (expression is InvocationExpressionSyntax call && IsTokenRead(CalledName(call)));

        private static ExpressionSyntax? LocalInitializerSyntax(BlockSyntax block, string name)
        {
            foreach (var node in block.DescendantNodes(static n => !IsNestedFunction(n)))
            {
                if (node is VariableDeclaratorSyntax declarator && declarator.Identifier.ValueText == name)
                {
                    return declarator.Initializer?.Value;
                }
            }

            return null;
        }

        private static string? FirstParameterName(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case SimpleLambdaExpressionSyntax simple:
                    return simple.Parameter.Identifier.ValueText;
                case ParenthesizedLambdaExpressionSyntax parenthesized when parenthesized.ParameterList.Parameters.Count > 0:
                    return parenthesized.ParameterList.Parameters[0].Identifier.ValueText;
                case AnonymousMethodExpressionSyntax { ParameterList: { } list } when list.Parameters.Count > 0:
                    return list.Parameters[0].Identifier.ValueText;
                case BaseMethodDeclarationSyntax method when method.ParameterList.Parameters.Count > 0:
                    return method.ParameterList.Parameters[0].Identifier.ValueText;
                case LocalFunctionStatementSyntax local when local.ParameterList.Parameters.Count > 0:
                    return local.ParameterList.Parameters[0].Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = suppressed.Operand;
                        break;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        break;
                    default:
                        return expression;
                }
            }
        }

        private static bool IsNestedFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax;

        /// <summary>Calls that cannot reject anything: logging and console output, reading a token without validating it, nameof.</summary>
        private static bool IsHarmlessCall(InvocationExpressionSyntax call)
        {
            var name = CalledName(call);
            if (name is null)
            {
                return false;
            }

            return name.StartsWith("Log", System.StringComparison.Ordinal)
                || name == "Write" || name == "WriteLine" || name == "TraceInformation" || name == "TraceWarning" || name == "TraceError"
                || name == "nameof" || IsTokenRead(name);
        }

        private static bool IsTokenRead(string? name) => name == "ReadToken" || name == "ReadJwtToken" || name == "ReadJsonWebToken";

        private static string? CalledName(InvocationExpressionSyntax call)
        {
            switch (call.Expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.ValueText;
                case MemberBindingExpressionSyntax memberBinding:
                    return memberBinding.Name.Identifier.ValueText;
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                default:
                    return null;
            }
        }
    }
}
