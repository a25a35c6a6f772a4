using Microsoft.EntityFrameworkCore;

namespace InsecureApi;

public static class ErrorsSetup
{
    public sealed class ReportsDb(DbContextOptions<ReportsDb> options) : DbContext(options);

    public static void AddErrorServices(IServiceCollection services)
    {
        services.AddProblemDetails();

        // RDY8002: detailed errors in every environment: EF Core query internals, hub and circuit exceptions sent to clients.
        services.AddDbContext<ReportsDb>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<IConfiguration>().GetConnectionString("Reports"))
            .EnableDetailedErrors());
        services.AddSignalR(options => options.EnableDetailedErrors = true);
        services.AddServerSideBlazor().AddCircuitOptions(options => options.DetailedErrors = true);
    }

    public static void UseErrorPages(WebApplication app)
    {
        // RDY8001: the developer exception page in every environment.
        app.UseDeveloperExceptionPage();
    }
}
