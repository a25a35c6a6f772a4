using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace HardenedApi;

public static class SecretsSetup
{
    public static void AddSecretServices(IServiceCollection services, IConfiguration configuration)
    {
        // Every secret comes from configuration: user-secrets in Development, environment variables or a vault in production.
        var jwtKey = configuration["Jwt:Key"];
        if (!string.IsNullOrEmpty(jwtKey))
        {
            services.AddSingleton<SecurityKey>(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtKey)));
        }

        services.AddDbContext<SecretsDb>(options => options.UseNpgsql(configuration.GetConnectionString("Orders")));
        services.AddSingleton(new NetworkCredential(configuration["Smtp:UserName"], configuration["Smtp:Password"]));
        services.AddHttpClient("payments", client => client.DefaultRequestHeaders.Add("X-Api-Key", configuration["Payments:ApiKey"]));
    }
}

public sealed class SecretsDb(DbContextOptions<SecretsDb> options) : DbContext(options);
