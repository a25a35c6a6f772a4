using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HardenedApi;

public static class CookiesSetup
{
    public const string Scheme = "OrdersCookie";

    public static void AddCookieServices(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(Scheme, o =>
        {
            o.LoginPath = "/login";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public static void UseCookiePolicy(WebApplication app)
    {
        // Every cookie the app writes is Secure and at least Lax. HttpOnly stays per cookie: the SPA must read XSRF-TOKEN.
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            MinimumSameSitePolicy = SameSiteMode.Lax,
            Secure = CookieSecurePolicy.Always,
        });
    }

    public static void MapCookieEndpoints(WebApplication app)
    {
        app.MapPost("/cart/{id}", (string id, HttpResponse response) =>
        {
            response.Cookies.Append("cart", id, new CookieOptions
            {
                Secure = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(7),
            });
            return Results.NoContent();
        });

        // The SPA reads this cookie and echoes it in X-XSRF-TOKEN: not HttpOnly by design, but Secure and Strict.
        app.MapGet("/antiforgery/token", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Cookies.Append("XSRF-TOKEN", tokens.RequestToken!, new CookieOptions
            {
                HttpOnly = false,
                Secure = true,
                SameSite = SameSiteMode.Strict,
            });
            return Results.NoContent();
        });
    }
}
