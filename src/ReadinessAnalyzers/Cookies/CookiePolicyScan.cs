using System.Threading;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Internals;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// Whether the project installs a cookie policy that makes every cookie Secure and HttpOnly:
    /// <c>UseCookiePolicy</c> is called and some <c>CookiePolicyOptions</c> set <c>HttpOnly = HttpOnlyPolicy.Always</c>
    /// and <c>Secure = CookieSecurePolicy.Always</c> together (same initializer or same lambda/method body).
    /// The policy may live in any file, so this reads the syntax of the whole compilation once, lazily, and only when a
    /// rule is about to report; it only ever suppresses a report. <c>HttpOnlyPolicy</c> exists only for CookiePolicyOptions.
    /// </summary>
    internal sealed class CookiePolicyScan
    {
        private const int Unknown = 0;
        private const int Enforced = 1;
        private const int NotEnforced = 2;

        private readonly Compilation _compilation;
        private int _state;

        public CookiePolicyScan(Compilation compilation) => _compilation = compilation;

        public bool EnforcesSecureAndHttpOnly(CancellationToken cancellationToken)
        {
            var state = Volatile.Read(ref _state);
            if (state == Unknown)
            {
                // Computed without caching a cancellation: a cancelled scan is simply redone next time.
                state = Scan(cancellationToken) ? Enforced : NotEnforced;
                Volatile.Write(ref _state, state);
            }

            return state == Enforced;
        }

        private bool Scan(CancellationToken cancellationToken)
        {
            var usesPolicy = false;
            var enforcing = false;
            foreach (var tree in _compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation && NameOf(invocation.Expression) == "UseCookiePolicy")
                    {
                        usesPolicy = true;
                    }
                    else if (!enforcing && node is AssignmentExpressionSyntax assignment
                        && IsSetting(assignment, "HttpOnly", "HttpOnlyPolicy"))
                    {
                        enforcing = HasSecureAlwaysBeside(assignment);
                    }

                    if (usesPolicy && enforcing)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>… .Property = EnumType.Always</c> (the enum name possibly qualified).</summary>
        private static bool IsSetting(AssignmentExpressionSyntax assignment, string property, string enumType)
            => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                && NameOf(assignment.Left) == property
                && assignment.Right is MemberAccessExpressionSyntax value
                && value.Name.Identifier.ValueText == "Always"
                && NameOf(value.Expression) == enumType;

        private static bool HasSecureAlwaysBeside(AssignmentExpressionSyntax httpOnly)
        {
            SyntaxNode? scope = httpOnly.Parent;
            while (scope != null && !(scope is InitializerExpressionSyntax) && !(scope is BlockSyntax) && !(scope is LambdaExpressionSyntax)
                && !(scope is CompilationUnitSyntax))
            {
                scope = scope.Parent;
            }

            if (scope is null)
            {
                return false;
            }

            foreach (var node in scope.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment && IsSetting(assignment, "Secure", "CookieSecurePolicy"))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? NameOf(ExpressionSyntax expression) => UnresolvedMembers.LastName(expression);
    }
}
