using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// RDY6003: a plain http:// address that is not loopback where trust is decided — the <c>Authority</c> or
    /// <c>MetadataAddress</c> of JWT bearer / OpenID Connect options, and CORS origins (<c>WithOrigins</c>,
    /// <c>new CorsPolicyBuilder(…)</c>, <c>CorsPolicy.Origins</c>). Constant strings only.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlainHttpEndpointAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.PlainHttpEndpoint,
            title: "Plain HTTP authority, metadata address or CORS origin",
            messageFormat: "'{0}' uses plain HTTP for '{1}': {2}; use https://",
            description: "An identity provider reached over http:// serves its discovery document and signing keys unprotected, "
                + "so a network attacker can substitute keys and forge tokens. A CORS origin on http:// trusts a page that anyone "
                + "on its network path can inject script into. Loopback addresses (localhost, 127.0.0.0/8, [::1]) are not reported.");

        private const string CorsPolicyBuilderType = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder";
        private const string CorsPolicyType = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy";

        private const string MetadataConsequence = "the identity provider's metadata and signing keys can be read and replaced on the way, and replaced keys mean forged tokens";
        private const string OriginConsequence = "the API trusts a page served unencrypted, which anyone on its network path can inject script into";

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
                var options = RemoteAuthenticationOptions.Create(types);
                var builder = types.Get(CorsPolicyBuilderType);
                var policy = types.Get(CorsPolicyType);

                if (options != null)
                {
                    start.RegisterOperationAction(context => AnalyzeAuthority(context, options, guard), OperationKind.SimpleAssignment);
                }

                if (builder != null || policy != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var invocation = (IInvocationOperation)context.Operation;
                            var method = invocation.TargetMethod;
                            if (method.Name == "WithOrigins" && SymbolEqualityComparer.Default.Equals(method.ContainingType, builder))
                            {
                                ReportOrigins(context, invocation.Arguments, "WithOrigins", guard);
                            }
                            else if (method.Name == "Add" && policy != null && IsOriginsCollection(invocation, policy))
                            {
                                ReportOrigins(context, invocation.Arguments, "CorsPolicy.Origins", guard);
                            }
                        },
                        OperationKind.Invocation);
                }

                if (builder != null)
                {
                    start.RegisterOperationAction(
                        context =>
                        {
                            var creation = (IObjectCreationOperation)context.Operation;
                            if (SymbolEqualityComparer.Default.Equals(creation.Type, builder))
                            {
                                ReportOrigins(context, creation.Arguments, "new CorsPolicyBuilder", guard);
                            }
                        },
                        OperationKind.ObjectCreation);
                }
            });
        }

        private static void AnalyzeAuthority(OperationAnalysisContext context, RemoteAuthenticationOptions options, DevelopmentGuard guard)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!(assignment.Target is IPropertyReferenceOperation target))
            {
                return;
            }

            var name = target.Property.Name;
            if ((name != "Authority" && name != "MetadataAddress") || options.OptionsName(target.Property) is null)
            {
                return;
            }

            var url = Invocations.ConstantString(assignment.Value);
            if (PlainHttpUrl.IsNonLoopback(url) && !guard.IsDevelopmentOnly(assignment))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), name, url, MetadataConsequence));
            }
        }

        /// <summary><c>policy.Origins.Add("…")</c>, and <c>new CorsPolicy { Origins = { "…" } }</c>.</summary>
        private static bool IsOriginsCollection(IInvocationOperation invocation, INamedTypeSymbol policy)
        {
            IPropertyReferenceOperation? origins = invocation.Instance switch
            {
                IPropertyReferenceOperation reference => reference,
                IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                    when invocation.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation member } =>
                    member.InitializedMember as IPropertyReferenceOperation,
                _ => null,
            };

            return origins != null && origins.Property.Name == "Origins" && SymbolEqualityComparer.Default.Equals(origins.Property.ContainingType, policy);
        }

        /// <summary>Each constant origin in the arguments: single strings, params elements, arrays, collection expressions.</summary>
        private static void ReportOrigins(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string member, DevelopmentGuard guard)
        {
            foreach (var argument in arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                switch (value)
                {
                    case IArrayCreationOperation { Initializer: { } initializer }:
                        foreach (var element in initializer.ElementValues)
                        {
                            ReportOrigin(context, element, member, guard);
                        }

                        break;

                    case ICollectionExpressionOperation collection:
                        foreach (var element in collection.Elements)
                        {
                            ReportOrigin(context, element, member, guard);
                        }

                        break;

                    default:
                        ReportOrigin(context, value, member, guard);
                        break;
                }
            }
        }

        private static void ReportOrigin(OperationAnalysisContext context, IOperation origin, string member, DevelopmentGuard guard)
        {
            var url = Invocations.ConstantString(origin);
            if (PlainHttpUrl.IsNonLoopback(url) && !guard.IsDevelopmentOnly(origin))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, origin.Syntax.GetLocation(), member, url, OriginConsequence));
            }
        }
    }
}
