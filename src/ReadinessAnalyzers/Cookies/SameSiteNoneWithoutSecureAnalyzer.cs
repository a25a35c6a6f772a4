using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// RDY3003: <c>SameSite = SameSiteMode.None</c> on CookieOptions or a CookieBuilder whose object is not made Secure
    /// (<c>Secure = true</c> / <c>SecurePolicy = Always</c>), and <c>CookiePolicyOptions.MinimumSameSitePolicy = None</c>
    /// without <c>Secure = CookieSecurePolicy.Always</c> in the same policy.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SameSiteNoneWithoutSecureAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.SameSiteNoneWithoutSecure,
            title: "SameSite=None cookie without Secure",
            messageFormat: "'{0}' sends {1} on cross-site requests but it is not made Secure: browsers reject such a cookie, or it rides plain HTTP; set {2}, or use SameSite Lax or Strict",
            description: "SameSite=None attaches the cookie to requests from any site, which only makes sense for a cookie that must "
                + "cross sites, and browsers accept it only together with Secure. Without Secure the cookie is dropped in "
                + "current browsers (a login that silently fails in production) and exposed to cross-site request forgery in old ones.");

        private const string AlwaysSecure = CookieTypes.CookieSecurePolicyName + ".Always";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = CookieTypes.Create(start.Compilation);
                if (types is null || types.SameSiteNone is null)
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
            string setting;
            string cookie;
            string fix;
            string secureMember;
            string secureValue;
            if (property.Name == "SameSite")
            {
                if (CookieTypes.IsProperty(property, types.CookieOptions, "SameSite"))
                {
                    setting = "CookieOptions.SameSite = SameSiteMode.None";
                    fix = "Secure = true";
                    secureMember = "Secure";
                    secureValue = "true";
                }
                else if (CookieTypes.IsProperty(property, types.CookieBuilder, "SameSite"))
                {
                    setting = "CookieBuilder.SameSite = SameSiteMode.None";
                    fix = "SecurePolicy = CookieSecurePolicy.Always";
                    secureMember = "SecurePolicy";
                    secureValue = AlwaysSecure;
                }
                else
                {
                    return;
                }

                cookie = CookieObject.Describe(assignment);
            }
            else if (property.Name == "MinimumSameSitePolicy" && CookieTypes.IsProperty(property, types.CookiePolicyOptions, "MinimumSameSitePolicy"))
            {
                setting = "CookiePolicyOptions.MinimumSameSitePolicy = SameSiteMode.None";
                cookie = "the app's cookies";
                fix = "Secure = CookieSecurePolicy.Always";
                secureMember = "Secure";
                secureValue = AlwaysSecure;
            }
            else
            {
                return;
            }

            if (CookieObject.ProductionBranchWith(assignment.Value, types.SameSiteNone, null, guard) is null)
            {
                return;
            }

            var cookieObject = CookieObject.Of(assignment, types);
            if (cookieObject.IsSecure)
            {
                return;
            }

            // The fix makes the object Secure: where production code already sets Secure to something else, it replaces
            // those settings (a setting added beside them could be overridden); Development-only settings stay.
            var replaced = new List<Location>();
            if (cookieObject.OtherSecureSettings != null)
            {
                foreach (var other in cookieObject.OtherSecureSettings)
                {
                    if (other.Syntax.SyntaxTree == assignment.Syntax.SyntaxTree && !guard.IsDevelopmentOnly(other))
                    {
                        replaced.Add(other.Syntax.GetLocation());
                    }
                }
            }

            var properties = FixProperties.WithSecureValue(secureValue).Add(CookieFixProperties.SecureMember, secureMember);
            context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), replaced, properties, setting, cookie, fix));
        }
    }
}
