using ReadinessAnalyzers.Errors;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Errors.MissingExceptionHandlerAnalyzer>;

namespace ReadinessAnalyzers.Tests.Errors;

public class MissingExceptionHandlerAnalyzerTests
{
    [Fact]
    public Task AppWithoutExceptionHandlerIsReportedAtRun() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.[|Run()|];
        """);

    [Fact]
    public Task ExceptionHandlerOnlyInDevelopmentIsReportedAndSaysSo() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        app.{|#0:Run()|};
        """,
        Verify.Diagnostic(RuleIds.NoExceptionHandler).WithLocation(0).WithMessageContaining("only called in Development"));

    [Fact]
    public Task DeveloperPageInDevelopmentAndHandlerOtherwiseIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler();
        }
        app.Run();
        """);

    [Fact]
    public Task ProblemDetailsWithStatusCodePagesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseStatusCodePages();
        app.Run();
        """);

    [Fact]
    public Task ProblemDetailsAloneIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.[|Run()|];
        """);

    [Fact]
    public Task InlineMiddlewareThatCatchesAroundNextIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new { title = "An error occurred." });
            }
        });
        app.Run();
        """);

    [Fact]
    public Task MiddlewareClassThatCatchesAroundNextIsNotReported()
    {
        var test = new Verification.AnalyzerTest<MissingExceptionHandlerAnalyzer>
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseMiddleware<ErrorMiddleware>();
                app.Run();
                """,
        };
        test.Sources.Add(("/0/ErrorMiddleware.cs", """
            public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Unhandled exception");
                        context.Response.StatusCode = 500;
                    }
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task MiddlewareThatLogsAndRethrowsIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<LoggingMiddleware>();
        app.[|Run()|];

        public sealed class LoggingMiddleware(RequestDelegate next, ILogger<LoggingMiddleware> logger)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                try
                {
                    await next(context);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Unhandled exception");
                    throw;
                }
            }
        }
        """);

    [Fact]
    public Task MiddlewareThatOnlyCatchesCancellationIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try { await next(context); }
            catch (OperationCanceledException) { context.Response.StatusCode = 499; }
        });
        app.[|Run()|];
        """);

    [Fact]
    public Task CatchingMiddlewareThatIsNeverRegisteredIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.[|Run()|];

        public sealed class ErrorMiddleware(RequestDelegate next)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                try { await next(context); }
                catch { context.Response.StatusCode = 500; }
            }
        }
        """);

    [Fact]
    public Task HandlerInAWiringMethodOfTheProjectCounts()
    {
        var test = new Verification.AnalyzerTest<MissingExceptionHandlerAnalyzer>
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
                    ErrorsSetup.UseErrorPages(app);
                    return app;
                }
            }

            public static class ErrorsSetup
            {
                public static void UseErrorPages(WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        app.UseExceptionHandler("/error");
                    }
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedHandlerCallDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseExceptionHandler(new object(), 1, 2);
        app.Use(async (context, next) => { try { await next(; } catch { } });
        app.Run();
        """);
}
