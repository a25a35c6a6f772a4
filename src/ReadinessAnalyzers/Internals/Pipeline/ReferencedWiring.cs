using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Internals.Pipeline
{
    /// <summary>
    /// The wiring that continues in a referenced project compiled from source (<c>builder.AddServiceDefaults()</c>,
    /// <c>services.AddInfrastructure()</c> of a shared project): read at compilation end from that project's own compilation,
    /// by the exact framework method names (<see cref="PipelineRecorder.SatisfyingCallByName"/>) and that project's Development
    /// guard, following its own wiring methods up to <see cref="MaxDepth"/> calls deep. It may satisfy a rule, never report one.
    /// </summary>
    internal static class ReferencedWiring
    {
        public const int MaxDepth = 2;

        public static void Read(
            Compilation compilation,
            IMethodSymbol entry,
            AnalyzerOptions options,
            HashSet<PipelineCall> production,
            HashSet<PipelineCall> developmentOnly,
            HashSet<ISymbol> visited,
            CancellationToken cancellationToken)
        {
            Read(compilation, entry, options, production, developmentOnly, visited, 0, cancellationToken);
        }

        private static void Read(
            Compilation compilation,
            IMethodSymbol method,
            AnalyzerOptions options,
            HashSet<PipelineCall> production,
            HashSet<PipelineCall> developmentOnly,
            HashSet<ISymbol> visited,
            int depth,
            CancellationToken cancellationToken)
        {
            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                var declaring = DeclaringCompilation(compilation, reference.SyntaxTree);
                if (declaring is null || !visited.Add(method.OriginalDefinition))
                {
                    continue;
                }

#pragma warning disable RS1030 // The referenced project's own compilation: no analysis context exists for it, so its model is asked for here, once per method.
                var model = declaring.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
                var body = model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken);
                if (body is null)
                {
                    continue;
                }

                var guard = DevelopmentGuard.Create(declaring, options);
                foreach (var operation in body.Descendants())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    string? name;
                    IMethodSymbol? target = null;
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            target = invocation.TargetMethod;
                            name = target.Name;
                            break;
                        case IInvalidOperation invalid:
                            name = Invocations.UnresolvedMethodName(invalid);
                            break;
                        default:
                            continue;
                    }

                    if (name is null)
                    {
                        continue;
                    }

                    var developmentOnlyCall = guard.IsDevelopmentOnly(operation);
                    var satisfied = PipelineRecorder.SatisfyingCallByName(name)
                        ?? (name == "CheckHealthAsync" && target?.ContainingType?.Name == "HealthCheckService" ? PipelineCall.HealthChecksMapped : (PipelineCall?)null);
                    if (satisfied is PipelineCall call)
                    {
                        (developmentOnlyCall ? developmentOnly : production).Add(call);
                    }
                    else if (target != null
                        && !developmentOnlyCall
                        && depth + 1 < MaxDepth
                        && !target.DeclaringSyntaxReferences.IsEmpty
                        && SymbolEqualityComparer.Default.Equals((target.ReducedFrom ?? target).ContainingAssembly, declaring.Assembly))
                    {
                        Read(compilation, target.ReducedFrom ?? target, options, production, developmentOnly, visited, depth + 1, cancellationToken);
                    }
                }
            }
        }

        /// <summary>The compilation of a project reference that holds <paramref name="tree"/>; null for this compilation's own trees.</summary>
        private static Compilation? DeclaringCompilation(Compilation compilation, SyntaxTree tree)
        {
            if (compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            foreach (var reference in compilation.References)
            {
                if (reference is CompilationReference compilationReference && compilationReference.Compilation.ContainsSyntaxTree(tree))
                {
                    return compilationReference.Compilation;
                }
            }

            return null;
        }
    }
}
