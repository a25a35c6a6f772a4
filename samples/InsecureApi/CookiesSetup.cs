using Microsoft.AspNetCore.Authentication.Cookies;

namespace InsecureApi;

public static class CookiesSetup
{
    public const string Scheme = "OrdersCookie";

    public static void AddCookieServices(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(Scheme, o =>
        {
            o.LoginPath = "/login";
            // RDY3001: SameAsRequest never marks the cookie Secure behind a TLS-terminating proxy.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // RDY3002: any script on the page (and any XSS) can read the authentication cookie.
            o.Cookie.HttpOnly = false;
            // RDY3003: SameSite=None without SecurePolicy = Always: browsers drop it, or it rides plain HTTP.
            o.Cookie.SameSite = SameSiteMode.None;
        });
    }

    public static void MapCookieEndpoints(WebApplication app)
    {
        app.MapPost("/cart/{id}", (string id, HttpResponse response) =>
        {
            // RDY3004: no options, so neither Secure nor HttpOnly.
            response.Cookies.Append("cart", id);

            // RDY3005: a Set-Cookie header by hand, without Secure and HttpOnly.
            response.Headers.Append("Set-Cookie", $"last-order={id}; Path=/");
            return Results.NoContent();
        });
    }
}
