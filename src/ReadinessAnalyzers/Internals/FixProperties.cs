using System.Collections.Immutable;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Diagnostic properties a code fix reads. The analyzer knows the semantics (which value is the safe one);
    /// the fixer only edits syntax, so the two cannot disagree.
    /// </summary>
    internal static class FixProperties
    {
        /// <summary>The expression, fully qualified, that replaces an insecure assigned value (<c>true</c>, <c>Microsoft.AspNetCore.Http.CookieSecurePolicy.Always</c>).</summary>
        public const string SecureValue = "readiness.fix.secure-value";

        public static ImmutableDictionary<string, string?> WithSecureValue(string expression)
            => ImmutableDictionary<string, string?>.Empty.Add(SecureValue, expression);
    }
}
