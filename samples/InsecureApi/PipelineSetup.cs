using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace InsecureApi;

/// <summary>
/// The production pipeline, half done. The whole-program rules report at app.Run() in Program.cs: RDY6004 (no
/// UseHttpsRedirection), RDY6005, RDY8004 (ErrorsSetup only has the developer page), RDY9001-9004.
/// </summary>
public static class PipelineSetup
{
    public static void AddPipelineServices(IServiceCollection services)
    {
        // RDY9001: checks are registered, but no endpoint maps them: probes have nothing to call.
        services.AddHealthChecks();

        // RDY9002: a policy without app.UseRateLimiter(): no request is ever limited.
        services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", window =>
        {
            window.PermitLimit = 100;
            window.Window = TimeSpan.FromMinutes(1);
        }));

        // RDY9003: configured for the proxy in front, but UseForwardedHeaders() is never called.
        services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.All);
    }

    public static void UsePipeline(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            // RDY6005: HSTS only in Development, so production never sends it.
            app.UseHsts();
        }

        // RDY9004: a header middleware that sets no security header (and none is set anywhere else).
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            await next(context);
        });
    }
}
