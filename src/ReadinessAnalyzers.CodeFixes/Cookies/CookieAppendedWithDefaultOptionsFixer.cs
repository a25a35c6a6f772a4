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
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes.Cookies
{
    /// <summary>
    /// RDY3004: <c>Append(key, value)</c> → <c>Append(key, value, new CookieOptions { Secure = true, HttpOnly = true,
    /// SameSite = SameSiteMode.Lax })</c>, and an inline <c>new CookieOptions { … }</c> that sets neither flag gets the
    /// missing settings. The analyzer names the settings (<see cref="CookieFixProperties.CookieSettings"/>): a cookie that
    /// scripts must read (XSRF-TOKEN …) gets no HttpOnly, options that choose a SameSite mode keep theirs.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CookieAppendedWithDefaultOptionsFixer)), Shared]
    public sealed class CookieAppendedWithDefaultOptionsFixer : CodeFixProvider
    {
        private const string SecureValue = "true";
        private const string HttpOnlyValue = "true";
        private const string SameSiteValue = "Microsoft.AspNetCore.Http.SameSiteMode.Lax";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CookieAppendedWithDefaultOptions);

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
                if (!diagnostic.Properties.TryGetValue(CookieFixProperties.CookieSettings, out var names) || string.IsNullOrEmpty(names))
                {
                    continue;
                }

                var settings = names!.Split(',');
                SyntaxNode? fixedRoot = null;
                string title;
                if (diagnostic.AdditionalLocations.Count == 1)
                {
                    // new CookieOptions { … } that sets neither flag: complete it.
                    var location = diagnostic.AdditionalLocations[0];
                    if (location.SourceTree == root.SyntaxTree
                        && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation)
                    {
                        fixedRoot = Complete(root, creation, settings);
                    }

                    title = "Set " + Describe(settings) + " on the cookie options";
                }
                else
                {
                    if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                        && invocation.ArgumentList.Arguments.Count == 2)
                    {
                        fixedRoot = root.ReplaceNode(invocation.ArgumentList, AddOptions(invocation.ArgumentList, settings));
                    }

                    title = "Append the cookie with " + Describe(settings);
                }

                if (fixedRoot is null)
                {
                    continue;
                }

                var result = fixedRoot;
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(result)), equivalenceKey: nameof(CookieAppendedWithDefaultOptionsFixer)),
                    diagnostic);
            }
        }

        /// <summary><c>(key, value)</c> → <c>(key, value, new CookieOptions { … })</c>, named when the others are.</summary>
        private static ArgumentListSyntax AddOptions(ArgumentListSyntax arguments, string[] settings)
        {
            var members = Settings(settings);
            var options = SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.NewKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                CookieSettings.HttpType("CookieOptions").WithTrailingTrivia(SyntaxFactory.Space),
                argumentList: null,
                initializer: SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    SyntaxFactory.SeparatedList(
                        members,
                        Enumerable.Repeat(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)), members.Count - 1)),
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.CloseBraceToken, SyntaxTriviaList.Empty)));
            var argument = SyntaxFactory.Argument(options);
            if (arguments.Arguments.Any(a => a.NameColon != null))
            {
                argument = argument.WithNameColon(SyntaxFactory.NameColon("options").WithTrailingTrivia(SyntaxFactory.Space));
            }

            return arguments.WithArguments(SeparatedListEdits.InsertAfter(arguments.Arguments, arguments.Arguments.Count - 1, new[] { argument }, arguments));
        }

        /// <summary>Adds the settings to an options creation: after its last member, or as its initializer.</summary>
        private static SyntaxNode Complete(SyntaxNode root, BaseObjectCreationExpressionSyntax creation, string[] settings)
        {
            var members = Settings(settings);
            if (creation.Initializer is { } initializer && initializer.Expressions.Count > 0)
            {
                return root.ReplaceNode(initializer, initializer.WithExpressions(
                    SeparatedListEdits.InsertAfter(initializer.Expressions, initializer.Expressions.Count - 1, members, initializer)));
            }

            var filled = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                SyntaxFactory.SeparatedList(
                    members,
                    Enumerable.Repeat(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)), members.Count - 1)),
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.CloseBraceToken, SyntaxTriviaList.Empty));
            if (creation.Initializer is { } empty)
            {
                // new CookieOptions { }: the braces keep their place and trivia.
                filled = filled.WithOpenBraceToken(filled.OpenBraceToken.WithLeadingTrivia(empty.OpenBraceToken.LeadingTrivia))
                    .WithCloseBraceToken(filled.CloseBraceToken.WithTrailingTrivia(empty.CloseBraceToken.TrailingTrivia));
                return root.ReplaceNode(empty, filled);
            }

            // new CookieOptions() → new CookieOptions { … }; new() → new() { … }.
            BaseObjectCreationExpressionSyntax completed = creation switch
            {
                ObjectCreationExpressionSyntax explicitType when explicitType.ArgumentList is { Arguments.Count: 0 } list =>
                    explicitType.WithType(explicitType.Type.WithTrailingTrivia(SyntaxFactory.Space))
                        .WithArgumentList(null)
                        .WithInitializer(filled.WithTrailingTrivia(list.GetTrailingTrivia())),
                _ => creation.WithoutTrailingTrivia()
                    .WithInitializer(filled.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(creation.GetTrailingTrivia())),
            };
            return root.ReplaceNode(creation, completed);
        }

        private static List<ExpressionSyntax> Settings(string[] names)
        {
            var members = new List<ExpressionSyntax>(names.Length);
            foreach (var name in names)
            {
                var value = name switch
                {
                    CookieFixProperties.Secure => SecureValue,
                    CookieFixProperties.HttpOnly => HttpOnlyValue,
                    CookieFixProperties.SameSite => SameSiteValue,
                    _ => null,
                };
                if (value != null)
                {
                    members.Add(CookieSettings.Assignment(SyntaxFactory.IdentifierName(name), value));
                }
            }

            return members;
        }

        /// <summary>"Secure, HttpOnly and SameSite=Lax".</summary>
        private static string Describe(string[] settings)
        {
            var words = settings.Select(s => s == CookieFixProperties.SameSite ? "SameSite=Lax" : s).ToList();
            return words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " and " + words[words.Count - 1];
        }
    }
}
