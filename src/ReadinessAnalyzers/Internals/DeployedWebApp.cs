using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Whether a Web SDK project that looks like a test project (IsTestProject, a test framework referenced) is in fact a
    /// deployed web app: its assembly is not named as tests are (<c>*.Tests</c>, <c>*.IntegrationTests</c> …) and its entry
    /// point (top-level statements or a static Main) builds a web app or a host. Decided by syntax, once per compilation.
    /// </summary>
    internal static class DeployedWebApp
    {
        private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> Cache = new ConditionalWeakTable<Compilation, StrongBox<bool>>();
        private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>>.CreateValueCallback Factory = c => new StrongBox<bool>(Decide(c));

        private static readonly string[] TestNameSuffixes = { ".Tests", ".Test", ".UnitTests", ".IntegrationTests", ".FunctionalTests", ".Specs", ".E2E" };

        public static bool Is(Compilation compilation) => Cache.GetValue(compilation, Factory).Value;

        /// <summary>An assembly named as test projects are: <c>Orders.Tests</c>, <c>Orders.IntegrationTests</c>, <c>Tests</c>.</summary>
        public static bool HasTestName(string? assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName))
            {
                return false;
            }

            if (string.Equals(assemblyName, "Tests", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var suffix in TestNameSuffixes)
            {
                if (assemblyName!.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Decide(Compilation compilation)
        {
            if (HasTestName(compilation.AssemblyName))
            {
                return false;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!(tree.GetRoot() is CompilationUnitSyntax root))
                {
                    continue;
                }

                var hasTopLevelStatements = false;
                foreach (var member in root.Members)
                {
                    if (member is GlobalStatementSyntax)
                    {
                        hasTopLevelStatements = true;
                        break;
                    }
                }

                if (hasTopLevelStatements ? BuildsHost(root) : HasMainThatBuildsHost(root.Members))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasMainThatBuildsHost(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns when HasMainThatBuildsHost(ns.Members):
                        return true;
                    case TypeDeclarationSyntax type when HasMainThatBuildsHost(type.Members):
                        return true;
                    case MethodDeclarationSyntax { Identifier: { ValueText: "Main" } } main
                        when main.Modifiers.Any(SyntaxKind.StaticKeyword) && BuildsHost(main):
                        return true;
                }
            }

            return false;
        }

        /// <summary>WebApplication.CreateBuilder / CreateSlimBuilder / Create, Host.CreateDefaultBuilder, WebHost.CreateDefaultBuilder, CreateHostBuilder(args).</summary>
        private static bool BuildsHost(SyntaxNode node)
        {
            foreach (var descendant in node.DescendantNodes())
            {
                if (!(descendant is InvocationExpressionSyntax invocation))
                {
                    continue;
                }

                switch (invocation.Expression)
                {
                    case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name: { } name }:
                        var method = name.Identifier.ValueText;
                        switch (receiver.Identifier.ValueText)
                        {
                            case "WebApplication" when method == "CreateBuilder" || method == "CreateSlimBuilder" || method == "CreateEmptyBuilder" || method == "Create":
                            case "Host" when method == "CreateDefaultBuilder" || method == "CreateApplicationBuilder":
                            case "WebHost" when method == "CreateDefaultBuilder":
                                return true;
                        }

                        break;

                    case IdentifierNameSyntax { Identifier: { ValueText: "CreateHostBuilder" or "CreateWebHostBuilder" } }:
                        return true;
                }
            }

            return false;
        }
    }
}
