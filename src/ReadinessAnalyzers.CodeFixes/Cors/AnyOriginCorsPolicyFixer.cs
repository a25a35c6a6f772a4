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
using ReadinessAnalyzers.Cors;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes.Cors
{
    /// <summary>
    /// RDY2001/RDY2002: replaces "any origin" with the origins the team names.
    /// <list type="bullet">
    /// <item><c>AllowAnyOrigin()</c>, <c>SetIsOriginAllowed(_ =&gt; true)</c>, <c>WithOrigins("*")</c>,
    /// <c>new CorsPolicyBuilder("*")</c> → <c>WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? [])</c>
    /// with the configuration in scope (the analyzer finds it), and the key added, empty, to appsettings.json when it is an
    /// AdditionalFile — once per project, also in Fix All.</item>
    /// <item><c>WithOrigins("https://shop.example.com", "*")</c> → <c>WithOrigins("https://shop.example.com")</c>: the origins
    /// written beside the wildcard are the list.</item>
    /// </list>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AnyOriginCorsPolicyFixer)), Shared]
    public sealed class AnyOriginCorsPolicyFixer : CodeFixProvider
    {
        internal const string ReadFromConfigurationKey = "ReadAllowedOriginsFromConfiguration";
        internal const string RemoveWildcardKey = "RemoveWildcardOrigin";

        private const string ReadFromConfigurationTitle = "Read the allowed origins from configuration (" + AllowedOriginsSetting.Path + ")";
        private const string RemoveWildcardTitle = "Remove the \"*\" origin";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.AnyOriginAllowed, RuleIds.CredentialsWithAnyOrigin);

        private static readonly FixAllProvider FixAllOccurrences = FixAllWithoutKey.Wrap(new FixAll());

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
                var key = EquivalenceKey(diagnostic);
                if (key is null || Target(root, diagnostic) is null)
                {
                    continue;
                }

                var work = new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) };
                context.RegisterCodeFix(
                    CodeAction.Create(
                        key == ReadFromConfigurationKey ? ReadFromConfigurationTitle : RemoveWildcardTitle,
                        ct => FixAsync(context.Document.Project.Solution, work, ct),
                        key),
                    diagnostic);
            }
        }

        private static string? EquivalenceKey(Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(CorsFixProperties.Origins, out var kind))
            {
                return null;
            }

            switch (kind)
            {
                case CorsFixProperties.RemoveWildcard:
                    return RemoveWildcardKey;
                case CorsFixProperties.ReadFromConfiguration when !string.IsNullOrEmpty(Configuration(diagnostic)):
                    return ReadFromConfigurationKey;
                default:
                    return null;
            }
        }

        private static string? Configuration(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(CorsFixProperties.Configuration, out var configuration) ? configuration : null;

        /// <summary>The reported call or creation, with an argument list to rewrite; null in code that changed shape.</summary>
        private static ExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (node)
            {
                case InvocationExpressionSyntax invocation
                    when invocation.Expression is MemberAccessExpressionSyntax || invocation.Expression is IdentifierNameSyntax:
                    return invocation;
                case BaseObjectCreationExpressionSyntax { ArgumentList: { } } creation:
                    return creation;
                default:
                    return null;
            }
        }

        /// <summary>Fixes the diagnostics of each document, then adds the configuration key once per project that now reads it.</summary>
        private static async Task<Solution> FixAsync(
            Solution solution, IEnumerable<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
        {
            var readingProjects = new HashSet<ProjectId>();
            foreach (var (documentId, diagnostics) in work)
            {
                var document = solution.GetDocument(documentId);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (document is null || root is null)
                {
                    continue;
                }

                var targets = new Dictionary<SyntaxNode, Diagnostic>();
                foreach (var diagnostic in diagnostics)
                {
                    if (EquivalenceKey(diagnostic) != null && Target(root, diagnostic) is { } target && !targets.ContainsKey(target))
                    {
                        targets.Add(target, diagnostic);
                    }
                }

                if (targets.Count == 0)
                {
                    continue;
                }

                var none = (document.Project.ParseOptions as CSharpParseOptions)?.LanguageVersion >= LanguageVersion.CSharp12
                    ? "[]"
                    : await EmptyArrayAsync(document, targets.Keys.First(), cancellationToken).ConfigureAwait(false);
                var newRoot = root.ReplaceNodes(targets.Keys, (original, rewritten) => Rewrite((ExpressionSyntax)rewritten, targets[original], none));
                var reads = targets.Values.Where(d => EquivalenceKey(d) == ReadFromConfigurationKey).ToList();
                if (reads.Count > 0)
                {
                    readingProjects.Add(document.Project.Id);
                    if (reads.Any(d => d.Properties.ContainsKey(CorsFixProperties.Import)) && newRoot is CompilationUnitSyntax unit)
                    {
                        newRoot = AddImport(unit, ConfigurationInScope.ConfigurationNamespace);
                    }
                }

                solution = solution.WithDocumentSyntaxRoot(documentId, newRoot);
            }

            foreach (var project in readingProjects)
            {
                solution = await AllowedOriginsSetting.AddAsync(solution, project, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        /// <summary>
        /// The empty fallback before C# 12: <c>Array.Empty&lt;string&gt;()</c> where <c>System</c> is imported, else qualified.
        /// Decided here, not by the simplifier: a solution-wide action's clean-up depends on the host.
        /// </summary>
        private static async Task<string> EmptyArrayAsync(Document document, SyntaxNode site, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var array = model?.GetSpeculativeTypeInfo(site.SpanStart, SyntaxFactory.ParseTypeName("Array"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
            return array?.SpecialType == SpecialType.System_Array ? "Array.Empty<string>()" : "global::System.Array.Empty<string>()";
        }

        private static SyntaxNode Rewrite(ExpressionSyntax node, Diagnostic diagnostic, string none)
        {
            var arguments = node switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            if (arguments is null)
            {
                return node;
            }

            if (EquivalenceKey(diagnostic) == RemoveWildcardKey)
            {
                return node.ReplaceNode(arguments, WithoutWildcards(arguments));
            }

            var read = SyntaxFactory.ParseExpression(Configuration(diagnostic) + ".GetSection(\"" + AllowedOriginsSetting.Path + "\").Get<string[]>()");
            var origins = SyntaxFactory.BinaryExpression(
                SyntaxKind.CoalesceExpression,
                read,
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.QuestionQuestionToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                SyntaxFactory.ParseExpression(none));
            var newArguments = arguments.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(origins)));
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    var name = SyntaxFactory.IdentifierName("WithOrigins");
                    var expression = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.WithName(name.WithTriviaFrom(access.Name)),
                        _ => (ExpressionSyntax)name.WithTriviaFrom(invocation.Expression),
                    };
                    return invocation.WithExpression(expression).WithArgumentList(newArguments);
                case BaseObjectCreationExpressionSyntax creation:
                    return creation.WithArgumentList(newArguments);
                default:
                    return node;
            }
        }

        /// <summary>The arguments without their <c>"*"</c> literals: as arguments, and inside array or collection initializers.</summary>
        private static ArgumentListSyntax WithoutWildcards(ArgumentListSyntax arguments)
        {
            var list = arguments.Arguments;
            for (var i = list.Count - 1; i >= 0; i--)
            {
                var argument = list[i];
                switch (argument.Expression)
                {
                    case LiteralExpressionSyntax literal when IsWildcard(literal):
                        list = list.RemoveAt(i);
                        break;
                    case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                        list = list.Replace(argument, argument.ReplaceNode(initializer, initializer.WithExpressions(Without(initializer.Expressions, e => e is LiteralExpressionSyntax l && IsWildcard(l)))));
                        break;
                    case ImplicitArrayCreationExpressionSyntax implicitArray:
                        var implicitInitializer = implicitArray.Initializer;
                        list = list.Replace(argument, argument.ReplaceNode(implicitInitializer, implicitInitializer.WithExpressions(Without(implicitInitializer.Expressions, e => e is LiteralExpressionSyntax l && IsWildcard(l)))));
                        break;
                    case CollectionExpressionSyntax collection:
                        list = list.Replace(argument, argument.WithExpression(collection.WithElements(
                            Without(collection.Elements, e => e is ExpressionElementSyntax { Expression: LiteralExpressionSyntax l } && IsWildcard(l)))));
                        break;
                }
            }

            return arguments.WithArguments(list);
        }

        private static SeparatedSyntaxList<T> Without<T>(SeparatedSyntaxList<T> list, System.Func<T, bool> remove)
            where T : SyntaxNode
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (remove(list[i]))
                {
                    list = list.RemoveAt(i);
                }
            }

            return list;
        }

        private static bool IsWildcard(LiteralExpressionSyntax literal)
            => literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText == "*";

        private static CompilationUnitSyntax AddImport(CompilationUnitSyntax unit, string namespaceName)
        {
            if (unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
            {
                return unit;
            }

            var lineBreak = SeparatedListEdits.LineBreak(unit);
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.UsingKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.SemicolonToken, SyntaxFactory.TriviaList(lineBreak)));
            if (unit.Usings.Count > 0)
            {
                return unit.AddUsings(directive);
            }

            // The first using of the file: the file's leading comments stay on top, a blank line separates the code.
            var first = unit.GetFirstToken();
            var leading = first.LeadingTrivia;
            var withoutLeading = unit.ReplaceToken(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList(lineBreak)));
            return withoutLeading.WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(leading)));
        }

        /// <summary>Fix All in document, project or solution: one action that edits every document, then each project's appsettings.json once.</summary>
        private sealed class FixAll : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var key = fixAllContext.CodeActionEquivalenceKey;
                IEnumerable<Document> documents = fixAllContext.Scope switch
                {
                    FixAllScope.Document when fixAllContext.Document != null => new[] { fixAllContext.Document },
                    FixAllScope.Project => fixAllContext.Project.Documents,
                    FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
                    _ => Enumerable.Empty<Document>(),
                };

                var work = new List<(DocumentId, ImmutableArray<Diagnostic>)>();
                foreach (var document in documents)
                {
                    var diagnostics = (await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                        .Where(d => EquivalenceKey(d) == key)
                        .ToImmutableArray();
                    if (!diagnostics.IsEmpty)
                    {
                        work.Add((document.Id, diagnostics));
                    }
                }

                if (work.Count == 0)
                {
                    return null;
                }

                return CodeAction.Create(
                    key == ReadFromConfigurationKey ? ReadFromConfigurationTitle : RemoveWildcardTitle,
                    ct => FixAsync(fixAllContext.Solution, work, ct),
                    key);
            }
        }
    }
}
