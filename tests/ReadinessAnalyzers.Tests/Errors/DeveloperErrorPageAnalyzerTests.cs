using ReadinessAnalyzers.Errors;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Errors.DeveloperErrorPageAnalyzer>;

namespace ReadinessAnalyzers.Tests.Errors;

public class DeveloperErrorPageAnalyzerTests
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

    [Fact]
    public Task DeveloperExceptionPageInTopLevelProgramIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        [|app.UseDeveloperExceptionPage()|];
        app.Run();
        """);

    [Fact]
    public Task DeveloperExceptionPageInStartupConfigureIsReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                [|app.UseDeveloperExceptionPage()|];
            }
        }
        """);

    [Fact]
    public Task MigrationsEndPointOutsideDevelopmentIsReported()
    {
        var test = new Verification.AnalyzerTest<DeveloperErrorPageAnalyzer>
        {
            TestCode = """
                var app = WebApplication.CreateBuilder(args).Build();
                [|app.UseMigrationsEndPoint()|];
                app.Run();
                """,
        };
        test.Sources.Add(("/0/Stubs.cs", MigrationsStub));
        return test.RunAsync();
    }

    [Fact]
    public Task GuardThatAlsoAdmitsAnotherEnvironmentIsNotADevelopmentGuard() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment() || app.Environment.EnvironmentName == "Docker")
        {
            [|app.UseDeveloperExceptionPage()|];
        }
        app.Run();
        """);

    [Fact]
    public Task ElseBranchOfIsDevelopmentIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseHttpsRedirection();
        }
        else
        {
            [|app.UseDeveloperExceptionPage()|];
        }
        app.Run();
        """);

    [Fact]
    public Task MessageNamesTheMethod() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        {|#0:app.UseDeveloperExceptionPage()|};
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.DeveloperErrorPage).WithLocation(0).WithMessageContaining("'UseDeveloperExceptionPage'"));

    [Fact]
    public Task DeveloperExceptionPageInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
        }
        app.Run();
        """);

    [Fact]
    public Task DeveloperExceptionPageAfterEarlyReturnIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class DevTools
        {
            public static void UseDevTools(WebApplication app)
            {
                if (!app.Environment.IsDevelopment())
                {
                    return;
                }

                app.UseDeveloperExceptionPage();
            }
        }
        """);

    [Fact]
    public Task DeveloperExceptionPageInConfigureDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureDevelopment(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
        }
        """);

    [Fact]
    public Task DeveloperExceptionPageUnderIfDebugIsNotReported() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        var app = WebApplication.CreateBuilder(args).Build();
        #if DEBUG
        app.UseDeveloperExceptionPage();
        #endif
        app.Run();
        """);

    [Fact]
    public Task ExceptionHandlerIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseExceptionHandler("/error");
        app.Run();
        """);

    [Fact]
    public Task UserMethodWithTheSameNameIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class MyExtensions
        {
            public static IApplicationBuilder UseDeveloperExceptionPage(this IApplicationBuilder app, bool verbose) => app;
            public static void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage(verbose: true);
        }
        """);

    [Fact]
    public Task TestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<DeveloperErrorPageAnalyzer>
        {
            TestCode = """
                var app = WebApplication.CreateBuilder(args).Build();
                app.UseDeveloperExceptionPage();
                app.Run();
                """,
            EditorConfig = "",
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedCallIsReportedByItsExactNameWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        [|app.UseDeveloperExceptionPage(|]
        """);

    [Fact]
    public Task UnresolvedReceiverDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public class Startup
        {
            public void Configure(IMissingBuilder app)
            {
                if (env.IsDevelopment()) { app.UseDeveloperExceptionPage(); }
                app.
            }
        }
        """);
}
