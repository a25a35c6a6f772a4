using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>
    /// A named policy (<c>options.AddPolicy("DevCors", p => p.AllowAnyOrigin())</c>) that the same file applies only in
    /// Development (<c>if (env.IsDevelopment()) app.UseCors("DevCors"); else app.UseCors("ProdCors");</c>): its any-origin
    /// setting never reaches production. Asked only when a finding is about to be reported.
    /// </summary>
    internal static class DevelopmentOnlyPolicy
    {
        public static bool IsAppliedOnlyInDevelopment(IOperation operation, DevelopmentGuard guard)
        {
            var model = operation.SemanticModel;
            if (model is null)
            {
                return false;
            }

            string? name = null;
            for (var node = operation.Syntax.Parent; node != null && name is null; node = node.Parent)
            {
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "AddPolicy" } } } } addPolicy
                    && addPolicy.ArgumentList.Arguments.Count >= 2)
                {
                    name = model.GetConstantValue(addPolicy.ArgumentList.Arguments[0].Expression).Value as string;
                    if (name is null)
                    {
                        return false;
                    }
                }
            }

            if (name is null)
            {
                return false;
            }

            var uses = 0;
            foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
            {
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: var method } } } } use
                    && (method == "UseCors" || method == "RequireCors")
                    && use.ArgumentList.Arguments.Count == 1
                    && model.GetConstantValue(use.ArgumentList.Arguments[0].Expression).Value is string applied
                    && applied == name)
                {
                    uses++;
                    var useOperation = model.GetOperation(use);
                    if (useOperation is null || !guard.IsDevelopmentOnly(useOperation))
                    {
                        return false;
                    }
                }
            }

            return uses > 0;
        }
    }
}
