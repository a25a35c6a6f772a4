namespace HardenedApi;

/// <summary>Wires the app together. Each category's production form lives in its own file (Cors.cs, Cookies.cs …).</summary>
public static class OrdersSetup
{
    public static IServiceCollection AddOrdersServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ErrorsSetup.AddErrorServices(services);
        HardeningSetup.AddHardeningServices(services);
        SessionsSetup.AddSessionServices(services, configuration, environment);
        CorsSetup.AddCorsPolicies(services, configuration, environment);
        CookiesSetup.AddCookieServices(services);
        LoggingSetup.AddLoggingServices(services, environment);
        SecretsSetup.AddSecretServices(services, configuration);
        OutgoingHttpSetup.AddShippingClient(services, configuration);
        HttpsSetup.AddHttpsServices(services, configuration, environment);
        AuthSetup.AddAuthServices(services, configuration);
        PipelineSetup.AddPipelineServices(services, configuration);
        return services;
    }

    public static WebApplication UseOrdersPipeline(this WebApplication app)
    {
        PipelineSetup.UsePipeline(app);
        ErrorsSetup.UseErrorPages(app);
        HardeningSetup.UseSecurityHeaders(app);
        app.UseSession();
        CorsSetup.UseCorsPolicies(app);
        CookiesSetup.UseCookiePolicy(app);
        LoggingSetup.UseRequestLogging(app);
        return app;
    }

    public static WebApplication MapOrdersEndpoints(this WebApplication app)
    {
        CookiesSetup.MapCookieEndpoints(app);
        ErrorsSetup.MapErrorEndpoints(app);
        HardeningSetup.MapUploadEndpoints(app);
        LoggingSetup.MapSignInAudit(app);
        app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id, status = "shipped" }));
        SessionsSetup.MapSessionEndpoints(app);
        AuthSetup.MapAuthEndpoints(app);
        return app;
    }
}
