using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace HardenedApi;

/// <summary>
/// The production pipeline: forwarded headers from known proxies, HSTS and HTTPS redirection, security headers, a rate
/// limiter and a health endpoint (RDY6004-6005, RDY9001-9004; the exception handler is in ErrorsSetup, RDY8004).
/// </summary>
public static class PipelineSetup
{
    public static void AddPipelineServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks();

        // One fixed window per client address (the real one: forwarded headers run first).
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
        });

        // Trust X-Forwarded-* only from the proxies and networks the deployment names.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRateLimiter();
        app.MapHealthChecks("/health");
    }

    /// <summary>The browser hardening headers ASP.NET Core does not send by default.</summary>
    public sealed class SecurityHeadersMiddleware(RequestDelegate next)
    {
        public Task InvokeAsync(HttpContext context)
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        }
    }
}
