using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// RDY3002: a cookie scripts can read — <c>CookieOptions.HttpOnly = false</c>, <c>CookieBuilder.HttpOnly = false</c>,
    /// <c>CookiePolicyOptions.HttpOnly = HttpOnlyPolicy.None</c>. A Secure cookie named as a script-readable anti-forgery
    /// token (<c>XSRF-TOKEN</c> …) is exempt: the SPA must read it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CookieWithoutHttpOnlyAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.CookieWithoutHttpOnly,
            title: "Cookie readable by scripts",
            messageFormat: "'{0}' lets scripts read {1}, so a single XSS bug can steal it; set {2}",
            description: "Without HttpOnly, document.cookie exposes the cookie to every script on the page, including injected ones. "
                + "Session and authentication cookies must be HttpOnly. Only a cookie that scripts must read, such as the SPA "
                + "anti-forgery token XSRF-TOKEN, may drop HttpOnly, and then it must stay Secure.");

        private static readonly object False = false;

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
            if (!(assignment.Target is IPropertyReferenceOperation target) || target.Property.Name != "HttpOnly")
            {
                return;
            }

            var property = target.Property;
            if (CookieTypes.IsProperty(property, types.CookiePolicyOptions, "HttpOnly"))
            {
                if (CookieObject.ProductionBranchWith(assignment.Value, types.HttpOnlyPolicyNone, null, guard) != null)
                {
                    Report(context, assignment, "CookiePolicyOptions.HttpOnly = HttpOnlyPolicy.None", "the app's cookies", "HttpOnly = HttpOnlyPolicy.Always",
                        CookieTypes.HttpOnlyPolicyName + ".Always");
                }

                return;
            }

            var isOptions = CookieTypes.IsProperty(property, types.CookieOptions, "HttpOnly");
            if (!isOptions && !CookieTypes.IsProperty(property, types.CookieBuilder, "HttpOnly"))
            {
                return;
            }

            if (CookieObject.ProductionBranchWith(assignment.Value, False, null, guard) is null)
            {
                return;
            }

            var cookie = CookieObject.Of(assignment, types);
            if (ScriptReadableCookies.IsScriptReadable(cookie.Name, context.Options, assignment.Syntax.SyntaxTree, RuleIds.CookieWithoutHttpOnly))
            {
                // Scripts must read it, so HttpOnly = false is right; a missing Secure is RDY3001's finding, not this one's.
                return;
            }

            var description = cookie.Name is null ? CookieObject.Describe(assignment) : "the cookie '" + cookie.Name + "'";
            Report(context, assignment, (isOptions ? "CookieOptions" : "CookieBuilder") + ".HttpOnly = false", description, "HttpOnly = true", "true");
        }

        private static void Report(OperationAnalysisContext context, IOperation assignment, string setting, string cookie, string fix, string secureValue)
            => context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), FixProperties.WithSecureValue(secureValue), setting, cookie, fix));
    }
}
