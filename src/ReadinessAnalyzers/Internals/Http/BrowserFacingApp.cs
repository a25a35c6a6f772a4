using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Internals.Http
{
    /// <summary>
    /// Whether a compilation serves browsers: it renders pages (MVC views, Razor Pages, Blazor), serves static files or a
    /// SPA, or keeps browser state (cookie authentication, sessions, Identity's UI, antiforgery, interactive OpenID
    /// Connect sign-in). Browser-only protections such as HSTS apply only then: Microsoft's guidance is not to rely on
    /// HSTS for web APIs, whose clients do not honour it. Observed anywhere in the compilation, by the framework method's
    /// exact name (also where it does not resolve: an applicability signal, never a finding).
    /// </summary>
    internal sealed class BrowserFacingApp
    {
        private int _seen;

        public bool IsBrowserFacing => Volatile.Read(ref _seen) != 0;

        public void Register(CompilationStartAnalysisContext start)
        {
            start.RegisterOperationAction(context =>
            {
                if (!IsBrowserFacing && ((IInvocationOperation)context.Operation).TargetMethod is var method
                    && IsBrowserMethod(method.Name) && IsFramework(method))
                {
                    Interlocked.Exchange(ref _seen, 1);
                }
            }, OperationKind.Invocation);

            start.RegisterOperationAction(context =>
            {
                if (!IsBrowserFacing && Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation) is { } name && IsBrowserMethod(name))
                {
                    Interlocked.Exchange(ref _seen, 1);
                }
            }, OperationKind.Invalid);
        }

        /// <summary>A framework extension, not an app's own method that happens to share the name.</summary>
        private static bool IsFramework(IMethodSymbol method) =>
            method.ContainingNamespace?.ToDisplayString() is { } ns
            && (ns.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.Extensions.DependencyInjection", System.StringComparison.Ordinal));

        internal static bool IsBrowserMethod(string name)
        {
            switch (name)
            {
                // Pages and components
                case "AddControllersWithViews":
                case "AddMvc":
                case "AddRazorPages":
                case "MapRazorPages":
                case "MapControllerRoute":
                case "MapDefaultControllerRoute":
                case "MapAreaControllerRoute":
                case "AddRazorComponents":
                case "MapRazorComponents":
                case "AddServerSideBlazor":
                case "MapBlazorHub":
                case "MapFallbackToPage":
                // Static files and single-page apps
                case "UseStaticFiles":
                case "MapStaticAssets":
                case "UseDefaultFiles":
                case "UseFileServer":
                case "UseSpa":
                case "UseSpaStaticFiles":
                case "MapFallbackToFile":
                case "UseBlazorFrameworkFiles":
                // Browser state
                case "AddCookie":
                case "UseCookiePolicy":
                case "AddSession":
                case "UseSession":
                case "AddDefaultIdentity":
                case "AddIdentity":
                case "AddAntiforgery":
                case "AddOpenIdConnect":
                    return true;
                default:
                    return false;
            }
        }
    }
}
