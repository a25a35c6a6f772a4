namespace HardenedApi;

public static class ErrorsSetup
{
    public static void AddErrorServices(IServiceCollection services)
    {
        services.AddProblemDetails();
    }

    public static void UseErrorPages(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler();
        }
    }
}
