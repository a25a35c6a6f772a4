namespace InsecureApi;

public static class CorsSetup
{
    public static void AddCorsPolicies(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCors(options =>
        {
            // RDY2001: any website may call the catalogue API from a visitor's browser and read the answers.
            options.AddPolicy("catalog", policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());

            // RDY2002: an always-true origin predicate with credentials, the way round the framework's
            // AllowAnyOrigin + AllowCredentials guard: any website can act as the signed-in user.
            options.AddPolicy("spa", policy => policy.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowCredentials());
        });
    }

    public static void UseCorsPolicies(WebApplication app)
    {
        app.UseCors("spa");

        // Hand-written CORS for the legacy endpoints.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/widgets"))
            {
                // RDY2003: a wildcard origin written by hand, outside any CORS policy.
                context.Response.Headers.Append("Access-Control-Allow-Origin", "*");
            }
            else if (context.Request.Path.StartsWithSegments("/account"))
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (!string.IsNullOrEmpty(origin))
                {
                    // RDY2004: the request's Origin echoed back after a mere presence check, with credentials.
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    context.Response.Headers.AccessControlAllowCredentials = "true";
                }
            }

            await next(context);
        });
    }
}
