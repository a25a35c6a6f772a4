using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>RDY2003: <c>Access-Control-Allow-Origin: *</c> written by hand on a response.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WildcardCorsHeaderAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.WildcardCorsHeader,
            title: "Access-Control-Allow-Origin: * written by hand",
            messageFormat: "'{0}' sends 'Access-Control-Allow-Origin: *': any website can read this response from a visitor's browser; use the CORS middleware with a policy that lists the trusted origins",
            description: "A hand-written wildcard Access-Control-Allow-Origin header opens the response to every origin and bypasses "
                + "the application's CORS policy, where origins are reviewed and configured. Let UseCors() with a named policy write the header.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var header = types.ReferencesAspNetCore ? AllowOriginHeader.Create(types) : null;
                if (header is null)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    context =>
                    {
                        var value = header.WrittenValue(context.Operation, out var how);
                        if (value != null && header.IsWildcard(value) && !guard.IsDevelopmentOnly(context.Operation))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), how));
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment);
            });
        }
    }
}
