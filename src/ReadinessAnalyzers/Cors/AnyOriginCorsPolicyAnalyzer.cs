using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>
    /// RDY2001: a CORS policy that lets every origin in — <c>AllowAnyOrigin()</c>, <c>WithOrigins("*")</c>,
    /// <c>new CorsPolicyBuilder("*")</c>, an always-true <c>SetIsOriginAllowed</c> predicate, or the same on a
    /// <c>CorsPolicy</c> object.
    /// RDY2002: such a policy that also allows credentials. One diagnostic per problem: when RDY2002 is reported for a
    /// permissive call, RDY2001 is not.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AnyOriginCorsPolicyAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor AnyOriginRule = RuleDescriptors.Create(
            RuleIds.AnyOriginAllowed,
            title: "CORS policy allows any origin",
            messageFormat: "'{0}' allows every origin: any website can call this API from a visitor's browser and read the responses; list the trusted origins with WithOrigins(...)",
            description: "A CORS policy that admits every origin turns off the browser's same-origin protection for this API. "
                + "Name the origins that may call it, from configuration, with WithOrigins(...).");

        internal static readonly DiagnosticDescriptor CredentialsRule = RuleDescriptors.Create(
            RuleIds.CredentialsWithAnyOrigin,
            title: "CORS policy allows credentials from any origin",
            messageFormat: "'{0}' allows every origin on a policy that also {1}: any website can send requests with your users' cookies and read the answers; list the trusted origins with WithOrigins(...)",
            description: "Credentials (cookies, client certificates, Authorization) combined with an origin check that admits everyone "
                + "lets any website act as the signed-in user and read the results. ASP.NET Core refuses AllowAnyOrigin() with "
                + "AllowCredentials() at run time, but an always-true SetIsOriginAllowed predicate goes round that guard silently.");

        /// <summary>RDY2001 for a wildcard subdomain origin that no allowed_origin_patterns entry trusts.</summary>
        internal static readonly DiagnosticDescriptor SubdomainRule = RuleDescriptors.Create(
            RuleIds.AnyOriginAllowed,
            title: "CORS policy allows any origin",
            messageFormat: "'{0}' admits every subdomain of {1}, which no allowed_origin_patterns entry trusts: a page on any of them can call this API from a visitor's browser and read the responses; list the trusted origins, or add a pattern for them to allowed_origin_patterns",
            description: AnyOriginRule.Description.ToString());

        /// <summary>RDY2002 for a wildcard subdomain origin, no allowed_origin_patterns entry trusting it, on a credentialed policy.</summary>
        internal static readonly DiagnosticDescriptor SubdomainCredentialsRule = RuleDescriptors.Create(
            RuleIds.CredentialsWithAnyOrigin,
            title: "CORS policy allows credentials from any origin",
            messageFormat: "'{0}' admits every subdomain of {1} on a policy that also {2}, and no allowed_origin_patterns entry trusts them: a page on any of them can send requests with your users' cookies and read the answers; list the trusted origins, or add a pattern for them to allowed_origin_patterns",
            description: CredentialsRule.Description.ToString());

        private const string CorsPolicyBuilderType = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder";
        private const string CorsPolicyType = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy";

        private const string AllowCredentialsText = "calls AllowCredentials()";
        private const string SupportsCredentialsText = "sets SupportsCredentials = true";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            ImmutableArray.Create(AnyOriginRule, CredentialsRule, SubdomainRule, SubdomainCredentialsRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                if (!types.MayBeUnrestoredWebCode)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                var builder = types.Get(CorsPolicyBuilderType);
                var policy = types.Get(CorsPolicyType);

                if (builder != null || policy != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            // Cheap first: the method's name says which of the two shapes can apply.
                            var name = ((IInvocationOperation)context.Operation).TargetMethod.Name;
                            if (name == "Add")
                            {
                                AnalyzeOriginsAdd(context, policy, guard);
                            }
                            else if (name == "AllowAnyOrigin" || name == "WithOrigins" || name == "SetIsOriginAllowed")
                            {
                                AnalyzeBuilderCall(context, builder, types, guard);
                            }
                        },
                        OperationKind.Invocation);
                }

                if (builder != null)
                {
                    start.RegisterOperationAction(context => AnalyzeBuilderCreation(context, builder, types, guard), OperationKind.ObjectCreation);
                }

                if (policy != null)
                {
                    start.RegisterOperationAction(context => AnalyzeIsOriginAllowedAssignment(context, policy, guard), OperationKind.SimpleAssignment);
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        // CORS does not bind (half-typed code, a library without the shared framework): the exact name decides.
                        if (Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation) == "AllowAnyOrigin"
                            && !guard.IsDevelopmentOnly(context.Operation)
                            && !DevelopmentOnlyPolicy.IsAppliedOnlyInDevelopment(context.Operation, guard))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(AnyOriginRule, context.Operation.Syntax.GetLocation(), "AllowAnyOrigin()"));
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static void AnalyzeBuilderCall(OperationAnalysisContext context, INamedTypeSymbol? builder, WellKnownTypes types, DevelopmentGuard guard)
        {
            if (builder is null)
            {
                return;
            }

            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            string description;
            switch (method.Name)
            {
                case "AllowAnyOrigin":
                    description = "AllowAnyOrigin()";
                    break;
                case "WithOrigins":
                    description = "WithOrigins(\"*\")";
                    break;
                case "SetIsOriginAllowed":
                    description = "SetIsOriginAllowed(always true)";
                    break;
                default:
                    return;
            }

            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, builder))
            {
                return;
            }

            if (method.Name == "WithOrigins")
            {
                if (AnyWildcard(invocation.Arguments))
                {
                    Report(context, guard, description, BuilderCredentials(invocation, builder, guard), WildcardFix(invocation, invocation.Arguments, types));
                }
                else
                {
                    AnalyzeListedOrigins(context, invocation.Arguments, "WithOrigins", builder, types, guard);
                }

                return;
            }

            if (method.Name == "SetIsOriginAllowed"
                && (invocation.Arguments.Length != 1 || !Callbacks.AlwaysAccepts(invocation.Arguments[0].Value, CallbackVerdict.ReturnsTrue)))
            {
                return;
            }

            Report(context, guard, description, BuilderCredentials(invocation, builder, guard), ConfigurationFix(invocation, types));
        }

        private static void AnalyzeBuilderCreation(OperationAnalysisContext context, INamedTypeSymbol builder, WellKnownTypes types, DevelopmentGuard guard)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, builder))
            {
                return;
            }

            if (AnyWildcard(creation.Arguments))
            {
                Report(context, guard, "new CorsPolicyBuilder(\"*\")", BuilderCredentials(creation, builder, guard), WildcardFix(creation, creation.Arguments, types));
            }
            else
            {
                AnalyzeListedOrigins(context, creation.Arguments, "new CorsPolicyBuilder", builder, types, guard);
            }
        }

        /// <summary><c>policy.Origins.Add("*")</c> and <c>new CorsPolicy { Origins = { "*" } }</c>.</summary>
        private static void AnalyzeOriginsAdd(OperationAnalysisContext context, INamedTypeSymbol? policy, DevelopmentGuard guard)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (policy is null || invocation.Arguments.Length != 1 || !Values.IsConstant(invocation.Arguments[0].Value, "*"))
            {
                return;
            }

            IOperation? policyObject;
            switch (invocation.Instance)
            {
                case IPropertyReferenceOperation origins when IsPolicyProperty(origins, policy, "Origins"):
                    policyObject = origins.Instance;
                    break;

                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                    when invocation.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation member }
                        && member.InitializedMember is IPropertyReferenceOperation origins
                        && IsPolicyProperty(origins, policy, "Origins"):
                    policyObject = InitializedObject(member);
                    break;

                default:
                    return;
            }

            Report(context, guard, "CorsPolicy.Origins.Add(\"*\")", PolicyCredentials(policyObject, policy, guard));
        }

        /// <summary><c>policy.IsOriginAllowed = _ => true</c>, also inside an object initializer.</summary>
        private static void AnalyzeIsOriginAllowedAssignment(OperationAnalysisContext context, INamedTypeSymbol policy, DevelopmentGuard guard)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!(assignment.Target is IPropertyReferenceOperation target) || !IsPolicyProperty(target, policy, "IsOriginAllowed")
                || !Callbacks.AlwaysAccepts(assignment.Value, CallbackVerdict.ReturnsTrue))
            {
                return;
            }

            var policyObject = target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                ? InitializedObject(assignment)
                : target.Instance;
            Report(context, guard, "CorsPolicy.IsOriginAllowed = always true", PolicyCredentials(policyObject, policy, guard));
        }

        private static void Report(
            OperationAnalysisContext context,
            DevelopmentGuard guard,
            string description,
            string? credentials,
            ImmutableDictionary<string, string?>? fix = null,
            Location? configurationValue = null)
        {
            if (guard.IsDevelopmentOnly(context.Operation) || DevelopmentOnlyPolicy.IsAppliedOnlyInDevelopment(context.Operation, guard))
            {
                return;
            }

            var location = context.Operation.Syntax.GetLocation();
            var additional = configurationValue is null ? null : new[] { configurationValue };
            context.ReportDiagnostic(credentials is null
                ? Diagnostic.Create(AnyOriginRule, location, additional, fix, description)
                : Diagnostic.Create(CredentialsRule, location, additional, fix, description, credentials));
        }

        private static bool IsPolicyProperty(IPropertyReferenceOperation reference, INamedTypeSymbol policy, string name) =>
            reference.Property.Name == name && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, policy);

        /// <summary>The object an initializer member belongs to: <c>new CorsPolicy { … }</c>.</summary>
        private static IOperation? InitializedObject(IOperation member) =>
            member.Parent is IObjectOrCollectionInitializerOperation initializer ? initializer.Parent : null;

        // ---- origins listed without "*" ----

        /// <summary>
        /// Origins listed without a literal "*": the ones read from configuration are judged as Production sees them ("*" in
        /// appsettings is any origin); and where the team lists <c>allowed_origin_patterns</c>, a wildcard subdomain origin
        /// (<c>https://*.contoso.com</c> on a policy that calls <c>SetIsOriginAllowedToAllowWildcardSubdomains()</c>) is
        /// reported unless a pattern allows it. Without the option, wildcard subdomains stay the team's decision.
        /// </summary>
        private static void AnalyzeListedOrigins(
            OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string member, INamedTypeSymbol builder,
            WellKnownTypes types, DevelopmentGuard guard)
        {
            List<ListedOrigin>? origins = null;
            foreach (var argument in arguments)
            {
                CollectOrigins(context, argument.Value, types, 0, ref origins);
            }

            if (origins is null)
            {
                return;
            }

            var anySubdomainWildcard = false;
            foreach (var origin in origins)
            {
                if (origin.Text == "*")
                {
                    Report(context, guard, Describe(member, origin), BuilderCredentials(context.Operation, builder, guard), configurationValue: origin.Location);
                    return;
                }

                anySubdomainWildcard |= origin.Text.IndexOf("://*.", StringComparison.Ordinal) > 0;
            }

            if (!anySubdomainWildcard || !OnSamePolicy(context.Operation, builder, guard, ChainAllowsWildcardSubdomains))
            {
                return;
            }

            var credentials = BuilderCredentials(context.Operation, builder, guard);
            var patterns = OriginPatterns.Read(
                context.Options, context.Operation.Syntax.SyntaxTree, credentials is null ? RuleIds.AnyOriginAllowed : RuleIds.CredentialsWithAnyOrigin);
            if (patterns.Length == 0)
            {
                return;
            }

            foreach (var origin in origins)
            {
                if (!OriginPatterns.TryParse(origin.Text, out var parsed) || !parsed.IsWildcard || OriginPatterns.AnyAllows(patterns, parsed)
                    || guard.IsDevelopmentOnly(context.Operation))
                {
                    continue;
                }

                var location = context.Operation.Syntax.GetLocation();
                var additional = origin.Location is null ? null : new[] { origin.Location };
                context.ReportDiagnostic(credentials is null
                    ? Diagnostic.Create(SubdomainRule, location, additional, Describe(member, origin), parsed.Host)
                    : Diagnostic.Create(SubdomainCredentialsRule, location, additional, Describe(member, origin), parsed.Host, credentials));
                return;
            }
        }

        /// <summary>Constant origins and origins bound from configuration, through arrays, collection expressions and locals.</summary>
        private static void CollectOrigins(OperationAnalysisContext context, IOperation? value, WellKnownTypes types, int depth, ref List<ListedOrigin>? origins)
        {
            value = Values.Unwrap(value);
            switch (value)
            {
                case null:
                    return;
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        CollectOrigins(context, element, types, depth, ref origins);
                    }

                    return;
                case ICollectionExpressionOperation collection:
                    foreach (var element in collection.Elements)
                    {
                        CollectOrigins(context, element, types, depth, ref origins);
                    }

                    return;
                case ISpreadOperation spread:
                    CollectOrigins(context, spread.Operand, types, depth, ref origins);
                    return;
                case ILocalReferenceOperation local when depth < Values.MaxLocalDepth:
                    CollectOrigins(context, Values.DeclaredValue(local), types, depth + 1, ref origins);
                    return;
            }

            if (value.ConstantValue.HasValue)
            {
                if (value.ConstantValue.Value is string text)
                {
                    (origins ??= new List<ListedOrigin>()).Add(new ListedOrigin(text, null));
                }

                return;
            }

            var configuration = types.Get(TypeNames.IConfiguration);
            var binder = types.Get(ConfigurationInScope.BinderTypeName);
            if (configuration is null || binder is null
                || !ConfiguredOrigins.TryGetBinding(value, configuration, binder, out var key, out var isSection))
            {
                return;
            }

            foreach (var configured in ConfiguredOrigins.Read(context.Compilation, context.Options, RuleIds.AnyOriginAllowed, key, isSection, context.CancellationToken))
            {
                (origins ??= new List<ListedOrigin>()).Add(new ListedOrigin(configured.Value, configured));
            }
        }

        /// <summary><c>WithOrigins("https://*.contoso.com")</c>, or <c>WithOrigins("*" from 'Cors:AllowedOrigins:0' in appsettings.json)</c>.</summary>
        private static string Describe(string member, ListedOrigin origin)
            => member + "(\"" + origin.Text + "\"" + (origin.Configured is { } configured ? " from '" + configured.Path + "' in " + configured.FileName : string.Empty) + ")";

        private readonly struct ListedOrigin
        {
            public ListedOrigin(string text, ConfiguredOrigin? configured)
            {
                Text = text;
                Configured = configured;
            }

            public string Text { get; }

            /// <summary>Where the origin comes from when it is read from configuration.</summary>
            public ConfiguredOrigin? Configured { get; }

            public Location? Location => Configured?.Location;
        }

        // ---- fixes ----

        /// <summary>The permissive call can become WithOrigins(origins from configuration) when a configuration is in scope.</summary>
        private static ImmutableDictionary<string, string?>? ConfigurationFix(IOperation site, WellKnownTypes types)
        {
            var configuration = ConfigurationInScope.Find(site, types, out var needsImport);
            if (configuration is null)
            {
                return null;
            }

            var fix = ImmutableDictionary<string, string?>.Empty
                .Add(CorsFixProperties.Origins, CorsFixProperties.ReadFromConfiguration)
                .Add(CorsFixProperties.Configuration, configuration);
            return needsImport ? fix.Add(CorsFixProperties.Import, ConfigurationInScope.ConfigurationNamespace) : fix;
        }

        /// <summary>
        /// Origins written in the call with "*" among them: the other origins written there stay and the "*" literals go;
        /// with nothing but "*", the origins come from configuration. Origins from a local or a call get no fix.
        /// </summary>
        private static ImmutableDictionary<string, string?>? WildcardFix(IOperation site, ImmutableArray<IArgumentOperation> arguments, WellKnownTypes types)
        {
            var others = 0;
            var wildcardsAreLiterals = true;
            foreach (var argument in arguments)
            {
                ImmutableArray<IOperation> elements;
                switch (Values.Unwrap(argument.Value))
                {
                    case IArrayCreationOperation { Initializer: { } initializer }:
                        elements = initializer.ElementValues;
                        break;
                    case ICollectionExpressionOperation collection:
                        elements = collection.Elements;
                        break;
                    default:
                        return null;
                }

                foreach (var element in elements)
                {
                    if (Values.IsConstant(element, "*"))
                    {
                        wildcardsAreLiterals &= Values.Unwrap(element)!.Syntax is LiteralExpressionSyntax;
                    }
                    else
                    {
                        others++;
                    }
                }
            }

            if (others == 0)
            {
                return ConfigurationFix(site, types);
            }

            return wildcardsAreLiterals
                ? ImmutableDictionary<string, string?>.Empty.Add(CorsFixProperties.Origins, CorsFixProperties.RemoveWildcard)
                : null;
        }

        // ---- origins ----

        /// <summary>True when an origins argument holds "*": a params element, an array, a collection expression, a local.</summary>
        private static bool AnyWildcard(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (ContainsWildcard(argument.Value, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ContainsWildcard(IOperation? operation, int depth)
        {
            operation = Values.Unwrap(operation);
            switch (operation)
            {
                case null:
                    return false;
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return AnyElementIsWildcard(initializer.ElementValues);
                case ICollectionExpressionOperation collection:
                    return AnyElementIsWildcard(collection.Elements);
                case ILocalReferenceOperation local when depth < Values.MaxLocalDepth:
                    return ContainsWildcard(Values.DeclaredValue(local), depth + 1);
                default:
                    return Values.IsConstant(operation, "*");
            }
        }

        private static bool AnyElementIsWildcard(ImmutableArray<IOperation> elements)
        {
            foreach (var element in elements)
            {
                if (Values.IsConstant(element, "*"))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- credentials on a CorsPolicyBuilder ----

        /// <summary>
        /// "calls AllowCredentials()" when the builder <paramref name="site"/> works on also allows credentials outside
        /// Development: in the same fluent chain, or on the same variable (the <c>policy =&gt; …</c> parameter, a local).
        /// </summary>
        private static string? BuilderCredentials(IOperation site, INamedTypeSymbol builder, DevelopmentGuard guard)
            => OnSamePolicy(site, builder, guard, ChainAllowsCredentials) ? AllowCredentialsText : null;

        /// <summary>True when <paramref name="chainTest"/> holds for the chain of <paramref name="site"/> or a chain on the same builder variable.</summary>
        private static bool OnSamePolicy(
            IOperation site, INamedTypeSymbol builder, DevelopmentGuard guard, Func<IOperation, INamedTypeSymbol, DevelopmentGuard, bool> chainTest)
        {
            var top = TopOfChain(site, builder);
            if (chainTest(top, builder, guard))
            {
                return true;
            }

            var variable = ChainVariable(top, builder);
            if (variable is null)
            {
                return false;
            }

            foreach (var operation in Values.Root(site).Descendants())
            {
                IOperation? chain = null;
                switch (operation)
                {
                    case ILocalReferenceOperation local when SymbolEqualityComparer.Default.Equals(local.Local, variable):
                    case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable):
                        chain = operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation
                            ? assignment.Value
                            : TopOfChain(operation, builder);
                        break;
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable):
                        chain = declarator.Initializer?.Value;
                        break;
                }

                if (chain != null && chainTest(chain, builder, guard))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a chain calls <c>SetIsOriginAllowedToAllowWildcardSubdomains()</c> outside Development.</summary>
        private static bool ChainAllowsWildcardSubdomains(IOperation top, INamedTypeSymbol builder, DevelopmentGuard guard)
        {
            for (var current = Values.Unwrap(top); current is IInvocationOperation call; current = Values.Unwrap(call.Instance))
            {
                if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, builder))
                {
                    return false;
                }

                if (call.TargetMethod.Name == "SetIsOriginAllowedToAllowWildcardSubdomains" && !guard.IsDevelopmentOnly(call))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The last call of the fluent chain <paramref name="operation"/> is part of.</summary>
        private static IOperation TopOfChain(IOperation operation, INamedTypeSymbol builder)
        {
            while (operation.Parent is IInvocationOperation next && next.Instance == operation
                && SymbolEqualityComparer.Default.Equals(next.TargetMethod.ContainingType, builder))
            {
                operation = next;
            }

            return operation;
        }

        /// <summary>
        /// Walks a chain down from its last call: the last of AllowCredentials()/DisallowCredentials() decides.
        /// A call that only runs in Development does not count.
        /// </summary>
        private static bool ChainAllowsCredentials(IOperation top, INamedTypeSymbol builder, DevelopmentGuard guard)
        {
            for (var current = Values.Unwrap(top); current is IInvocationOperation call; current = Values.Unwrap(call.Instance))
            {
                if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, builder))
                {
                    return false;
                }

                if (call.TargetMethod.Name == "DisallowCredentials")
                {
                    return false;
                }

                if (call.TargetMethod.Name == "AllowCredentials")
                {
                    return !guard.IsDevelopmentOnly(call);
                }
            }

            return false;
        }

        /// <summary>The variable a chain works on: its receiver (a parameter or local), or the local it is stored in.</summary>
        private static ISymbol? ChainVariable(IOperation top, INamedTypeSymbol builder)
        {
            IOperation? bottom = top;
            while (Values.Unwrap(bottom) is IInvocationOperation call && call.Instance != null
                && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, builder))
            {
                bottom = call.Instance;
            }

            switch (Values.Unwrap(bottom))
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
            }

            return StoredIn(top);
        }

        /// <summary>The local a value is stored in: <c>var p = value;</c> or <c>p = value;</c>.</summary>
        private static ILocalSymbol? StoredIn(IOperation value)
        {
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == value:
                    return local.Local;
                default:
                    return null;
            }
        }

        // ---- credentials on a CorsPolicy object ----

        /// <summary>"sets SupportsCredentials = true" when the same CorsPolicy object does so outside Development.</summary>
        private static string? PolicyCredentials(IOperation? policyObject, INamedTypeSymbol policy, DevelopmentGuard guard)
        {
            policyObject = Values.Unwrap(policyObject);
            ISymbol? variable;
            switch (policyObject)
            {
                case IObjectCreationOperation creation:
                    if (InitializerSetsCredentials(creation, policy, guard))
                    {
                        return SupportsCredentialsText;
                    }

                    variable = StoredIn(creation);
                    break;
                case ILocalReferenceOperation local:
                    variable = local.Local;
                    break;
                case IParameterReferenceOperation parameter:
                    variable = parameter.Parameter;
                    break;
                default:
                    return null;
            }

            if (variable is null)
            {
                return null;
            }

            foreach (var operation in Values.Root(policyObject!).Descendants())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                        when IsPolicyProperty(target, policy, "SupportsCredentials")
                            && IsVariable(Values.Unwrap(target.Instance), variable)
                            && Values.IsTrue(assignment.Value)
                            && !guard.IsDevelopmentOnly(assignment):
                        return SupportsCredentialsText;

                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable)
                        && Values.Unwrap(declarator.Initializer?.Value) is IObjectCreationOperation created
                        && InitializerSetsCredentials(created, policy, guard):
                        return SupportsCredentialsText;
                }
            }

            return null;
        }

        private static bool IsVariable(IOperation? operation, ISymbol variable) =>
            operation is ILocalReferenceOperation local ? SymbolEqualityComparer.Default.Equals(local.Local, variable)
            : operation is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable);

        private static bool InitializerSetsCredentials(IObjectCreationOperation creation, INamedTypeSymbol policy, DevelopmentGuard guard)
        {
            if (creation.Initializer is null)
            {
                return false;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    && IsPolicyProperty(target, policy, "SupportsCredentials")
                    && Values.IsTrue(assignment.Value)
                    && !guard.IsDevelopmentOnly(assignment))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
