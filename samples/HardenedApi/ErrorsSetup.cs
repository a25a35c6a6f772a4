using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace HardenedApi;

public static class ErrorsSetup
{
    public sealed class ReportsDb(DbContextOptions<ReportsDb> options) : DbContext(options);

    public static void AddErrorServices(IServiceCollection services)
    {
        services.AddProblemDetails();

        // Detailed errors only on a developer's machine.
        services.AddDbContext<ReportsDb>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<IConfiguration>().GetConnectionString("Reports"))
            .EnableDetailedErrors(provider.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.AddSignalR();
        services.AddOptions<HubOptions>()
            .Configure<IHostEnvironment>((options, environment) => options.EnableDetailedErrors = environment.IsDevelopment());
        services.AddServerSideBlazor();
        services.AddOptions<CircuitOptions>()
            .Configure<IHostEnvironment>((options, environment) => options.DetailedErrors = environment.IsDevelopment());
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

    public static void MapErrorEndpoints(WebApplication app)
    {
        app.MapPost("/reports/{id:int}/rebuild", async (int id, ReportsDb db, ILogger<ReportsDb> logger) =>
        {
            try
            {
                await db.SaveChangesAsync();
                return Results.Accepted($"/reports/{id}");
            }
            catch (DbUpdateConcurrencyException)
            {
                return Results.Problem(detail: "The report changed while it was rebuilt; try again.", statusCode: 409);
            }
            catch (Exception ex)
            {
                // The details go to the log; the client gets a generic problem with the trace id.
                logger.LogError(ex, "Rebuilding report {ReportId} failed", id);
                return Results.Problem(detail: "The report could not be rebuilt.", statusCode: 500);
            }
        });
    }
}
