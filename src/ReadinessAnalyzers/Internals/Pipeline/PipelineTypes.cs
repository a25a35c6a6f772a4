using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Internals.Http;

namespace ReadinessAnalyzers.Internals.Pipeline
{
    /// <summary>The types the pipeline mechanism resolves once per compilation.</summary>
    internal sealed class PipelineTypes
    {
        private const string WebApplicationName = "Microsoft.AspNetCore.Builder.WebApplication";
        private const string WebApplicationBuilderName = "Microsoft.AspNetCore.Builder.WebApplicationBuilder";
        private const string IEndpointRouteBuilderName = "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
        private const string IHostBuilderName = "Microsoft.Extensions.Hosting.IHostBuilder";
        private const string IWebHostBuilderName = "Microsoft.AspNetCore.Hosting.IWebHostBuilder";
        private const string IHostApplicationBuilderName = "Microsoft.Extensions.Hosting.IHostApplicationBuilder";
        private const string HostApplicationBuilderName = "Microsoft.Extensions.Hosting.HostApplicationBuilder";
        private const string IHostName = "Microsoft.Extensions.Hosting.IHost";
        private const string IWebHostName = "Microsoft.AspNetCore.Hosting.IWebHost";
        private const string WebHostName = "Microsoft.AspNetCore.WebHost";
        private const string GenericHostBuilderExtensionsName = "Microsoft.Extensions.Hosting.GenericHostBuilderExtensions";
        private const string GenericHostWebHostBuilderExtensionsName = "Microsoft.Extensions.Hosting.GenericHostWebHostBuilderExtensions";
        private const string WebHostBuilderExtensionsName = "Microsoft.AspNetCore.Hosting.WebHostBuilderExtensions";
        private const string HostingAbstractionsHostExtensionsName = "Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions";
        private const string WebHostExtensionsName = "Microsoft.AspNetCore.Hosting.WebHostExtensions";
        private const string HttpsPolicyBuilderExtensionsName = "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions";
        private const string HstsBuilderExtensionsName = "Microsoft.AspNetCore.Builder.HstsBuilderExtensions";
        private const string ExceptionHandlerExtensionsName = "Microsoft.AspNetCore.Builder.ExceptionHandlerExtensions";
        private const string StatusCodePagesExtensionsName = "Microsoft.AspNetCore.Builder.StatusCodePagesExtensions";
        private const string ProblemDetailsServiceCollectionExtensionsName = "Microsoft.Extensions.DependencyInjection.ProblemDetailsServiceCollectionExtensions";
        private const string HealthCheckEndpointRouteBuilderExtensionsName = "Microsoft.AspNetCore.Builder.HealthCheckEndpointRouteBuilderExtensions";
        private const string HealthCheckApplicationBuilderExtensionsName = "Microsoft.AspNetCore.Builder.HealthCheckApplicationBuilderExtensions";
        private const string HealthCheckServiceCollectionExtensionsName = "Microsoft.Extensions.DependencyInjection.HealthCheckServiceCollectionExtensions";
        private const string RateLimiterServiceCollectionExtensionsName = "Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions";
        private const string RateLimiterApplicationBuilderExtensionsName = "Microsoft.AspNetCore.Builder.RateLimiterApplicationBuilderExtensions";
        private const string ForwardedHeadersExtensionsName = "Microsoft.AspNetCore.Builder.ForwardedHeadersExtensions";
        private const string ForwardedHeadersOptionsName = "Microsoft.AspNetCore.Builder.ForwardedHeadersOptions";
        private const string UseMiddlewareExtensionsName = "Microsoft.AspNetCore.Builder.UseMiddlewareExtensions";
        private const string RequestDelegateName = "Microsoft.AspNetCore.Http.RequestDelegate";

