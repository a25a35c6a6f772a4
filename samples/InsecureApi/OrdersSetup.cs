namespace InsecureApi;

/// <summary>Wires the app together. Each category's mistakes live in their own file (Cors.cs, Cookies.cs …).</summary>
public static class OrdersSetup
{
    public static IServiceCollection AddOrdersServices(this IServiceCollection services, IConfiguration configuration)
    {
        ErrorsSetup.AddErrorServices(services);
        SecretsSetup.AddSecretServices(services, configuration);
        return services;
    }

    public static WebApplication UseOrdersPipeline(this WebApplication app)
    {
        ErrorsSetup.UseErrorPages(app);
        return app;
    }

    public static WebApplication MapOrdersEndpoints(this WebApplication app)
    {
        app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id, status = "shipped" }));
        return app;
    }
}
