using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.Sessions;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes.Sessions
{
    /// <summary>
    /// Persists the Data Protection key ring to a store the analyzer found evident in the project
    /// (<see cref="DataProtectionFixProperties"/>): RDY5006 appends the <c>PersistKeysTo*(…)</c> call to
    /// <c>AddDataProtection()</c>, RDY5003 puts it in place of <c>UseEphemeralDataProtectionProvider()</c>. One action per
    /// evident store; none when no store is evident, because a guessed one would lose or expose the keys.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DataProtectionPersistenceFixer)), Shared]
    public sealed class DataProtectionPersistenceFixer : CodeFixProvider
    {
        private const string EphemeralProvider = "UseEphemeralDataProtectionProvider";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.DataProtectionKeysNotPersisted,
            RuleIds.EphemeralDataProtection);

        private static readonly FixAllProvider FixAllOccurrences = FixAllWithoutKey.Wrap(KeyRingFixAllProvider.Instance);

        public override FixAllProvider GetFixAllProvider() => FixAllOccurrences;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Target(root, diagnostic) is null)
                {
                    continue;
                }

                foreach (var store in DataProtectionFixProperties.Stores)
                {
                    if (diagnostic.Properties.TryGetValue(store, out var call) && call != null)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                Title(store, call),
                                ct => PersistAsync(context.Document, ImmutableArray.Create(diagnostic), store, ct),
                                equivalenceKey: EquivalenceKey(store)),
                            diagnostic);
                    }
                }
            }
        }

        /// <summary><c>DataProtectionPersistenceFixer.redis</c>, <c>.azure-blob</c>, <c>.db-context</c>, <c>.file-system</c>.</summary>
        private static string EquivalenceKey(string store) => nameof(DataProtectionPersistenceFixer) + store.Substring(store.LastIndexOf('.'));

        private static string? StoreOf(string equivalenceKey)
        {
            foreach (var store in DataProtectionFixProperties.Stores)
            {
                if (equivalenceKey == EquivalenceKey(store))
                {
                    return store;
                }
            }

            return null;
        }

        private static string Title(string store, string call)
        {
            switch (store)
            {
                case DataProtectionFixProperties.Redis:
                    return "Persist the Data Protection keys to Redis";
                case DataProtectionFixProperties.AzureBlob:
                    return "Persist the Data Protection keys to Azure Blob Storage";
                case DataProtectionFixProperties.DbContext:
                    // PersistKeysToDbContext<global::Shop.KeysDb>() → "(KeysDb)"; Fix All has no single call to name.
                    var open = call.IndexOf('<');
                    var close = call.LastIndexOf('>');
                    var type = open > 0 && close > open ? call.Substring(open + 1, close - open - 1) : null;
                    return "Persist the Data Protection keys to the database" + (type is null ? string.Empty : " (" + type.Substring(type.LastIndexOf('.') + 1) + ")");
                default:
                    return "Persist the Data Protection keys to the configured folder";
            }
        }

        /// <summary>The reported call: <c>AddDataProtection(…)</c>, or <c>x.UseEphemeralDataProtectionProvider()</c>.</summary>
        private static InvocationExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation)
                || invocation.Span != diagnostic.Location.SourceSpan)
            {
                return null;
            }

            if (diagnostic.Id == RuleIds.EphemeralDataProtection
                && !(invocation.Expression is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax { Identifier: { ValueText: EphemeralProvider } } }))
            {
                return null;
            }

            return invocation;
        }

        private static async Task<Document> PersistAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string store, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var edits = new Dictionary<InvocationExpressionSyntax, (InvocationExpressionSyntax Call, bool Replace)>();
            string? import = null;
            foreach (var diagnostic in diagnostics)
            {
                var target = Target(root, diagnostic);
                if (target is null || !diagnostic.Properties.TryGetValue(store, out var text) || text is null
                    || !(SyntaxFactory.ParseExpression(text) is InvocationExpressionSyntax call) || !(call.Expression is SimpleNameSyntax)
                    || call.ContainsDiagnostics)
                {
                    continue;
                }

                edits[target] = (call, diagnostic.Id == RuleIds.EphemeralDataProtection);
                if (diagnostic.Properties.TryGetValue(DataProtectionFixProperties.Import, out var ns) && ns != null)
                {
                    import = ns;
                }
            }

            if (edits.Count == 0)
            {
                return document;
            }

            var rewritten = root.ReplaceNodes(edits.Keys, (original, current) =>
            {
                var (call, replace) = edits[original];
                return replace ? InPlaceOf(current, call) : Appended(original, current, call);
            });

            if (import != null && rewritten is CompilationUnitSyntax unit)
            {
                rewritten = WithUsing(unit, import);
            }

            return document.WithSyntaxRoot(rewritten);
        }

        /// <summary><c>x.UseEphemeralDataProtectionProvider()</c> → <c>x.PersistKeysTo…(…)</c>, keeping the receiver and trivia.</summary>
        private static SyntaxNode InPlaceOf(InvocationExpressionSyntax current, InvocationExpressionSyntax call)
        {
            if (!(current.Expression is MemberAccessExpressionSyntax memberAccess))
            {
                return current;
            }

            var name = Annotate((SimpleNameSyntax)call.Expression).WithTriviaFrom(memberAccess.Name);
            return current
                .WithExpression(memberAccess.WithName(name))
                .WithArgumentList(Annotate(call.ArgumentList).WithTriviaFrom(current.ArgumentList));
        }

        /// <summary>
        /// <c>services.AddDataProtection()</c> → <c>services.AddDataProtection().PersistKeysTo…(…)</c>. When the chain goes
        /// on below (<c>\n    .SetApplicationName(…)</c>), the new call gets a line of its own, indented like the next one.
        /// </summary>
        private static SyntaxNode Appended(InvocationExpressionSyntax original, InvocationExpressionSyntax current, InvocationExpressionSyntax call)
        {
            var trailing = current.GetTrailingTrivia();
            var lineBreak = trailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var name = Annotate((SimpleNameSyntax)call.Expression.WithoutTrivia());
            var arguments = Annotate(call.ArgumentList.WithoutTrivia());
            if (original.Parent is MemberAccessExpressionSyntax next && next.Expression == original && lineBreak.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                var dot = SyntaxFactory.Token(SyntaxKind.DotToken).WithLeadingTrivia(next.OperatorToken.LeadingTrivia);
                return SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, current, dot, name), arguments)
                    .WithTrailingTrivia(lineBreak);
            }

            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, current.WithoutTrailingTrivia(), SyntaxFactory.Token(SyntaxKind.DotToken), name),
                    arguments)
                .WithTrailingTrivia(trailing);
        }

        /// <summary>
        /// Marks the fully qualified names of the new code for simplification: global::System.IO.DirectoryInfo becomes
        /// DirectoryInfo where System.IO is imported, and stays qualified (Azure.Identity.DefaultAzureCredential) where not.
        /// The simplifier reduces names, so each outermost name is annotated, not the argument list.
        /// </summary>
        private static T Annotate<T>(T node)
            where T : SyntaxNode
            => node.ReplaceNodes(
                node.DescendantNodesAndSelf().OfType<NameSyntax>().Where(n => !(n.Parent is NameSyntax)),
                (_, current) => current.WithAdditionalAnnotations(Simplifier.Annotation));

        /// <summary>Adds <c>using {ns};</c> among the file's usings, in order (System first), when it is not there yet.</summary>
        private static CompilationUnitSyntax WithUsing(CompilationUnitSyntax unit, string ns)
        {
            var usings = unit.Usings;
            foreach (var existing in usings)
            {
                if (existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.Name?.ToString() == ns)
                {
                    return unit;
                }
            }

            var lineBreak = FirstLineBreak(unit);
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(lineBreak);

            if (usings.Count == 0)
            {
                // Before the first member, taking over its leading trivia (a file header), then a blank line.
                var first = unit.GetFirstToken(includeZeroWidth: true);
                var header = first.LeadingTrivia;
                directive = directive.WithLeadingTrivia(header).WithTrailingTrivia(lineBreak, lineBreak);
                var stripped = unit.ReplaceToken(first, first.WithLeadingTrivia());
                return stripped.WithUsings(stripped.Usings.Add(directive));
            }

            var index = 0;
            while (index < usings.Count && !IsGlobalOrAfter(usings[index], ns))
            {
                index++;
            }

            if (index == 0)
            {
                // Take over the first using's leading trivia (a file header comment stays at the top).
                directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
                usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia());
            }

            return unit.WithUsings(usings.Insert(index, directive));
        }

        /// <summary>True for a using that comes after <paramref name="ns"/>: System namespaces first, then ordinal order; global usings are skipped.</summary>
        private static bool IsGlobalOrAfter(UsingDirectiveSyntax existing, string ns)
        {
            if (existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
            {
                return false;
            }

            if (existing.Alias != null || !existing.StaticKeyword.IsKind(SyntaxKind.None))
            {
                return true;
            }

            var name = existing.Name?.ToString() ?? string.Empty;
            var existingIsSystem = IsSystem(name);
            var nsIsSystem = IsSystem(ns);
            if (existingIsSystem != nsIsSystem)
            {
                return nsIsSystem;
            }

            return string.Compare(name, ns, StringComparison.Ordinal) > 0;
        }

        private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

        private static SyntaxTrivia FirstLineBreak(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.LineFeed;
        }

        /// <summary>
        /// Fix All: every <c>UseEphemeralDataProtectionProvider()</c> of the scope is replaced (each one keeps keys in memory),
        /// but RDY5006 gets one persisting call per project — the key ring is one per app, and after the first call the
        /// other <c>AddDataProtection()</c> calls are no longer reported. A document's calls are fixed in one edit, with one using.
        /// </summary>
        private sealed class KeyRingFixAllProvider : FixAllProvider
        {
            public static readonly KeyRingFixAllProvider Instance = new KeyRingFixAllProvider();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext context)
            {
                if (!(context.CodeActionEquivalenceKey is { } key) || !(StoreOf(key) is { } store))
                {
                    return Task.FromResult<CodeAction?>(null);
                }

                return Task.FromResult<CodeAction?>(CodeAction.Create(
                    Title(store, string.Empty),
                    ct => FixAllAsync(context, store, ct),
                    key));
            }

            private static async Task<Solution> FixAllAsync(FixAllContext context, string store, CancellationToken cancellationToken)
            {
                var solution = context.Solution;
                var projects = context.Scope == FixAllScope.Solution ? solution.Projects : new[] { context.Project };
                foreach (var project in projects)
                {
                    var diagnostics = context.Scope == FixAllScope.Document && context.Document != null
                        ? await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)
                        : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    var fixable = diagnostics
                        .Where(d => d.Location.IsInSource && d.Properties.TryGetValue(store, out var call) && call != null)
                        .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                        .ThenBy(d => d.Location.SourceSpan.Start)
                        .ToList();
                    var ephemeral = fixable.Where(d => d.Id == RuleIds.EphemeralDataProtection).ToList();
                    var chosen = ephemeral.Count > 0 ? ephemeral : fixable.Take(1).ToList();
                    foreach (var group in chosen.GroupBy(d => d.Location.SourceTree))
                    {
                        var document = solution.GetDocument(group.Key);
                        if (document is null)
                        {
                            continue;
                        }

                        var fixedDocument = await PersistAsync(document, group.ToImmutableArray(), store, cancellationToken).ConfigureAwait(false);
                        var root = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        if (root != null)
                        {
                            solution = solution.WithDocumentSyntaxRoot(document.Id, root);
                        }
                    }
                }

                return solution;
            }
        }
    }
}
