using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes.DevelopmentOnly
{
    /// <summary>
    /// Limits a Development-only call reported outside Development to Development, with <c>IsDevelopment()</c> on the
    /// host environment object in scope: the developer exception page, sensitive-data logging, detailed errors, a
    /// Debug minimum level, ephemeral Data Protection keys; and the in-memory database, distributed memory cache and
    /// in-memory token cache where another branch already supplies production's. The analyzer says how
    /// (<see cref="DevelopmentOnlyFix"/>); <see cref="DevelopmentOnlyEdit"/> does it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DevelopmentOnlyCallFixer)), Shared]
    public sealed class DevelopmentOnlyCallFixer : CodeFixProvider
    {
        private const string EquivalenceKey = nameof(DevelopmentOnlyCallFixer);

        private static readonly FixAllProvider FixAll = FixAllProvider.Create(FixAllInDocumentAsync);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.DebugMinimumLogLevel,
            RuleIds.SensitiveDataLogging,
            RuleIds.DistributedMemoryCache,
            RuleIds.EphemeralDataProtection,
            RuleIds.InMemoryDatabase,
            RuleIds.InMemoryTokenCache,
            RuleIds.DeveloperErrorPage,
            RuleIds.DetailedErrors);

        private static readonly FixAllProvider FixAllOccurrences = FixAllWithoutKey.Wrap(FixAll);

        public override FixAllProvider GetFixAllProvider() => FixAllOccurrences;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryGetKind(diagnostic, out var kind)
                    || !(DevelopmentOnlyEdit.FindTarget(root, diagnostic.Location.SourceSpan) is ExpressionSyntax target)
                    || !(DevelopmentOnlyEdit.Plan(kind, target, model, context.CancellationToken) is DevelopmentOnlyEdit edit))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(edit.Title, _ => Task.FromResult(document.WithSyntaxRoot(edit.Apply(root))), EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool TryGetKind(Diagnostic diagnostic, out string kind)
        {
            kind = diagnostic.Properties.TryGetValue(DevelopmentOnlyFix.Key, out var value) && value != null ? value : string.Empty;
            return kind.Length > 0;
        }

        /// <summary>
        /// Applies the edits of a document one after the other, each planned on the document the previous one produced,
        /// so the result is the one fixing the diagnostics one by one gives: calls next to each other share one <c>if</c>.
        /// </summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // In document order; a call before the chained call it is the receiver of.
            var targets = new List<(ExpressionSyntax Target, SyntaxAnnotation Annotation, string Kind)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.Length))
            {
                if (TryGetKind(diagnostic, out var kind)
                    && DevelopmentOnlyEdit.FindTarget(root, diagnostic.Location.SourceSpan) is ExpressionSyntax target
                    && !targets.Any(t => t.Target == target))
                {
                    targets.Add((target, new SyntaxAnnotation(), kind));
                }
            }

            if (targets.Count == 0)
            {
                return document;
            }

            targets = targets.OrderBy(t => t.Target.SpanStart).ThenBy(t => t.Target.Span.Length).ToList();
            root = root.ReplaceNodes(targets.Select(t => t.Target), (original, rewritten) =>
                rewritten.WithAdditionalAnnotations(targets.First(t => t.Target == original).Annotation));
            document = document.WithSyntaxRoot(root);

            foreach (var (_, annotation, kind) in targets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is null || model is null
                    || !(root.GetAnnotatedNodes(annotation).FirstOrDefault() is ExpressionSyntax target)
                    || !(DevelopmentOnlyEdit.Plan(kind, target, model, cancellationToken) is DevelopmentOnlyEdit edit))
                {
                    continue;
                }

                document = document.WithSyntaxRoot(edit.Apply(root));
            }

            return document;
        }
    }
}
