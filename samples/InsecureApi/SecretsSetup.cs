using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace InsecureApi;

public static class SecretsSetup
{
    // RDY1001: a payment provider's API key written in code: in every clone, build log and package.
    private const string PaymentsApiKey = "pk9Xv2LmQ7wZ4tRb8NcY";

    // RDY1004: a bearer token (a JWT) pasted into code; whoever reads the source can call the service as us.
    private const string WarehouseToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJpbnNlY3VyZS1hcGktc2FtcGxlIiwibmFtZSI6IlNhbXBsZSBTZXJ2aWNlIiwiaWF0IjoxNzAwMDAwMDAwfQ.bqHtd69RTn6RkalqW_fezFocz6nEAncZ4zE-u9kfUjM";

    public static void AddSecretServices(IServiceCollection services, IConfiguration configuration)
    {
        // RDY1002: the sink decides — this "placeholder" is the live signing key of every token the API issues.
        services.AddSingleton<SecurityKey>(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("dev-secret-key-change-in-production")));

        // RDY1003: the database password inside a connection string in code.
        services.AddDbContext<SecretsDb>(options => options.UseNpgsql("Host=db;Database=orders;Username=orders;Password=Orders2024!Pg"));

        // RDY1001: an SMTP password passed to NetworkCredential.
        services.AddSingleton(new NetworkCredential("orders@example.com", "Sm7pQ2vXr9Lz!"));

        services.AddHttpClient("payments", client => client.DefaultRequestHeaders.Add("X-Api-Key", PaymentsApiKey));
        services.AddHttpClient("warehouse", client => client.DefaultRequestHeaders.Add("Authorization", "Bearer " + WarehouseToken));

        // RDY1005 is in appsettings.json ("Jwt:Key").
    }
}

public sealed class SecretsDb(DbContextOptions<SecretsDb> options) : DbContext(options);
