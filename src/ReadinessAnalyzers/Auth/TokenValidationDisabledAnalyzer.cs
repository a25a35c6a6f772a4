using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Auth
{
    /// <summary>
    /// RDY7001: a <c>TokenValidationParameters</c> check switched off — <c>ValidateIssuer</c>, <c>ValidateAudience</c>,
    /// <c>ValidateLifetime</c>, <c>ValidateIssuerSigningKey</c>, <c>RequireSignedTokens</c>, <c>RequireExpirationTime</c>
    /// or <c>RequireAudience</c> set to the constant false outside Development.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TokenValidationDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.TokenValidationDisabled,
            title: "Token validation check switched off",
            messageFormat: "'{0} = false' switches off a token check: {1}; set it to true (and configure what it checks) or limit it to Development",
            description: "Each TokenValidationParameters flag guards one property of an incoming token: who issued it, for which "
                + "application, until when, and with which key it is signed. Switching one off accepts tokens that a real "
                + "identity provider never issued for this API.");

        /// <summary>The fix sets every flag to true: explicit, and right also for ValidateIssuerSigningKey, whose default is false.</summary>
        private static readonly ImmutableDictionary<string, string?> SetToTrue = FixProperties.WithSecureValue("true");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var parameters = types.Get(TypeNames.TokenValidationParameters);
                if (parameters is null && !types.MayBeUnrestoredWebCode)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    context =>
                    {
                        var assignment = (ISimpleAssignmentOperation)context.Operation;
                        string? property;
                        if (assignment.Target is IPropertyReferenceOperation target)
                        {
                            property = SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, parameters) ? target.Property.Name : null;
                        }
                        else
                        {
                            // Microsoft.IdentityModel.Tokens is not restored: the exact type and property names decide
                            // (new TokenValidationParameters { ValidateIssuer = false }, options.TokenValidationParameters.ValidateIssuer = false).
                            property = UnresolvedMembers.MemberName(assignment.Target) is string name
                                && UnresolvedMembers.OwnerName(assignment.Target) == TypeNames.TokenValidationParametersName ? name : null;
                        }

                        var consequence = property is null ? null : Consequence(property);
                        if (consequence != null
                            && IsConstantFalse(assignment.Value)
                            && !IsDPoPProofCheck(property!, context.ContainingSymbol)
                            && !guard.IsDevelopmentOnly(assignment))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), SetToTrue, property, consequence));
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        /// <summary>
        /// A DPoP proof (RFC 9449) carries no issuer or audience and its freshness is judged by <c>iat</c>, by hand: a validator
        /// type named for DPoP (<c>DPoPProofValidator</c>) switches those three checks off by the specification.
        /// </summary>
        private static bool IsDPoPProofCheck(string property, ISymbol? containingSymbol)
        {
            if (property != "ValidateIssuer" && property != "ValidateAudience" && property != "ValidateLifetime")
            {
                return false;
            }

            for (var type = containingSymbol?.ContainingType; type != null; type = type.ContainingType)
            {
                if (type.Name.IndexOf("DPoP", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What switching the flag off lets in; null for properties the rule is not about.</summary>
        private static string? Consequence(string property)
        {
            switch (property)
            {
                case "ValidateIssuer": return "a token issued by any identity provider is accepted";
                case "ValidateAudience": return "a token issued for any other application is accepted";
                case "ValidateLifetime": return "expired tokens are accepted for ever";
                case "ValidateIssuerSigningKey": return "the signing key itself is not checked, so expired or untrusted keys are accepted";
                case "RequireSignedTokens": return "unsigned tokens (alg: none) are accepted, and anyone can write one";
                case "RequireExpirationTime": return "a token without an expiry never expires";
                case "RequireAudience": return "a token without an audience is accepted by every application";
                default: return null;
            }
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
