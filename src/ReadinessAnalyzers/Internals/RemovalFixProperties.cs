using System.Collections.Immutable;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Diagnostic properties for fixes that delete the reported code: the analyzer states that removing it restores the
    /// built-in check (a validator or certificate callback that accepts everything); the fixer decides only whether the
    /// syntax allows the removal (a statement of its own or an object-initializer member).
    /// </summary>
    internal static class RemovalFixProperties
    {
        /// <summary>What to remove; its only value is <see cref="Assignment"/>.</summary>
        public const string Remove = "readiness.fix.remove";

        /// <summary>The reported assignment: removing it leaves the property at its default, the built-in validation.</summary>
        public const string Assignment = "assignment";

        public static readonly ImmutableDictionary<string, string?> RemoveAssignment =
            ImmutableDictionary<string, string?>.Empty.Add(Remove, Assignment);
    }
}
