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
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes
{
    /// <summary>
    /// Removes a callback that accepts everything (<see cref="RemovalFixProperties.RemoveAssignment"/>): a token validator
    /// returning true (RDY7002), a certificate callback returning true (RDY6001). The property falls back to its default,
    /// the built-in validation. Offered where the assignment is a statement of its own or an object-initializer member;
    /// not where it is a lambda's expression body or part of a larger expression, which cannot lose it and stay the same code.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AcceptAllCallbackFixer)), Shared]
    public sealed class AcceptAllCallbackFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.AlwaysTrueTokenValidator,
            RuleIds.CertificateValidationDisabled);

        // Removals next to each other (two members of one initializer) must be made in one edit: a document-wide fix.
        private static readonly FixAllProvider FixAllOccurrences = FixAllWithoutKey.Wrap(FixAllProvider.Create(
            async (context, document, diagnostics) => await RemoveAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)));

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
                var assignment = RemovableAssignment(root, diagnostic);
                if (assignment is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove '" + PropertyName(assignment) + "' and use the built-in validation",
                        ct => RemoveAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                        equivalenceKey: nameof(AcceptAllCallbackFixer)),
                    diagnostic);
            }
        }

        private static async Task<Document> RemoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var assignments = new HashSet<AssignmentExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                var assignment = RemovableAssignment(root, diagnostic);
                if (assignment != null)
                {
                    assignments.Add(assignment);
                }
            }

            // A removal inside another one (a callback assigned within a removed callback) goes with the outer one.
            assignments.RemoveWhere(a => a.Ancestors().Any(ancestor => ancestor is AssignmentExpressionSyntax outer && assignments.Contains(outer)));
            if (assignments.Count == 0)
            {
                return document;
            }

            var statements = new List<SyntaxNode>();
            var initializers = new Dictionary<InitializerExpressionSyntax, HashSet<int>>();
            foreach (var assignment in assignments)
            {
                if (assignment.Parent is InitializerExpressionSyntax initializer)
                {
                    if (!initializers.TryGetValue(initializer, out var removed))
                    {
                        removed = new HashSet<int>();
                        initializers.Add(initializer, removed);
                    }

                    removed.Add(initializer.Expressions.IndexOf(assignment));
                }
                else if (assignment.Parent is ExpressionStatementSyntax statement)
                {
                    statements.Add(statement.Parent is GlobalStatementSyntax global ? global : statement);
                }
            }

            // An initializer left empty goes with its braces: new HttpClientHandler { X = … } → new HttpClientHandler().
            var replaced = new Dictionary<SyntaxNode, InitializerExpressionSyntax>();
            foreach (var pair in initializers)
            {
                var emptied = pair.Value.Count == pair.Key.Expressions.Count && !pair.Key.ContainsDirectives;
                var owner = emptied && pair.Key.Parent is BaseObjectCreationExpressionSyntax creation ? creation : (SyntaxNode)pair.Key;
                replaced.Add(owner, pair.Key);
            }

            var tracked = root.TrackNodes(statements.Concat(replaced.Keys));
            var owners = replaced.Keys.ToDictionary(key => tracked.GetCurrentNode(key)!, key => key);
            var rewritten = tracked.ReplaceNodes(owners.Keys, (original, current) =>
            {
                var initializer = replaced[owners[original]];
                var removed = initializers[initializer];
                switch (current)
                {
                    case ObjectCreationExpressionSyntax creation:
                        return WithoutInitializer(creation);
                    case ImplicitObjectCreationExpressionSyntax implicitCreation:
                        return WithoutInitializer(implicitCreation);
                    case InitializerExpressionSyntax currentInitializer:
                        return WithoutMembers(currentInitializer, removed);
                    default:
                        return current;
                }
            });

            foreach (var statement in statements)
            {
                rewritten = WithoutStatement(rewritten, rewritten.GetCurrentNode(statement));
            }

            return document.WithSyntaxRoot(rewritten);
        }

        /// <summary>The reported assignment when the analyzer asks for its removal and the syntax allows it; else null.</summary>
        private static AssignmentExpressionSyntax? RemovableAssignment(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(RemovalFixProperties.Remove, out var what) || what != RemovalFixProperties.Assignment
                || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree
                || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax assignment)
                || assignment.Span != diagnostic.Location.SourceSpan)
            {
                return null;
            }

            if (HasInnerDirectives(assignment.Parent is ExpressionStatementSyntax statement ? statement : (SyntaxNode)assignment))
            {
                // #if … inside the removed code could lose its #endif.
                return null;
            }

            switch (assignment.Parent)
            {
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression):
                    return assignment;
                case ExpressionStatementSyntax owner when owner.Parent is BlockSyntax || owner.Parent is GlobalStatementSyntax || owner.Parent is SwitchSectionSyntax:
                    return assignment;
                default:
                    // An expression-bodied lambda, an embedded statement (if (x) a = b;), a value that is used: no removal keeps it valid.
                    return null;
            }
        }

        /// <summary>
        /// Removes a statement with its comments and line break; the directives on the lines above it (#pragma, #region)
        /// stay, moved to the next token.
        /// </summary>
        private static SyntaxNode WithoutStatement(SyntaxNode root, SyntaxNode? statement)
        {
            if (statement is null)
            {
                return root;
            }

            var directives = DirectiveLines(statement.GetLeadingTrivia());
            if (directives.Count > 0)
            {
                var tracked = root.TrackNodes(statement);
                var next = tracked.GetCurrentNode(statement)?.GetLastToken().GetNextToken(includeZeroWidth: true) ?? default;
                if (next.RawKind != 0)
                {
                    root = tracked.ReplaceToken(next, next.WithLeadingTrivia(directives.AddRange(next.LeadingTrivia)));
                    statement = root.GetCurrentNode(statement);
                    if (statement is null)
                    {
                        return root;
                    }
                }
            }

            return root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        }

        /// <summary>The directive lines of a leading trivia list, each with its indentation.</summary>
        private static SyntaxTriviaList DirectiveLines(SyntaxTriviaList leading)
        {
            var result = new List<SyntaxTrivia>();
            SyntaxTrivia? indentation = null;
            foreach (var trivia in leading)
            {
                if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    indentation = trivia;
                }
                else if (trivia.IsDirective)
                {
                    if (indentation is { } whitespace)
                    {
                        result.Add(whitespace);
                    }

                    result.Add(trivia);
                    indentation = null;
                }
                else
                {
                    indentation = null;
                }
            }

            return SyntaxFactory.TriviaList(result);
        }

        /// <summary>True when a directive sits inside the node, not only on the lines above it.</summary>
        private static bool HasInnerDirectives(SyntaxNode node)
        {
            if (!node.ContainsDirectives)
            {
                return false;
            }

            var first = node.GetFirstToken();
            foreach (var token in node.DescendantTokens())
            {
                if (token != first && token.LeadingTrivia.Any(t => t.IsDirective))
                {
                    return true;
                }
            }

            return false;
        }

        private static string PropertyName(AssignmentExpressionSyntax assignment) => assignment.Left switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            var other => other.ToString(),
        };

        /// <summary>
        /// The initializer without the members at <paramref name="removed"/>. Each member goes with its own comma and the
        /// comments after it; when the last member goes and the list had no trailing comma, the new last member loses its comma
        /// but keeps what followed it (a comment, the line break).
        /// </summary>
        private static InitializerExpressionSyntax WithoutMembers(InitializerExpressionSyntax initializer, HashSet<int> removed)
        {
            var expressions = initializer.Expressions;
            var hadTrailingSeparator = expressions.SeparatorCount == expressions.Count;
            var kept = new List<(ExpressionSyntax Node, SyntaxToken? Separator)>();
            var directives = SyntaxFactory.TriviaList();
            for (var i = 0; i < expressions.Count; i++)
            {
                var node = expressions[i];
                if (removed.Contains(i))
                {
                    directives = directives.AddRange(DirectiveLines(node.GetLeadingTrivia()));
                    continue;
                }

                if (directives.Count > 0)
                {
                    node = node.WithLeadingTrivia(directives.AddRange(node.GetLeadingTrivia()));
                    directives = SyntaxFactory.TriviaList();
                }

                kept.Add((node, i < expressions.SeparatorCount ? expressions.GetSeparator(i) : (SyntaxToken?)null));
            }

            var closeBrace = initializer.CloseBraceToken;
            if (directives.Count > 0)
            {
                closeBrace = closeBrace.WithLeadingTrivia(directives.AddRange(closeBrace.LeadingTrivia));
                initializer = initializer.WithCloseBraceToken(closeBrace);
            }

            if (kept.Count == 0 && directives.Count == 0)
            {
                // A nested member initializer (Parameters = { … }) or a with-expression: keep empty braces on one line.
                return initializer.WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithExpressions(default)
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia());
            }

            var list = new List<SyntaxNodeOrToken>();
            for (var i = 0; i < kept.Count; i++)
            {
                var (node, separator) = kept[i];
                var isLast = i == kept.Count - 1;
                if (isLast && !hadTrailingSeparator && separator is { } dropped)
                {
                    list.Add(node.WithTrailingTrivia(node.GetTrailingTrivia().AddRange(dropped.LeadingTrivia).AddRange(dropped.TrailingTrivia)));
                    continue;
                }

                list.Add(node);
                if (separator is { } comma)
                {
                    list.Add(comma);
                }
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(list));
        }

        private static ObjectCreationExpressionSyntax WithoutInitializer(ObjectCreationExpressionSyntax creation)
        {
            var trailing = creation.Initializer!.CloseBraceToken.TrailingTrivia;
            var withArguments = creation.ArgumentList is null
                ? creation.WithType(creation.Type.WithoutTrailingTrivia()).WithArgumentList(SyntaxFactory.ArgumentList())
                : creation.WithArgumentList(creation.ArgumentList.WithoutTrailingTrivia());
            return withArguments.WithInitializer(null).WithTrailingTrivia(trailing);
        }

        private static ImplicitObjectCreationExpressionSyntax WithoutInitializer(ImplicitObjectCreationExpressionSyntax creation)
        {
            var trailing = creation.Initializer!.CloseBraceToken.TrailingTrivia;
            return creation.WithArgumentList(creation.ArgumentList.WithoutTrailingTrivia()).WithInitializer(null).WithTrailingTrivia(trailing);
        }
    }
}
