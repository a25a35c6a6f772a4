using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.CodeFixes.DevelopmentOnly
{
    /// <summary>
    /// <c>env.IsDevelopment()</c> for the host environment object in scope at a call: an <c>IHostEnvironment</c> (or
    /// <c>IWebHostEnvironment</c>, or the older <c>IHostingEnvironment</c>) local, parameter, field or property, or the
    /// <c>Environment</c>/<c>HostingEnvironment</c> property of one (<c>app.Environment</c>, <c>builder.Environment</c>,
    /// <c>context.HostingEnvironment</c>). The nearest one already defined before the call wins: locals and parameters,
    /// latest declared first, then members of the enclosing types.
    /// </summary>
    internal sealed class DevelopmentCondition
    {
        private const string IsDevelopment = "IsDevelopment";
        private const string ExtensionsHosting = "Microsoft.Extensions.Hosting";
        private const string AspNetCoreHosting = "Microsoft.AspNetCore.Hosting";
        private const string LegacyHostingEnvironment = "Microsoft.AspNetCore.Hosting.IHostingEnvironment";

        private readonly ExpressionSyntax _environment;
        private readonly ExpressionSyntax? _qualifiedExtensions;

        private DevelopmentCondition(ExpressionSyntax environment, string? importNamespace, ExpressionSyntax? qualifiedExtensions)
        {
            _environment = environment;
            ImportNamespace = importNamespace;
            _qualifiedExtensions = qualifiedExtensions;
        }

        /// <summary>The namespace of <c>IsDevelopment()</c> when the file does not import it yet, else null.</summary>
        public string? ImportNamespace { get; }

        /// <summary>As the user reads it in a title: <c>app.Environment.IsDevelopment()</c>.</summary>
        public string Text => _environment + "." + IsDevelopment + "()";

        /// <summary>A new <c>env.IsDevelopment()</c> expression.</summary>
        public ExpressionSyntax Create()
        {
            if (_qualifiedExtensions != null)
            {
                // The extension's namespace cannot be imported without making a name in this file ambiguous.
                return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, _qualifiedExtensions, SyntaxFactory.IdentifierName(IsDevelopment)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(_environment))));
            }

            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, _environment, SyntaxFactory.IdentifierName(IsDevelopment)));
        }

        /// <summary>Adds <c>using</c> <see cref="ImportNamespace"/> to the file when it is needed.</summary>
        public SyntaxNode AddImport(SyntaxNode root)
        {
            if (ImportNamespace is null || !(root is CompilationUnitSyntax unit))
            {
                return root;
            }

            if (unit.Usings.Any(u => IsImportOf(u, ImportNamespace)))
            {
                return root;
            }

            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ImportNamespace))
                .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
                .WithAdditionalAnnotations(Formatter.Annotation);

            // Usings inside the only namespace when the file keeps them there.
            if (unit.Usings.Count == 0 && unit.Members.Count == 1 && unit.Members[0] is BaseNamespaceDeclarationSyntax ns && ns.Usings.Count > 0)
            {
                return unit.ReplaceNode(ns, ns.WithUsings(Insert(ns.Usings, directive, ImportNamespace)));
            }

            return unit.WithUsings(Insert(unit.Usings, directive, ImportNamespace));
        }

        /// <summary>The condition for the code at <paramref name="target"/>, or null when no host environment is in scope.</summary>
        public static DevelopmentCondition? Find(SemanticModel model, SyntaxNode target, CancellationToken cancellationToken)
        {
            var compilation = model.Compilation;
            var hostEnvironment = compilation.GetTypeByMetadataName(TypeNames.IHostEnvironment);
            var legacyEnvironment = compilation.GetTypeByMetadataName(LegacyHostingEnvironment);
            if (hostEnvironment is null && legacyEnvironment is null)
            {
                return null;
            }

            var position = target.SpanStart;
            var staticBoundary = target.Ancestors().FirstOrDefault(IsStaticFunction);
            var (staticMember, initializer) = Context(model, target, cancellationToken);
            var instanceMembersAvailable = staticBoundary is null && !staticMember && !initializer;
            // A primary constructor's parameters are also read by the initializers of instance fields and properties.
            var primaryParametersAvailable = staticBoundary is null && !staticMember;

            Candidate? best = null;
            foreach (var symbol in model.LookupSymbols(position))
            {
                var candidate = Consider(symbol);
                if (candidate != null && (best is null || candidate.IsBetterThan(best)))
                {
                    best = candidate;
                }
            }

            return best is null ? null : Create(model, position, best, hostEnvironment, legacyEnvironment);

            Candidate? Consider(ISymbol symbol)
            {
                ITypeSymbol? type;
                bool isMember;
                int declaredAt;
                switch (symbol)
                {
                    case ILocalSymbol local:
                        var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
                        // Only a declared and initialized local, before the call and not the one the call initializes.
                        if (declarator?.Initializer is null || declarator.SyntaxTree != target.SyntaxTree || declarator.Span.End > position
                            || (staticBoundary != null && !staticBoundary.Span.Contains(declarator.Span)))
                        {
                            return null;
                        }

                        type = local.Type;
                        isMember = false;
                        declaredAt = declarator.SpanStart;
                        break;

                    case IParameterSymbol parameter:
                        var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
                        if (syntax is null)
                        {
                            return null;
                        }

                        // A primary constructor's parameter is read like a member of the type.
                        isMember = syntax.Parent?.Parent is TypeDeclarationSyntax;
                        if ((isMember && !primaryParametersAvailable)
                            || (!isMember && (syntax.SyntaxTree != target.SyntaxTree || (staticBoundary != null && !staticBoundary.Span.Contains(syntax.Span)))))
                        {
                            return null;
                        }

                        type = parameter.Type;
                        declaredAt = syntax.SpanStart;
                        break;

                    case IFieldSymbol field when !field.IsConst && (field.IsStatic || instanceMembersAvailable) && !field.IsImplicitlyDeclared:
                        type = field.Type;
                        isMember = true;
                        declaredAt = 0;
                        break;

                    case IPropertySymbol property when !property.IsIndexer && property.GetMethod != null && (property.IsStatic || instanceMembersAvailable)
                        && model.IsAccessible(position, property.GetMethod):
                        type = property.Type;
                        isMember = true;
                        declaredAt = 0;
                        break;

                    default:
                        return null;
                }

                if (type is null || type.TypeKind == TypeKind.Error)
                {
                    return null;
                }

                if (IsEnvironment(type, hostEnvironment, legacyEnvironment))
                {
                    return new Candidate(symbol, null, isMember, declaredAt);
                }

                var environmentProperty = EnvironmentProperty(type, model, position, hostEnvironment, legacyEnvironment);
                return environmentProperty is null ? null : new Candidate(symbol, environmentProperty, isMember, declaredAt);
            }
        }

        private static DevelopmentCondition? Create(
            SemanticModel model, int position, Candidate candidate, INamedTypeSymbol? hostEnvironment, INamedTypeSymbol? legacyEnvironment)
        {
            var environment = SyntaxFactory.ParseExpression(EscapedName(candidate.Symbol.Name));

            // The name must mean the chosen symbol where the condition goes (not a later local of the same name).
            var bound = model.GetSpeculativeSymbolInfo(position, environment, SpeculativeBindingOption.BindAsExpression).Symbol;
            if (!SymbolEqualityComparer.Default.Equals(bound?.OriginalDefinition, candidate.Symbol.OriginalDefinition))
            {
                return null;
            }

            ITypeSymbol? environmentType = (candidate.Symbol as ILocalSymbol)?.Type ?? (candidate.Symbol as IParameterSymbol)?.Type
                ?? (candidate.Symbol as IFieldSymbol)?.Type ?? (candidate.Symbol as IPropertySymbol)?.Type;
            if (candidate.Property != null)
            {
                environment = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, environment, SyntaxFactory.IdentifierName(candidate.Property.Name));
                environmentType = candidate.Property.Type;
            }

            var condition = new DevelopmentCondition(environment, null, null);
            if (IsDevelopmentMethod(model.GetSpeculativeSymbolInfo(position, condition.Create(), SpeculativeBindingOption.BindAsExpression).Symbol))
            {
                return condition;
            }

            // IsDevelopment() is an extension method: the file may not import its namespace.
            var compilation = model.Compilation;
            var extensionsName = hostEnvironment != null && environmentType != null && Implements(environmentType, hostEnvironment)
                ? TypeNames.HostEnvironmentEnvExtensions
                : legacyEnvironment != null && environmentType != null && Implements(environmentType, legacyEnvironment)
                    ? TypeNames.HostingEnvironmentExtensions
                    : null;
            var extensions = extensionsName is null ? null : compilation.GetTypeByMetadataName(extensionsName);
            if (extensions is null)
            {
                return null;
            }

            var ns = extensions.ContainingNamespace.ToDisplayString();
            var mergedNamespace = compilation.GetCompilationNamespace(extensions.ContainingNamespace);
            return mergedNamespace is null || ImportWouldBeAmbiguous(model, mergedNamespace, ns)
                ? new DevelopmentCondition(environment, null, SyntaxFactory.ParseExpression("global::" + extensions.ToDisplayString()))
                : new DevelopmentCondition(environment, ns, null);
        }

        /// <summary>True for the framework's <c>IsDevelopment(this IHostEnvironment)</c> (or the legacy one).</summary>
        public static bool IsDevelopmentMethod(ISymbol? symbol)
        {
            if (!(symbol is IMethodSymbol method) || method.Name != IsDevelopment)
            {
                return false;
            }

            var type = (method.ReducedFrom ?? method).ContainingType?.ToDisplayString();
            return type == TypeNames.HostEnvironmentEnvExtensions || type == TypeNames.HostingEnvironmentExtensions;
        }

        private static bool IsEnvironment(ITypeSymbol type, INamedTypeSymbol? hostEnvironment, INamedTypeSymbol? legacyEnvironment)
            => (hostEnvironment != null && Implements(type, hostEnvironment)) || (legacyEnvironment != null && Implements(type, legacyEnvironment));

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface)
            => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, @interface)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, @interface));

        /// <summary><c>Environment</c> on WebApplication/WebApplicationBuilder, <c>HostingEnvironment</c> on HostBuilderContext …</summary>
        private static IPropertySymbol? EnvironmentProperty(
            ITypeSymbol type, SemanticModel model, int position, INamedTypeSymbol? hostEnvironment, INamedTypeSymbol? legacyEnvironment)
        {
            var types = new List<ITypeSymbol>();
            for (var current = type; current != null; current = current.BaseType)
            {
                types.Add(current);
            }

            if (type.TypeKind == TypeKind.Interface)
            {
                types.AddRange(type.AllInterfaces);
            }

            return types
                .SelectMany(t => t.GetMembers().OfType<IPropertySymbol>())
                .Where(p => !p.IsStatic && !p.IsIndexer && p.GetMethod != null && model.IsAccessible(position, p.GetMethod)
                    && IsEnvironment(p.Type, hostEnvironment, legacyEnvironment))
                .OrderBy(p => p.Name == "Environment" ? 0 : p.Name == "HostingEnvironment" ? 1 : 2)
                .ThenBy(p => p.Name, System.StringComparer.Ordinal)
                .FirstOrDefault();
        }

        private static bool IsStaticFunction(SyntaxNode node)
            => (node is AnonymousFunctionExpressionSyntax function && function.Modifiers.Any(SyntaxKind.StaticKeyword))
                || (node is LocalFunctionStatementSyntax localFunction && localFunction.Modifiers.Any(SyntaxKind.StaticKeyword));

        /// <summary>Whether the code is in a static member (or top-level statements), and whether it is in an initializer, where <c>this</c> is not available.</summary>
        private static (bool StaticMember, bool Initializer) Context(SemanticModel model, SyntaxNode target, CancellationToken cancellationToken)
        {
            var initializer = false;
            foreach (var ancestor in target.Ancestors())
            {
                switch (ancestor)
                {
                    case GlobalStatementSyntax _:
                        return (true, initializer);
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax _ }:
                    case ConstructorInitializerSyntax _:
                        initializer = true;
                        break;
                    case BaseFieldDeclarationSyntax field:
                        var variable = field.Declaration.Variables.FirstOrDefault();
                        return (variable is null || (model.GetDeclaredSymbol(variable, cancellationToken)?.IsStatic ?? true), true);
                    case BaseMethodDeclarationSyntax _:
                    case BasePropertyDeclarationSyntax _:
                        return (model.GetDeclaredSymbol(ancestor, cancellationToken)?.IsStatic ?? true, initializer);
                }
            }

            return (true, initializer);
        }

        /// <summary>
        /// Importing the namespace would make a type name this file already uses ambiguous (the obsolete
        /// <c>IHostingEnvironment</c> and <c>EnvironmentName</c> exist in both hosting namespaces).
        /// </summary>
        private static bool ImportWouldBeAmbiguous(SemanticModel model, INamespaceSymbol ns, string name)
        {
            var names = new HashSet<string>(ns.GetTypeMembers().Select(t => t.Name), System.StringComparer.Ordinal);
            foreach (var identifier in model.SyntaxTree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (names.Contains(identifier.Identifier.ValueText)
                    && model.GetSymbolInfo(identifier).Symbol is ITypeSymbol type
                    && type.ContainingNamespace?.ToDisplayString() != name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsImportOf(UsingDirectiveSyntax directive, string ns)
            => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name?.ToString() == ns;

        private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive, string ns)
        {
            // System first, then alphabetical, as the .NET convention sorts them; after the last plain using otherwise.
            for (var i = 0; i < usings.Count; i++)
            {
                var existing = usings[i];
                if (existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.GlobalKeyword.IsKind(SyntaxKind.None)
                    && existing.Name != null && Compare(existing.Name.ToString(), ns) > 0)
                {
                    // The directive takes the place (and the leading trivia, a file header) of the one it precedes.
                    return usings
                        .Replace(existing, existing.WithLeadingTrivia(SyntaxFactory.ElasticMarker))
                        .Insert(i, directive.WithLeadingTrivia(existing.GetLeadingTrivia()));
                }
            }

            return usings.Add(directive);
        }

        private static int Compare(string left, string right)
        {
            var leftSystem = left == "System" || left.StartsWith("System.", System.StringComparison.Ordinal);
            var rightSystem = right == "System" || right.StartsWith("System.", System.StringComparison.Ordinal);
            return leftSystem != rightSystem ? (leftSystem ? -1 : 1) : string.CompareOrdinal(left, right);
        }

        private static string EscapedName(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private sealed class Candidate
        {
            public Candidate(ISymbol symbol, IPropertySymbol? property, bool isMember, int declaredAt)
            {
                Symbol = symbol;
                Property = property;
                IsMember = isMember;
                DeclaredAt = declaredAt;
            }

            public ISymbol Symbol { get; }

            public IPropertySymbol? Property { get; }

            public bool IsMember { get; }

            public int DeclaredAt { get; }

            /// <summary>Locals and parameters before members; the latest declared first; an environment before an object that has one.</summary>
            public bool IsBetterThan(Candidate other)
            {
                if (IsMember != other.IsMember)
                {
                    return !IsMember;
                }

                if (!IsMember && DeclaredAt != other.DeclaredAt)
                {
                    return DeclaredAt > other.DeclaredAt;
                }

                if ((Property is null) != (other.Property is null))
                {
                    return Property is null;
                }

                return string.CompareOrdinal(Symbol.Name, other.Symbol.Name) < 0;
            }
        }
    }
}
