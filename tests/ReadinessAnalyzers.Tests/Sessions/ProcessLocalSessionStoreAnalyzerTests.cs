using ReadinessAnalyzers.Sessions;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Sessions.ProcessLocalSessionStoreAnalyzer>;

namespace ReadinessAnalyzers.Tests.Sessions;

public class ProcessLocalSessionStoreAnalyzerTests
{
    // RDY5002: static stores.

    [Fact]
    public Task StaticDictionaryOfSessionsIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;

        public static class SessionStore
        {
            private static readonly ConcurrentDictionary<string, string> {|RDY5002:_sessions|} = new();
            public static void Save(string id, string user) => _sessions[id] = user;
        }
        """);

    [Fact]
    public Task StaticStoreNamedByItsElementTypeIsReported() => Verify.VerifyAnalyzerAsync("""
        public record ShoppingCart(string UserId);
        public record RefreshToken(string Value, DateTime Expires);

        public class Stores
        {
            public static readonly Dictionary<Guid, ShoppingCart> {|RDY5002:Items|} = new();
            private static List<RefreshToken> {|RDY5002:_issued|} = new();
            internal static HashSet<string> {|RDY5002:RevokedTokens|} = new();
        }
        """);

    [Fact]
    public Task StaticAutoPropertyAndMemoryCacheAreReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using Microsoft.Extensions.Caching.Memory;

        public class OtpService
        {
            public static ConcurrentDictionary<string, int> {|RDY5002:OtpCodes|} { get; } = new();
            private static readonly MemoryCache {|RDY5002:VerificationCodeCache|} = new(new MemoryCacheOptions());
            private static readonly IDictionary<string, DateTime> {|RDY5002:_logins|} = new Dictionary<string, DateTime>();
        }
        """);

    [Fact]
    public Task MessageNamesTheFieldAndItsType() => Verify.VerifyAnalyzerAsync("""
        public class Baskets
        {
            private static readonly Dictionary<string, decimal> {|#0:UserBaskets|} = new();
        }
        """,
        Verify.Diagnostic(RuleIds.ProcessLocalSessionStore).WithLocation(0)
            .WithMessageContaining("Static 'Baskets.UserBaskets' (Dictionary<string, decimal>) holds per-user state"));

    [Fact]
    public Task InMemoryTicketStoreIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;

        public class MemoryTicketStore : ITicketStore
        {
            private readonly ConcurrentDictionary<string, AuthenticationTicket> {|#0:_store|} = new();

            public Task<string> StoreAsync(AuthenticationTicket ticket) { var key = Guid.NewGuid().ToString(); _store[key] = ticket; return Task.FromResult(key); }
            public Task RenewAsync(string key, AuthenticationTicket ticket) { _store[key] = ticket; return Task.CompletedTask; }
            public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult(_store.TryGetValue(key, out var t) ? t : null);
            public Task RemoveAsync(string key) { _store.TryRemove(key, out _); return Task.CompletedTask; }
        }
        """,
        Verify.Diagnostic(RuleIds.ProcessLocalSessionStore).WithLocation(0)
            .WithMessageContaining("ITicketStore 'MemoryTicketStore' keeps authentication tickets in '_store'"));

    [Fact]
    public Task TicketStoreOnIMemoryCacheIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.Caching.Memory;

        public class CacheTicketStore(IMemoryCache cache) : ITicketStore
        {
            private readonly IMemoryCache {|RDY5002:_cache|} = cache;

            public Task<string> StoreAsync(AuthenticationTicket ticket) { var key = Guid.NewGuid().ToString(); _cache.Set(key, ticket); return Task.FromResult(key); }
            public Task RenewAsync(string key, AuthenticationTicket ticket) { _cache.Set(key, ticket); return Task.CompletedTask; }
            public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult(_cache.Get<AuthenticationTicket>(key));
            public Task RemoveAsync(string key) { _cache.Remove(key); return Task.CompletedTask; }
        }
        """);

    [Fact]
    public Task TicketStoreBackedByADistributedCacheIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Memory;

        public class TwoLevelTicketStore(IDistributedCache shared, IMemoryCache local) : ITicketStore
        {
            private readonly IDistributedCache _shared = shared;
            private readonly IMemoryCache _local = local;

            public Task<string> StoreAsync(AuthenticationTicket ticket) => Task.FromResult("key");
            public Task RenewAsync(string key, AuthenticationTicket ticket) => Task.CompletedTask;
            public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult<AuthenticationTicket?>(null);
            public Task RemoveAsync(string key) => _shared.RemoveAsync(key);
        }
        """);

    [Fact]
    public Task ReadOnlyLookupTablesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Frozen;
        using System.Collections.Immutable;

        public static class Lookups
        {
            public static readonly IReadOnlyDictionary<string, string> Sessions = new Dictionary<string, string>();
            public static readonly ImmutableDictionary<string, int> CartLimits = ImmutableDictionary<string, int>.Empty;
            public static readonly FrozenDictionary<string, string> TicketPriorities = new Dictionary<string, string>().ToFrozenDictionary();
            public static readonly Dictionary<string, string> TokenTypes = new() { ["at"] = "access_token" };
            public static readonly Dictionary<string, TimeSpan> SessionTimeouts = new();
            public const string SessionCookie = ".orders.session";
            public static readonly string[] Tickets = { "a", "b" };
        }
        """);

    [Fact]
    public Task ReflectionCachesAndUnrelatedCollectionsAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Reflection;

        public static class Caches
        {
            private static readonly ConcurrentDictionary<Type, SessionSerializer> Serializers = new();
            private static readonly ConcurrentDictionary<MethodInfo, string> _sessionMethodNames = new();
            private static readonly ConcurrentDictionary<PropertyInfo, object> _ticketProperties = new();
            private static readonly List<CancellationTokenSource> _cancellationTokens = new();
            private static readonly Dictionary<string, string> _contentTypes = new();
            private static readonly List<string> _codes = new();
        }

        public class SessionSerializer { }
        """);

    [Fact]
    public Task ComputedPropertyIsNotAStore() => Verify.VerifyAnalyzerAsync("""
        public static class Carts
        {
            private static readonly Dictionary<string, int> {|RDY5002:_carts|} = new();
            public static Dictionary<string, int> AllCarts => _carts;
        }
        """);

    [Fact]
    public Task StaticStoreUnderIfDebugIsNotReported() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        public static class DevSessions
        {
        #if DEBUG
            public static readonly Dictionary<string, string> Sessions = new();
        #endif
        }
        """);

    [Fact]
    public Task StoreInTestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<ProcessLocalSessionStoreAnalyzer>
        {
            TestCode = """
                public class FakeSessionStore
                {
                    public static readonly Dictionary<string, string> Sessions = new();
                }
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    // RDY5007: instance stores of singletons (compilation end).

    [Fact]
    public Task SingletonWithACartDictionaryIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<CartService>();
        builder.Build().Run();

        public class CartService
        {
            private readonly Dictionary<string, List<string>> {|#0:_carts|} = new();
            public void Add(string user, string sku) => _carts[user] = new List<string> { sku };
        }
        """,
        Verify.Diagnostic(RuleIds.SingletonSessionStore).WithLocation(0)
            .WithMessageContaining("'CartService._carts' (Dictionary<string, List<string>>) holds per-user state in 'CartService', which is registered as a singleton"));

    [Fact]
    public Task SingletonRegisteredByInterfaceTypeofFactoryOrTryAddIsReported()
    {
        var test = new Verification.AnalyzerTest<ProcessLocalSessionStoreAnalyzer>
        {
            TestCode = """
                using System.Collections.Concurrent;
                using Microsoft.Extensions.DependencyInjection.Extensions;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<ISessionStore, SessionStore>();
                builder.Services.AddSingleton(typeof(IOtpStore), typeof(OtpStore));
                builder.Services.AddSingleton<ILoginTracker>(sp => new LoginTracker());
                builder.Services.TryAddSingleton<RefreshTokenStore>();
                builder.Build().Run();

                public interface ISessionStore { }
                public interface IOtpStore { }
                public interface ILoginTracker { }
                public class SessionStore : ISessionStore { private readonly ConcurrentDictionary<string, string> {|RDY5007:_sessions|} = new(); }
                public class OtpStore : IOtpStore { private readonly Dictionary<string, string> {|RDY5007:_otpCodes|} = new(); }
                public class LoginTracker : ILoginTracker { public List<DateTime> {|RDY5007:Logins|} { get; } = new(); }
                public class RefreshTokenStore { private readonly HashSet<string> {|RDY5007:_tokens|} = new(); }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task SameClassRegisteredAsScopedIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddScoped<CartService>();
        builder.Build().Run();

        public class CartService
        {
            private readonly Dictionary<string, int> _cartLines = new();
        }
        """);

    [Fact]
    public Task SingletonWithoutPerUserStateIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<PriceCatalog>();
        builder.Build().Run();

        public class PriceCatalog
        {
            private readonly ConcurrentDictionary<string, decimal> _prices = new();
            private readonly ConcurrentDictionary<Type, string> _sessionTypeNames = new();
        }
        """);

    [Fact]
    public Task SingletonRegisteredOnlyInDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<FakeSessionStore>();
        }
        builder.Build().Run();

        public class FakeSessionStore
        {
            private readonly Dictionary<string, string> _sessions = new();
        }
        """);

    [Fact]
    public Task UserAddSingletonMethodIsNotARegistration() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        Registry.AddSingleton<CartService>();
        builder.Build().Run();

        public static class Registry
        {
            public static void AddSingleton<T>() { }
        }

        public class CartService
        {
            private readonly Dictionary<string, int> _carts = new();
        }
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<MissingStore>();
        builder.Services.AddSingleton(typeof(
        public class Store
        {
            private static readonly MissingDictionary<string, Session> _sessions = new();
            private static readonly Dictionary<string, > {|RDY5002:_carts|} = new();
            public static Dictionary<string, string> Tickets { get => ; }
        }
        """);
}
