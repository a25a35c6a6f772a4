using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.CodeFixes.Secrets
{
    /// <summary>An expression that reads configuration where a secret is: <c>builder.Configuration</c>, <c>_configuration</c>.</summary>
    internal sealed class ConfigurationAccess
    {
        public ConfigurationAccess(string expression, ITypeSymbol type)
        {
            Expression = expression;
            Type = type;
        }

        /// <summary>The C# text of the expression.</summary>
        public string Expression { get; }

        /// <summary>Its type: IConfiguration or a type implementing it (ConfigurationManager).</summary>
        public ITypeSymbol Type { get; }
    }

    /// <summary>
    /// Finds the nearest configuration a piece of code can read: an <c>IConfiguration</c> local, parameter, lambda parameter,
    /// primary-constructor parameter, field or property, or the <c>Configuration</c> of a builder, app or host context
    /// (<c>builder.Configuration</c>, <c>app.Configuration</c>, <c>context.Configuration</c>). Only what the code may use
    /// there, and that is set by then: a local declared before it, no instance member from a static member, no field or
    /// property in an initializer or a constructor, nothing captured across a static lambda, nothing shadowed.
    /// </summary>
    internal static class ConfigurationInScope
    {
        private const string ConfigurationType = "Microsoft.Extensions.Configuration.IConfiguration";
        private const string SectionType = "Microsoft.Extensions.Configuration.IConfigurationSection";

        public static ConfigurationAccess? Find(SemanticModel model, ExpressionSyntax node, CancellationToken cancellationToken)
        {
            var configuration = model.Compilation.GetTypeByMetadataName(ConfigurationType);
            if (configuration is null)
            {
                return null;
            }

            var section = model.Compilation.GetTypeByMetadataName(SectionType);
            var position = node.SpanStart;

            // The functions around the node, innermost first, ending with the member (method, accessor, field, property).
            var chain = new List<ISymbol>();
            for (var symbol = model.GetEnclosingSymbol(position, cancellationToken); symbol != null; symbol = symbol.ContainingSymbol)
            {
                chain.Add(symbol);
                if (!IsLocalFunctionOrLambda(symbol))
                {
                    break;
                }
            }

            if (chain.Count == 0)
            {
                return null;
            }

            var member = chain[chain.Count - 1];
            var type = member as INamedTypeSymbol ?? member.ContainingType;
            if (type is null)
            {
                return null;
            }

            // In an initializer or a constructor, fields and properties may not be set yet: only parameters and locals are read.
            var noMembers = IsInInitializer(node) || member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
            var staticContext = member.IsStatic || member is INamedTypeSymbol;

            Candidate? best = null;
            foreach (var symbol in model.LookupSymbols(position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidate = Rank(symbol, node, chain, type, noMembers, staticContext);
                if (candidate is null || (best != null && !candidate.IsNearerThan(best)))
                {
                    continue;
                }

                var access = Access(symbol, configuration, section);
                if (access is null || !BindsTo(model, position, symbol))
                {
                    continue;
                }

                candidate.Access = access;
                best = candidate;
            }

            return best?.Access;
        }

        /// <summary>How near a symbol is, or null when the code at <paramref name="node"/> cannot use it.</summary>
        private static Candidate? Rank(ISymbol symbol, ExpressionSyntax node, List<ISymbol> chain, INamedTypeSymbol type, bool noMembers, bool staticContext)
        {
            switch (symbol)
            {
                case ILocalSymbol local:
                {
                    var level = chain.IndexOf(local.ContainingSymbol);
                    if (level < 0 || Crosses(chain, level, localFunctions: true) || !IsDeclaredBefore(local, node))
                    {
                        return null;
                    }

                    return new Candidate(level, 0, local.Locations.Length > 0 ? local.Locations[0].SourceSpan.Start : 0);
                }

                case IParameterSymbol parameter when parameter.RefKind != RefKind.Out:
                {
                    var level = chain.IndexOf(parameter.ContainingSymbol);
                    if (level >= 0)
                    {
                        return Crosses(chain, level, localFunctions: false) ? null : new Candidate(level, 1, -parameter.Ordinal);
                    }

                    // A primary constructor's parameter: usable in the type's instance members and initializers.
                    return IsPrimaryConstructorParameter(parameter, type) && !staticContext && !Crosses(chain, chain.Count - 1, localFunctions: false)
                        ? new Candidate(chain.Count, 0, 0)
                        : null;
                }

                case IFieldSymbol field when !field.IsImplicitlyDeclared:
                    return MemberRank(field, type, noMembers, staticContext, chain);

                case IPropertySymbol property when !property.IsIndexer && property.GetMethod != null:
                    return MemberRank(property, type, noMembers, staticContext, chain);

                default:
                    return null;
            }
        }

        private static Candidate? MemberRank(ISymbol member, INamedTypeSymbol type, bool noMembers, bool staticContext, List<ISymbol> chain)
        {
            if (noMembers || (!member.IsStatic && (staticContext || !DerivesFrom(type, member.ContainingType))))
            {
                return null;
            }

            return Crosses(chain, chain.Count - 1, localFunctions: false) && !member.IsStatic ? null : new Candidate(chain.Count, 1, 0);
        }

        /// <summary>True when a static lambda or local function (or, for locals, any local function) lies between the code and <paramref name="level"/>.</summary>
        private static bool Crosses(List<ISymbol> chain, int level, bool localFunctions)
        {
            for (var i = 0; i < level && i < chain.Count; i++)
            {
                if (chain[i] is IMethodSymbol method && IsLocalFunctionOrLambda(method)
                    && (method.IsStatic || (localFunctions && method.MethodKind == MethodKind.LocalFunction)))
                {
                    // A local function may run before an outer local is assigned; a static one captures nothing.
                    return true;
                }
            }

            return false;
        }

        private static bool IsLocalFunctionOrLambda(ISymbol symbol)
            => symbol is IMethodSymbol method && (method.MethodKind == MethodKind.AnonymousFunction || method.MethodKind == MethodKind.LocalFunction);

        /// <summary>A local declared with an initializer by a statement that ends before the code: definitely assigned there.</summary>
        private static bool IsDeclaredBefore(ILocalSymbol local, SyntaxNode node)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != node.SyntaxTree
                    || !(reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } } declarator)
                    || !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax))
                {
                    return false;
                }

                return declarator.Span.End <= node.SpanStart;
            }

            return false;
        }

        private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter, INamedTypeSymbol type)
        {
            if (!(parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
                || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, type))
            {
                return false;
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType?.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Field and property initializers, constructor initializers and base-type arguments: no instance member there.</summary>
        private static bool IsInInitializer(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax _ }:
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax _ } } }:
                    case ConstructorInitializerSyntax _:
                    case PrimaryConstructorBaseTypeSyntax _:
                        return true;
                    case MemberDeclarationSyntax _:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The configuration read through <paramref name="symbol"/>: itself, or its Configuration property.</summary>
        private static ConfigurationAccess? Access(ISymbol symbol, INamedTypeSymbol configuration, INamedTypeSymbol? section)
        {
            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };

            if (type is null)
            {
                return null;
            }

            var name = Identifier(symbol.Name);
            if (IsConfiguration(type, configuration, section))
            {
                return new ConfigurationAccess(name, type);
            }

            var holder = ConfigurationProperty(type, configuration, section);
            return holder is null ? null : new ConfigurationAccess(name + "." + Identifier(holder.Name), holder.Type);
        }

        /// <summary>WebApplicationBuilder.Configuration, WebApplication.Configuration, HostBuilderContext.Configuration …</summary>
        private static IPropertySymbol? ConfigurationProperty(ITypeSymbol type, INamedTypeSymbol configuration, INamedTypeSymbol? section)
        {
            var types = new List<ITypeSymbol>();
            for (var current = type; current != null; current = current.BaseType)
            {
                types.Add(current);
            }

            types.AddRange(type.AllInterfaces);
            foreach (var candidate in types)
            {
                foreach (var member in candidate.GetMembers("Configuration"))
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: { DeclaredAccessibility: Accessibility.Public } } property
                        && property.DeclaredAccessibility == Accessibility.Public
                        && IsConfiguration(property.Type, configuration, section))
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        /// <summary>IConfiguration or a type implementing it, but not a section (its keys are relative).</summary>
        private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configuration, INamedTypeSymbol? section)
        {
            if (section != null && (SymbolEqualityComparer.Default.Equals(type, section) || type.AllInterfaces.Contains(section, SymbolEqualityComparer.Default)))
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(type, configuration) || type.AllInterfaces.Contains(configuration, SymbolEqualityComparer.Default);
        }

        /// <summary>The name binds to the symbol at that point (no local, parameter or member of the same name hides it).</summary>
        private static bool BindsTo(SemanticModel model, int position, ISymbol symbol)
        {
            var info = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName(Identifier(symbol.Name)), SpeculativeBindingOption.BindAsExpression);
            return SymbolEqualityComparer.Default.Equals(info.Symbol?.OriginalDefinition, symbol.OriginalDefinition);
        }

        private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private sealed class Candidate
        {
            public Candidate(int level, int kind, int order)
            {
                Level = level;
                Kind = kind;
                Order = order;
            }

            /// <summary>0 for the innermost function; the member's level for fields, properties and primary-constructor parameters.</summary>
            public int Level { get; }

            /// <summary>0 for locals (and primary-constructor parameters), 1 for parameters (and members).</summary>
            public int Kind { get; }

            /// <summary>Higher is nearer: a later local, an earlier parameter.</summary>
            public int Order { get; }

            public ConfigurationAccess? Access { get; set; }

            public bool IsNearerThan(Candidate other)
            {
                if (Level != other.Level)
                {
                    return Level < other.Level;
                }

                if (Kind != other.Kind)
                {
                    return Kind < other.Kind;
                }

                return Order > other.Order;
            }
        }
    }
}
