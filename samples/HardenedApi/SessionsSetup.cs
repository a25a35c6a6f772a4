using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace HardenedApi;

/// <summary>Sessions, carts, tickets and keys in shared, durable stores: any instance can serve any user, restarts lose nothing.</summary>
public static class SessionsSetup
{
    public static void AddSessionServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // One database for carts and the session cache; in-memory only on a developer machine. The factory also registers
        // CartsDb as scoped, for CartService.
        services.AddDbContextFactory<CartsDb>(o =>
        {
            if (environment.IsDevelopment())
            {
                o.UseInMemoryDatabase("carts");
            }
            else
            {
                o.UseNpgsql(configuration.GetConnectionString("Carts"));
            }
        });

        if (environment.IsDevelopment())
        {
            services.AddDistributedMemoryCache();
        }
        else
        {
            services.AddSingleton<IDistributedCache, DatabaseDistributedCache>();
        }

        services.AddSession(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // A key ring every instance shares and a redeploy keeps: mount a shared volume at DataProtection:KeyPath.
        services.AddDataProtection()
            .SetApplicationName("orders")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeyPath"] ?? "/var/lib/orders/keys"));

        services.AddScoped<CartService>();
        services.AddScoped<ITicketStore, DistributedTicketStore>();
    }

    public static void MapSessionEndpoints(WebApplication app)
    {
        app.MapPost("/cart/{user}/{sku}", async (string user, string sku, CartService carts) => Results.Ok(await carts.AddAsync(user, sku)));
    }
}

/// <summary>Carts live in the database, so every instance sees the same cart.</summary>
public class CartService(CartsDb db)
{
    public async Task<List<string>> AddAsync(string user, string sku)
    {
        db.CartLines.Add(new CartLine { UserId = user, Sku = sku });
        await db.SaveChangesAsync();
        return await db.CartLines.Where(l => l.UserId == user).Select(l => l.Sku).ToListAsync();
    }
}

/// <summary>Cookie-authentication tickets kept in the shared IDistributedCache instead of this process.</summary>
public class DistributedTicketStore(IDistributedCache cache) : ITicketStore
{
    private static readonly DistributedCacheEntryOptions Expiry = new() { SlidingExpiration = TimeSpan.FromHours(8) };

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = "ticket:" + Guid.NewGuid().ToString("N");
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(key, TicketSerializer.Default.Serialize(ticket), Expiry);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await cache.GetAsync(key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => cache.RemoveAsync(key);
}

/// <summary>A small database-backed IDistributedCache: the session store every instance shares. A context per call.</summary>
public class DatabaseDistributedCache(IDbContextFactory<CartsDb> contexts) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        var entry = await db.CacheEntries.FindAsync([key], token);
        return entry is null || entry.ExpiresAt <= DateTimeOffset.UtcNow ? null : entry.Value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var sliding = options.SlidingExpiration ?? TimeSpan.FromMinutes(20);
        var expiresAt = options.AbsoluteExpiration ?? DateTimeOffset.UtcNow.Add(options.AbsoluteExpirationRelativeToNow ?? sliding);
        await using var db = await contexts.CreateDbContextAsync(token);
        var entry = await db.CacheEntries.FindAsync([key], token);
        if (entry is null)
        {
            db.CacheEntries.Add(new CacheEntry { Key = key, Value = value, ExpiresAt = expiresAt, Sliding = sliding });
        }
        else
        {
            entry.Value = value;
            entry.ExpiresAt = expiresAt;
            entry.Sliding = sliding;
        }

        await db.SaveChangesAsync(token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        if (await db.CacheEntries.FindAsync([key], token) is { } entry)
        {
            entry.ExpiresAt = DateTimeOffset.UtcNow.Add(entry.Sliding);
            await db.SaveChangesAsync(token);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        await db.CacheEntries.Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }
}

public class CartsDb(DbContextOptions<CartsDb> options) : DbContext(options)
{
    public DbSet<CartLine> CartLines => Set<CartLine>();

    public DbSet<CacheEntry> CacheEntries => Set<CacheEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<CacheEntry>().HasKey(e => e.Key);
}

public class CartLine
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Sku { get; set; } = "";
}

public class CacheEntry
{
    public string Key { get; set; } = "";

    public byte[] Value { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }

    public TimeSpan Sliding { get; set; }
}
