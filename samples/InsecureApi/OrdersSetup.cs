namespace InsecureApi;

/// <summary>Wires the app together. Each category's mistakes live in their own file (Cors.cs, Cookies.cs …).</summary>
public static class OrdersSetup
{
    public static IServiceCollection AddOrdersServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ErrorsSetup.AddErrorServices(services, environment);
        HardeningSetup.AddHardeningServices(services);
        SessionsSetup.AddSessionServices(services, environment);
        CorsSetup.AddCorsPolicies(services, configuration);
        CookiesSetup.AddCookieServices(services);
        LoggingSetup.AddLoggingServices(services, configuration, environment);
        SecretsSetup.AddSecretServices(services, configuration);
        HttpsSetup.AddHttpsServices(services);
        AuthSetup.AddAuthServices(services);
        PipelineSetup.AddPipelineServices(services);
        return services;
    }

    public static WebApplication UseOrdersPipeline(this WebApplication app)
    {
        PipelineSetup.UsePipeline(app);
        ErrorsSetup.UseErrorPages(app);
        HardeningSetup.UseSecurityHeaders(app);
        app.UseSession();
        CorsSetup.UseCorsPolicies(app);
        LoggingSetup.UseRequestLogging(app);
        return app;
    }

    public static WebApplication MapOrdersEndpoints(this WebApplication app)
    {
        CookiesSetup.MapCookieEndpoints(app);
        ErrorsSetup.MapErrorEndpoints(app);
        LoggingSetup.MapSignInAudit(app);
        app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id, status = "shipped" }));
        SessionsSetup.MapSessionEndpoints(app);
        AuthSetup.MapAuthEndpoints(app);
        return app;
    }
}
