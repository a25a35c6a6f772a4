namespace ReadinessAnalyzers.Internals
{
    /// <summary>Metadata names used by more than one rule or by the shared mechanisms.</summary>
    internal static class TypeNames
    {
        public const string HttpContext = "Microsoft.AspNetCore.Http.HttpContext";
        public const string IHostEnvironment = "Microsoft.Extensions.Hosting.IHostEnvironment";
        public const string HostEnvironmentEnvExtensions = "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions";
        public const string HostingEnvironmentExtensions = "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions";

        /// <summary>IsDevelopment() on the obsolete Microsoft.Extensions.Hosting.IHostingEnvironment (generic host, .NET Core 2.x workers).</summary>
        public const string ExtensionsHostingEnvironmentExtensions = "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions";
        public const string IServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
        public const string IApplicationBuilder = "Microsoft.AspNetCore.Builder.IApplicationBuilder";
        public const string IHeaderDictionary = "Microsoft.AspNetCore.Http.IHeaderDictionary";
        public const string HttpResponse = "Microsoft.AspNetCore.Http.HttpResponse";
        public const string HttpRequest = "Microsoft.AspNetCore.Http.HttpRequest";
        public const string IConfiguration = "Microsoft.Extensions.Configuration.IConfiguration";
        public const string ILogger = "Microsoft.Extensions.Logging.ILogger";
        public const string LogLevel = "Microsoft.Extensions.Logging.LogLevel";
        public const string TokenValidationParameters = "Microsoft.IdentityModel.Tokens.TokenValidationParameters";

        /// <summary>Its simple name, for the fallback when Microsoft.IdentityModel.Tokens is not restored.</summary>
        public const string TokenValidationParametersName = "TokenValidationParameters";
    }
}
