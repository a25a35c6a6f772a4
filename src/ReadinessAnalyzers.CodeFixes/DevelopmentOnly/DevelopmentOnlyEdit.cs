using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.CodeFixes.DevelopmentOnly
{
    /// <summary>
    /// One way to limit a reported call to Development, planned on a syntax tree and its semantic model, then applied to
    /// that tree. The shapes, by <see cref="DevelopmentOnlyFix"/> kind:
    /// <list type="bullet">
    /// <item><c>EnableX()</c> → <c>EnableX(env.IsDevelopment())</c>; <c>X = true</c> → <c>X = env.IsDevelopment()</c>.</item>
    /// <item>A call that is a whole statement → <c>if (env.IsDevelopment()) { call; }</c>, joined to an <c>if</c> just
    /// before it that already tests IsDevelopment(); a call inside a fluent statement is taken out of the chain and the
    /// rest still runs; an expression-bodied void lambda or method gets a block body.</item>
    /// <item>A call that is a whole branch of an <c>if</c>/<c>else</c> or <c>?:</c> → the condition takes that branch
    /// only in Development, so production runs the other branch (the only fix for a provider production needs).</item>
    /// </list>
    /// A call whose value is used (assigned, returned, passed on) is not moved: no edit.
    /// </summary>
    internal sealed class DevelopmentOnlyEdit
    {
        private readonly Func<SyntaxNode, SyntaxNode> _apply;

        private DevelopmentOnlyEdit(string title, Func<SyntaxNode, SyntaxNode> apply)
        {
            Title = title;
            _apply = apply;
        }

        public string Title { get; }

        /// <summary>The edited root: <paramref name="root"/> must be the root the edit was planned on.</summary>
        public SyntaxNode Apply(SyntaxNode root) => _apply(root);

        /// <summary>The reported invocation or assignment around a diagnostic's span (RDY4001 reports the level argument).</summary>
        public static ExpressionSyntax? FindTarget(SyntaxNode root, TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            foreach (var node in root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        return invocation;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                        return assignment;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                    case AnonymousFunctionExpressionSyntax _:
                        return null;
                }
            }

            return null;
        }

        public static DevelopmentOnlyEdit? Plan(string kind, ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
        {
            var condition = DevelopmentCondition.Find(model, target, cancellationToken);
            if (condition is null)
            {
                return null;
            }

            switch (kind)
            {
                case DevelopmentOnlyFix.FlagArgument:
                    return target is InvocationExpressionSyntax call ? PassFlag(call, condition) : null;
                case DevelopmentOnlyFix.AssignedValue:
                    return target is AssignmentExpressionSyntax assignment ? AssignFlag(assignment, condition) : null;
                case DevelopmentOnlyFix.Wrap:
                    return Guard(target, needsAlternative: false, model, condition, cancellationToken);
                case DevelopmentOnlyFix.WrapWithAlternative:
                    return Guard(target, needsAlternative: true, model, condition, cancellationToken);
                default:
                    return null;
            }
        }

        private static DevelopmentOnlyEdit? PassFlag(InvocationExpressionSyntax call, DevelopmentCondition condition)
        {
            var arguments = call.ArgumentList.Arguments;
            InvocationExpressionSyntax updated;
            if (arguments.Count == 0)
            {
                updated = call.WithArgumentList(call.ArgumentList.WithArguments(
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(condition.Create()))));
            }
            else if (arguments.Count == 1)
            {
                // EnableX(true) or EnableX(enabled: true): the flag's value changes, a name stays.
                updated = call.ReplaceNode(arguments[0].Expression, condition.Create().WithTriviaFrom(arguments[0].Expression));
            }
            else
            {
                return null;
            }

            return new DevelopmentOnlyEdit(
                "Pass " + condition.Text + " to " + Subject(call),
                root => condition.AddImport(root.ReplaceNode(call, updated)));
        }

        private static DevelopmentOnlyEdit AssignFlag(AssignmentExpressionSyntax assignment, DevelopmentCondition condition)
        {
            var updated = assignment.WithRight(condition.Create().WithTriviaFrom(assignment.Right));
            return new DevelopmentOnlyEdit(
                "Set " + Subject(assignment) + " = " + condition.Text,
                root => condition.AddImport(root.ReplaceNode(assignment, updated)));
        }

        private static DevelopmentOnlyEdit? Guard(
            ExpressionSyntax target, bool needsAlternative, SemanticModel model, DevelopmentCondition condition, CancellationToken cancellationToken)
        {
            // The statement's expression: the call, or a fluent chain continuing from it (app.UseDeveloperExceptionPage().UseRouting()).
            var top = target;
            while (top.Parent is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Expression == top
                && access.Parent is InvocationExpressionSyntax next && next.Expression == access)
            {
                top = next;
            }

            var hasRest = top != target;
            ExpressionSyntax? receiver = null;
            if (target is InvocationExpressionSyntax call)
            {
                if (call.Expression is MemberAccessExpressionSyntax callee && callee.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                {
                    receiver = callee.Expression;
                }
                else if (!(call.Expression is SimpleNameSyntax) || hasRest)
                {
                    return null;
                }
            }

            // Guarding the whole statement guards only the call when nothing else in it has an effect.
            var guardsOnlyTheCall = !hasRest && (receiver is null || IsStable(receiver));
            var subject = Subject(target);

            switch (top.Parent)
            {
                case ConditionalExpressionSyntax conditional when conditional.WhenTrue == top || conditional.WhenFalse == top:
                    return needsAlternative || guardsOnlyTheCall
                        ? TakeBranchOnlyInDevelopment(conditional.Condition, conditional.WhenTrue == top, subject, condition)
                        : null;

                case ExpressionStatementSyntax statement:
                    if (WholeBranch(statement) is (IfStatementSyntax ifStatement, bool whenTrue)
                        && (!whenTrue || ifStatement.Else != null)
                        && (needsAlternative || guardsOnlyTheCall))
                    {
                        // if/else: production takes the other branch, as the code already says it can.
                        return TakeBranchOnlyInDevelopment(ifStatement.Condition, whenTrue, subject, condition);
                    }

                    if (needsAlternative)
                    {
                        return null;
                    }

                    var statements = GuardedStatements(statement, statement, target, top, receiver, model, condition, cancellationToken);
                    return statements is null ? null : new DevelopmentOnlyEdit(
                        WrapTitle(target, subject),
                        root => condition.AddImport(Place(root, statement, statements, model, cancellationToken)));

                case AnonymousFunctionExpressionSyntax function when function.ExpressionBody == top && !needsAlternative:
                    if (!(model.GetSymbolInfo(function, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true }))
                    {
                        return null;
                    }

                    return BlockBody(function, top, target, receiver, model, condition, subject, cancellationToken);

                case ArrowExpressionClauseSyntax arrow when !needsAlternative:
                    if (!(model.GetDeclaredSymbol(arrow.Parent!, cancellationToken) is IMethodSymbol { ReturnsVoid: true }))
                    {
                        return null;
                    }

                    return BlockBody(arrow, top, target, receiver, model, condition, subject, cancellationToken);

                default:
                    // The value is used: assigned, returned or passed on. Skipping the call in production would change it.
                    return null;
            }
        }

        private static DevelopmentOnlyEdit TakeBranchOnlyInDevelopment(ExpressionSyntax existing, bool whenTrue, string subject, DevelopmentCondition condition)
        {
            var left = SyntaxFactory.ParenthesizedExpression(existing.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);
            ExpressionSyntax updated = whenTrue
                ? SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, left, condition.Create())
                : SyntaxFactory.BinaryExpression(
                    SyntaxKind.LogicalOrExpression, left, SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, condition.Create()));
            updated = updated.WithTriviaFrom(existing).WithAdditionalAnnotations(Formatter.Annotation);
            return new DevelopmentOnlyEdit(
                "Take the " + subject + " branch only in Development",
                root => condition.AddImport(root.ReplaceNode(existing, updated)));
        }

        private static DevelopmentOnlyEdit? BlockBody(
            SyntaxNode body, ExpressionSyntax top, ExpressionSyntax target, ExpressionSyntax? receiver, SemanticModel model,
            DevelopmentCondition condition, string subject, CancellationToken cancellationToken)
        {
            var statement = SyntaxFactory.ExpressionStatement(top.WithoutTrivia());
            var statements = GuardedStatements(statement, top, target, top, receiver, model, condition, cancellationToken);
            if (statements is null)
            {
                return null;
            }

            var block = SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation);
            return new DevelopmentOnlyEdit(WrapTitle(target, subject), root =>
            {
                SyntaxNode updated;
                switch (body)
                {
                    case AnonymousFunctionExpressionSyntax function:
                        updated = function.WithExpressionBody(null).WithBlock(block);
                        break;
                    case ArrowExpressionClauseSyntax arrow:
                        updated = WithBlockBody(arrow, block);
                        break;
                    default:
                        return root;
                }

                return condition.AddImport(root.ReplaceNode(body is ArrowExpressionClauseSyntax clause ? clause.Parent! : body, updated));
            });
        }

        private static SyntaxNode WithBlockBody(ArrowExpressionClauseSyntax arrow, BlockSyntax block)
        {
            switch (arrow.Parent)
            {
                case BaseMethodDeclarationSyntax method:
                    block = block.WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
                    return method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
                case LocalFunctionStatementSyntax function:
                    block = block.WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(function.SemicolonToken.TrailingTrivia));
                    return function.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
                case AccessorDeclarationSyntax accessor:
                    block = block.WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(accessor.SemicolonToken.TrailingTrivia));
                    return accessor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
                default:
                    return arrow.Parent!;
            }
        }

        /// <summary>
        /// The statements that replace <paramref name="statement"/> (which stands at <paramref name="anchor"/>): the receiver
        /// in a local when it has effects of its own, <c>if (env.IsDevelopment()) { call; }</c>, then the rest of the fluent
        /// chain. Null when the rest would bind to other methods once the call is taken out.
        /// </summary>
        private static List<StatementSyntax>? GuardedStatements(
            ExpressionStatementSyntax statement, SyntaxNode anchor, ExpressionSyntax target, ExpressionSyntax top, ExpressionSyntax? receiver,
            SemanticModel model, DevelopmentCondition condition, CancellationToken cancellationToken)
        {
            var hasRest = top != target;
            var position = anchor.SpanStart;
            var endOfLine = EndOfLine(anchor);
            var statements = new List<StatementSyntax>();
            ExpressionSyntax guardedCall = target;
            ExpressionSyntax? chainReceiver = receiver;
            if (receiver != null && !IsStable(receiver))
            {
                var type = model.GetTypeInfo(receiver, cancellationToken).Type;
                if (type is null || type.TypeKind == TypeKind.Error || type.SpecialType == SpecialType.System_Void || type.IsRefLikeType)
                {
                    return null;
                }

                var name = UniqueLocalName(BaseName(type), anchor, model, position);
                statements.Add(SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(receiver.WithoutTrivia())))))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                chainReceiver = SyntaxFactory.IdentifierName(name);
                guardedCall = target.ReplaceNode(receiver, chainReceiver.WithTriviaFrom(receiver));
            }

            guardedCall = JoinReceiverLine(guardedCall);

            // The call keeps a comment that followed the statement, unless the rest of the chain stays there.
            var guarded = hasRest || statements.Count > 0
                ? SyntaxFactory.ExpressionStatement(guardedCall.WithoutTrivia())
                    .WithTrailingTrivia(hasRest ? SyntaxFactory.TriviaList(endOfLine) : statement.GetTrailingTrivia())
                : statement.WithoutLeadingTrivia();
            statements.Add(SyntaxFactory.IfStatement(condition.Create(), SyntaxFactory.Block(guarded)).WithAdditionalAnnotations(Formatter.Annotation));

            if (hasRest)
            {
                if (chainReceiver is null)
                {
                    return null;
                }

                // What the chain continues on when the call is skipped: the call returned its receiver.
                var marker = new SyntaxAnnotation();
                var speculative = statement.WithExpression(top.ReplaceNode(target, receiver!.WithTriviaFrom(target).WithAdditionalAnnotations(marker)));
                if (!RestBindsTheSame(model, position, target, top, speculative, marker, cancellationToken))
                {
                    return null;
                }

                statements.Add(statement.WithExpression(JoinReceiverLine(top.ReplaceNode(target, chainReceiver.WithTriviaFrom(target)))));
            }

            // The first statement stands where the original did, with its comments and blank lines; the others get its
            // indentation (elastic trivia would make the formatter add a blank line).
            statements[0] = statements[0].WithLeadingTrivia(statement.GetLeadingTrivia());
            for (var i = 0; i < statements.Count - 1; i++)
            {
                statements[i] = statements[i].WithTrailingTrivia(endOfLine);
                statements[i + 1] = statements[i + 1].WithLeadingTrivia(Indentation(statement));
            }

            if (!hasRest)
            {
                statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(endOfLine);
            }

            return statements;
        }

        /// <summary>
        /// <c>logging⏎        .SetMinimumLevel(…)</c>, a call taken out of a chain written one call per line, or what is left
        /// of that chain: the receiver and the first call join on one line, which the new statement's indentation suits.
        /// </summary>
        private static ExpressionSyntax JoinReceiverLine(ExpressionSyntax expression)
        {
            var node = expression;
            MemberAccessExpressionSyntax? first = null;
            while (true)
            {
                if (node is InvocationExpressionSyntax invocation)
                {
                    node = invocation.Expression;
                }
                else if (node is MemberAccessExpressionSyntax access)
                {
                    first = access;
                    node = access.Expression;
                }
                else
                {
                    break;
                }
            }

            if (first is null || !IsBlank(first.Expression.GetTrailingTrivia()) || !IsBlank(first.OperatorToken.LeadingTrivia))
            {
                return expression;
            }

            return expression.ReplaceNode(first, first
                .WithExpression(first.Expression.WithoutTrailingTrivia())
                .WithOperatorToken(first.OperatorToken.WithLeadingTrivia()));
        }

        private static bool IsBlank(SyntaxTriviaList trivia)
        {
            foreach (var item in trivia)
            {
                if (!item.IsKind(SyntaxKind.WhitespaceTrivia) && !item.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Each call left in the chain binds to the method it bound to before the call was taken out.</summary>
        private static bool RestBindsTheSame(
            SemanticModel model, int position, ExpressionSyntax target, ExpressionSyntax top, ExpressionStatementSyntax speculative,
            SyntaxAnnotation marker, CancellationToken cancellationToken)
        {
            if (!model.TryGetSpeculativeSemanticModel(position, speculative, out var speculativeModel))
            {
                return false;
            }

            SyntaxNode? original = target;
            SyntaxNode? replaced = speculative.GetAnnotatedNodes(marker).FirstOrDefault();
            while (original != top)
            {
                original = original?.Parent?.Parent;
                replaced = replaced?.Parent?.Parent;
                if (!(original is InvocationExpressionSyntax before) || !(replaced is InvocationExpressionSyntax after))
                {
                    return false;
                }

                var expected = Definition(model.GetSymbolInfo(before, cancellationToken).Symbol);
                var actual = Definition(speculativeModel.GetSymbolInfo(after, cancellationToken).Symbol);
                if (!SymbolEqualityComparer.Default.Equals(expected, actual))
                {
                    return false;
                }
            }

            return true;
        }

        private static ISymbol? Definition(ISymbol? symbol)
            => symbol is IMethodSymbol method ? (method.ReducedFrom ?? method).OriginalDefinition : symbol?.OriginalDefinition;

        /// <summary>
        /// Puts the statements where <paramref name="statement"/> was. When the statement before it is already
        /// <c>if (env.IsDevelopment()) { … }</c>, the guarded call joins that block instead of getting an <c>if</c> of its own.
        /// </summary>
        private static SyntaxNode Place(SyntaxNode root, ExpressionStatementSyntax statement, List<StatementSyntax> statements, SemanticModel model, CancellationToken cancellationToken)
        {
            var list = StatementList.Of(statement);
            if (list is null)
            {
                // An embedded statement (if (x) call;): a block holds the new statements.
                var block = SyntaxFactory.Block(statements.Select((s, i) => i == 0 ? s.WithLeadingTrivia(SyntaxFactory.ElasticMarker) : s))
                    .WithTriviaFrom(statement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return root.ReplaceNode(statement, block);
            }

            var index = list.IndexOf(statement);
            if (index < 0)
            {
                return root;
            }

            var replacement = new List<StatementSyntax>(statements);
            var guardIndex = replacement.FindIndex(s => s is IfStatementSyntax);
            // Not across a preprocessor directive: moving the statement would move it out of its #if region.
            if (guardIndex == 0 && index > 0 && !statement.GetLeadingTrivia().Any(t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia))
                && IsDevelopmentBlock(list.Statements[index - 1], model, cancellationToken)
                && list.Statements[index - 1] is IfStatementSyntax previous && previous.Statement is BlockSyntax previousBlock)
            {
                var guarded = ((BlockSyntax)((IfStatementSyntax)replacement[0]).Statement).Statements[0];
                var leading = replacement.Count == 1 ? CommentsOf(statement.GetLeadingTrivia(), EndOfLine(statement)) : SyntaxFactory.TriviaList();
                var joined = previous.WithStatement(previousBlock.AddStatements(
                    guarded.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation)));
                replacement.RemoveAt(0);
                if (replacement.Count > 0)
                {
                    replacement[0] = replacement[0].WithLeadingTrivia(statement.GetLeadingTrivia());
                }

                return list.Replace(root, index - 1, 2, new[] { (StatementSyntax)joined }.Concat(replacement).ToList());
            }

            return list.Replace(root, index, 1, replacement);
        }

        /// <summary><c>if (env.IsDevelopment()) { … }</c> with no else, testing the framework's IsDevelopment().</summary>
        private static bool IsDevelopmentBlock(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
            => statement is IfStatementSyntax { Else: null, Statement: BlockSyntax _, Condition: InvocationExpressionSyntax condition }
                && condition.ArgumentList.Arguments.Count == 0
                && condition.SyntaxTree == model.SyntaxTree
                && DevelopmentCondition.IsDevelopmentMethod(model.GetSymbolInfo(condition, cancellationToken).Symbol);

        /// <summary>The if statement and branch when <paramref name="statement"/> is the whole branch (alone or alone in a block).</summary>
        private static (IfStatementSyntax, bool)? WholeBranch(StatementSyntax statement)
        {
            SyntaxNode branch = statement.Parent is BlockSyntax block && block.Statements.Count == 1 ? block : statement;
            switch (branch.Parent)
            {
                case IfStatementSyntax ifStatement when ifStatement.Statement == branch:
                    return (ifStatement, true);
                case ElseClauseSyntax elseClause when elseClause.Parent is IfStatementSyntax ifStatement:
                    return (ifStatement, false);
                default:
                    return null;
            }
        }

        /// <summary>A receiver that can be named twice without running anything twice: <c>app</c>, <c>builder.Services</c>, <c>this.app</c>.</summary>
        private static bool IsStable(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case IdentifierNameSyntax _:
                case ThisExpressionSyntax _:
                case BaseExpressionSyntax _:
                    return true;
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Name is IdentifierNameSyntax:
                    return IsStable(access.Expression);
                default:
                    return false;
            }
        }

        private static string Subject(ExpressionSyntax target)
        {
            switch (target)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    return access.Name.Identifier.ValueText;
                case InvocationExpressionSyntax { Expression: SimpleNameSyntax name }:
                    return name.Identifier.ValueText;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left.WithoutTrivia().ToString();
                default:
                    return target.WithoutTrivia().ToString();
            }
        }

        private static string WrapTitle(ExpressionSyntax target, string subject)
            => target is AssignmentExpressionSyntax ? "Set " + subject + " only in Development" : "Call " + subject + " only in Development";

        /// <summary>ILoggingBuilder → loggingBuilder.</summary>
        private static string BaseName(ITypeSymbol type)
        {
            var name = type.Name;
            if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
            {
                name = name.Substring(1);
            }

            if (name.Length == 0)
            {
                return "builder";
            }

            name = char.ToLowerInvariant(name[0]) + name.Substring(1);
            return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : name + "Value";
        }

        /// <summary>A name no symbol in scope and no identifier in the enclosing member (or top-level program) uses.</summary>
        private static string UniqueLocalName(string baseName, SyntaxNode node, SemanticModel model, int position)
        {
            var scope = node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax && !(a is GlobalStatementSyntax)) ?? node.SyntaxTree.GetRoot();
            var taken = new HashSet<string>(
                scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
                StringComparer.Ordinal);
            taken.UnionWith(model.LookupSymbols(position).Select(s => s.Name));
            var name = baseName;
            for (var i = 2; taken.Contains(name); i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>The file's line ending, as the node's own line ends.</summary>
        private static SyntaxTrivia EndOfLine(SyntaxNode node)
        {
            foreach (var trivia in node.GetTrailingTrivia().Concat(node.SyntaxTree.GetRoot().DescendantTrivia()))
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.ElasticCarriageReturnLineFeed;
        }

        /// <summary>The whitespace before the statement on its line.</summary>
        private static SyntaxTriviaList Indentation(StatementSyntax statement)
        {
            var leading = statement.GetLeadingTrivia();
            var result = new List<SyntaxTrivia>();
            for (var i = leading.Count - 1; i >= 0 && leading[i].IsKind(SyntaxKind.WhitespaceTrivia); i--)
            {
                result.Insert(0, leading[i]);
            }

            return SyntaxFactory.TriviaList(result);
        }

        /// <summary>The comments of a leading trivia list, each on its own line, without blank lines.</summary>
        private static SyntaxTriviaList CommentsOf(SyntaxTriviaList leading, SyntaxTrivia endOfLine)
        {
            var result = new List<SyntaxTrivia>();
            for (var i = 0; i < leading.Count; i++)
            {
                var trivia = leading[i];
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                    || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                {
                    result.Add(trivia);
                    result.Add(endOfLine);
                }
            }

            return SyntaxFactory.TriviaList(result);
        }

        /// <summary>The statements around a statement: a block's, a switch section's, or a top-level program's.</summary>
        private sealed class StatementList
        {
            private readonly SyntaxNode _owner;

            private StatementList(SyntaxNode owner, IReadOnlyList<StatementSyntax> statements)
            {
                _owner = owner;
                Statements = statements;
            }

            public IReadOnlyList<StatementSyntax> Statements { get; }

            public static StatementList? Of(StatementSyntax statement)
            {
                switch (statement.Parent)
                {
                    case BlockSyntax block:
                        return new StatementList(block, block.Statements);
                    case SwitchSectionSyntax section:
                        return new StatementList(section, section.Statements);
                    case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                        return new StatementList(unit, unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList());
                    default:
                        return null;
                }
            }

            public int IndexOf(StatementSyntax statement)
            {
                for (var i = 0; i < Statements.Count; i++)
                {
                    if (Statements[i] == statement)
                    {
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>Replaces <paramref name="count"/> statements from <paramref name="index"/> with <paramref name="replacement"/>.</summary>
            public SyntaxNode Replace(SyntaxNode root, int index, int count, IReadOnlyList<StatementSyntax> replacement)
            {
                switch (_owner)
                {
                    case BlockSyntax block:
                        return root.ReplaceNode(block, block.WithStatements(Splice(block.Statements, index, count, replacement)));
                    case SwitchSectionSyntax section:
                        return root.ReplaceNode(section, section.WithStatements(Splice(section.Statements, index, count, replacement)));
                    case CompilationUnitSyntax unit:
                        var globals = unit.Members.OfType<GlobalStatementSyntax>().ToList();
                        var first = unit.Members.IndexOf(globals[index]);
                        var members = unit.Members;
                        for (var i = 0; i < count; i++)
                        {
                            members = members.RemoveAt(first);
                        }

                        members = members.InsertRange(first, replacement.Select(s => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(s)));
                        return root.ReplaceNode(unit, unit.WithMembers(members));
                    default:
                        return root;
                }
            }

            private static SyntaxList<StatementSyntax> Splice(SyntaxList<StatementSyntax> statements, int index, int count, IReadOnlyList<StatementSyntax> replacement)
            {
                for (var i = 0; i < count; i++)
                {
                    statements = statements.RemoveAt(index);
                }

                return statements.InsertRange(index, replacement);
            }
        }
    }
}
