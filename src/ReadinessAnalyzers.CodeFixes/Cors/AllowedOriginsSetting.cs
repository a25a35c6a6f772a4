using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes.Cors
{
    /// <summary>
    /// The <c>Cors:AllowedOrigins</c> key the CORS fix reads: added, as an empty array, to the project's appsettings.json
    /// when that file is an AdditionalFile and lacks it, in the file's own layout (<see cref="AppSettingsKeys"/>).
    /// </summary>
    internal static class AllowedOriginsSetting
    {
        public const string Path = "Cors:AllowedOrigins";

        /// <summary>The solution with the key added to <paramref name="projectId"/>'s appsettings.json, when there is one to add it to.</summary>
        public static Task<Solution> AddAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
            => AppSettingsKeys.AddToProjectAsync(solution, projectId, new[] { Path }, AppSettingsKeys.EmptyArray, cancellationToken);
    }
}
