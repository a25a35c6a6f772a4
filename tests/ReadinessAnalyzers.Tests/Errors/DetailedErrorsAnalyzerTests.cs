using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Errors.DetailedErrorsAnalyzer>;

namespace ReadinessAnalyzers.Tests.Errors;

public class DetailedErrorsAnalyzerTests
{
    private const string Types = """
        public class OrdersDb(Microsoft.EntityFrameworkCore.DbContextOptions<OrdersDb> options) : Microsoft.EntityFrameworkCore.DbContext(options);
        public class OrdersHub : Microsoft.AspNetCore.SignalR.Hub;
        """;

    [Fact]
    public Task EfCoreEnableDetailedErrorsIsReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o => o.UseNpgsql("Host=db").[|EnableDetailedErrors()|]);
        builder.Services.AddDbContextPool<OrdersDb>(o => o.[|EnableDetailedErrors(true)|]);
        builder.Build().Run();
        {{Types}}
        """);

    [Fact]
    public Task EfCoreEnableDetailedErrorsOnTheGenericBuilderIsReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        public static class Db
        {
            public static DbContextOptions<OrdersDb> Options()
                => new DbContextOptionsBuilder<OrdersDb>().UseInMemoryDatabase("orders").[|EnableDetailedErrors()|].Options;
        }
        {{Types}}
        """);

    [Fact]
    public Task SignalREnableDetailedErrorsIsReported() => Verify.VerifyAnalyzerAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = true|]);
        builder.Services.AddSignalR().AddHubOptions<OrdersHub>(o => [|o.EnableDetailedErrors = true|]);
        builder.Services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(o => { [|o.EnableDetailedErrors = true|]; });
        builder.Build().Run();
        {{Types}}
        """);

    [Fact]
    public Task BlazorCircuitDetailedErrorsIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddServerSideBlazor().AddCircuitOptions(o => [|o.DetailedErrors = true|]);
        builder.Services.AddServerSideBlazor(o => { [|o.DetailedErrors = true|]; });
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => [|o.DetailedErrors = true|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task MessageNamesThePropertyAndTheConsequence() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(o => {|#0:o.EnableDetailedErrors = true|});
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.DetailedErrors).WithLocation(0).WithMessageContaining("'HubOptions.EnableDetailedErrors = true' is not limited to Development: exception messages"));

    [Fact]
    public Task GuardThatAlsoAdmitsAnotherEnvironmentIsNotADevelopmentGuard() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment() || builder.Environment.EnvironmentName == "Docker")
        {
            builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = true|]);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task FalseAndEnvironmentDependentValuesAreNotReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o => o.UseNpgsql("Host=db")
            .EnableDetailedErrors(false)
            .EnableDetailedErrors(builder.Environment.IsDevelopment()));
        builder.Services.AddSignalR(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddSignalR(o => o.EnableDetailedErrors = false);
        builder.Services.AddServerSideBlazor().AddCircuitOptions(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        builder.Build().Run();
        {{Types}}
        """);

    [Fact]
    public Task LookAlikePropertiesAndMethodsAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public class ApiOptions { public bool DetailedErrors { get; set; } public bool EnableDetailedErrors { get; set; } }

        public static class Setup
        {
            public static ApiOptions EnableDetailedErrors(this ApiOptions o) => o;
            public static void Configure(ApiOptions o)
            {
                o.DetailedErrors = true;
                o.EnableDetailedErrors = true;
                o.EnableDetailedErrors();
            }
        }
        """);

    [Fact]
    public Task DetailedErrorsInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSignalR(o => o.EnableDetailedErrors = true);
            builder.Services.AddServerSideBlazor().AddCircuitOptions(o => o.DetailedErrors = true);
        }
        builder.Services.AddDbContext<OrdersDb>(o =>
        {
            o.UseNpgsql("Host=db");
            if (!builder.Environment.IsProduction()) { }
            else { }
            if (builder.Environment.IsDevelopment()) o.EnableDetailedErrors();
        });
        builder.Build().Run();
        {{Types}}
        """);

    [Fact]
    public Task DetailedErrorsInConfigureDevelopmentServicesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureDevelopmentServices(IServiceCollection services)
                => services.AddSignalR(o => o.EnableDetailedErrors = true);
        }
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public static class Setup
        {
            public static void Configure(MissingBuilder o, IServiceCollection services)
            {
                o.[|EnableDetailedErrors()|];
                o.EnableDetailedErrors(false);
                services.AddSignalR(h => h.EnableDetailedErrors = );
                services.AddServerSideBlazor().AddCircuitOptions(c => c.DetailedErrors
            }
        }
        """);
}
