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
}
