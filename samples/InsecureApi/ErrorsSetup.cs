using Microsoft.EntityFrameworkCore;

namespace InsecureApi;

public static class ErrorsSetup
{
    public sealed class ReportsDb(DbContextOptions<ReportsDb> options) : DbContext(options);

    public static void AddErrorServices(IServiceCollection services, IWebHostEnvironment environment)
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

    public static void MapErrorEndpoints(WebApplication app)
    {
        app.MapPost("/reports/{id:int}/rebuild", async (int id, ReportsDb db) =>
        {
            try
            {
                await db.SaveChangesAsync();
                return Results.Accepted($"/reports/{id}");
            }
            catch (Exception ex)
            {
                // RDY8003: the exception's full text (SQL, table names, stack frames) sent to whoever called.
                return Results.Problem(detail: ex.ToString(), statusCode: 500);
            }
        });
    }
}
