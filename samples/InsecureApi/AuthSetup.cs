using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace InsecureApi;

public static class AuthSetup
{
    public static void AddAuthServices(IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = "https://login.orders.example.com";
            options.TokenValidationParameters = new TokenValidationParameters
            {
                // RDY7001: a token from any identity provider, for any application, is accepted.
                ValidateIssuer = false,
                ValidateAudience = false,

                // RDY7001: expired tokens are accepted for ever.
                ValidateLifetime = false,

                // RDY7002: "fixes" clock-skew errors by accepting every lifetime.
                LifetimeValidator = (notBefore, expires, token, parameters) => true,

                // RDY7002: hands back whatever issuer the token claims.
                IssuerValidator = (issuer, token, parameters) => issuer,
            };
        });
    }

    public static void MapAuthEndpoints(WebApplication app)
    {
        // RDY7003: antiforgery switched off for every endpoint, to make one form post from the old admin page work.
        var everything = app.MapGroup("").DisableAntiforgery();
        everything.MapPost("/orders/{id:int}/cancel", (int id) => Results.Ok(new { id, status = "cancelled" }));
    }
}
