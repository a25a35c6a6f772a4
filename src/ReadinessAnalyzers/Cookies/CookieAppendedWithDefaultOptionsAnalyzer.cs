using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// RDY3004: <c>Response.Cookies.Append(key, value)</c> with no options, or with an inline <c>new CookieOptions { … }</c>
    /// that sets neither Secure nor HttpOnly: the cookie gets CookieOptions' defaults, neither Secure nor HttpOnly.
    /// Not reported when the project installs a cookie policy with <c>Secure = Always</c> and <c>HttpOnly = Always</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CookieAppendedWithDefaultOptionsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.CookieAppendedWithDefaultOptions,
            title: "Cookie appended with the default, insecure options",
            messageFormat: "'Append' writes {0} {1}, so it is neither Secure nor HttpOnly; pass CookieOptions with Secure = true and HttpOnly = true, or enforce both with UseCookiePolicy",
            description: "CookieOptions default to Secure = false and HttpOnly = false, so Response.Cookies.Append(key, value) writes a "
                + "cookie that travels over plain HTTP and that any script on the page can read. Pass options that set both, or "
                + "install a cookie policy (UseCookiePolicy with Secure = Always and HttpOnly = Always) that enforces them for every cookie.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = CookieTypes.Create(start.Compilation);
                if (types is null || types.ResponseCookies is null)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                var policy = new CookiePolicyScan(start.Compilation);
                start.RegisterOperationAction(context => Analyze(context, types, guard, policy), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, CookieTypes types, DevelopmentGuard guard, CookiePolicyScan policy)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name != "Append" || !Invocations.Is(method, types.ResponseCookies, "Append"))
            {
                return;
            }

            string? key = null;
            string? how = null;
            IObjectCreationOperation? incomplete = null;
            var hasOptions = false;
            foreach (var argument in invocation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "key":
                        key = Invocations.ConstantString(argument.Value);
                        break;
                    case "options":
                        hasOptions = true;
                        if (CookieObject.Unwrap(argument.Value) is IObjectCreationOperation creation
                            && SymbolEqualityComparer.Default.Equals(creation.Type, types.CookieOptions)
                            && creation.Arguments.Length == 0
                            && !SetsSecureOrHttpOnly(creation.Initializer))
                        {
                            how = "with CookieOptions that set neither Secure nor HttpOnly";
                            incomplete = creation;
                        }

                        break;
                }
            }

            if (!hasOptions)
            {
                how = "without options";
            }

            if (how is null
                || guard.IsDevelopmentOnly(invocation)
                || policy.EnforcesSecureAndHttpOnly(context.CancellationToken))
            {
                return;
            }

            var cookie = key is null ? "a cookie" : "the cookie '" + key + "'";
            var additional = incomplete is null ? null : new[] { incomplete.Syntax.GetLocation() };
            var properties = ImmutableDictionary<string, string?>.Empty.Add(
                CookieFixProperties.CookieSettings, SettingsToAdd(key, incomplete, context.Options, invocation.Syntax.SyntaxTree));
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), additional, properties, cookie, how));
        }

        /// <summary>
        /// What the fix writes: Secure, HttpOnly unless the cookie is one scripts must read (RDY3002 exempts it), and
        /// SameSite = Lax unless the options already choose a SameSite mode.
        /// </summary>
        private static string SettingsToAdd(string? key, IObjectCreationOperation? options, AnalyzerOptions analyzerOptions, SyntaxTree tree)
        {
            var settings = CookieFixProperties.Secure;
            if (!ScriptReadableCookies.IsScriptReadable(key, analyzerOptions, tree, RuleIds.CookieWithoutHttpOnly)
                && !ScriptReadableCookies.IsScriptReadable(key, analyzerOptions, tree, RuleIds.CookieAppendedWithDefaultOptions))
            {
                settings += "," + CookieFixProperties.HttpOnly;
            }

            if (options?.Initializer is null || !Sets(options.Initializer, "SameSite"))
            {
                settings += "," + CookieFixProperties.SameSite;
            }

            return settings;
        }

        private static bool SetsSecureOrHttpOnly(IObjectOrCollectionInitializerOperation? initializer)
            => initializer != null && (Sets(initializer, "Secure") || Sets(initializer, "HttpOnly"));

        private static bool Sets(IObjectOrCollectionInitializerOperation initializer, string property)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && target.Property.Name == property)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
