using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Auth
{
    /// <summary>
    /// RDY7003: antiforgery validation switched off for the whole app — <c>IgnoreAntiforgeryTokenAttribute</c> as a global
    /// MVC filter or Razor Pages convention, <c>[IgnoreAntiforgeryToken]</c> on a base controller or page model that
    /// others derive from, <c>DisableAntiforgery()</c> on a route group with an empty or "/" prefix or on
    /// <c>MapRazorComponents</c>. Opting one endpoint out is a decision, not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AntiforgeryDisabledGloballyAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.AntiforgeryDisabledGlobally,
            title: "Antiforgery validation switched off globally",
            messageFormat: "'{0}' switches off antiforgery validation for {1}: any website can submit forms as a signed-in user (CSRF); remove it and opt out only the endpoints that do not authenticate with cookies",
            description: "Antiforgery tokens are what stops another website from posting forms with your users' cookies. "
                + "Turning validation off for every action, page, component or endpoint at once also removes it where cookies "
                + "authenticate the request. Opt single endpoints out instead, with [IgnoreAntiforgeryToken] or DisableAntiforgery() on them.");

        private const string IgnoreAttributeType = "Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute";
        private const string FilterCollectionType = "Microsoft.AspNetCore.Mvc.Filters.FilterCollection";
        private const string PageConventionCollectionType = "Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection";
        private const string ConventionExtensionsType = "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions";
        private const string EndpointRouteBuilderExtensionsType = "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";
        private const string RazorComponentsExtensionsType = "Microsoft.AspNetCore.Builder.RazorComponentsEndpointRouteBuilderExtensions";
        private const string ControllerBaseType = "Microsoft.AspNetCore.Mvc.ControllerBase";
        private const string PageModelType = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";

        private const int MaxDepth = 3;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                if (!types.ReferencesAspNetCore)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                var ignore = types.Get(IgnoreAttributeType);
                var filters = types.Get(FilterCollectionType);
                var pageConventions = types.Get(PageConventionCollectionType);
                var routing = new Routing(types.Get(ConventionExtensionsType), types.Get(EndpointRouteBuilderExtensionsType), types.Get(RazorComponentsExtensionsType));

                if (ignore != null && (filters != null || pageConventions != null))
                {
                    start.RegisterOperationAction(context => AnalyzeGlobalFilter(context, ignore, filters, pageConventions, guard), OperationKind.Invocation);
                }

                if (routing.DisableAntiforgery != null)
                {
                    start.RegisterOperationAction(context => AnalyzeDisableAntiforgery(context, routing, guard), OperationKind.Invocation);
                }

                var controllerBase = types.Get(ControllerBaseType);
                var pageModel = types.Get(PageModelType);
                if (ignore != null && (controllerBase != null || pageModel != null))
                {
                    var reported = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
                    start.RegisterSymbolAction(context => AnalyzeBaseClass(context, ignore, controllerBase, pageModel, reported, guard), SymbolKind.NamedType);
                }
            });
        }

        /// <summary><c>options.Filters.Add(new IgnoreAntiforgeryTokenAttribute())</c>, <c>Add&lt;…&gt;()</c>, <c>Add(typeof(…))</c>, <c>Conventions.ConfigureFilter(new …)</c>.</summary>
        private static void AnalyzeGlobalFilter(OperationAnalysisContext context, INamedTypeSymbol ignore, INamedTypeSymbol? filters, INamedTypeSymbol? pageConventions, DevelopmentGuard guard)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            string scope;
            switch (method.Name)
            {
                case "Add":
                case "Insert":
                    if (!DerivesFrom(invocation.Instance?.Type, filters))
                    {
                        return;
                    }

                    scope = "every controller action and Razor Page";
                    break;

                case "ConfigureFilter":
                    // PageConventionCollectionExtensions.ConfigureFilter(this PageConventionCollection, IFilterMetadata).
                    var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    if (!DerivesFrom(receiver?.Type, pageConventions))
                    {
                        return;
                    }

                    scope = "every Razor Page";
                    break;

                default:
                    return;
            }

            if (!AddsIgnoreFilter(invocation, ignore) || guard.IsDevelopmentOnly(invocation))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.Name + "(IgnoreAntiforgeryTokenAttribute)", scope));
        }

        private static bool AddsIgnoreFilter(IInvocationOperation invocation, INamedTypeSymbol ignore)
        {
            var method = invocation.TargetMethod;
            if (method.IsGenericMethod && method.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], ignore))
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if ((value is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, ignore))
                    || (value is ITypeOfOperation typeOf && SymbolEqualityComparer.Default.Equals(typeOf.TypeOperand, ignore)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>app.MapGroup("").DisableAntiforgery()</c>, <c>app.MapRazorComponents&lt;App&gt;().DisableAntiforgery()</c>.</summary>
        private static void AnalyzeDisableAntiforgery(OperationAnalysisContext context, Routing routing, DevelopmentGuard guard)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!Invocations.Is(invocation.TargetMethod, routing.DisableAntiforgery, "DisableAntiforgery") || invocation.Arguments.Length == 0)
            {
                return;
            }

            var scope = routing.Coverage(invocation.Arguments[0].Value, 0);
            if (scope != null && !guard.IsDevelopmentOnly(invocation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, Invocations.CallLocation(invocation), "DisableAntiforgery()", scope));
            }
        }

        /// <summary>[IgnoreAntiforgeryToken] on an abstract controller or page model, or on one another class derives from.</summary>
        private static void AnalyzeBaseClass(
            SymbolAnalysisContext context,
            INamedTypeSymbol ignore,
            INamedTypeSymbol? controllerBase,
            INamedTypeSymbol? pageModel,
            ConcurrentDictionary<INamedTypeSymbol, bool> reported,
            DevelopmentGuard guard)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class)
            {
                return;
            }

            // The abstract base itself; for a concrete base, the first class that derives from it.
            var candidate = type.IsAbstract ? type : type.BaseType;
            if (candidate is null || candidate.TypeKind != TypeKind.Class || !SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, context.Compilation.Assembly))
            {
                return;
            }

            var attribute = IgnoreAttribute(candidate, ignore);
            if (attribute?.ApplicationSyntaxReference is null)
            {
                return;
            }

            var kind = DerivesFrom(candidate, controllerBase) ? "controller" : DerivesFrom(candidate, pageModel) ? "page model" : null;
            if (kind is null || guard.IsDevelopmentOnly(candidate) || !reported.TryAdd(candidate, true))
            {
                return;
            }

            var location = Location.Create(attribute.ApplicationSyntaxReference.SyntaxTree, attribute.ApplicationSyntaxReference.Span);
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, "[IgnoreAntiforgeryToken] on base class " + candidate.Name, "every " + kind + " deriving from it"));
        }

        private static AttributeData? IgnoreAttribute(INamedTypeSymbol type, INamedTypeSymbol ignore)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ignore))
                {
                    return attribute;
                }
            }

            return null;
        }

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Routing
        {
            public Routing(INamedTypeSymbol? conventions, INamedTypeSymbol? endpointRouteBuilder, INamedTypeSymbol? razorComponents)
            {
                DisableAntiforgery = conventions;
                EndpointRouteBuilder = endpointRouteBuilder;
                RazorComponents = razorComponents;
            }

            public INamedTypeSymbol? DisableAntiforgery { get; }

            public INamedTypeSymbol? EndpointRouteBuilder { get; }

            public INamedTypeSymbol? RazorComponents { get; }

            /// <summary>What the builder covers when it is everything ("every endpoint", "every Razor component"), else null.</summary>
            public string? Coverage(IOperation? builder, int depth)
            {
                while (builder is IConversionOperation conversion)
                {
                    builder = conversion.Operand;
                }

                switch (builder)
                {
                    case ILocalReferenceOperation local when depth < MaxDepth:
                        return Coverage(Initializer(local), depth + 1);

                    case IInvocationOperation call when Invocations.Is(call.TargetMethod, RazorComponents, "MapRazorComponents"):
                        return "every Razor component";

                    case IInvocationOperation call when Invocations.Is(call.TargetMethod, EndpointRouteBuilder, "MapGroup") && call.Arguments.Length == 2:
                        var prefix = Invocations.ConstantString(call.Arguments[1].Value);
                        if (prefix != string.Empty && prefix != "/")
                        {
                            return null;
                        }

                        // A root group inside another group covers only that group.
                        return IsGroup(call.Arguments[0].Value, depth) ? Coverage(call.Arguments[0].Value, depth + 1) : "every endpoint";

                    default:
                        return null;
                }
            }

            private bool IsGroup(IOperation? builder, int depth)
            {
                while (builder is IConversionOperation conversion)
                {
                    builder = conversion.Operand;
                }

                return builder?.Type?.Name == "RouteGroupBuilder"
                    || (builder is ILocalReferenceOperation local && depth < MaxDepth && IsGroup(Initializer(local), depth + 1));
            }

            private static IOperation? Initializer(ILocalReferenceOperation local)
            {
                var model = local.SemanticModel;
                if (model is null)
                {
                    return null;
                }

                foreach (var reference in local.Local.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == model.SyntaxTree
                        && reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer })
                    {
                        return model.GetOperation(initializer.Value);
                    }
                }

                return null;
            }
        }
    }
}
