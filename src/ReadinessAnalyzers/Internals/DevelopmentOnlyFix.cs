using System.Collections.Immutable;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Diagnostic properties for the fix that limits a Development-only call to Development (DevelopmentOnlyCallFixer).
    /// The analyzer knows what the reported call does in production; the fixer only edits syntax, so they cannot disagree.
    /// A diagnostic without <see cref="Key"/> gets no fix.
    /// </summary>
    internal static class DevelopmentOnlyFix
    {
        /// <summary>How the reported call or assignment is limited to Development: one of the values below.</summary>
        public const string Key = "readiness.fix.development-only";

        /// <summary>
        /// The call (or assignment) only adds a development aid: production runs without it. The fix guards the call
        /// alone with <c>if (env.IsDevelopment())</c>; the rest of its statement still runs.
        /// </summary>
        public const string Wrap = "wrap";

        /// <summary>
        /// The call supplies something production needs (a database provider, a cache, a token cache). Guarding it would
        /// leave production without one, so the fix is offered only where another branch already supplies production's.
        /// </summary>
        public const string WrapWithAlternative = "wrap-with-alternative";

        /// <summary><c>EnableX(bool enabled = true)</c>: the fix passes <c>env.IsDevelopment()</c> as the flag.</summary>
        public const string FlagArgument = "flag-argument";

        /// <summary>A boolean property assigned <c>true</c>: the fix assigns <c>env.IsDevelopment()</c>.</summary>
        public const string AssignedValue = "assigned-value";

        public static readonly ImmutableDictionary<string, string?> WrapProperties = Create(Wrap);

        public static readonly ImmutableDictionary<string, string?> WrapWithAlternativeProperties = Create(WrapWithAlternative);

        public static readonly ImmutableDictionary<string, string?> FlagArgumentProperties = Create(FlagArgument);

        public static readonly ImmutableDictionary<string, string?> AssignedValueProperties = Create(AssignedValue);

        private static ImmutableDictionary<string, string?> Create(string kind)
            => ImmutableDictionary<string, string?>.Empty.Add(Key, kind);
    }
}
