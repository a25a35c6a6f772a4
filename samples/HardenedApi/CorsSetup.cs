namespace HardenedApi;

public static class CorsSetup
{
    public static void AddCorsPolicies(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // The trusted front ends, per environment (Cors:AllowedOrigins); none when unset.
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options =>
        {
            options.AddPolicy("catalog", policy => policy.WithOrigins(origins).AllowAnyHeader().WithMethods("GET"));
            options.AddPolicy("spa", policy => policy.WithOrigins(origins).AllowAnyHeader().AllowCredentials());

            if (environment.IsDevelopment())
            {
                // The local front-end dev server, whatever port it picks.
                options.AddPolicy("dev", policy => policy.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowCredentials());
            }
        });
    }

    public static void UseCorsPolicies(WebApplication app)
    {
        app.UseCors(app.Environment.IsDevelopment() ? "dev" : "spa");

        // The legacy endpoints answer only the configured origins, checked before echoing.
        var allowed = new HashSet<string>(app.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (context.Request.Path.StartsWithSegments("/account") && allowed.Contains(origin))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
                context.Response.Headers.Vary = "Origin";
            }

            await next(context);
        });
    }
}
