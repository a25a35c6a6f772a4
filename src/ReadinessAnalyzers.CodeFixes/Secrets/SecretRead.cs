using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.CodeFixes.Internals;
using ReadinessAnalyzers.Secrets;

namespace ReadinessAnalyzers.CodeFixes.Secrets
{
    /// <summary>
    /// One hardcoded secret replaced by a configuration read: the expression to replace, what replaces it, and the key
    /// that goes into appsettings.json. Planned on the unchanged document, so that Fix All plans every secret first and
    /// then changes each document and each appsettings.json once.
    /// </summary>
    internal sealed class SecretRead
    {
        private const string ConnectionStringsPrefix = "ConnectionStrings:";

        private SecretRead(Document document, ExpressionSyntax node, ExpressionSyntax replacement, string key, bool replacesFallback)
        {
            Document = document;
            Node = node;
            Replacement = replacement;
            Key = key;
            ReplacesFallback = replacesFallback;
        }

        public Document Document { get; }

        /// <summary>The hardcoded expression (a literal, a concatenation of literals, a constant's name, a fallback).</summary>
        public ExpressionSyntax Node { get; }

        public ExpressionSyntax Replacement { get; }

        /// <summary>The configuration path read (<c>Jwt:SigningKey</c>).</summary>
        public string Key { get; }

        public bool ReplacesFallback { get; }

        public string Title => ReplacesFallback
            ? "Read the secret from configuration '" + Key + "' only (no hardcoded fallback)"
            : "Read the secret from configuration '" + Key + "'";

        /// <summary>The read for <paramref name="diagnostic"/>, or null when no safe one exists there.</summary>
        public static async Task<SecretRead?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(SecretFixProperties.ConfigurationKey, out var key) || key is null || !IsPath(key)
                || !diagnostic.Location.IsInSource)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var span = diagnostic.Location.SourceSpan;
            if (root is null || span.End > root.FullSpan.End)
            {
                return null;
            }

