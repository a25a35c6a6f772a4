using ReadinessAnalyzers.Https;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Https.HttpsNotEnforcedAnalyzer>;

namespace ReadinessAnalyzers.Tests.Https;

public class HttpsNotEnforcedAnalyzerTests
{
    private static Task VerifyExecutableAsync(string source) =>
        new Verification.AnalyzerTest<HttpsNotEnforcedAnalyzer> { TestCode = source, OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication }.RunAsync();

    [Fact]
    public Task PageAppWithoutRedirectionOrHstsIsReportedAtRun() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.MapGet("/", () => "orders");
        app.{|RDY6004:{|RDY6005:Run()|}|};
        """);

    [Fact]
    public Task ProductionFormIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseHttpsRedirection();
        app.Run();
        """);

    [Fact]
    public Task HstsOnlyInsideIsDevelopmentIsStillReportedAndSaysSo() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseHttpsRedirection();
        app.{|#0:Run()|};
        """,
        Verify.Diagnostic(RuleIds.NoHsts).WithLocation(0).WithMessageContaining("only called in Development"));

    [Fact]
    public Task RedirectionMissingAloneIsReportedWithTheFixInTheMessage() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        await app.{|#0:RunAsync()|};
        """,
        Verify.Diagnostic(RuleIds.NoHttpsRedirection).WithLocation(0).WithMessageContaining("call app.UseHttpsRedirection()"));

    [Fact]
    public Task CallsInAnExtensionMethodOfTheProjectCount()
    {
        var test = new Verification.AnalyzerTest<HttpsNotEnforcedAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseOrdersPipeline();
                app.Run();
                """,
        };
        test.Sources.Add(("/0/OrdersSetup.cs", """
            public static class OrdersSetup
            {
                public static WebApplication UseOrdersPipeline(this WebApplication app)
                {
                    app.UseHsts();
                    app.UseHttpsRedirection();
                    return app;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CallsInAMethodTheEntryPointNeverCallsDoNotCount()
    {
        var test = new Verification.AnalyzerTest<HttpsNotEnforcedAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddRazorPages();
                var app = builder.Build();
                app.{|RDY6004:{|RDY6005:Run()|}|};
                """,
        };
        test.Sources.Add(("/0/Unused.cs", """
            public static class Unused
            {
                public static void UseTransport(this IApplicationBuilder app)
                {
                    app.UseHsts();
                    app.UseHttpsRedirection();
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task StartupConfigureIsWhereItIsReported() => VerifyExecutableAsync("""
        public class Program
        {
            public static void Main(string[] args) => CreateHostBuilder(args).Build().Run();

            public static IHostBuilder CreateHostBuilder(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>());
        }

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddControllersWithViews();

            public void {|RDY6004:{|RDY6005:Configure|}|}(IApplicationBuilder app, IWebHostEnvironment env)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }
        """);

    [Fact]
    public Task StartupConfigureInTheProductionFormIsNotReported() => VerifyExecutableAsync("""
        public class Program
        {
            public static void Main(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseHsts();
                }

                app.UseHttpsRedirection();
            }
        }
        """);

    [Fact]
    public Task StartupDevelopmentConventionMethodDoesNotCount() => VerifyExecutableAsync("""
        public class Program
        {
            public static void Main(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }

        public class Startup
        {
            public void ConfigureDevelopment(IApplicationBuilder app) => app.UseHsts();

            public void ConfigureServices(IServiceCollection services) => services.AddRazorPages();

            public void {|RDY6005:Configure|}(IApplicationBuilder app) => app.UseHttpsRedirection();
        }
        """);

    [Fact]
    public Task BuildIsTheReportLocationWhenTheAppIsNotRun() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        await using var app = builder.{|RDY6004:{|RDY6005:Build()|}|};
        await app.StartAsync();
        await app.WaitForShutdownAsync();
        """);

    [Fact]
    public Task UserMethodsNamedLikeTheMiddlewareDoNotCount() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        Transport.UseHsts(app.Services);
        Transport.UseHttpsRedirection("orders");
        app.{|RDY6004:{|RDY6005:Run()|}|};

        static class Transport
        {
            public static void UseHsts(IServiceProvider services) { }
            public static void UseHttpsRedirection(string name) { }
        }
        """);

    [Fact]
    public Task TerminalRunMiddlewareIsNotTheReportLocation() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync("orders"));
        app.{|RDY6004:{|RDY6005:Run()|}|};
        """);

    [Fact]
    public Task WorkerServiceIsNotAWebApp() => Verify.VerifyAnalyzerAsync("""
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddHostedService<Worker>();
        builder.Build().Run();

        class Worker : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task ClassLibraryIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class OrdersModule
        {
            public static WebApplication UseOrders(this WebApplication app)
            {
                app.MapGet("/orders", () => "orders");
                return app;
            }
        }
        """);

    [Fact]
    public Task TestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<HttpsNotEnforcedAnalyzer>
        {
            AssemblyName = "Orders.Tests",
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Build().Run();
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedCallsSatisfyByExactNameAndDoNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseHsts(42);
        app.UseHttpsRedirection(
        app.Run();
        """);

    [Fact]
    public Task TruncatedProgramIsNotReportedAndDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.
        """);

    [Fact]
    public Task JsonApiWithoutHstsIsReportedOnlyForRedirection() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.MapGet("/orders/{id}", (int id) => Results.Json(new { id }));
        app.{|RDY6004:Run()|};
        """);

    [Theory]
    [InlineData("app.UseStaticFiles();")]
    [InlineData("app.MapFallbackToFile(\"index.html\");")]
    [InlineData("builder.Services.AddAuthentication().AddCookie();")]
    [InlineData("builder.Services.AddSession();")]
    [InlineData("builder.Services.AddControllersWithViews();")]
    public Task AnApiThatServesFilesPagesOrCookiesNeedsHsts(string browserCall) => Verify.VerifyAnalyzerAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {{browserCall}}
        app.UseHttpsRedirection();
        app.{|RDY6005:Run()|};
        """);

    [Fact]
    public Task AnAppMethodNamedLikeABrowserFeatureDoesNotMakeAnApiBrowserFacing() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        Catalog.UseStaticFiles(app);
        app.UseHttpsRedirection();
        app.Run();

        static class Catalog
        {
            public static void UseStaticFiles(WebApplication app) { }
        }
        """);

    [Fact]
    public Task AnUnresolvedRazorPagesCallStillMakesTheAppBrowserFacing() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages(UnknownOptions.Default);
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.{|RDY6005:Run()|};
        """);

    [Fact]
    public Task AHandWrittenStrictTransportSecurityHeaderIsHsts() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task AStrictTransportSecurityHeaderThatSwitchesHstsOffIsNotHsts() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Strict-Transport-Security"] = "max-age=0";
            await next(context);
        });
        app.{|RDY6005:Run()|};
        """);
}
