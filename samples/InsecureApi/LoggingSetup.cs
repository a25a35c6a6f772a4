using Microsoft.AspNetCore.HttpLogging;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Logging;

namespace InsecureApi;

public static class LoggingSetup
{
    public sealed record SignInRequest(string UserName, string Password);

    public sealed class AuditLogDb(DbContextOptions<AuditLogDb> options) : DbContext(options);

    public static void AddLoggingServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // RDY4001: Debug for everything, and Trace for EF Core's SQL, in every environment.
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Debug)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Trace));

        // RDY4002: EF Core logs the values of every SQL parameter; IdentityModel logs personal data from tokens.
        services.AddDbContext<AuditLogDb>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<IConfiguration>().GetConnectionString("Audit"))
            .EnableSensitiveDataLogging());
        IdentityModelEventSource.ShowPII = true;

        services.AddHttpLogging(options =>
        {
            // RDY4003: request bodies (sign-in forms, token requests) and the bearer token go to the log.
            options.LoggingFields = HttpLoggingFields.All;
            options.RequestHeaders.Add("Authorization");
        });

        // RDY4004: the payment provider's API key is printed at start-up.
        var paymentsApiKey = configuration["Payments:ApiKey"];
        Console.WriteLine($"Payments configured with key {paymentsApiKey}");
    }

    public static void UseRequestLogging(WebApplication app) => app.UseHttpLogging();

    public static void MapSignInAudit(WebApplication app)
    {
        app.MapPost("/audit/sign-in", (SignInRequest request, ILogger<SignInRequest> logger) =>
        {
            // RDY4004: the password itself is written to the log.
            logger.LogInformation("Sign-in attempt for {UserName} with {Password}", request.UserName, request.Password);
            return Results.Accepted();
        });
    }
}