            var node = HardcodedExpression(root.FindNode(span, getInnermostNodeForTie: true));
            if (node is null || !CanHoldAnExpression(node))
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || !IsString(model, node, cancellationToken) || IsInExpressionTree(model, node, cancellationToken))
            {
                return null;
            }

            if (diagnostic.Properties.TryGetValue(SecretFixProperties.ReplacesFallback, out var fallback) && fallback == "true")
            {
                // config["Jwt:Key"] ?? "…" → config["Jwt:Key"] ?? throw …: the read is there, the hardcoded fallback goes.
                var outer = Outermost(node);
                return outer.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == outer
                    ? new SecretRead(document, outer, Throw(key).WithTriviaFrom(outer), key, true)
                    : null;
            }

            var configuration = ConfigurationInScope.Find(model, node, cancellationToken);
            if (configuration is null)
            {
                return null;
            }

            var read = ParseRead(model, node.SpanStart, configuration, key);
            ExpressionSyntax replacement = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, Throw(key));
            if (NeedsParentheses(node))
            {
                replacement = SyntaxFactory.ParenthesizedExpression(replacement);
            }

            return new SecretRead(document, node, replacement.WithTriviaFrom(node), key, false);
        }

        /// <summary>
        /// Applies <paramref name="reads"/> to <paramref name="solution"/>: each document once, then each project's
        /// appsettings.json once with the keys in the order of the code (file path, then position).
        /// </summary>
        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<SecretRead> reads, CancellationToken cancellationToken)
        {
            var ordered = reads
                .OrderBy(r => r.Document.FilePath ?? r.Document.Name, StringComparer.Ordinal)
                .ThenBy(r => r.Node.SpanStart)
                .ToList();

            foreach (var document in ordered.GroupBy(r => r.Document.Id))
            {
                var original = solution.GetDocument(document.Key);
                var root = original is null ? null : await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is null)
                {
                    continue;
                }

                // One replacement per expression; an expression inside another one being replaced goes with it.
                var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
                foreach (var read in document)
                {
                    if (!replacements.Keys.Any(n => n.Span.Contains(read.Node.Span) || read.Node.Span.Contains(n.Span)))
                    {
                        replacements.Add(read.Node, read.Replacement);
                    }
                }

                solution = solution.WithDocumentSyntaxRoot(document.Key, root.ReplaceNodes(replacements.Keys, (node, _) => replacements[node]));
            }

            foreach (var project in ordered.GroupBy(r => r.Document.Project.Id))
            {
                // The keys, empty, never the secrets.
                solution = await AppSettingsKeys.AddToProjectAsync(solution, project.Key, project.Select(r => r.Key), AppSettingsKeys.EmptyString, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        /// <summary>The reported expression when it is text a read can replace; null for byte arrays, UTF-8 literals, interpolation parts.</summary>
        private static ExpressionSyntax? HardcodedExpression(SyntaxNode found)
        {
            switch (found)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal;
                case InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax):
                    return interpolated;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return binary;
                case IdentifierNameSyntax identifier when !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier):
                    return identifier;
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    return access;
                default:
                    return null;
            }
        }

        /// <summary>False where C# wants a constant (const, attribute, parameter default, case label, pattern) or a branch is one of two.</summary>
        private static bool CanHoldAnExpression(ExpressionSyntax node)
        {
            if (Outermost(node).Parent is ConditionalExpressionSyntax conditional && conditional.Condition != Outermost(node))
            {
                return false;
            }

            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case AttributeSyntax _:
                    case ParameterSyntax _:
                    case CaseSwitchLabelSyntax _:
                    case PatternSyntax _:
                    case EnumMemberDeclarationSyntax _:
                        return false;
                    case LocalDeclarationStatementSyntax local:
                        return !local.IsConst;
                    case FieldDeclarationSyntax field:
                        return !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return true;
                }
            }

            return true;
        }

        private static bool IsString(SemanticModel model, ExpressionSyntax node, CancellationToken cancellationToken)
        {
            var info = model.GetTypeInfo(node, cancellationToken);
            if (info.Type?.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            // The read is a string expression, not a constant: it must convert to what the literal converted to
            // (not to an interpolated-string handler, which only literals and interpolations convert to).
            var converted = info.ConvertedType;
            return converted is null || converted.SpecialType == SpecialType.System_String
                || model.Compilation.ClassifyConversion(info.Type, converted).IsImplicit;
        }

        /// <summary>A lambda converted to an expression tree cannot hold a throw expression.</summary>
        private static bool IsInExpressionTree(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            foreach (var lambda in node.Ancestors().OfType<AnonymousFunctionExpressionSyntax>())
            {
                var type = model.GetTypeInfo(lambda, cancellationToken).ConvertedType;
                if (type?.Name == "Expression" && type.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>builder.Configuration["Jwt:Key"]</c>, or <c>…GetConnectionString("Orders")</c> when that extension is in scope.</summary>
        private static ExpressionSyntax ParseRead(SemanticModel model, int position, ConfigurationAccess configuration, string key)
        {
            var name = key.StartsWith(ConnectionStringsPrefix, StringComparison.OrdinalIgnoreCase) ? key.Substring(ConnectionStringsPrefix.Length) : null;
            if (name != null && name.IndexOf(':') < 0
                && !model.LookupSymbols(position, configuration.Type, "GetConnectionString", includeReducedExtensionMethods: true).IsEmpty)
            {
                return SyntaxFactory.ParseExpression(configuration.Expression + ".GetConnectionString(" + Literal(name) + ")");
            }

            return SyntaxFactory.ParseExpression(configuration.Expression + "[" + Literal(key) + "]");
        }

        /// <summary><c>throw new InvalidOperationException("Missing configuration 'Jwt:Key'")</c>: a missing secret stops the app at once.</summary>
        private static ExpressionSyntax Throw(string key)
        {
            var exceptionType = SyntaxFactory.ParseTypeName("global::System.InvalidOperationException")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var arguments = SyntaxFactory.ParseArgumentList("(" + Literal("Missing configuration '" + key + "'") + ")");
            return SyntaxFactory.ThrowExpression(SyntaxFactory.ObjectCreationExpression(exceptionType, arguments, initializer: null));
        }

        private static string Literal(string text) => SyntaxFactory.Literal(text).Text;

        private static ExpressionSyntax Outermost(ExpressionSyntax node)
        {
            while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized;
            }

            return node;
        }

        /// <summary>
        /// True unless the expression stands where anything goes: an argument, an initializer, the right of an assignment or
        /// of ??, a return, an expression body, an element.
        /// </summary>
        private static bool NeedsParentheses(ExpressionSyntax node)
        {
            switch (node.Parent)
            {
                case ArgumentSyntax _:
                case EqualsValueClauseSyntax _:
                case ParenthesizedExpressionSyntax _:
                case ReturnStatementSyntax _:
                case ArrowExpressionClauseSyntax _:
                case AnonymousObjectMemberDeclaratorSyntax _:
                case InitializerExpressionSyntax _:
                case ExpressionElementSyntax _:
                case LambdaExpressionSyntax _:
                case InterpolationSyntax _:
                    return false;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Right != node;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                    return binary.Right != node;
                default:
                    return true;
            }
        }

        /// <summary>A key the analyzer named: segments of letters, digits, '_', '-', '.', separated by ':'.</summary>
        private static bool IsPath(string key)
        {
            if (key.Length == 0 || key[0] == ':' || key[key.Length - 1] == ':')
            {
                return false;
            }

            for (var i = 0; i < key.Length; i++)
            {
                var c = key[i];
                if (c == ':' ? key[i - 1] == ':' : !(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
