using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ReadinessAnalyzers.CodeFixes.Cookies
{
    /// <summary>
    /// Cookie settings as syntax: the values are written fully qualified and marked for the simplifier, so they read
    /// <c>SameSiteMode.Lax</c> where the namespace is imported and still compile where it is not.
    /// </summary>
    internal static class CookieSettings
    {
        /// <summary><c>Member = value</c>; a dotted <paramref name="value"/> is a fully qualified name.</summary>
        public static AssignmentExpressionSyntax Assignment(ExpressionSyntax target, string value)
            => SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                target,
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                Value(value));

        /// <summary>The expression for a value the analyzer names: <c>true</c>, or a fully qualified enum member.</summary>
        public static ExpressionSyntax Value(string value)
        {
            var qualified = value.IndexOf('.') > 0 && !char.IsDigit(value[0]);
            return SyntaxFactory.ParseExpression(qualified ? "global::" + value : value).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        /// <summary>The type name <c>global::Microsoft.AspNetCore.Http.<paramref name="type"/></c>, to simplify.</summary>
        public static TypeSyntax HttpType(string type)
            => SyntaxFactory.ParseTypeName("global::Microsoft.AspNetCore.Http." + type).WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
