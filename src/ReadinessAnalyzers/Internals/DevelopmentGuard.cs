using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Decides, for every rule, whether code only runs in Development. Such code is not production code and is
    /// never reported. Recognised: the true branch of <c>IsDevelopment()</c> / <c>IsEnvironment("Development")</c> /
    /// <c>EnvironmentName == "Development"</c>, the false branch of <c>IsProduction()</c>, early exits such as
    /// <c>if (!env.IsDevelopment()) return;</c>, <c>#if DEBUG</c>, <c>[Conditional("DEBUG")]</c> methods,
    /// Startup convention methods (<c>ConfigureDevelopmentServices</c>), and test projects.
    /// A guard that also lets another environment in (<c>IsDevelopment() || IsStaging()</c>) is not a guard.
    /// A test project is one that says so (IsTestProject, a test framework referenced), unless it is a deployed web app
    /// (<see cref="DeployedWebApp"/>): the Web SDK and an entry point that builds a host.
    /// </summary>
    internal sealed class DevelopmentGuard
    {
        private const string Development = "Development";
        private const string Production = "Production";
        private const int MaxLocalDepth = 3;

        private static readonly ConditionalWeakTable<SyntaxTree, DebugRegions> DebugRegionCache = new ConditionalWeakTable<SyntaxTree, DebugRegions>();
        private static readonly ConditionalWeakTable<SyntaxTree, DebugRegions>.CreateValueCallback DebugRegionFactory = DebugRegions.Create;

        private static readonly ImmutableHashSet<string> TestFrameworkAssemblies = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "xunit.core",
            "xunit.v3.core",
            "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework",
            "Microsoft.AspNetCore.Mvc.Testing",
            "TUnit.Core");

        private readonly INamedTypeSymbol? _hostEnvironmentExtensions;
        private readonly INamedTypeSymbol? _hostingEnvironmentExtensions;
        private readonly INamedTypeSymbol? _extensionsHostingEnvironmentExtensions;
        private static readonly SymbolDisplayFormat QualifiedTypeName = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

        /// <summary>The option's entries: bare method names (<c>IsLocal</c>) and qualified ones (<c>HostingExtensions.IsLocal</c>).</summary>
        private readonly ImmutableHashSet<string> _extraGuardMethods;

        /// <summary>The method part of the qualified entries: only these names need their type checked.</summary>
        private readonly ImmutableHashSet<string> _qualifiedGuardMethodNames;

        private DevelopmentGuard(WellKnownTypes types, bool isTestProject, ImmutableHashSet<string> extraGuardMethods)
        {
            _hostEnvironmentExtensions = types.Get(TypeNames.HostEnvironmentEnvExtensions);
            // Microsoft.AspNetCore.Hosting declares an internal type of the same name: look it up in its public assembly.
            _hostingEnvironmentExtensions = types.Get(TypeNames.HostingEnvironmentExtensions, "Microsoft.AspNetCore.Hosting.Abstractions");
            _extensionsHostingEnvironmentExtensions = types.Get(TypeNames.ExtensionsHostingEnvironmentExtensions);
            IsTestProject = isTestProject;
            _extraGuardMethods = extraGuardMethods;
            var qualified = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var entry in extraGuardMethods)
            {
                var dot = entry.LastIndexOf('.');
                if (dot >= 0)
                {
                    qualified.Add(entry.Substring(dot + 1));
                }
            }

            _qualifiedGuardMethodNames = qualified.ToImmutable();
        }

        /// <summary>True when the whole compilation is a test project: nothing in it is production code.</summary>
        public bool IsTestProject { get; }

        /// <summary>Create once per compilation, in a compilation start action.</summary>
        public static DevelopmentGuard Create(Compilation compilation, AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var isTestProject = global.TryGetValue("build_property.IsTestProject", out var value)
                && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

            if (!isTestProject)
            {
                foreach (var reference in compilation.ReferencedAssemblyNames)
                {
                    if (TestFrameworkAssemblies.Contains(reference.Name))
                    {
                        isTestProject = true;
                        break;
                    }
                }
            }

            // A deployed web app stays production code when it references a test package by mistake.
            // The audit marks projects in test folders (tests/, *.Tests/): fixtures and test hosts are test code, whatever they build.
            var inTestFolder = global.TryGetValue("build_property.ReadinessTestFolder", out var folder)
                && string.Equals(folder.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (isTestProject
                && !inTestFolder
                && global.TryGetValue("build_property.UsingMicrosoftNETSdkWeb", out var web)
                && string.Equals(web.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                isTestProject = !DeployedWebApp.Is(compilation);
            }

            // Shared by every rule, so read once per compilation from the global options (a .globalconfig).
            var extra = ImmutableHashSet<string>.Empty;
            var names = RuleOptions.SplitList(RuleOptions.GetGlobal(options, OptionCatalog.DevelopmentGuardMethods));
            if (names.Length > 0)
            {
                extra = ImmutableHashSet.Create(StringComparer.Ordinal, names);
            }

            return new DevelopmentGuard(WellKnownTypes.GetOrCreate(compilation), isTestProject, extra);
        }

        /// <summary>True when <paramref name="operation"/> only runs in Development (or in a test project).</summary>
        public bool IsDevelopmentOnly(IOperation operation)
        {
            if (IsTestProject)
            {
                return true;
            }

            var syntax = operation.Syntax;
            if (IsInDebugOnlyRegion(syntax.SyntaxTree, syntax.SpanStart))
            {
                return true;
            }

            var child = operation;
            for (var current = operation.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                        if (DevelopmentOnlyWhen(conditional.Condition, child == conditional.WhenTrue, 0))
                        {
                            return true;
                        }

                        break;

                    case IBinaryOperation binary when child == binary.RightOperand:
                        // `env.IsDevelopment() && Use(...)`: the right side runs only when the left is true.
                        if ((binary.OperatorKind == BinaryOperatorKind.ConditionalAnd && DevelopmentOnlyWhen(binary.LeftOperand, true, 0))
                            || (binary.OperatorKind == BinaryOperatorKind.ConditionalOr && DevelopmentOnlyWhen(binary.LeftOperand, false, 0)))
                        {
                            return true;
                        }

                        break;

                    case IBlockOperation block:
                        if (FollowsDevelopmentEarlyExit(block, child))
                        {
                            return true;
                        }

                        break;

                    case ISwitchCaseOperation switchCase when switchCase.Parent is ISwitchOperation switchOperation:
                        if (IsDevelopmentCase(switchOperation.Value, switchCase))
                        {
                            return true;
                        }

                        break;
                }
            }

            var model = operation.SemanticModel;
            return model != null && IsInDevelopmentOnlyMember(model.GetEnclosingSymbol(syntax.SpanStart));
        }

        /// <summary>For syntax-based rules: the guard applied to the innermost operation around <paramref name="node"/>.</summary>
        public bool IsDevelopmentOnly(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (IsTestProject || IsInDebugOnlyRegion(node.SyntaxTree, node.SpanStart))
            {
                return true;
            }

            for (var current = node; current != null; current = current.Parent)
            {
                var operation = model.GetOperation(current, cancellationToken);
                if (operation != null)
                {
                    return IsDevelopmentOnly(operation);
                }
            }

            return IsInDevelopmentOnlyMember(model.GetEnclosingSymbol(node.SpanStart, cancellationToken));
        }

        /// <summary>True when a symbol is declared in code that only runs in Development.</summary>
        public bool IsDevelopmentOnly(ISymbol symbol)
        {
            if (IsTestProject)
            {
                return true;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (!IsInDebugOnlyRegion(reference.SyntaxTree, reference.Span.Start))
                {
                    return IsInDevelopmentOnlyMember(symbol);
                }
            }

            return symbol.DeclaringSyntaxReferences.Length > 0;
        }

        /// <summary>
        /// True when the code taken when <paramref name="condition"/> evaluates to <paramref name="value"/> only runs
        /// in Development.
        /// </summary>
        internal bool DevelopmentOnlyWhen(IOperation condition, bool value, int depth)
        {
            condition = Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return DevelopmentOnlyWhen(not.Operand, !value, depth);

                case IBinaryOperation binary:
                    return BinaryDevelopmentOnlyWhen(binary, value, depth);

                case IInvocationOperation invocation:
                    return InvocationDevelopmentOnlyWhen(invocation, value);

                case IIsPatternOperation isPattern:
                    return PatternDevelopmentOnlyWhen(isPattern.Value, isPattern.Pattern, value);

                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    var initializer = LocalInitializer(local);
                    return initializer != null && DevelopmentOnlyWhen(initializer, value, depth + 1);

                case IInvalidOperation invalid:
                    // Half-typed code or a hosting type that does not resolve: fall back to the exact method name, never to a looser guess.
                    return UnresolvedDevelopmentOnlyWhen(invalid, value);

                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>env.IsDevelopment()</c>, <c>env.IsProduction()</c>, <c>env.IsEnvironment("Development")</c> where <c>env</c>'s type
        /// does not resolve, and the names of the <c>development_guard_methods</c> option.
        /// </summary>
        private bool UnresolvedDevelopmentOnlyWhen(IInvalidOperation invalid, bool value)
        {
            if (!(invalid.Syntax is InvocationExpressionSyntax call) || !(GuardName(call.Expression) is string name))
            {
                return false;
            }

            var arguments = call.ArgumentList.Arguments;
            if (arguments.Count == 0)
            {
                return name == "IsDevelopment" ? value : name == "IsProduction" ? !value : value && IsExtraGuardCall(call.Expression, name);
            }

            if (name == "IsEnvironment" && arguments.Count == 1 && call.Expression is MemberAccessExpressionSyntax)
            {
                foreach (var child in invalid.ChildOperations)
                {
                    var argument = child is IArgumentOperation a ? a.Value : child;
                    if (argument.Syntax == arguments[0].Expression)
                    {
                        return Classify(EnvironmentNameConstant(argument), value);
                    }
                }
            }

            return false;
        }

        private bool BinaryDevelopmentOnlyWhen(IBinaryOperation binary, bool value, int depth)
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.ConditionalAnd:
                case BinaryOperatorKind.And when IsBoolean(binary):
                    return value
                        ? DevelopmentOnlyWhen(binary.LeftOperand, true, depth) || DevelopmentOnlyWhen(binary.RightOperand, true, depth)
                        : DevelopmentOnlyWhen(binary.LeftOperand, false, depth) && DevelopmentOnlyWhen(binary.RightOperand, false, depth);

                case BinaryOperatorKind.ConditionalOr:
                case BinaryOperatorKind.Or when IsBoolean(binary):
                    return value
                        ? DevelopmentOnlyWhen(binary.LeftOperand, true, depth) && DevelopmentOnlyWhen(binary.RightOperand, true, depth)
                        : DevelopmentOnlyWhen(binary.LeftOperand, false, depth) || DevelopmentOnlyWhen(binary.RightOperand, false, depth);

                case BinaryOperatorKind.Equals:
                case BinaryOperatorKind.NotEquals:
                    var equalsValue = binary.OperatorKind == BinaryOperatorKind.Equals ? value : !value;
                    if (BooleanConstant(binary.RightOperand) is bool right)
                    {
                        return DevelopmentOnlyWhen(binary.LeftOperand, right ? equalsValue : !equalsValue, depth);
                    }

                    if (BooleanConstant(binary.LeftOperand) is bool left)
                    {
                        return DevelopmentOnlyWhen(binary.RightOperand, left ? equalsValue : !equalsValue, depth);
                    }

                    return EnvironmentComparisonDevelopmentOnlyWhen(binary.LeftOperand, binary.RightOperand, equalsValue);

                default:
                    return false;
            }
        }

        private bool InvocationDevelopmentOnlyWhen(IInvocationOperation invocation, bool value)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "IsDevelopment" when IsEnvironmentExtension(method) && invocation.Arguments.Length == 1:
                    return value;
                case "IsProduction" when IsEnvironmentExtension(method) && invocation.Arguments.Length == 1:
                    return !value;
                case "IsEnvironment" when IsEnvironmentExtension(method) && invocation.Arguments.Length == 2:
                    switch (EnvironmentNameConstant(invocation.Arguments[1].Value))
                    {
                        case Development: return value;
                        case Production: return !value;
                        default: return false;
                    }

                case "Equals" when method.ContainingType?.SpecialType == SpecialType.System_String:
                    // string.Equals(env.EnvironmentName, "Development", ...) or env.EnvironmentName.Equals("Development", ...)
                    if (method.IsStatic && invocation.Arguments.Length >= 2)
                    {
                        return EnvironmentComparisonDevelopmentOnlyWhen(invocation.Arguments[0].Value, invocation.Arguments[1].Value, value);
                    }

                    if (!method.IsStatic && invocation.Instance != null && invocation.Arguments.Length >= 1)
                    {
                        return EnvironmentComparisonDevelopmentOnlyWhen(invocation.Instance, invocation.Arguments[0].Value, value);
                    }

                    return false;

                default:
                    return value && IsExtraGuardMethod(method);
            }
        }

        /// <summary>A method of the <c>development_guard_methods</c> option: by its name, or by <c>Type.Method</c>.</summary>
        private bool IsExtraGuardMethod(IMethodSymbol method)
        {
            if (_extraGuardMethods.Count == 0)
            {
                return false;
            }

            if (_extraGuardMethods.Contains(method.Name))
            {
                return true;
            }

            var type = method.ContainingType;
            return type != null
                && _qualifiedGuardMethodNames.Contains(method.Name)
                && (_extraGuardMethods.Contains(type.Name + "." + method.Name)
                    || _extraGuardMethods.Contains(type.ToDisplayString(QualifiedTypeName) + "." + method.Name));
        }

        /// <summary>Half-typed code: the exact name as written, <c>IsLocal()</c> or <c>HostingExtensions.IsLocal(env)</c>.</summary>
        private bool IsExtraGuardCall(ExpressionSyntax expression, string name)
            => _extraGuardMethods.Contains(name)
                || (expression is MemberAccessExpressionSyntax memberAccess
                    && _qualifiedGuardMethodNames.Contains(name)
                    && _extraGuardMethods.Contains(memberAccess.Expression.ToString() + "." + name));

        private static bool PatternDevelopmentOnlyWhen(IOperation tested, IPatternOperation pattern, bool value)
        {
            switch (pattern)
            {
                case INegatedPatternOperation negated:
                    return PatternDevelopmentOnlyWhen(tested, negated.Pattern, !value);
                case IConstantPatternOperation constant when IsEnvironmentName(tested):
                    return Classify(EnvironmentNameConstant(constant.Value), value);
                default:
                    return false;
            }
        }

        private static bool EnvironmentComparisonDevelopmentOnlyWhen(IOperation left, IOperation right, bool equal)
        {
            if (IsEnvironmentName(left))
            {
                return Classify(EnvironmentNameConstant(right), equal);
            }

            if (IsEnvironmentName(right))
            {
                return Classify(EnvironmentNameConstant(left), equal);
            }

            return false;
        }

        // "Development" equal → dev-only when equal; "Production" equal → dev-only (not production) when not equal.
        private static bool Classify(string? environment, bool equal)
            => environment == Development ? equal : environment == Production && !equal;

        private bool IsDevelopmentCase(IOperation switchValue, ISwitchCaseOperation switchCase)
        {
            if (!IsEnvironmentName(switchValue) || switchCase.Clauses.Length == 0)
            {
                return false;
            }

            foreach (var clause in switchCase.Clauses)
            {
                if (!(clause is ISingleValueCaseClauseOperation single) || EnvironmentNameConstant(single.Value) != Development)
                {
                    return false;
                }
            }

            return true;
        }

        private bool FollowsDevelopmentEarlyExit(IBlockOperation block, IOperation child)
        {
            foreach (var statement in block.Operations)
            {
                if (statement == child)
                {
                    return false;
                }

                if (statement is IConditionalOperation { WhenFalse: null } conditional
                    && AlwaysExits(conditional.WhenTrue)
                    && DevelopmentOnlyWhen(conditional.Condition, false, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AlwaysExits(IOperation operation)
        {
            switch (operation)
            {
                case IReturnOperation _:
                case IThrowOperation _:
                case IExpressionStatementOperation { Operation: IThrowOperation _ }:
                    return true;
                case IBlockOperation block when block.Operations.Length > 0:
                    return AlwaysExits(block.Operations[block.Operations.Length - 1]);
                default:
                    return false;
            }
        }

        private bool IsEnvironmentExtension(IMethodSymbol method)
        {
            var containingType = method.ReducedFrom?.ContainingType ?? method.ContainingType;
            return containingType != null
                && (SymbolEqualityComparer.Default.Equals(containingType, _hostEnvironmentExtensions)
                    || SymbolEqualityComparer.Default.Equals(containingType, _hostingEnvironmentExtensions)
                    || SymbolEqualityComparer.Default.Equals(containingType, _extensionsHostingEnvironmentExtensions));
        }

        private bool IsInDevelopmentOnlyMember(ISymbol? symbol)
        {
            for (var current = symbol; current != null && !(current is INamespaceSymbol); current = current.ContainingSymbol)
            {
                if (current is IMethodSymbol method)
                {
                    if (IsDevelopmentConventionName(method.Name) || HasDebugConditional(method))
                    {
                        return true;
                    }
                }
                else if (current is INamedTypeSymbol)
                {
                    break;
                }
            }

            return false;
        }

        // Startup conventions: Configure{Environment}Services, Configure{Environment}, Configure{Environment}Container.
        private static bool IsDevelopmentConventionName(string name)
            => name == "ConfigureDevelopment" || name == "ConfigureDevelopmentServices" || name == "ConfigureDevelopmentContainer";

        private static bool HasDebugConditional(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "ConditionalAttribute"
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string symbol
                    && symbol == "DEBUG")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEnvironmentName(IOperation operation)
        {
            operation = Unwrap(operation);
            return (operation is IPropertyReferenceOperation property && property.Property.Name == "EnvironmentName")
                || UnresolvedMembers.MemberName(operation) == "EnvironmentName";
        }

        private static string? EnvironmentNameConstant(IOperation operation)
        {
            // "Development" as a literal, a const, or Environments.Development (a static readonly field).
            operation = Unwrap(operation);
            if (operation is IFieldReferenceOperation { Field: { IsStatic: true } field }
                && (field.Name == Development || field.Name == Production)
                && (field.ContainingType?.Name == "Environments" || field.ContainingType?.Name == "EnvironmentName"))
            {
                return field.Name;
            }

            var constant = operation.ConstantValue;
            if (constant.HasValue && constant.Value is string text)
            {
                return string.Equals(text, Development, StringComparison.OrdinalIgnoreCase) ? Development
                    : string.Equals(text, Production, StringComparison.OrdinalIgnoreCase) ? Production
                    : text;
            }

            return null;
        }

        private static bool? BooleanConstant(IOperation operation)
        {
            var constant = Unwrap(operation).ConstantValue;
            return constant.HasValue && constant.Value is bool b ? b : (bool?)null;
        }

        private static bool IsBoolean(IBinaryOperation binary) => binary.Type?.SpecialType == SpecialType.System_Boolean;

        private static IOperation Unwrap(IOperation operation) => Operations.Unwrap(operation)!;

        private static IOperation? LocalInitializer(ILocalReferenceOperation local)
        {
            var model = local.SemanticModel;
            if (model == null)
            {
                return null;
            }

            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }
                    && reference.SyntaxTree == model.SyntaxTree)
                {
                    return model.GetOperation(initializer.Value);
                }
            }

            return null;
        }

        private static string? GuardName(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.ValueText;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static bool IsInDebugOnlyRegion(SyntaxTree tree, int position)
        {
            var root = tree.GetRoot();
            if (!root.ContainsDirectives)
            {
                return false;
            }

            return DebugRegionCache.GetValue(tree, DebugRegionFactory).Contains(position);
        }

        /// <summary>The spans of a file that are compiled only when DEBUG is defined.</summary>
        private sealed class DebugRegions
        {
            private readonly List<TextSpan> _regions;

            private DebugRegions(List<TextSpan> regions) => _regions = regions;

            public static DebugRegions Create(SyntaxTree tree)
            {
                var regions = new List<TextSpan>();
                var stack = new Stack<Frame>();
                var root = tree.GetRoot();
                for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
                {
                    switch (directive)
                    {
                        case IfDirectiveTriviaSyntax ifDirective:
                            stack.Push(new Frame(DebugWhen(ifDirective.Condition, true), DebugWhen(ifDirective.Condition, false), ifDirective.Span.End));
                            break;

                        case ElifDirectiveTriviaSyntax elif when stack.Count > 0:
                        {
                            var frame = stack.Pop();
                            frame.Close(regions, elif.SpanStart);
                            // An #elif runs only when every earlier condition was false.
                            stack.Push(new Frame(frame.DebugWhenFalse || DebugWhen(elif.Condition, true), frame.DebugWhenFalse || DebugWhen(elif.Condition, false), elif.Span.End));
                            break;
                        }

                        case ElseDirectiveTriviaSyntax elseDirective when stack.Count > 0:
                        {
                            var frame = stack.Pop();
                            frame.Close(regions, elseDirective.SpanStart);
                            stack.Push(new Frame(frame.DebugWhenFalse, false, elseDirective.Span.End));
                            break;
                        }

                        case EndIfDirectiveTriviaSyntax endIf when stack.Count > 0:
                            stack.Pop().Close(regions, endIf.SpanStart);
                            break;
                    }
                }

                return new DebugRegions(regions);
            }

            public bool Contains(int position)
            {
                foreach (var region in _regions)
                {
                    if (region.Contains(position))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool DebugWhen(ExpressionSyntax condition, bool value)
            {
                switch (condition)
                {
                    case IdentifierNameSyntax identifier:
                        return value && identifier.Identifier.ValueText == "DEBUG";
                    case ParenthesizedExpressionSyntax parenthesized:
                        return DebugWhen(parenthesized.Expression, value);
                    case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression):
                        return DebugWhen(prefix.Operand, !value);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                        return value
                            ? DebugWhen(binary.Left, true) || DebugWhen(binary.Right, true)
                            : DebugWhen(binary.Left, false) && DebugWhen(binary.Right, false);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                        return value
                            ? DebugWhen(binary.Left, true) && DebugWhen(binary.Right, true)
                            : DebugWhen(binary.Left, false) || DebugWhen(binary.Right, false);
                    default:
                        return false;
                }
            }

            private readonly struct Frame
            {
                public Frame(bool debugOnly, bool debugWhenFalse, int start)
                {
                    DebugOnly = debugOnly;
                    DebugWhenFalse = debugWhenFalse;
                    Start = start;
                }

                public bool DebugOnly { get; }

                public bool DebugWhenFalse { get; }

                public int Start { get; }

                public void Close(List<TextSpan> regions, int end)
                {
                    if (DebugOnly)
                    {
                        regions.Add(TextSpan.FromBounds(Start, end));
                    }
                }
            }
        }
    }
}
