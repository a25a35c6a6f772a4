using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Auth
{
    /// <summary>
    /// RDY7002: a custom <c>TokenValidationParameters</c> validator that accepts every token — a
    /// <c>LifetimeValidator</c>/<c>AudienceValidator</c>/<c>IssuerSigningKeyValidator</c> returning true, an
    /// <c>IssuerValidator</c> returning the issuer it was given, a <c>SignatureValidator</c> returning a token built or
    /// read from the input without validating it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AlwaysTrueTokenValidatorAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.AlwaysTrueTokenValidator,
            title: "Token validator accepts every token",
            messageFormat: "'{0}' accepts every token without checking it: {1}; remove it (the built-in validator checks this) or make it reject invalid tokens",
            description: "A custom validator replaces the built-in check. One that returns true, hands back the issuer it was given, "
                + "or returns the token without verifying its signature switches the check off while looking configured.");

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
                            // Microsoft.IdentityModel.Tokens is not restored: the exact type and property names decide.
                            property = UnresolvedMembers.MemberName(assignment.Target) is string name
                                && UnresolvedMembers.OwnerName(assignment.Target) == TypeNames.TokenValidationParametersName ? name : null;
                        }

                        if (property is null || !TryClassify(property, out var verdict, out var consequence))
                        {
                            return;
                        }

                        if (Callbacks.AlwaysAccepts(assignment.Value, verdict) && !guard.IsDevelopmentOnly(assignment))
                        {
                            // Removing the assignment leaves the property null: the built-in validator runs again.
                            context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), RemovalFixProperties.RemoveAssignment, property, consequence));
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        private static bool TryClassify(string property, out CallbackVerdict verdict, out string consequence)
        {
            verdict = CallbackVerdict.ReturnsTrue;
            switch (property)
            {
                case "SignatureValidator":
                case "SignatureValidatorUsingConfiguration":
                    verdict = CallbackVerdict.ReturnsUncheckedToken;
                    consequence = "the signature is never verified, so anyone can write a token";
                    return true;
                case "IssuerValidator":
                case "IssuerValidatorUsingConfiguration":
                    verdict = CallbackVerdict.ReturnsFirstParameter;
                    consequence = "a token from any issuer is accepted";
                    return true;
                case "LifetimeValidator":
                    consequence = "expired tokens are accepted for ever";
                    return true;
                case "AudienceValidator":
                    consequence = "a token issued for any other application is accepted";
                    return true;
                case "IssuerSigningKeyValidator":
                case "IssuerSigningKeyValidatorUsingConfiguration":
                    consequence = "any signing key is trusted";
                    return true;
                default:
                    consequence = string.Empty;
                    return false;
            }
        }
    }
}
