using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// RDY6002: <c>RequireHttpsMetadata = false</c> on JWT bearer or OpenID Connect options outside Development: the
    /// handler then accepts an http:// authority and fetches the provider's metadata and signing keys unencrypted.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequireHttpsMetadataDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.RequireHttpsMetadataDisabled,
            title: "RequireHttpsMetadata disabled outside Development",
            messageFormat: "'RequireHttpsMetadata = false' on {0} lets the identity provider's metadata and signing keys be fetched over plain HTTP: whoever sits on the network can substitute the keys and forge tokens; remove it (the default is true) or limit it to Development",
            description: "With RequireHttpsMetadata = false the JWT bearer and OpenID Connect handlers accept an http:// Authority or "
                + "MetadataAddress. The discovery document and the signing keys then travel unprotected, and a forged key means "
                + "forged tokens. Keep the default (true) outside Development.");

        private const string PropertyName = "RequireHttpsMetadata";

        /// <summary>The fix sets the flag to true, as every validation-flag fix does (the default, stated).</summary>
        private static readonly ImmutableDictionary<string, string?> SetToTrue = FixProperties.WithSecureValue("true");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

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

                var options = RemoteAuthenticationOptions.Create(types);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    context =>
                    {
                        var assignment = (ISimpleAssignmentOperation)context.Operation;
                        string? optionsName;
                        switch (assignment.Target)
                        {
                            case IPropertyReferenceOperation target when target.Property.Name == PropertyName:
                                optionsName = options?.OptionsName(target.Property);
                                break;

                            case IInvalidOperation invalid when UnresolvedMembers.MemberName(invalid) == PropertyName:
                                // The JwtBearer/OpenIdConnect package is not restored: the exact property name decides.
                                optionsName = "the authentication options";
                                break;

                            default:
                                return;
                        }

                        if (optionsName != null && IsConstantFalse(assignment.Value) && !guard.IsDevelopmentOnly(assignment) && !IsInert(assignment.Syntax))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), SetToTrue, optionsName));
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        /// <summary>
        /// The same options lambda sets no Authority, MetadataAddress or Configuration but validates with its own signing key
        /// (a symmetric IssuerSigningKey, say): no metadata is ever fetched, so the flag changes nothing.
        /// </summary>
        private static bool IsInert(SyntaxNode assignment)
        {
            var scope = assignment.FirstAncestorOrSelf<LambdaExpressionSyntax>();
            if (scope is null)
            {
                return false;
            }

            var hasOwnKey = false;
            foreach (var node in scope.DescendantNodes())
            {
                if (!(node is AssignmentExpressionSyntax set))
                {
                    continue;
                }

                var name = set.Left is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText
                    : set.Left is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText
                    : null;
                switch (name)
                {
                    case "Authority":
                    case "MetadataAddress":
                    case "Configuration":
                    case "ConfigurationManager":
                        return false;
                    case "IssuerSigningKey":
                    case "IssuerSigningKeys":
                    case "IssuerSigningKeyResolver":
                        hasOwnKey = true;
                        break;
                }
            }

            return hasOwnKey;
        }

        private static bool IsConstantFalse(IOperation? operation)
        {
            while (operation is IConversionOperation conversion && !operation.ConstantValue.HasValue)
            {
                operation = conversion.Operand;
            }

            return operation != null && operation.ConstantValue.HasValue && operation.ConstantValue.Value is false;
        }
    }
}
