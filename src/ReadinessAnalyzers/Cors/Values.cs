using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>What an operand carries: through conversions, and through a local to the value it was declared with.</summary>
    internal static class Values
    {
        /// <summary>How many locals a value is followed through (`var a = …; var b = a;`).</summary>
        public const int MaxLocalDepth = 3;

        public static IOperation? Unwrap(IOperation? operation) => Operations.Unwrap(operation);

        /// <summary>True when <paramref name="operation"/> is the constant string <paramref name="text"/> (ordinal).</summary>
        public static bool IsConstant(IOperation? operation, string text)
        {
            operation = Unwrap(operation);
            return operation != null && operation.ConstantValue.HasValue && operation.ConstantValue.Value is string value && value == text;
        }

        /// <summary>True when <paramref name="operation"/> is the constant <c>true</c>.</summary>
        public static bool IsTrue(IOperation? operation)
        {
            operation = Unwrap(operation);
            return operation != null && operation.ConstantValue.HasValue && operation.ConstantValue.Value is bool value && value;
        }

        /// <summary>
        /// The operation a local was declared with: its initializer, or for <c>out var x</c> the call that fills it.
        /// Null for locals assigned later, or declared in another tree.
        /// </summary>
        public static IOperation? DeclaredValue(ILocalReferenceOperation local)
        {
            var model = local.SemanticModel;
            if (model == null)
            {
                return null;
            }

            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                switch (reference.GetSyntax())
                {
                    case VariableDeclaratorSyntax { Initializer: { } initializer }:
                        var value = initializer.Value;
                        while (value is PostfixUnaryExpressionSyntax suppressed && suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression))
                        {
                            value = suppressed.Operand;
                        }

                        return model.GetOperation(value);

                    case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } }:
                        return model.GetOperation(call);
                }
            }

            return null;
        }

        /// <summary>The outermost operation of the tree <paramref name="operation"/> belongs to (the method or top-level body).</summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
