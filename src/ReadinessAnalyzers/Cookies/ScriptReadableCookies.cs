using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// Cookies that scripts must read: the anti-forgery token an SPA echoes back in a header (Angular's
    /// <c>XSRF-TOKEN</c>, axios, Django's <c>csrftoken</c> …). Such a cookie may drop HttpOnly as long as it stays Secure.
    /// More names come from the option <see cref="OptionCatalog.ScriptReadableCookies"/>.
    /// </summary>
    internal static class ScriptReadableCookies
    {
        private static readonly string[] KnownNames =
        {
            "XSRF-TOKEN", "X-XSRF-TOKEN", "XSRF_TOKEN", "CSRF-TOKEN", "X-CSRF-TOKEN", "CSRF_TOKEN", "csrftoken",
        };

        public static bool IsScriptReadable(string? name, AnalyzerOptions options, SyntaxTree tree, string ruleId)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            foreach (var known in KnownNames)
            {
                if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (var extra in RuleOptions.GetList(options, tree, ruleId, OptionCatalog.ScriptReadableCookies))
            {
                if (string.Equals(extra, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
