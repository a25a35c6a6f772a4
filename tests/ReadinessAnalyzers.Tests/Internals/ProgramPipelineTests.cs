using ReadinessAnalyzers.Hardening;
using ReadinessAnalyzers.Internals.Pipeline;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.MissingHealthChecksAnalyzer>;

namespace ReadinessAnalyzers.Tests.Internals;

/// <summary>The shared pipeline mechanism, probed through RDY9001 (the rule with the fewest conditions of its own).</summary>
public class ProgramPipelineTests
{
    private static Task VerifyAsync(string program, params (string Path, string Source)[] files)
    {
        var test = new Verification.AnalyzerTest<MissingHealthChecksAnalyzer> { TestCode = program };
        test.Sources.AddRange(files);
        return test.RunAsync();
    }

    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseOrdersPipeline();
        app.Run();
        """;

    [Fact]
    public void MaxCallDepthIsTwo() => Assert.Equal(2, ProgramPipeline.MaxCallDepth);

    [Fact]
    public Task CallsTwoWiringMethodsAwayCount() => VerifyAsync(Program, ("/0/Setup.cs", """
        public static class OrdersSetup
        {
            public static WebApplication UseOrdersPipeline(this WebApplication app)
            {
                HealthSetup.MapProbes(app);
                return app;
            }
        }

        public static class HealthSetup
        {
            public static void MapProbes(IEndpointRouteBuilder endpoints) => endpoints.MapHealthChecks("/health");
        }
        """));

    [Fact]
    public Task CallsThreeWiringMethodsAwayDoNotCount() => VerifyAsync(Program.Replace("app.Run()", "app.[|Run()|]"), ("/0/Setup.cs", """
        public static class OrdersSetup
        {
            public static WebApplication UseOrdersPipeline(this WebApplication app)
            {
                HealthSetup.MapProbes(app);
                return app;
            }
        }

        public static class HealthSetup
        {
            public static void MapProbes(IEndpointRouteBuilder endpoints) => Deeper.Map(endpoints);
        }

        public static class Deeper
        {
            public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapHealthChecks("/health");
        }
        """));

    [Fact]
    public Task WiringMethodCalledOnlyInDevelopmentDoesNotCount() => VerifyAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseOrdersPipeline();
        }
        app.[|Run()|];
        """, ("/0/Setup.cs", """
        public static class OrdersSetup
        {
            public static WebApplication UseOrdersPipeline(this WebApplication app)
            {
                app.MapHealthChecks("/health");
                return app;
            }
        }
        """));

    [Fact]
    public Task LocalFunctionsAndLambdasOfTheEntryPointCount() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        MapProbes();
        app.Run();

        void MapProbes() => app.MapGroup("/ops").MapHealthChecks("/health");
        """);

    [Fact]
    public Task MainMethodIsTheEntryPoint() => new Verification.AnalyzerTest<MissingHealthChecksAnalyzer>
    {
        OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
        TestCode = """
            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    await app.[|RunAsync()|];
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task StartupNamedWithTypeofIsFollowed() => new Verification.AnalyzerTest<MissingHealthChecksAnalyzer>
    {
        OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
        TestCode = """
            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup(typeof(Startup))).Build().Run();
            }

            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseHealthChecks("/health");
            }
            """,
    }.RunAsync();

    [Fact]
    public Task StartupClassNoEntryPointNamesIsNotThePipeline() => new Verification.AnalyzerTest<MissingHealthChecksAnalyzer>
    {
        OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
        TestCode = """
            public static class Program
            {
                public static void Main(string[] args) => WebApplication.Create(args).[|Run()|];
            }

            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseHealthChecks("/health");
            }
            """,
    }.RunAsync();

    [Fact]
    public Task GenericHostWithoutAWebHostIsNotAWebApp() => Verify.VerifyAnalyzerAsync("""
        Host.CreateDefaultBuilder(args).ConfigureServices(services => services.AddLogging()).Build().Run();
        """);

    private const string Defaults = """
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPlatformDefaults();
        var app = builder.Build();
        app.MapPlatformEndpoints();
        app.Run();
        """;

    private static Task VerifyWithReferencedProjectAsync(string program, string project)
    {
        var test = new Verification.AnalyzerTest<MissingHealthChecksAnalyzer> { TestCode = program };
        test.ReferencedProjects.Add(("Platform.Defaults", project));
        return test.RunAsync();
    }

    [Fact]
    public Task WiringInAReferencedProjectCompiledFromSourceCounts() => VerifyWithReferencedProjectAsync(Defaults, """
        public static class PlatformDefaults
        {
            public static IHostApplicationBuilder AddPlatformDefaults(this IHostApplicationBuilder builder)
            {
                AddChecks(builder);
                return builder;
            }

            private static void AddChecks(IHostApplicationBuilder builder) => builder.Services.AddHealthChecks();

            public static WebApplication MapPlatformEndpoints(this WebApplication app)
            {
                app.MapHealthChecks("/health");
                return app;
            }
        }
        """);

    [Fact]
    public Task WiringInAReferencedProjectThatOnlyRunsInDevelopmentIsReportedAndSaysSo()
    {
        var test = new Verification.AnalyzerTest<MissingHealthChecksAnalyzer> { TestCode = Defaults.Replace("app.Run()", "app.{|#0:Run()|}") };
        test.ReferencedProjects.Add(("Platform.Defaults", """
            public static class PlatformDefaults
            {
                public static IHostApplicationBuilder AddPlatformDefaults(this IHostApplicationBuilder builder)
                {
                    builder.Services.AddHealthChecks();
                    return builder;
                }

                public static WebApplication MapPlatformEndpoints(this WebApplication app)
                {
                    if (app.Environment.IsDevelopment())
                    {
                        app.MapHealthChecks("/health");
                    }

                    return app;
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Verification.CSharpAnalyzerVerifier<MissingHealthChecksAnalyzer>.Diagnostic(RuleIds.NoHealthChecks)
            .WithLocation(0).WithMessageContaining("only mapped in Development"));
        return test.RunAsync();
    }
}
