using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// RDY6001: server-certificate validation switched off — <c>ServerCertificateCustomValidationCallback</c> returning
    /// true, <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>, an always-true
    /// <c>RemoteCertificateValidationCallback</c> (on <c>SslClientAuthenticationOptions</c>, <c>ServicePointManager</c>,
    /// <c>HttpWebRequest</c>, or passed to <c>SslStream</c> and the like).
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
                    types.Get(RemoteCertificateValidationCallbackType));
                if (targets.IsEmpty)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(context => AnalyzeAssignment(context, targets, guard), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);

                if (targets.Callback != null)
                {
                    // Delegate creations are far rarer than arguments: the argument is found from the callback, not the reverse.
                    start.RegisterOperationAction(context => AnalyzeDelegate(context, targets, guard), OperationKind.DelegateCreation);
                }
            });
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, Targets targets, DevelopmentGuard guard)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            if (!(assignment.Target is IPropertyReferenceOperation target))
            {
                return;
            }

            var property = target.Property;
            var name = property.Name;
            if (name != "ServerCertificateCustomValidationCallback" && name != "RemoteCertificateValidationCallback" && name != "ServerCertificateValidationCallback")
            {
                return;
            }

            if (assignment is ICompoundAssignmentOperation compound && compound.OperatorKind != BinaryOperatorKind.Add)
            {
                return;
            }

            if (!targets.Declares(property.ContainingType))
            {
                return;
            }

            var description = Describe(assignment.Value, targets, name);
            if (description != null && !guard.IsDevelopmentOnly(assignment))
            {
                // Without the callback (or the += subscription) the platform validates the certificate chain again.
                context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), RemovalFixProperties.RemoveAssignment, description));
            }
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
            public Targets(INamedTypeSymbol? httpClientHandler, INamedTypeSymbol? sslOptions, INamedTypeSymbol? servicePointManager, INamedTypeSymbol? webRequest, INamedTypeSymbol? callback)
            {
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

            public bool IsEmpty => HttpClientHandler is null && SslOptions is null && ServicePointManager is null && WebRequest is null && Callback is null;

            public bool Declares(INamedTypeSymbol? type) =>
                type != null
                && (SymbolEqualityComparer.Default.Equals(type, HttpClientHandler)
                    || SymbolEqualityComparer.Default.Equals(type, SslOptions)
                    || SymbolEqualityComparer.Default.Equals(type, ServicePointManager)
                    || SymbolEqualityComparer.Default.Equals(type, WebRequest));
        }
    }
}
