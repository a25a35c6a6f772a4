using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Identity.Web;

namespace InsecureApi;

/// <summary>Sessions, carts and keys that live in one process: every restart or second instance loses them.</summary>
public static class SessionsSetup
{
    public static void AddSessionServices(IServiceCollection services, IWebHostEnvironment environment)
    {
        // RDY5001: the "distributed" cache behind AddSession is this process's memory.
        services.AddDistributedMemoryCache();
        services.AddSession();

        // RDY5006: nothing in the app persists the key ring; RDY5003: and the keys only ever live in memory.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        // RDY5004: the carts database is EF Core's in-memory test provider.
        services.AddDbContext<CartsDb>(o => o.UseInMemoryDatabase("carts"));

        // RDY5007: a singleton that keeps every user's cart in a dictionary.
        services.AddSingleton<CartService>();

        // RDY5005: the signed-in users' downstream-API tokens are cached per process.
        new MicrosoftIdentityAppCallsWebApiAuthenticationBuilder(services).AddInMemoryTokenCaches();
    }

    public static void MapSessionEndpoints(WebApplication app)
    {
        app.MapPost("/login/{user}", (string user) =>
        {
            var id = Guid.NewGuid().ToString("N");
            LoginSessions.Sessions[id] = user;
            return Results.Ok(new { session = id });
        });
        app.MapPost("/cart/{user}/{sku}", (string user, string sku, CartService carts) => carts.Add(user, sku));
    }
}

public static class LoginSessions
{
    // RDY5002: a static dictionary of sessions, one per process.
    public static readonly ConcurrentDictionary<string, string> Sessions = new();
}

public class CartService
{
    // RDY5007: every user's cart, in the memory of whichever instance this singleton lives in.
    private readonly ConcurrentDictionary<string, List<string>> _carts = new();

    public IResult Add(string user, string sku)
    {
        _carts.GetOrAdd(user, _ => new List<string>()).Add(sku);
        return Results.Ok(_carts[user]);
    }
}

public class CartsDb(DbContextOptions<CartsDb> options) : DbContext(options)
{
}
