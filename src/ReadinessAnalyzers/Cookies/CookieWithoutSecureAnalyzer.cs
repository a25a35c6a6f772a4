using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// RDY3001: a cookie allowed over plain HTTP — <c>CookieOptions.Secure = false</c>,
    /// <c>CookieBuilder.SecurePolicy = None | SameAsRequest</c> (the cookie of AddCookie, AddSession, AddAntiforgery,
    /// ConfigureApplicationCookie, the TempData provider, any builder), <c>CookiePolicyOptions.Secure = None | SameAsRequest</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CookieWithoutSecureAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.CookieWithoutSecure,
            title: "Cookie not limited to HTTPS",
            messageFormat: "'{0}' lets {1} travel over plain HTTP, where anyone on the network can read and replay it; set {2}",
            description: "A cookie without the Secure attribute is sent over plain HTTP as well: a downgraded or mistyped http:// "
                + "request hands the session, authentication or anti-forgery cookie to whoever watches the network. "
                + "CookieSecurePolicy.SameAsRequest does the same behind a TLS-terminating proxy, where every request looks like HTTP.");

        private static readonly object False = false;

        private const string AlwaysSecure = "Microsoft.AspNetCore.Http.CookieSecurePolicy.Always";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = CookieTypes.Create(start.Compilation);
                if (types is null)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(context => Analyze(context, types, guard), OperationKind.SimpleAssignment);
            });
        }

        private static void Analyze(OperationAnalysisContext context, CookieTypes types, DevelopmentGuard guard)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!(assignment.Target is IPropertyReferenceOperation target))
            {
                return;
            }

            var property = target.Property;
            if (property.Name == "Secure")
            {
                if (CookieTypes.IsProperty(property, types.CookieOptions, "Secure"))
                {
                    if (CookieObject.ProductionBranchWith(assignment.Value, False, null, guard) != null)
                    {
                        Report(context, assignment, "CookieOptions.Secure = false", CookieObject.Describe(assignment), "Secure = true", "true");
                    }
                }
                else if (CookieTypes.IsProperty(property, types.CookiePolicyOptions, "Secure"))
                {
                    var branch = CookieObject.ProductionBranchWith(assignment.Value, types.SecurePolicyNone, types.SecurePolicySameAsRequest, guard);
                    if (branch != null)
                    {
                        Report(context, assignment, "CookiePolicyOptions.Secure = " + PolicyName(branch, types), "the app's cookies", "Secure = CookieSecurePolicy.Always", AlwaysSecure);
                    }
                }
            }
            else if (property.Name == "SecurePolicy" && CookieTypes.IsProperty(property, types.CookieBuilder, "SecurePolicy"))
            {
                var branch = CookieObject.ProductionBranchWith(assignment.Value, types.SecurePolicyNone, types.SecurePolicySameAsRequest, guard);
                if (branch != null)
                {
                    Report(context, assignment, "SecurePolicy = " + PolicyName(branch, types), CookieObject.Describe(assignment), "SecurePolicy = CookieSecurePolicy.Always", AlwaysSecure);
                }
            }
        }

        private static string PolicyName(IOperation value, CookieTypes types)
            => CookieTypes.IsConstant(value, types.SecurePolicyNone) ? "CookieSecurePolicy.None" : "CookieSecurePolicy.SameAsRequest";

        private static void Report(OperationAnalysisContext context, IOperation assignment, string setting, string cookie, string fix, string secureValue)
            => context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), FixProperties.WithSecureValue(secureValue), setting, cookie, fix));
    }
}
