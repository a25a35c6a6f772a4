using ReadinessAnalyzers.CodeFixes.DevelopmentOnly;
using ReadinessAnalyzers.Errors;
using ReadinessAnalyzers.Logging;
using ReadinessAnalyzers.Sessions;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Fixes;

public class DevelopmentOnlyCallFixerTests
{
    [Fact]
    public Task DeveloperExceptionPageStatementIsWrappedInIsDevelopment() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        // Show errors
        [|app.UseDeveloperExceptionPage()|];
        app.UseRouting();
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        // Show errors
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        app.UseRouting();
        app.Run();
        """);

    [Fact]
    public Task ChainedCallIsTakenOutAndTheRestStillRuns() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        [|app.UseDeveloperExceptionPage()|].UseRouting();
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        app.UseRouting();
        app.Run();
        """);

    [Fact]
    public Task SensitiveDataLoggingInALambdaGetsTheFlag() => CSharpCodeFixVerifier<SensitiveDataLoggingAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<ShopContext>(options => options.UseNpgsql("Host=db").[|EnableSensitiveDataLogging()|]);
        builder.Build().Run();

        public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options);
        """, """
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<ShopContext>(options => options.UseNpgsql("Host=db").EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
        builder.Build().Run();

        public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options);
        """);

    [Fact]
    public Task SetMinimumLevelInALambdaGetsABlockBody() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.ConfigureLogging((context, logging) => logging.SetMinimumLevel([|LogLevel.Debug|]));
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.ConfigureLogging((context, logging) =>
        {
            if (context.HostingEnvironment.IsDevelopment())
            {
                logging.SetMinimumLevel(LogLevel.Debug);
            }
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryDatabaseWithAProductionBranch() => CSharpCodeFixVerifier<InMemoryDatabaseAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString("Shop");
        builder.Services.AddDbContext<ShopContext>(options =>
        {
            if (string.IsNullOrEmpty(connectionString))
                [|options.UseInMemoryDatabase("shop")|];
            else
                options.UseNpgsql(connectionString);
        });
        builder.Build().Run();

        public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options);
        """, """
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString("Shop");
        builder.Services.AddDbContext<ShopContext>(options =>
        {
            if (string.IsNullOrEmpty(connectionString) && builder.Environment.IsDevelopment())
                options.UseInMemoryDatabase("shop");
            else
                options.UseNpgsql(connectionString);
        });
        builder.Build().Run();

        public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options);
        """);
}
