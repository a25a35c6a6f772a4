using Microsoft.AspNetCore.HttpLogging;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Logging;

namespace HardenedApi;

public static class LoggingSetup
{
    public sealed record SignInRequest(string UserName, string Password);

    public sealed class AuditLogDb(DbContextOptions<AuditLogDb> options) : DbContext(options);

    public static void AddLoggingServices(IServiceCollection services, IWebHostEnvironment environment)
    {
        // Levels come from appsettings*.json; code only sets the floor for production.
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning));

        // Parameter values and personal data are logged only on a developer's machine.
        services.AddDbContext<AuditLogDb>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<IConfiguration>().GetConnectionString("Audit"))
            .EnableSensitiveDataLogging(environment.IsDevelopment()));
        if (environment.IsDevelopment())
        {
            IdentityModelEventSource.ShowPII = true;
        }

        services.AddHttpLogging(options =>
        {
            // No bodies; every header not on the allow-list stays [Redacted].
            options.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders
                | HttpLoggingFields.ResponsePropertiesAndHeaders
                | HttpLoggingFields.Duration;
            options.RequestHeaders.Add("X-Request-Id");
        });
    }

    public static void UseRequestLogging(WebApplication app) => app.UseHttpLogging();

    public static void MapSignInAudit(WebApplication app)
    {
        app.MapPost("/audit/sign-in", (SignInRequest request, ILogger<SignInRequest> logger) =>
        {
            // Who tried, never with what.
            logger.LogInformation("Sign-in attempt for {UserName} ({PasswordLength} characters)", request.UserName, request.Password.Length);
            return Results.Accepted();
        });
    }
}
