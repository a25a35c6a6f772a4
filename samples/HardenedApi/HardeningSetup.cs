using Microsoft.AspNetCore.Mvc;

namespace HardenedApi;

public static class HardeningSetup
{
    public static void AddHardeningServices(IServiceCollection services)
    {
        // Kestrel's and the form reader's default limits stay; antiforgery keeps its X-Frame-Options header.
        services.AddAntiforgery();
    }

    public static void UseSecurityHeaders(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; object-src 'none'";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XContentTypeOptions = "nosniff";
            headers.Remove("X-Powered-By");
            await next(context);
        });
    }

    public static void MapUploadEndpoints(WebApplication app)
    {
        // Only the attachment upload gets a larger (still finite) body limit.
        app.MapPost("/orders/{id:int}/attachments", (int id, HttpRequest request) => Results.Accepted($"/orders/{id}/attachments"))
            .WithMetadata(new RequestSizeLimitAttribute(50_000_000));
    }
}
