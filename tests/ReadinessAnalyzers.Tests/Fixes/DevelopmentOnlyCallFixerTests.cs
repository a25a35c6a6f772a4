using ReadinessAnalyzers.CodeFixes.DevelopmentOnly;
using ReadinessAnalyzers.Errors;
using ReadinessAnalyzers.Logging;
using ReadinessAnalyzers.Sessions;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Fixes;

public class DevelopmentOnlyCallFixerTests
{
    private const string MigrationsStub = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class MigrationsEndPointExtensions
            {
                public static IApplicationBuilder UseMigrationsEndPoint(this IApplicationBuilder app) => app;
            }
        }
        """;

    private const string ShopContext = """
        using Microsoft.EntityFrameworkCore;

        public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options);
        """;

    /// <summary>StackExchange.Redis caching is not on the NuGet source we reach: its registration method, by its real name.</summary>
    private const string RedisCacheStub = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public sealed class RedisCacheOptions
            {
                public string? Configuration { get; set; }
            }

            public static class StackExchangeRedisCacheServiceCollectionExtensions
            {
                public static IServiceCollection AddStackExchangeRedisCache(this IServiceCollection services, System.Action<RedisCacheOptions> setup) => services;
            }
        }
        """;

    /// <summary>The shape of Microsoft.Identity.Web (not on the NuGet source we reach).</summary>
    private const string IdentityWebStub = """
        namespace Microsoft.Identity.Web
        {
            using Microsoft.Extensions.DependencyInjection;

            public class MicrosoftIdentityAppCallsWebApiAuthenticationBuilder
            {
                public MicrosoftIdentityAppCallsWebApiAuthenticationBuilder AddInMemoryTokenCaches(System.Action<object>? configureOptions = null) => this;
                public MicrosoftIdentityAppCallsWebApiAuthenticationBuilder AddDistributedTokenCaches() => this;
            }

            public static class WebAppBuilder
            {
                public static MicrosoftIdentityAppCallsWebApiAuthenticationBuilder EnableTokenAcquisitionToCallDownstreamApi(this IServiceCollection services) => new();
            }
        }
        """;

    // ---- RDY8001: developer error pages ------------------------------------------------------------------------

    [Fact]
    public Task DeveloperExceptionPageStatementIsWrappedInIsDevelopmentOfTheApp() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        // Show errors
        [|app.UseDeveloperExceptionPage()|]; // with the stack trace
        app.UseRouting();
        app.Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        // Show errors
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage(); // with the stack trace
        }
        app.UseRouting();
        app.Run();
        """);

    [Fact]
    public Task ChainedCallIsTakenOutOfTheChainAndTheRestStillRuns() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        [|app.UseDeveloperExceptionPage()|]
            .UseRouting()
            .UseAuthorization();
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        app.UseRouting()
            .UseAuthorization();
        app.Run();
        """);

    [Fact]
    public Task StartupConfigureUsesTheEnvironmentParameter() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                [|app.UseDeveloperExceptionPage()|];
                app.UseRouting();
            }
        }
        """, """
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                app.UseRouting();
            }
        }
        """);

    [Fact]
    public Task AdjacentCallsShareOneIf()
    {
        var test = new CodeFixTest<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>
        {
            TestCode = """
                var app = WebApplication.CreateBuilder(args).Build();
                app.UseHttpsRedirection();
                [|app.UseDeveloperExceptionPage()|];
                // Lets a developer apply migrations
                [|app.UseMigrationsEndPoint()|];
                app.Run();
                """,
            FixedCode = """
                var app = WebApplication.CreateBuilder(args).Build();
                app.UseHttpsRedirection();
                if (app.Environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                    // Lets a developer apply migrations
                    app.UseMigrationsEndPoint();
                }
                app.Run();
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", MigrationsStub));
        test.FixedSources.Add(("/0/Stubs.cs", MigrationsStub));
        return test.RunAsync();
    }

    [Fact]
    public Task TwoFlaggedCallsInOneChainShareOneIf()
    {
        var test = new CodeFixTest<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>
        {
            TestCode = """
                var app = WebApplication.CreateBuilder(args).Build();
                [|[|app.UseDeveloperExceptionPage()|].UseMigrationsEndPoint()|].UseRouting();
                app.Run();
                """,
            FixedCode = """
                var app = WebApplication.CreateBuilder(args).Build();
                if (app.Environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                    app.UseMigrationsEndPoint();
                }
                app.UseRouting();
                app.Run();
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", MigrationsStub));
        test.FixedSources.Add(("/0/Stubs.cs", MigrationsStub));
        return test.RunAsync();
    }

    [Fact]
    public Task CallRightAfterADevelopmentBlockJoinsIt() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseHttpLogging();
        }

        [|app.UseDeveloperExceptionPage()|];
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseHttpLogging();
            app.UseDeveloperExceptionPage();
        }
        app.Run();
        """);

    [Fact]
    public Task CallInsideAnIfRegionDoesNotJoinTheBlockBeforeIt() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseHttpLogging();
        }
        #if !DEBUG
        [|app.UseDeveloperExceptionPage()|];
        #endif
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseHttpLogging();
        }
        #if !DEBUG
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        #endif
        app.Run();
        """);

    [Fact]
    public Task IfElseBranchBecomesDevelopmentOnlySoProductionTakesTheOtherBranch() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var showErrors = builder.Configuration.GetValue<bool>("ShowErrors");
        if (showErrors)
            [|app.UseDeveloperExceptionPage()|];
        else
            app.UseExceptionHandler("/error");
        app.Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var showErrors = builder.Configuration.GetValue<bool>("ShowErrors");
        if (showErrors && app.Environment.IsDevelopment())
            app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler("/error");
        app.Run();
        """);

    [Fact]
    public Task ElseBranchBecomesDevelopmentOnly() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        var useHandler = args.Length > 0 || app.Configuration["Errors"] == "handler";
        if (useHandler)
        {
            app.UseExceptionHandler("/error");
        }
        else
        {
            [|app.UseDeveloperExceptionPage()|];
        }
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        var useHandler = args.Length > 0 || app.Configuration["Errors"] == "handler";
        if (useHandler || !app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        else
        {
            app.UseDeveloperExceptionPage();
        }
        app.Run();
        """);

    [Fact]
    public Task CallUnderAGuardThatAlsoAdmitsAnotherEnvironmentIsWrappedInside() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment() || app.Environment.EnvironmentName == "Docker")
        {
            [|app.UseDeveloperExceptionPage()|];
        }
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment() || app.Environment.EnvironmentName == "Docker")
        {
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
        }
        app.Run();
        """);

    [Fact]
    public Task EmbeddedStatementGetsABlock() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (args.Length > 0)
            [|app.UseDeveloperExceptionPage()|];
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (args.Length > 0)
        {
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
        }
        app.Run();
        """);

    [Fact]
    public Task ExpressionBodiedVoidMethodGetsABlockBodyAndUsesTheEnvironmentField() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        public class Startup
        {
            private readonly IWebHostEnvironment _environment;

            public Startup(IWebHostEnvironment environment) => _environment = environment;

            public void Configure(IApplicationBuilder app) => [|app.UseDeveloperExceptionPage()|];

            public void ConfigureRouting(IApplicationBuilder app) => [|app.UseDeveloperExceptionPage()|].UseRouting();
        }
        """, """
        public class Startup
        {
            private readonly IWebHostEnvironment _environment;

            public Startup(IWebHostEnvironment environment) => _environment = environment;

            public void Configure(IApplicationBuilder app)
            {
                if (_environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
            }

            public void ConfigureRouting(IApplicationBuilder app)
            {
                if (_environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                app.UseRouting();
            }
        }
        """);

    [Fact]
    public Task NoEnvironmentInScopeOffersNoFix() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        public static class ErrorPages
        {
            public static void Use(IApplicationBuilder app)
            {
                [|app.UseDeveloperExceptionPage()|];
            }
        }
        """);

    [Fact]
    public Task FieldInitializerCannotReadAnotherFieldSoNoFix() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        public class Startup
        {
            private readonly IWebHostEnvironment _environment = null!;
            private readonly Action<IApplicationBuilder> _configure = app => [|app.UseDeveloperExceptionPage()|];
        }
        """);

    [Fact]
    public Task FieldInitializerReadsThePrimaryConstructorEnvironment() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        public class Startup(IWebHostEnvironment env)
        {
            private readonly Action<IApplicationBuilder> _configure = app => [|app.UseDeveloperExceptionPage()|];
        }
        """, """
        public class Startup(IWebHostEnvironment env)
        {
            private readonly Action<IApplicationBuilder> _configure = app =>
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
            };
        }
        """);

    [Fact]
    public Task CallWhoseValueIsUsedOffersNoFix() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        public class Startup(IWebHostEnvironment env)
        {
            public IApplicationBuilder Configure(IApplicationBuilder app)
            {
                var pipeline = [|app.UseDeveloperExceptionPage()|];
                return [|pipeline.UseDeveloperExceptionPage()|];
            }

            public IApplicationBuilder Other(IApplicationBuilder app) => [|app.UseDeveloperExceptionPage()|];
        }
        """);

    [Fact]
    public Task EnvironmentDeclaredAfterTheCallIsNotUsed() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        public static class Pipeline
        {
            public static void Configure(IApplicationBuilder app, IServiceProvider services)
            {
                [|app.UseDeveloperExceptionPage()|];
                var env = services.GetRequiredService<IWebHostEnvironment>();
            }
        }
        """);

    [Fact]
    public Task MissingSemicolonStaysTheOnlyError() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyBrokenCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        [|app.UseDeveloperExceptionPage()|]
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage()
        }
        app.Run();
        """);

    [Fact]
    public Task UnresolvedCallIsWrappedToo() => CSharpCodeFixVerifier<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>.VerifyBrokenCodeFixAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        [|app.UseDatabaseErrorPage()|];
        app.Run();
        """, """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDatabaseErrorPage();
        }
        app.Run();
        """);

    [Fact]
    public Task FixAllCoversProgramAndStartup() => new CodeFixTest<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            var app = WebApplication.CreateBuilder(args).Build();
            [|app.UseDeveloperExceptionPage()|];
            app.Run();
            """,
        FixedCode = """
            var app = WebApplication.CreateBuilder(args).Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            app.Run();
            """,
        Sources =
        {
            ("/0/Startup.cs", """
                public class Startup
                {
                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        [|app.UseDeveloperExceptionPage()|];
                        app.UseRouting();
                        [|app.UseDeveloperExceptionPage()|].UseEndpoints(_ => { });
                    }
                }
                """),
        },
        FixedSources =
        {
            ("/0/Startup.cs", """
                public class Startup
                {
                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        if (env.IsDevelopment())
                        {
                            app.UseDeveloperExceptionPage();
                        }
                        app.UseRouting();
                        if (env.IsDevelopment())
                        {
                            app.UseDeveloperExceptionPage();
                        }
                        app.UseEndpoints(_ => { });
                    }
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task UsingIsAddedWhereTheFileDoesNotImportIsDevelopment() => new CodeFixTest<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>
    {
        ImplicitUsings = "",
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            namespace Shop;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    [|app.UseDeveloperExceptionPage()|];
                }
            }
            """,
        FixedCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            namespace Shop;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task ExtensionClassIsNamedWhereTheUsingWouldMakeANameAmbiguous() => new CodeFixTest<DeveloperErrorPageAnalyzer, DevelopmentOnlyCallFixer>
    {
        ImplicitUsings = "",
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            #pragma warning disable CS0618 // the obsolete EnvironmentName exists in both hosting namespaces
            public class Startup
            {
                public string Name { get; } = EnvironmentName.Production;

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    [|app.UseDeveloperExceptionPage()|];
                }
            }
            """,
        FixedCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            #pragma warning disable CS0618 // the obsolete EnvironmentName exists in both hosting namespaces
            public class Startup
            {
                public string Name { get; } = EnvironmentName.Production;

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (global::Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(env))
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """,
    }.RunAsync();

    // ---- RDY4002: sensitive data logging -----------------------------------------------------------------------

    [Fact]
    public Task SensitiveDataLoggingInALambdaIsPassedIsDevelopment() => new CodeFixTest<SensitiveDataLoggingAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopContext>(options => options.UseNpgsql("Host=db").[|EnableSensitiveDataLogging()|].UseSnakeCaseNamingConvention());
            builder.Build().Run();

            public static class Naming
            {
                public static DbContextOptionsBuilder UseSnakeCaseNamingConvention(this DbContextOptionsBuilder options) => options;
            }
            """,
        FixedCode = """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopContext>(options => options.UseNpgsql("Host=db").EnableSensitiveDataLogging(builder.Environment.IsDevelopment()).UseSnakeCaseNamingConvention());
            builder.Build().Run();

            public static class Naming
            {
                public static DbContextOptionsBuilder UseSnakeCaseNamingConvention(this DbContextOptionsBuilder options) => options;
            }
            """,
        Sources = { ("/0/ShopContext.cs", ShopContext) },
        FixedSources = { ("/0/ShopContext.cs", ShopContext) },
    }.RunAsync();

    [Fact]
    public Task SensitiveDataLoggingTrueInStartupUsesThePrimaryConstructorEnvironment() => new CodeFixTest<SensitiveDataLoggingAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            using Microsoft.EntityFrameworkCore;

            public class Startup(IWebHostEnvironment environment)
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<ShopContext>(options =>
                    {
                        options.UseNpgsql("Host=db");
                        options.[|EnableSensitiveDataLogging(sensitiveDataLoggingEnabled: true)|];
                    });
                }
            }
            """,
        FixedCode = """
            using Microsoft.EntityFrameworkCore;

            public class Startup(IWebHostEnvironment environment)
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<ShopContext>(options =>
                    {
                        options.UseNpgsql("Host=db");
                        options.EnableSensitiveDataLogging(sensitiveDataLoggingEnabled: environment.IsDevelopment());
                    });
                }
            }
            """,
        Sources = { ("/0/ShopContext.cs", ShopContext) },
        FixedSources = { ("/0/ShopContext.cs", ShopContext) },
    }.RunAsync();

    [Fact]
    public Task ShowPiiIsAssignedIsDevelopment() => CSharpCodeFixVerifier<SensitiveDataLoggingAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        using Microsoft.IdentityModel.Logging;

        var app = WebApplication.CreateBuilder(args).Build();
        [|IdentityModelEventSource.ShowPII = true|];
        app.Run();
        """, """
        using Microsoft.IdentityModel.Logging;

        var app = WebApplication.CreateBuilder(args).Build();
        IdentityModelEventSource.ShowPII = app.Environment.IsDevelopment();
        app.Run();
        """);

    [Fact]
    public Task SensitiveDataLoggingWithoutAnEnvironmentOffersNoFix() => CSharpCodeFixVerifier<SensitiveDataLoggingAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        using Microsoft.EntityFrameworkCore;

        public class ShopContext : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                => optionsBuilder.UseNpgsql("Host=db").[|EnableSensitiveDataLogging()|];
        }
        """);

    [Fact]
    public Task StaticLambdaCannotReadTheBuilderSoNoFix() => new CodeFixTest<SensitiveDataLoggingAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopContext>(static options => options.UseNpgsql("Host=db").[|EnableSensitiveDataLogging()|]);
            builder.Build().Run();
            """,
        Sources = { ("/0/ShopContext.cs", ShopContext) },
    }.RunNoFixAsync();

    [Fact]
    public Task HalfTypedSensitiveDataLoggingGetsTheFlag() => CSharpCodeFixVerifier<SensitiveDataLoggingAnalyzer, DevelopmentOnlyCallFixer>.VerifyBrokenCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<ShopContext>(options => options.UseSqlServr("Server=db").[|EnableSensitiveDataLogging()|]);
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<ShopContext>(options => options.UseSqlServr("Server=db").EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
        builder.Build().Run();
        """);

    // ---- RDY8002: detailed errors ------------------------------------------------------------------------------

    [Fact]
    public Task SignalRDetailedErrorsIsAssignedIsDevelopment() => CSharpCodeFixVerifier<DetailedErrorsAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = true|]);
        builder.Services.AddServerSideBlazor().AddCircuitOptions(o => { [|o.DetailedErrors = true|]; });
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddServerSideBlazor().AddCircuitOptions(o => { o.DetailedErrors = builder.Environment.IsDevelopment(); });
        builder.Build().Run();
        """);

    [Fact]
    public Task EfDetailedErrorsInTheMiddleOfAChainGetsTheFlag() => new CodeFixTest<DetailedErrorsAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopContext>(options => options
                .[|EnableDetailedErrors()|]
                .UseNpgsql("Host=db"));
            builder.Build().Run();
            """,
        FixedCode = """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopContext>(options => options
                .EnableDetailedErrors(builder.Environment.IsDevelopment())
                .UseNpgsql("Host=db"));
            builder.Build().Run();
            """,
        Sources = { ("/0/ShopContext.cs", ShopContext) },
        FixedSources = { ("/0/ShopContext.cs", ShopContext) },
    }.RunAsync();

    // ---- RDY4001: Debug minimum level --------------------------------------------------------------------------

    [Fact]
    public Task SetMinimumLevelInAHostBuilderContextLambdaUsesItsEnvironment() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
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
    public Task SetMinimumLevelAndAddFilterShareOneIf() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel([|LogLevel.Debug|]);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", [|LogLevel.Trace|]);
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Trace);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task AOneCallPerLineChainInALambdaBecomesOneLinePerCallInsideTheIf() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        public static class LoggingSetup
        {
            public static void AddLoggingServices(IServiceCollection services, IWebHostEnvironment environment)
            {
                services.AddLogging(logging => logging
                    .SetMinimumLevel([|LogLevel.Debug|])
                    .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", [|LogLevel.Trace|]));
            }
        }
        """, """
        public static class LoggingSetup
        {
            public static void AddLoggingServices(IServiceCollection services, IWebHostEnvironment environment)
            {
                services.AddLogging(logging =>
                {
                    if (environment.IsDevelopment())
                    {
                        logging.SetMinimumLevel(LogLevel.Debug);
                        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Trace);
                    }
                });
            }
        }
        """);

    [Fact]
    public Task ReceiverWithEffectsIsKeptInALocal() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders().SetMinimumLevel([|LogLevel.Trace|]).AddConsole();
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var loggingBuilder = builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            loggingBuilder.SetMinimumLevel(LogLevel.Trace);
        }
        loggingBuilder.AddConsole();
        builder.Build().Run();
        """);

    [Fact]
    public Task ChainInALambdaGetsABlockBodyWithALocal() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel([|LogLevel.Debug|]).AddConsole());
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.ConfigureLogging(logging =>
        {
            var loggingBuilder = logging.ClearProviders();
            if (builder.Environment.IsDevelopment())
            {
                loggingBuilder.SetMinimumLevel(LogLevel.Debug);
            }
            loggingBuilder.AddConsole();
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task MinLevelAssignmentInALambdaIsWrapped() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<LoggerFilterOptions>(o => o.MinLevel = [|LogLevel.Debug|]);
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            if (builder.Environment.IsDevelopment())
            {
                o.MinLevel = LogLevel.Debug;
            }
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task LevelChosenByAConditionOrARuleObjectOffersNoFix() => CSharpCodeFixVerifier<DebugMinimumLogLevelAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var verbose = args.Length > 0;
        builder.Logging.SetMinimumLevel(verbose ? [|LogLevel.Debug|] : LogLevel.Information);
        builder.Services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, "Microsoft", [|LogLevel.Trace|], null)));
        builder.Build().Run();
        """);

    // ---- RDY5003: ephemeral Data Protection keys ---------------------------------------------------------------

    [Fact]
    public Task EphemeralKeysAreLimitedToDevelopmentAndTheRegistrationStays() => CSharpCodeFixVerifier<EphemeralDataProtectionAnalyzer, DevelopmentOnlyCallFixer>.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        var dataProtectionBuilder = "taken";
        [|builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider()|];
        var app = builder.Build();
        app.Run();
        """, """
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        var dataProtectionBuilder = "taken";
        var dataProtectionBuilder2 = builder.Services.AddDataProtection();
        if (builder.Environment.IsDevelopment())
        {
            dataProtectionBuilder2.UseEphemeralDataProtectionProvider();
        }
        var app = builder.Build();
        app.Run();
        """);

    [Fact]
    public Task EphemeralProviderInstanceOffersNoFix() => CSharpCodeFixVerifier<EphemeralDataProtectionAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        using Microsoft.AspNetCore.DataProtection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IDataProtectionProvider>([|new EphemeralDataProtectionProvider()|]);
        builder.Build().Run();
        """);

    // ---- RDY5004: EF Core in-memory database -------------------------------------------------------------------

    [Fact]
    public Task InMemoryDatabaseBranchWithAProductionProviderBecomesDevelopmentOnly() => new CodeFixTest<InMemoryDatabaseAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
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
            """,
        FixedCode = """
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
            """,
        Sources = { ("/0/ShopContext.cs", ShopContext) },
        FixedSources = { ("/0/ShopContext.cs", ShopContext) },
    }.RunAsync();

    [Fact]
    public Task InMemoryDatabaseInTheElseBranchBecomesDevelopmentOnly() => new CodeFixTest<InMemoryDatabaseAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            using Microsoft.EntityFrameworkCore;

            public static class Database
            {
                public static void Configure(DbContextOptionsBuilder options, string? connectionString, IHostEnvironment environment)
                {
                    if (connectionString is { Length: > 0 })
                    {
                        options.UseNpgsql(connectionString);
                    }
                    else
                    {
                        [|options.UseInMemoryDatabase("shop")|];
                    }
                }

                public static DbContextOptionsBuilder Choose(DbContextOptionsBuilder options, bool inMemory, IHostEnvironment environment)
                    => inMemory ? [|options.UseInMemoryDatabase("shop")|] : options.UseNpgsql("Host=db");
            }
            """,
        FixedCode = """
            using Microsoft.EntityFrameworkCore;

            public static class Database
            {
                public static void Configure(DbContextOptionsBuilder options, string? connectionString, IHostEnvironment environment)
                {
                    if (connectionString is { Length: > 0 } || !environment.IsDevelopment())
                    {
                        options.UseNpgsql(connectionString);
                    }
                    else
                    {
                        options.UseInMemoryDatabase("shop");
                    }
                }

                public static DbContextOptionsBuilder Choose(DbContextOptionsBuilder options, bool inMemory, IHostEnvironment environment)
                    => inMemory && environment.IsDevelopment() ? options.UseInMemoryDatabase("shop") : options.UseNpgsql("Host=db");
            }
            """,
    }.RunAsync();

    [Fact]
    public Task InMemoryDatabaseAsTheOnlyProviderOffersNoFix() => new CodeFixTest<InMemoryDatabaseAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopContext>(options => [|options.UseInMemoryDatabase("shop")|]);
            builder.Services.AddDbContext<ShopContext>(options =>
            {
                [|options.UseInMemoryDatabase("shop")|];
            });
            if (args.Length > 0)
            {
                builder.Services.AddDbContext<ShopContext>(options => options.UseNpgsql("Host=db"));
            }
            else if (args.Length == 0)
            {
                builder.Services.AddDbContext<ShopContext>(options => [|options.UseInMemoryDatabase("shop")|]);
            }
            builder.Build().Run();
            """,
        Sources = { ("/0/ShopContext.cs", ShopContext) },
    }.RunNoFixAsync();

    // ---- RDY5001: distributed memory cache ---------------------------------------------------------------------

    [Fact]
    public Task MemoryCacheBranchWithASharedCacheBecomesDevelopmentOnly() => new CodeFixTest<DistributedMemoryCacheAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            var redis = builder.Configuration.GetConnectionString("Redis");
            if (redis is null)
            {
                [|builder.Services.AddDistributedMemoryCache()|];
            }
            else
            {
                builder.Services.AddStackExchangeRedisCache(o => o.Configuration = redis);
            }
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            var redis = builder.Configuration.GetConnectionString("Redis");
            if (redis is null && builder.Environment.IsDevelopment())
            {
                builder.Services.AddDistributedMemoryCache();
            }
            else
            {
                builder.Services.AddStackExchangeRedisCache(o => o.Configuration = redis);
            }
            builder.Build().Run();
            """,
        Sources = { ("/0/Redis.cs", RedisCacheStub) },
        FixedSources = { ("/0/Redis.cs", RedisCacheStub) },
    }.RunAsync();

    [Fact]
    public Task MemoryCacheAsTheOnlyCacheOffersNoFix() => CSharpCodeFixVerifier<DistributedMemoryCacheAnalyzer, DevelopmentOnlyCallFixer>.VerifyNoCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddDistributedMemoryCache()|];
        builder.Services.AddSession();
        if (args.Length > 0)
            [|builder.Services.AddDistributedMemoryCache()|];
        builder.Build().Run();
        """);

    // ---- RDY5005: in-memory token cache ------------------------------------------------------------------------

    [Fact]
    public Task InMemoryTokenCacheBranchWithADistributedOneBecomesDevelopmentOnly() => new CodeFixTest<InMemoryTokenCacheAnalyzer, DevelopmentOnlyCallFixer>
    {
        TestCode = """
            using Microsoft.Identity.Web;

            var builder = WebApplication.CreateBuilder(args);
            var tokens = builder.Services.EnableTokenAcquisitionToCallDownstreamApi();
            if (builder.Configuration["TokenCache"] == "memory")
                [|tokens.AddInMemoryTokenCaches()|];
            else
                tokens.AddDistributedTokenCaches();
            [|builder.Services.EnableTokenAcquisitionToCallDownstreamApi().AddInMemoryTokenCaches()|];
            builder.Build().Run();
            """,
        FixedCode = """
            using Microsoft.Identity.Web;

            var builder = WebApplication.CreateBuilder(args);
            var tokens = builder.Services.EnableTokenAcquisitionToCallDownstreamApi();
            if (builder.Configuration["TokenCache"] == "memory" && builder.Environment.IsDevelopment())
                tokens.AddInMemoryTokenCaches();
            else
                tokens.AddDistributedTokenCaches();
            [|builder.Services.EnableTokenAcquisitionToCallDownstreamApi().AddInMemoryTokenCaches()|];
            builder.Build().Run();
            """,
        Sources = { ("/0/IdentityWeb.cs", IdentityWebStub) },
        FixedSources = { ("/0/IdentityWeb.cs", IdentityWebStub) },
    }.RunAsync();
}
