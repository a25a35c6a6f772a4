using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InsecureApi;

public static class HardeningSetup
{
    // RDY9007: every controller derived from this base accepts request bodies of any size.
    [DisableRequestSizeLimit]
    public abstract class OrdersControllerBase : ControllerBase;

    public static void AddHardeningServices(IServiceCollection services)
    {
        // RDY9007: "uploads kept failing": Kestrel's body limit removed for every endpoint, login included.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = null);

        // RDY9007: form reading unlimited for the whole app.
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = long.MaxValue);

        // RDY9005: antiforgery's frame protection switched off, and nothing sends one instead.
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
    }

    public static void UseSecurityHeaders(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;

            // RDY9005: ALLOWALL is not a value browsers know: any site can frame the pages.
            headers.XFrameOptions = "ALLOWALL";

            // RDY9005: inline and eval'd script allowed: the policy does not stop XSS.
            headers.ContentSecurityPolicy = "default-src 'self' 'unsafe-inline' 'unsafe-eval'";

            // RDY9005: full URLs, query strings included, sent to every linked site.
            headers["Referrer-Policy"] = "unsafe-url";

            // RDY9006: framework and version advertised to every client.
            headers.XPoweredBy = "ASP.NET";
            headers.Server = "Kestrel/10.0";

            await next(context);
        });
    }
}