        private PipelineTypes(WellKnownTypes types)
        {
            WebApplication = types.Get(WebApplicationName);
            WebApplicationBuilder = types.Get(WebApplicationBuilderName);
            IApplicationBuilder = types.Get(TypeNames.IApplicationBuilder);
            IHostBuilder = types.Get(IHostBuilderName);
            IWebHostBuilder = types.Get(IWebHostBuilderName);
            HostApplicationBuilder = types.Get(HostApplicationBuilderName);
            WebHost = types.Get(WebHostName);
            GenericHostBuilderExtensions = types.Get(GenericHostBuilderExtensionsName);
            GenericHostWebHostBuilderExtensions = types.Get(GenericHostWebHostBuilderExtensionsName);
            WebHostBuilderExtensions = types.Get(WebHostBuilderExtensionsName);
            HostingAbstractionsHostExtensions = types.Get(HostingAbstractionsHostExtensionsName);
            WebHostExtensions = types.Get(WebHostExtensionsName);
            HttpsPolicyBuilderExtensions = types.Get(HttpsPolicyBuilderExtensionsName);
            HstsBuilderExtensions = types.Get(HstsBuilderExtensionsName);
            ExceptionHandlerExtensions = types.Get(ExceptionHandlerExtensionsName);
            StatusCodePagesExtensions = types.Get(StatusCodePagesExtensionsName);
            ProblemDetailsServiceCollectionExtensions = types.Get(ProblemDetailsServiceCollectionExtensionsName);
            HealthCheckEndpointRouteBuilderExtensions = types.Get(HealthCheckEndpointRouteBuilderExtensionsName);
            HealthCheckApplicationBuilderExtensions = types.Get(HealthCheckApplicationBuilderExtensionsName);
            HealthCheckServiceCollectionExtensions = types.Get(HealthCheckServiceCollectionExtensionsName);
            RateLimiterServiceCollectionExtensions = types.Get(RateLimiterServiceCollectionExtensionsName);
            RateLimiterApplicationBuilderExtensions = types.Get(RateLimiterApplicationBuilderExtensionsName);
            ForwardedHeadersExtensions = types.Get(ForwardedHeadersExtensionsName);
            ForwardedHeadersOptions = types.Get(ForwardedHeadersOptionsName);
            UseMiddlewareExtensions = types.Get(UseMiddlewareExtensionsName);
            RequestDelegate = types.Get(RequestDelegateName);
            HttpContext = types.Get(TypeNames.HttpContext);
            Headers = HeaderWrites.Create(types);
            Exception = types.Compilation.GetTypeByMetadataName("System.Exception");

            // A method of the project that takes or returns one of these is part of the wiring: Program calls it to build the pipeline.
            var builder = ImmutableHashSet.CreateBuilder<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var type in new[]
            {
                WebApplication, WebApplicationBuilder, IApplicationBuilder, IHostBuilder, IWebHostBuilder, HostApplicationBuilder,
                types.Get(TypeNames.IServiceCollection), types.Get(IEndpointRouteBuilderName), types.Get(IHostApplicationBuilderName),
                types.Get(IHostName), types.Get(IWebHostName),
            })
            {
                if (type != null)
                {
                    builder.Add(type);
                }
            }

            WiringTypes = builder.ToImmutable();
        }

        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? WebApplicationBuilder { get; }
        public INamedTypeSymbol? IApplicationBuilder { get; }
        public INamedTypeSymbol? IHostBuilder { get; }
        public INamedTypeSymbol? IWebHostBuilder { get; }
        public INamedTypeSymbol? HostApplicationBuilder { get; }
        public INamedTypeSymbol? WebHost { get; }
        public INamedTypeSymbol? GenericHostBuilderExtensions { get; }
        public INamedTypeSymbol? GenericHostWebHostBuilderExtensions { get; }
        public INamedTypeSymbol? WebHostBuilderExtensions { get; }
        public INamedTypeSymbol? HostingAbstractionsHostExtensions { get; }
        public INamedTypeSymbol? WebHostExtensions { get; }
        public INamedTypeSymbol? HttpsPolicyBuilderExtensions { get; }
        public INamedTypeSymbol? HstsBuilderExtensions { get; }
        public INamedTypeSymbol? ExceptionHandlerExtensions { get; }
        public INamedTypeSymbol? StatusCodePagesExtensions { get; }
        public INamedTypeSymbol? ProblemDetailsServiceCollectionExtensions { get; }
        public INamedTypeSymbol? HealthCheckEndpointRouteBuilderExtensions { get; }
        public INamedTypeSymbol? HealthCheckApplicationBuilderExtensions { get; }
        public INamedTypeSymbol? HealthCheckServiceCollectionExtensions { get; }
        public INamedTypeSymbol? RateLimiterServiceCollectionExtensions { get; }
        public INamedTypeSymbol? RateLimiterApplicationBuilderExtensions { get; }
        public INamedTypeSymbol? ForwardedHeadersExtensions { get; }
        public INamedTypeSymbol? ForwardedHeadersOptions { get; }
        public INamedTypeSymbol? UseMiddlewareExtensions { get; }
        public INamedTypeSymbol? RequestDelegate { get; }
        public INamedTypeSymbol? HttpContext { get; }
        /// <summary>The shared reader of hand-written headers; null when the HTTP abstractions are absent.</summary>
        public HeaderWrites? Headers { get; }
        public INamedTypeSymbol? Exception { get; }

        /// <summary>Builders, apps, service collections and hosts: what wiring methods pass around.</summary>
        public ImmutableHashSet<ITypeSymbol> WiringTypes { get; }

        /// <summary>Null when the compilation cannot be a web app (no ASP.NET Core application builder).</summary>
        public static PipelineTypes? Create(Compilation compilation)
        {
            var types = WellKnownTypes.GetOrCreate(compilation);
            return types.ReferencesAspNetCore && types.Get(TypeNames.IApplicationBuilder) != null ? new PipelineTypes(types) : null;
        }
    }
}
