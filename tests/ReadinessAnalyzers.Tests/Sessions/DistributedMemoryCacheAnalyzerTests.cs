using ReadinessAnalyzers.Sessions;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Sessions.DistributedMemoryCacheAnalyzer>;

namespace ReadinessAnalyzers.Tests.Sessions;

public class DistributedMemoryCacheAnalyzerTests
{
    [Fact]
    public Task DistributedMemoryCacheInTopLevelProgramIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDistributedMemoryCache()|];
        builder.Build().Run();
        """);

    [Fact]
    public Task DistributedMemoryCacheWithOptionsInStartupIsReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                [|services.AddDistributedMemoryCache(o => o.SizeLimit = 1024)|];
            }
        }
        """);

    [Fact]
    public Task DistributedMemoryCacheCalledAsStaticMethodIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class Setup
        {
            public static void Add(IServiceCollection services) => [|MemoryCacheServiceCollectionExtensions.AddDistributedMemoryCache(services)|];
        }
        """);

    [Fact]
    public Task MessageSaysSessionsAreLostWhenAddSessionIsInTheSameFile() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddDistributedMemoryCache()|};
        builder.Services.AddSession(o => o.IdleTimeout = TimeSpan.FromMinutes(20));
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.DistributedMemoryCache).WithLocation(0).WithMessageContaining("AddSession in this file stores sessions in it"));

    [Fact]
    public Task MessageDoesNotMentionSessionsWithoutAddSession() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddDistributedMemoryCache()|};
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.DistributedMemoryCache).WithLocation(0)
            .WithMessageContaining("'AddDistributedMemoryCache()' is not limited to Development")
            .WithMessageNotContaining("AddSession"));

    [Fact]
    public Task UserAddSessionMethodDoesNotChangeTheMessage() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddDistributedMemoryCache()|};
        builder.Services.AddSession("carts");
        builder.Build().Run();

        static class MyExtensions
        {
            public static IServiceCollection AddSession(this IServiceCollection services, string name) => services;
        }
        """,
        Verify.Diagnostic(RuleIds.DistributedMemoryCache).WithLocation(0).WithMessageNotContaining("AddSession"));

    [Fact]
    public Task ElseBranchOfIsDevelopmentIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddMemoryCache();
        }
        else
        {
            [|builder.Services.AddDistributedMemoryCache()|];
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task DistributedMemoryCacheInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddDistributedMemoryCache();
        }
        builder.Services.AddSession();
        builder.Build().Run();
        """);

    [Fact]
    public Task DistributedMemoryCacheInConfigureDevelopmentServicesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureDevelopmentServices(IServiceCollection services) => services.AddDistributedMemoryCache();
        }
        """);

    [Fact]
    public Task DistributedMemoryCacheInTestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<DistributedMemoryCacheAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDistributedMemoryCache();
                builder.Build().Run();
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task MemoryCacheForLocalDataIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMemoryCache();
        builder.Build().Run();
        """);

    [Fact]
    public Task UserMethodWithTheSameNameIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class CacheSetup
        {
            public static IServiceCollection AddDistributedMemoryCache(this IServiceCollection services, string redisConnection) => services;
            public static void Configure(IServiceCollection services) => services.AddDistributedMemoryCache("redis:6379");
        }
        """);

    [Fact]
    public Task HalfTypedCallIsReportedByItsExactNameWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDistributedMemoryCache(o => o.|]
        """);

    [Fact]
    public Task UnresolvedReceiverDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public class Startup
        {
            public void ConfigureServices(IMissingServices services)
            {
                services.AddSession();
                services.
            }
        }
        """);
}
