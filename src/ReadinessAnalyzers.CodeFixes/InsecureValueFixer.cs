using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes
{
    /// <summary>
    /// Assigns the secure value the analyzer names (<see cref="FixProperties.SecureValue"/>) in place of the insecure
    /// one: <c>Secure = false</c> → <c>Secure = true</c>, <c>SecurePolicy = SameAsRequest</c> → <c>Always</c>,
    /// <c>ValidateIssuer = false</c> → <c>true</c>, <c>RequireHttpsMetadata = false</c> → <c>true</c>.
    /// The whole right-hand side is replaced, so a conditional that was insecure in one branch becomes secure in all.
    /// Validation flags are set to true rather than removed: one policy for every flag, right also where the default
    /// is false (<c>ValidateIssuerSigningKey</c>), and usable where the assignment is a lambda's body.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureValueFixer)), Shared]
    public sealed class InsecureValueFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.CookieWithoutSecure,
            RuleIds.CookieWithoutHttpOnly,
            RuleIds.RequireHttpsMetadataDisabled,
            RuleIds.TokenValidationDisabled);

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
                if (!diagnostic.Properties.TryGetValue(FixProperties.SecureValue, out var value) || value is null)
                {
                    continue;
                }

                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax assignment)
                    || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                {
                    continue;
                }

                var shown = ShortName(value);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Set " + assignment.Left + " = " + shown,
                        ct => ReplaceAsync(context.Document, assignment, value, ct),
                        equivalenceKey: nameof(InsecureValueFixer)),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, AssignmentExpressionSyntax assignment, string value, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var expression = SyntaxFactory.ParseExpression(IsQualifiedName(value) ? "global::" + value : value)
                .WithTriviaFrom(assignment.Right)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            return document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, expression));
        }

        private static bool IsQualifiedName(string value) => value.IndexOf('.') > 0 && !char.IsDigit(value[0]);

        private static string ShortName(string value)
        {
            var last = value.LastIndexOf('.');
            var previous = last > 0 ? value.LastIndexOf('.', last - 1) : -1;
            return last > 0 ? value.Substring(previous + 1) : value;
        }
    }
}
