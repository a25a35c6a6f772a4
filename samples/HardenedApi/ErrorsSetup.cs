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
}
