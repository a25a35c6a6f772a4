using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ReadinessAnalyzers.CodeFixes.Internals
{
    /// <summary>
    /// Wraps a fixer's Fix All provider so that a Fix All asked without an equivalence key still fixes. dotnet format
    /// asks Fix All in the solution with the key of the first action offered for the first diagnostic it finds, and
    /// with no key when that one diagnostic has no fix (a secret in a <c>const</c>, a call with no environment in
    /// scope); a provider that matches keys then fixes nothing, for every diagnostic of the ID. Here the missing key is
    /// the key of the first fix offered in the scope, in document and position order, so one unfixable diagnostic does
    /// not block the others.
    /// </summary>
    internal sealed class FixAllWithoutKey : FixAllProvider
    {
        private readonly FixAllProvider inner;

        private FixAllWithoutKey(FixAllProvider inner) => this.inner = inner;

        public static FixAllProvider Wrap(FixAllProvider inner) => new FixAllWithoutKey(inner);

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => inner.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey != null)
            {
                return await inner.GetFixAsync(fixAllContext).ConfigureAwait(false);
            }

            var key = await FirstKeyAsync(fixAllContext).ConfigureAwait(false);
            if (key is null)
            {
                return null;
            }

            var provider = new SameDiagnostics(fixAllContext);
            var keyed = fixAllContext.Document is { } document
                ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, provider, fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, provider, fixAllContext.CancellationToken);
            return await inner.GetFixAsync(keyed).ConfigureAwait(false);
        }

        private static async Task<string?> FirstKeyAsync(FixAllContext context)
        {
            var diagnostics = new List<Diagnostic>();
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document != null:
                    diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false));
                    break;
                default:
                    foreach (var project in context.Solution.Projects)
                    {
                        diagnostics.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
            }

            diagnostics.Sort(static (a, b) =>
            {
                var byPath = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
                return byPath != 0 ? byPath : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            });

            foreach (var diagnostic in diagnostics)
            {
                if (context.Solution.GetDocument(diagnostic.Location.SourceTree) is not { } document)
                {
                    continue;
                }

                string? key = null;
                var fixContext = new CodeFixContext(
                    document,
                    diagnostic,
                    (action, _) => key ??= action.EquivalenceKey,
                    context.CancellationToken);
                await context.CodeFixProvider.RegisterCodeFixesAsync(fixContext).ConfigureAwait(false);
                if (key != null)
                {
                    return key;
                }
            }

            return null;
        }

        /// <summary>The wrapped context's diagnostics, for the keyed context that replaces it.</summary>
        private sealed class SameDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext context;

            public SameDiagnostics(FixAllContext context) => this.context = context;

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => GetAsync(context.GetDocumentDiagnosticsAsync(document));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => GetAsync(context.GetProjectDiagnosticsAsync(project));

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => GetAsync(context.GetAllDiagnosticsAsync(project));

            private static async Task<IEnumerable<Diagnostic>> GetAsync<T>(Task<T> diagnostics)
                where T : IEnumerable<Diagnostic>
                => await diagnostics.ConfigureAwait(false);
        }
    }
}
