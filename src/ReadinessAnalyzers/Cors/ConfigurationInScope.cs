using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>
    /// The configuration a fix can read from where a diagnostic is: an <c>IConfiguration</c>, or the <c>Configuration</c>
    /// of a <c>WebApplicationBuilder</c>, <c>WebApplication</c>, <c>IHostApplicationBuilder</c> or host builder context — a
    /// local declared before the position, a parameter, or a field or property of the type — the nearest first
    /// (innermost declaration; members after locals and parameters, primary constructor parameters last). Only asked when
    /// a rule reports.
    /// </summary>
    internal static class ConfigurationInScope
    {
        public const string BinderTypeName = "Microsoft.Extensions.Configuration.ConfigurationBinder";
        public const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";

        private static readonly string[] HostTypeNames =
        {
            "Microsoft.AspNetCore.Builder.WebApplicationBuilder",
            "Microsoft.AspNetCore.Builder.WebApplication",
            "Microsoft.Extensions.Hosting.IHostApplicationBuilder",
            "Microsoft.Extensions.Hosting.HostBuilderContext",
            "Microsoft.AspNetCore.Hosting.WebHostBuilderContext",
        };

        /// <summary>
        /// The expression text (<c>builder.Configuration</c>, <c>configuration</c>, <c>_configuration</c>), or null when no
        /// configuration is in scope. <paramref name="needsImport"/> is true when <c>Get&lt;T&gt;()</c> would need
        /// <c>using Microsoft.Extensions.Configuration;</c>.
        /// </summary>
        public static string? Find(IOperation site, WellKnownTypes types, out bool needsImport)
        {
            needsImport = false;
            var model = site.SemanticModel;
            var configuration = types.Get(TypeNames.IConfiguration);
            if (model is null || configuration is null || types.Get(BinderTypeName) is null)
            {
                return null;
            }

            var position = site.Syntax.SpanStart;
            var instanceAccessible = InstanceMembersAccessible(site.Syntax);
            string? best = null;
            var bestNearness = int.MinValue;
            foreach (var symbol in model.LookupSymbols(position))
            {
                ITypeSymbol type;
                int nearness;
                switch (symbol)
                {
                    case ILocalSymbol local:
                        // Top-level statements' locals are in scope in every file but usable only in Program.cs (CS8801).
                        if (!(DeclarationOf(local) is VariableDeclaratorSyntax { Initializer: { } } declarator)
                            || declarator.SyntaxTree != site.Syntax.SyntaxTree
                            || declarator.Span.End > position
                            || CrossesStaticFunction(site.Syntax, declarator))
                        {
                            continue;
                        }

                        type = local.Type;
                        nearness = declarator.SpanStart;
                        break;
                    case IParameterSymbol parameter:
                        var declaration = DeclarationOf(parameter);
                        if (declaration is null)
                        {
                            continue;
                        }

                        if (declaration.Parent?.Parent is TypeDeclarationSyntax)
                        {
                            // A primary constructor's parameter: captured like a member, and after the members, since a
                            // parameter also stored in a field should be read through the field (CS9124).
                            if (!instanceAccessible)
                            {
                                continue;
                            }

                            nearness = -2;
                        }
                        else if (CrossesStaticFunction(site.Syntax, declaration))
                        {
                            continue;
                        }
                        else
                        {
                            nearness = declaration.SpanStart;
                        }

                        type = parameter.Type;
                        break;
                    case IFieldSymbol field when !field.IsImplicitlyDeclared && !field.IsConst && (field.IsStatic || instanceAccessible):
                        type = field.Type;
                        nearness = -1;
                        break;
                    case IPropertySymbol property when !property.IsIndexer && property.GetMethod != null && (property.IsStatic || instanceAccessible):
                        type = property.Type;
                        nearness = -1;
                        break;
                    default:
                        continue;
                }

                var access = Access(type, configuration, types);
                if (access is null || nearness < bestNearness)
                {
                    continue;
                }

                var candidate = Escape(symbol.Name) + access;
                if (nearness > bestNearness || string.CompareOrdinal(candidate, best) < 0)
                {
                    best = candidate;
                    bestNearness = nearness;
                }
            }

            if (best != null)
            {
                needsImport = model.LookupSymbols(position, configuration, "Get", includeReducedExtensionMethods: true).IsEmpty;
            }

            return best;
        }

        /// <summary>"" for an IConfiguration, ".Configuration" for a type that carries one, null otherwise.</summary>
        private static string? Access(ITypeSymbol type, INamedTypeSymbol configuration, WellKnownTypes types)
        {
            if (Implements(type, configuration))
            {
                return string.Empty;
            }

            foreach (var name in HostTypeNames)
            {
                var host = types.Get(name);
                if (host != null && (Implements(type, host) || InheritsFrom(type, host)))
                {
                    return ".Configuration";
                }
            }

            return null;
        }

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type, @interface))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxNode? DeclarationOf(ISymbol symbol)
            => symbol.DeclaringSyntaxReferences.Length == 1 ? symbol.DeclaringSyntaxReferences[0].GetSyntax() : null;

        /// <summary>True when a static lambda or static local function lies between the site and a declaration outside it.</summary>
        private static bool CrossesStaticFunction(SyntaxNode site, SyntaxNode declaration)
        {
            for (var node = site.Parent; node != null; node = node.Parent)
            {
                if (node.Span.Contains(declaration.Span))
                {
                    return false;
                }

                if (IsStaticFunction(node))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>False in static members, static lambdas and local functions, field initializers and top-level code.</summary>
        private static bool InstanceMembersAccessible(SyntaxNode site)
        {
            for (var node = site.Parent; node != null; node = node.Parent)
            {
                if (IsStaticFunction(node))
                {
                    return false;
                }

                switch (node)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } } }:
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                    case GlobalStatementSyntax _:
                        return false;
                    case MemberDeclarationSyntax member:
                        return !member.Modifiers.Any(SyntaxKind.StaticKeyword);
                }
            }

            return false;
        }

        private static bool IsStaticFunction(SyntaxNode node)
            => (node is AnonymousFunctionExpressionSyntax function && function.Modifiers.Any(SyntaxKind.StaticKeyword))
                || (node is LocalFunctionStatementSyntax localFunction && localFunction.Modifiers.Any(SyntaxKind.StaticKeyword));

        private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
