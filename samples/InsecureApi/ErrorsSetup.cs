namespace InsecureApi;

public static class ErrorsSetup
{
    public static void AddErrorServices(IServiceCollection services)
    {
        services.AddProblemDetails();
    }

    public static void UseErrorPages(WebApplication app)
    {
        // RDY8001: the developer exception page in every environment.
        app.UseDeveloperExceptionPage();
    }
}
