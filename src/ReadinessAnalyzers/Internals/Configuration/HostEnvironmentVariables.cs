using System;

namespace ReadinessAnalyzers.Internals.Configuration
{
    /// <summary>The environment variables from which the .NET host takes the environment name.</summary>
    internal static class HostEnvironmentVariables
    {
        public const string AspNetCore = "ASPNETCORE_ENVIRONMENT";
        public const string Dotnet = "DOTNET_ENVIRONMENT";
        private const string Development = "Development";

        /// <summary>True for <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c>.</summary>
        public static bool IsEnvironmentVariable(string name)
            => string.Equals(name, AspNetCore, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Dotnet, StringComparison.OrdinalIgnoreCase);

        /// <summary>True when <paramref name="name"/>=<paramref name="value"/> makes the app run in Development (compared as IsDevelopment() does).</summary>
        public static bool SetsDevelopment(string name, string? value)
            => IsEnvironmentVariable(name) && value != null && string.Equals(value.Trim(), Development, StringComparison.OrdinalIgnoreCase);
    }
}
