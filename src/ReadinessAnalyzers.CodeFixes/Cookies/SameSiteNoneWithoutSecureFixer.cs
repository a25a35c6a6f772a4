using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Cookies;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes.Cookies
{
    /// <summary>
    /// RDY3003: makes a <c>SameSite = None</c> cookie Secure instead of weakening SameSite, which a cookie that must cross
    /// sites cannot do without. Where production code already sets the object's Secure / SecurePolicy to something else,
    /// those settings become the secure value; otherwise the setting is added next to <c>SameSite = None</c>: in the same
    /// object initializer, as the next statement on the same object, or in a lambda whose body was the assignment.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SameSiteNoneWithoutSecureFixer)), Shared]
    public sealed class SameSiteNoneWithoutSecureFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SameSiteNoneWithoutSecure);

        private static readonly FixAllProvider FixAllOccurrences = FixAllWithoutKey.Wrap(WellKnownFixAllProviders.BatchFixer);

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
                if (!diagnostic.Properties.TryGetValue(FixProperties.SecureValue, out var value) || value is null
                    || !diagnostic.Properties.TryGetValue(CookieFixProperties.SecureMember, out var member) || member is null
                    || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax sameSite))
                {
                    continue;
                }

                var edit = Plan(root, sameSite, diagnostic, member, value);
                if (edit is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Make the cookie Secure (" + member + " = " + ShortName(value) + ")",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(edit(root))),
                        equivalenceKey: nameof(SameSiteNoneWithoutSecureFixer)),
                    diagnostic);
            }
        }

        /// <summary>The edit of <paramref name="root"/>, or null when the assignment sits where no setting can be added beside it.</summary>
        private static Func<SyntaxNode, SyntaxNode>? Plan(SyntaxNode root, AssignmentExpressionSyntax sameSite, Diagnostic diagnostic, string member, string value)
        {
            if (diagnostic.AdditionalLocations.Count > 0)
            {
                var settings = new List<AssignmentExpressionSyntax>();
                foreach (var location in diagnostic.AdditionalLocations)
                {
                    if (location.SourceTree != root.SyntaxTree
                        || !(root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax setting))
                    {
                        return null;
                    }

                    settings.Add(setting);
                }

                return current => current.ReplaceNodes(
                    settings.Select(s => s.Right),
                    (original, _) => CookieSettings.Value(value).WithTriviaFrom(original));
            }

            var newTarget = sameSite.Left switch
            {
                MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(member)),
                IdentifierNameSyntax name => (ExpressionSyntax)SyntaxFactory.IdentifierName(member).WithTriviaFrom(name),
                _ => null,
            };
            if (newTarget is null)
            {
                return null;
            }

            var secure = CookieSettings.Assignment(newTarget.WithoutTrivia(), value);
            switch (sameSite.Parent)
            {
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                    var index = initializer.Expressions.IndexOf(sameSite);
                    return current => current.ReplaceNode(initializer, initializer.WithExpressions(
                        SeparatedListEdits.InsertAfter(initializer.Expressions, index, new ExpressionSyntax[] { secure }, initializer)));

                case ExpressionStatementSyntax statement when statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax
                    || statement.Parent is SwitchSectionSyntax:
                    var added = SyntaxFactory.ExpressionStatement(secure)
                        .WithLeadingTrivia(SeparatedListEdits.IndentationOf(statement))
                        .WithTrailingTrivia(LineEnd(statement));
                    return statement.Parent is GlobalStatementSyntax global
                        ? current => current.InsertNodesAfter(global, new[] { SyntaxFactory.GlobalStatement(added) })
                        : current => current.InsertNodesAfter(statement, new[] { added });

                case LambdaExpressionSyntax lambda when lambda.ExpressionBody == sameSite:
                    return current =>
                    {
                        var body = sameSite;
                        var block = SyntaxFactory.Block(
                                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                                SyntaxFactory.List<StatementSyntax>(new[]
                                {
                                    SyntaxFactory.ExpressionStatement(body.WithoutTrivia()).WithTrailingTrivia(SyntaxFactory.Space),
                                    SyntaxFactory.ExpressionStatement(secure).WithTrailingTrivia(SyntaxFactory.Space),
                                }),
                                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, SyntaxTriviaList.Empty))
                            .WithTriviaFrom(body);
                        return current.ReplaceNode(lambda, lambda.WithExpressionBody(null).WithBlock(block));
                    };

                default:
                    return null;
            }
        }

        /// <summary>How a statement's line ends: its line break when it has one, else the white space before the next token.</summary>
        private static SyntaxTriviaList LineEnd(StatementSyntax statement)
        {
            var trailing = statement.GetTrailingTrivia();
            var lineBreak = trailing.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return lineBreak.IsKind(SyntaxKind.EndOfLineTrivia)
                ? SyntaxFactory.TriviaList(lineBreak)
                : SyntaxFactory.TriviaList(trailing.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
        }

        private static string ShortName(string value)
        {
            var last = value.LastIndexOf('.');
            var previous = last > 0 ? value.LastIndexOf('.', last - 1) : -1;
            return last > 0 ? value.Substring(previous + 1) : value;
        }
    }
}
