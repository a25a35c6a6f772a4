using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Configuration;
using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// RDY6001: server-certificate validation switched off — <c>ServerCertificateCustomValidationCallback</c> returning
    /// true, <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>, an always-true
    /// <c>RemoteCertificateValidationCallback</c> (on <c>SslClientAuthenticationOptions</c>, <c>ServicePointManager</c>,
    /// <c>HttpWebRequest</c>, or passed to <c>SslStream</c> and the like) — and the same in database, cache and broker clients:
    /// any property or event of the callback type (Npgsql <c>UserCertificateValidationCallback</c>, StackExchange.Redis
    /// <c>CertificateValidation +=</c>, MongoDB and RabbitMQ callbacks, MailKit), RabbitMQ <c>AcceptablePolicyErrors</c> with chain
    /// or name errors, MongoDB <c>AllowInsecureTls = true</c>, Elasticsearch <c>ServerCertificateValidationCallback(CertificateValidations.AllowAll)</c>,
    /// <c>TrustServerCertificate = true</c> on a connection-string builder, and connection strings in code and in the effective
    /// configuration with <c>TrustServerCertificate=true</c> / <c>tlsInsecure=true</c> (<see cref="InsecureConnectionOption"/>).
    /// Where the client package does not resolve, the exact member names decide.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.CertificateValidationDisabled,
            title: "Server certificate validation disabled",
            messageFormat: "'{0}' accepts every server certificate: anyone on the network path can impersonate the server and read or change the traffic; remove it, or check the certificate (a pinned thumbprint, a private CA) and reject the rest",
            description: "A certificate validation callback that always returns true turns TLS into encryption with an unknown party. "
                + "Trust the server's CA instead (install it), or validate the certificate against a known thumbprint or issuer.");

        private const string HttpClientHandlerType = "System.Net.Http.HttpClientHandler";
        private const string SslClientAuthenticationOptionsType = "System.Net.Security.SslClientAuthenticationOptions";
        private const string ServicePointManagerType = "System.Net.ServicePointManager";
        private const string HttpWebRequestType = "System.Net.HttpWebRequest";
        private const string RemoteCertificateValidationCallbackType = "System.Net.Security.RemoteCertificateValidationCallback";

        private const string DangerousAcceptAny = "DangerousAcceptAnyServerCertificateValidator";
        private const string SslPolicyErrorsType = "System.Net.Security.SslPolicyErrors";

        // SslPolicyErrors.RemoteCertificateNameMismatch | RemoteCertificateChainErrors: accepting either accepts an impostor.
        private const int NameOrChainErrors = 2 | 4;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var targets = new Targets(
                    types.Get(HttpClientHandlerType),
                    types.Get(SslClientAuthenticationOptionsType),
                    types.Get(ServicePointManagerType),
                    types.Get(HttpWebRequestType),
                    types.Get(RemoteCertificateValidationCallbackType),
                    types.Get(SslPolicyErrorsType));

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(context => AnalyzeAssignment(context, targets, guard), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
                start.RegisterOperationAction(context => AnalyzeEventSubscription(context, targets, guard), OperationKind.EventAssignment);
                start.RegisterOperationAction(context => AnalyzeValidationCallbackCall(context, guard), OperationKind.Invocation, OperationKind.Invalid);
                start.RegisterOperationAction(context => AnalyzeConnectionString(context, guard), OperationKind.Literal);

                if (targets.Callback != null)
                {
                    // Delegate creations are far rarer than arguments: the argument is found from the callback, not the reverse.
                    start.RegisterOperationAction(context => AnalyzeDelegate(context, targets, guard), OperationKind.DelegateCreation);
                }

                if (!guard.IsTestProject)
                {
                    start.RegisterAdditionalFileAction(AnalyzeConfigurationFile);
                }
            });
        }

        /// <summary>A connection string in code that turns validation off: <c>"Server=db;…;TrustServerCertificate=True"</c>.</summary>
        private static void AnalyzeConnectionString(OperationAnalysisContext context, DevelopmentGuard guard)
        {
            if (context.Operation.ConstantValue.HasValue
                && context.Operation.ConstantValue.Value is string text
                && InsecureConnectionOption.Find(text) is string option
                && !guard.IsDevelopmentOnly(context.Operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), option));
            }
        }

        /// <summary>The same in the configuration the app runs with: appsettings.json overlaid by appsettings.{Environment}.json.</summary>
        private static void AnalyzeConfigurationFile(AdditionalFileAnalysisContext context)
        {
            var path = context.AdditionalFile.Path;
            var name = Internals.ConfigFiles.ConfigFile.FileName(path);
            if (!name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (var configuration in EffectiveConfiguration.For(context.Compilation, context.Options, RuleIds.CertificateValidationDisabled, context.CancellationToken))
            {
                foreach (var value in configuration.Values)
                {
                    if (value.Entry.Kind == JsonLeafKind.String
                        && value.Value != null
                        && string.Equals(value.Layer.File.Path, path, StringComparison.Ordinal)
                        && InsecureConnectionOption.Find(value.Value) is string option)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, value.ValueLocation, value.Path + ": " + option));
                    }
                }
            }
        }

        /// <summary>StackExchange.Redis <c>options.CertificateValidation += (…) =&gt; true</c>: an event of the callback type.</summary>
        private static void AnalyzeEventSubscription(OperationAnalysisContext context, Targets targets, DevelopmentGuard guard)
        {
            var subscription = (IEventAssignmentOperation)context.Operation;
            if (subscription.Adds
                && subscription.EventReference is IEventReferenceOperation reference
                && targets.Callback != null
                && SymbolEqualityComparer.Default.Equals(reference.Event.Type, targets.Callback)
                && Callbacks.AlwaysAccepts(subscription.HandlerValue, CallbackVerdict.ReturnsTrue)
                && !guard.IsDevelopmentOnly(subscription))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, subscription.Syntax.GetLocation(), RemovalFixProperties.RemoveAssignment, reference.Event.Name + " += always true"));
            }
        }

        /// <summary>Elasticsearch <c>settings.ServerCertificateValidationCallback(CertificateValidations.AllowAll)</c> or an always-true lambda.</summary>
        private static void AnalyzeValidationCallbackCall(OperationAnalysisContext context, DevelopmentGuard guard)
        {
            var operation = context.Operation;
            if (!(operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "ServerCertificateValidationCallback" } } } } call)
                || call.ArgumentList.Arguments.Count != 1)
            {
                return;
            }

            var argument = call.ArgumentList.Arguments[0].Expression;
            var allowAll = argument is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "AllowAll" } }, Expression: var owner }
                && (owner is IdentifierNameSyntax { Identifier: { ValueText: "CertificateValidations" } }
                    || owner is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "CertificateValidations" } } });
            if (!allowAll && !AlwaysTrueLambda(argument, operation))
            {
                return;
            }

            if (!guard.IsDevelopmentOnly(operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, Invocations.CallLocation(operation), allowAll ? "ServerCertificateValidationCallback(CertificateValidations.AllowAll)" : "ServerCertificateValidationCallback = always true"));
            }
        }

        /// <summary>A lambda argument of the call that always returns true, bound or not.</summary>
        private static bool AlwaysTrueLambda(ExpressionSyntax argument, IOperation call)
        {
            if (!(argument is LambdaExpressionSyntax))
            {
                return false;
            }

            foreach (var child in call.ChildOperations)
            {
                var value = child is IArgumentOperation bound ? bound.Value : child;
                if (value.Syntax == argument || Operations.Unwrap(value)?.Syntax == argument)
                {
                    return Callbacks.AlwaysAccepts(value, CallbackVerdict.ReturnsTrue) || ReturnsLiteralTrue((LambdaExpressionSyntax)argument);
                }
            }

            return ReturnsLiteralTrue((LambdaExpressionSyntax)argument);
        }

        /// <summary>For a lambda that did not bind (its target type is unresolved): the body is <c>true</c> or <c>{ return true; }</c>.</summary>
        private static bool ReturnsLiteralTrue(LambdaExpressionSyntax lambda) => lambda.Body switch
        {
            LiteralExpressionSyntax literal => literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression),
            BlockSyntax { Statements: { Count: 1 } statements } => statements[0] is ReturnStatementSyntax { Expression: LiteralExpressionSyntax returned }
                && returned.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression),
            _ => false,
        };

        private static void AnalyzeAssignment(OperationAnalysisContext context, Targets targets, DevelopmentGuard guard)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            // An unresolved event subscription has no operator kind: its syntax says +=.
            if (assignment is ICompoundAssignmentOperation compound
                && compound.OperatorKind != BinaryOperatorKind.Add
                && !(compound.Target is IInvalidOperation && compound.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddAssignmentExpression)))
            {
                return;
            }

            string? description;
            switch (assignment.Target)
            {
                case IPropertyReferenceOperation target:
                    description = DescribeProperty(target.Property, assignment, targets);
                    break;
                case IInvalidOperation unresolved:
                    // The client package is not restored: the exact member name decides.
                    description = DescribeUnresolved(MemberName(unresolved.Syntax), assignment);
                    break;
                default:
                    return;
            }

            if (description != null && !guard.IsDevelopmentOnly(assignment))
            {
                // Without the callback (or the += subscription) the platform validates the certificate chain again.
                context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), RemovalFixProperties.RemoveAssignment, description));
            }
        }

        private static string? DescribeProperty(IPropertySymbol property, IAssignmentOperation assignment, Targets targets)
        {
            var name = property.Name;
            switch (name)
            {
                case "ServerCertificateCustomValidationCallback":
                case "RemoteCertificateValidationCallback":
                case "ServerCertificateValidationCallback":
                    if (targets.Declares(property.ContainingType))
                    {
                        return Describe(assignment.Value, targets, name);
                    }

                    break;
                case "AcceptablePolicyErrors":
                    // RabbitMQ SslOption: accepting chain or name errors accepts any certificate an impostor shows.
                    return assignment is ISimpleAssignmentOperation && SymbolEqualityComparer.Default.Equals(property.Type, targets.PolicyErrors)
                        ? DescribePolicyErrors(assignment.Value)
                        : null;
                case "AllowInsecureTls":
                    return assignment is ISimpleAssignmentOperation && IsInNamespace(property.ContainingType, "MongoDB") && Invocations.IsConstantTrue(assignment.Value)
                        ? "AllowInsecureTls = true"
                        : null;
                case "TrustServerCertificate":
                    return assignment is ISimpleAssignmentOperation
                        && property.ContainingType.Name.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal)
                        && Invocations.IsConstantTrue(assignment.Value)
                        ? "TrustServerCertificate = true"
                        : null;
            }

            // Any other client's property of the callback type: Npgsql, MongoDB SslSettings, RabbitMQ SslOption, MailKit.
            return targets.Callback != null && SymbolEqualityComparer.Default.Equals(property.Type, targets.Callback)
                ? Describe(assignment.Value, targets, name)
                : null;
        }

        private static string? DescribeUnresolved(string? name, IAssignmentOperation assignment)
        {
            switch (name)
            {
                case "ServerCertificateCustomValidationCallback":
                case "RemoteCertificateValidationCallback":
                case "ServerCertificateValidationCallback":
                case "UserCertificateValidationCallback":
                case "CertificateValidationCallback":
                case "CertificateValidation":
                    var value = Operations.Unwrap(assignment.Value);
                    var accepts = Callbacks.AlwaysAccepts(assignment.Value, CallbackVerdict.ReturnsTrue)
                        || (value?.Syntax is LambdaExpressionSyntax lambda && ReturnsLiteralTrue(lambda));
                    return accepts ? name + (assignment is ICompoundAssignmentOperation ? " += always true" : " = always true") : null;
                case "AcceptablePolicyErrors":
                    return assignment is ISimpleAssignmentOperation ? DescribePolicyErrors(assignment.Value) : null;
                case "AllowInsecureTls":
                case "TrustServerCertificate":
                    return assignment is ISimpleAssignmentOperation && Invocations.IsConstantTrue(assignment.Value) ? name + " = true" : null;
                default:
                    return null;
            }
        }

        private static string? DescribePolicyErrors(IOperation value)
        {
            var constant = value.ConstantValue;
            if (!constant.HasValue || constant.Value is null)
            {
                return null;
            }

            var errors = Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            return (errors & NameOrChainErrors) != 0 ? "AcceptablePolicyErrors = " + ((errors & 4) != 0 ? "RemoteCertificateChainErrors" : "RemoteCertificateNameMismatch") : null;
        }

        /// <summary>The member an unresolved assignment target names: <c>x.Name</c>, or <c>Name</c> in an object initializer.</summary>
        private static string? MemberName(SyntaxNode target) => target switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };

        private static bool IsInNamespace(INamedTypeSymbol type, string root)
        {
            var ns = type.ContainingNamespace;
            while (ns != null && !ns.IsGlobalNamespace && !(ns.ContainingNamespace?.IsGlobalNamespace ?? true))
            {
                ns = ns.ContainingNamespace;
            }

            return ns != null && ns.Name == root;
        }

        /// <summary><c>new SslStream(stream, false, (s, c, ch, e) =&gt; true)</c> and every other RemoteCertificateValidationCallback parameter.</summary>
        private static void AnalyzeDelegate(OperationAnalysisContext context, Targets targets, DevelopmentGuard guard)
        {
            var creation = (IDelegateCreationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, targets.Callback))
            {
                return;
            }

            var parent = creation.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                // RemoteCertificateValidationCallback trust = (…) => true; new SslStream(s, false, trust);
                foreach (var use in UsesAsCallbackArgument(declarator, targets))
                {
                    ReportArgument(context, use, targets, guard);
                }

                return;
            }

            if (parent is IArgumentOperation argument && IsCallbackParameter(argument, targets))
            {
                ReportArgument(context, argument, targets, guard);
            }
        }

        private static bool IsCallbackParameter(IArgumentOperation argument, Targets targets)
            => argument.Parameter != null && SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, targets.Callback);

        /// <summary>The arguments a callback-typed local is passed as, in the same body (rare: only for locals of the callback type).</summary>
        private static System.Collections.Generic.IEnumerable<IArgumentOperation> UsesAsCallbackArgument(IVariableDeclaratorOperation declarator, Targets targets)
        {
            var root = (IOperation)declarator;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IArgumentOperation argument
                    && IsCallbackParameter(argument, targets)
                    && argument.Value is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol))
                {
                    yield return argument;
                }
            }
        }

        private static void ReportArgument(OperationAnalysisContext context, IArgumentOperation argument, Targets targets, DevelopmentGuard guard)
        {
            var description = Describe(argument.Value, targets, argument.Parameter?.Name ?? "callback");
            if (description != null && !guard.IsDevelopmentOnly(argument))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, argument.Syntax.GetLocation(), description));
            }
        }

        /// <summary>How the value accepts every certificate, or null when it may reject one.</summary>
        private static string? Describe(IOperation value, Targets targets, string member)
        {
            var unwrapped = value;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            if (unwrapped is IPropertyReferenceOperation { Property: { Name: DangerousAcceptAny } reference }
                && SymbolEqualityComparer.Default.Equals(reference.ContainingType, targets.HttpClientHandler))
            {
                return "HttpClientHandler." + DangerousAcceptAny;
            }

            return Callbacks.AlwaysAccepts(value, CallbackVerdict.ReturnsTrue) ? member + " = always true" : null;
        }

        private sealed class Targets
        {
            public Targets(INamedTypeSymbol? httpClientHandler, INamedTypeSymbol? sslOptions, INamedTypeSymbol? servicePointManager, INamedTypeSymbol? webRequest, INamedTypeSymbol? callback, INamedTypeSymbol? policyErrors)
            {
                PolicyErrors = policyErrors;
                HttpClientHandler = httpClientHandler;
                SslOptions = sslOptions;
                ServicePointManager = servicePointManager;
                WebRequest = webRequest;
                Callback = callback;
            }

            public INamedTypeSymbol? HttpClientHandler { get; }

            public INamedTypeSymbol? SslOptions { get; }

            public INamedTypeSymbol? ServicePointManager { get; }

            public INamedTypeSymbol? WebRequest { get; }

            public INamedTypeSymbol? Callback { get; }

            public INamedTypeSymbol? PolicyErrors { get; }

            public bool Declares(INamedTypeSymbol? type) =>
                type != null
                && (SymbolEqualityComparer.Default.Equals(type, HttpClientHandler)
                    || SymbolEqualityComparer.Default.Equals(type, SslOptions)
                    || SymbolEqualityComparer.Default.Equals(type, ServicePointManager)
                    || SymbolEqualityComparer.Default.Equals(type, WebRequest));
        }
    }
}
