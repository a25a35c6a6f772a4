using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Http;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// RDY3005: a <c>Set-Cookie</c> header written by hand (<c>Headers.Append/Add/TryAdd("Set-Cookie", …)</c>,
    /// <c>Headers["Set-Cookie"] = …</c>, <c>Headers.SetCookie = …</c>, with the name as text or <c>HeaderNames.SetCookie</c>)
    /// whose text lacks the <c>Secure</c> or <c>HttpOnly</c> attribute. Only texts the compiler can see are judged:
    /// constants, interpolated strings and concatenations (their literal parts).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HandWrittenSetCookieHeaderAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.HandWrittenSetCookieHeader,
            title: "Set-Cookie header written by hand without Secure or HttpOnly",
            messageFormat: "The Set-Cookie header written by hand for {0} lacks {1}; write the cookie with Response.Cookies.Append and CookieOptions {{ Secure = true, HttpOnly = true }}",
            description: "A Set-Cookie header built as text bypasses CookieOptions, the cookie policy and every default of the framework: "
                + "without the Secure attribute the cookie travels over plain HTTP, without HttpOnly any script can read it.");

        private const string SetCookie = "Set-Cookie";

        [Flags]
        private enum Attributes
        {
            None = 0,
            Secure = 1,
            HttpOnly = 2,
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var headers = types.ReferencesAspNetCore ? HeaderWrites.Create(types) : null;
                if (headers is null)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    context =>
                    {
                        if (headers.TryRead(context.Operation, out var write) && write.Is(SetCookie, "SetCookie"))
                        {
                            Analyze(context, headers.Text(write.Value), guard);
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment);
            });
        }

        private static void Analyze(OperationAnalysisContext context, string? text, DevelopmentGuard guard)
        {
            if (text is null || !TryReadCookie(text, out var cookieName, out var present))
            {
                return;
            }

            var missing = ~present & (Attributes.Secure | Attributes.HttpOnly);
            if (missing == Attributes.HttpOnly
                && ScriptReadableCookies.IsScriptReadable(cookieName, context.Options, context.Operation.Syntax.SyntaxTree, RuleIds.HandWrittenSetCookieHeader))
            {
                // The SPA's XSRF-TOKEN must be readable by scripts; it is Secure, which is all it needs.
                return;
            }

            if (missing == Attributes.None || guard.IsDevelopmentOnly(context.Operation))
            {
                return;
            }

            var what = missing == (Attributes.Secure | Attributes.HttpOnly) ? "Secure and HttpOnly"
                : missing == Attributes.Secure ? "Secure" : "HttpOnly";
            var cookie = cookieName is null ? "a cookie" : "the cookie '" + cookieName + "'";
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), cookie, what));
        }

        /// <summary>
        /// Reads <c>name=value; Attr; Attr=value</c>. False when the text is not recognisably one cookie, when an attribute
        /// is computed (it might be Secure), or when the header deletes the cookie (<c>Max-Age=0</c>).
        /// </summary>
        private static bool TryReadCookie(string text, out string? name, out Attributes present)
        {
            name = null;
            present = Attributes.None;
            var end = text.IndexOf(';');
            var first = end < 0 ? text : text.Substring(0, end);
            var equals = first.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var cookieName = first.Substring(0, equals).Trim();
            if (cookieName.Length == 0)
            {
                return false;
            }

            name = cookieName.IndexOf(HeaderWrites.Hole) < 0 ? cookieName : null;
            while (end >= 0)
            {
                var start = end + 1;
                end = text.IndexOf(';', start);
                var attribute = (end < 0 ? text.Substring(start) : text.Substring(start, end - start)).Trim();
                if (attribute.Length == 0)
                {
                    continue;
                }

                var attributeEquals = attribute.IndexOf('=');
                var attributeName = (attributeEquals < 0 ? attribute : attribute.Substring(0, attributeEquals)).Trim();
                if (attributeName.IndexOf(HeaderWrites.Hole) >= 0)
                {
                    return false;
                }

                if (attributeName.Equals("Secure", StringComparison.OrdinalIgnoreCase))
                {
                    present |= Attributes.Secure;
                }
                else if (attributeName.Equals("HttpOnly", StringComparison.OrdinalIgnoreCase))
                {
                    present |= Attributes.HttpOnly;
                }
                else if (attributeName.Equals("Max-Age", StringComparison.OrdinalIgnoreCase)
                    && attribute.Substring(attributeEquals + 1).Trim() == "0")
                {
                    return false;
                }
            }

            return true;
        }
    }
}
