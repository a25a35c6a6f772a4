using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Errors.ExceptionDetailsInResponseAnalyzer>;

namespace ReadinessAnalyzers.Tests.Errors;

public class ExceptionDetailsInResponseAnalyzerTests
{
    [Fact]
    public Task CatchAllMessageInResultsProblemIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/orders", () =>
        {
            try
            {
                return Results.Ok();
            }
            catch (Exception ex)
            {
                return Results.Problem(detail: [|ex.Message|], statusCode: 500);
            }
        });
        app.Run();
        """);

    [Fact]
    public Task StackTraceToStringAndTheExceptionItselfAreReportedInEveryResultForm() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : ControllerBase
        {
            public IActionResult Get()
            {
                try
                {
                    return Ok();
                }
                catch (Exception ex)
                {
                    _ = StatusCode(500, [|ex.StackTrace|]);
                    _ = BadRequest(new { error = [|ex.Message|], trace = [|ex.StackTrace|] });
                    _ = Content($"Failed: {[|ex|]}");
                    _ = Problem(detail: "Failed: " + [|ex.ToString()|]);
                    _ = new ObjectResult([|ex.Message|]) { StatusCode = 500 };
                    _ = new ContentResult { Content = [|ex.ToString()|] };
                    return TypedResults.InternalServerError([|ex.InnerException?.Message|]) is null ? Ok() : Ok(string.Format("{0}", [|ex.Message|]));
                }
            }
        }
        """);

    [Fact]
    public Task ProblemDetailsDetailAndExtensionsAreReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public static class Errors
        {
            public static ProblemDetails ToProblem(Exception error)
            {
                var problem = new ProblemDetails { Title = "Server error", Detail = [|error.Message|] };
                problem.Extensions["stackTrace"] = [|error.StackTrace|];
                problem.Extensions.Add("exception", [|error.ToString()|]);
                return problem;
            }
        }
        """);

    [Fact]
    public Task ExceptionHandlerFeatureErrorWrittenToTheResponseIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Diagnostics;

        var app = WebApplication.CreateBuilder(args).Build();
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var feature = context.Features.Get<IExceptionHandlerPathFeature>();
            await context.Response.WriteAsync({|#0:feature?.Error.Message|} ?? "error");
        }));
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.ExceptionDetailsInResponse).WithLocation(0)
            .WithMessageContaining("sends the message of an unexpected exception to the client through 'Response.WriteAsync'"));

    [Fact]
    public Task IExceptionHandlerWritingTheExceptionAsJsonIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Diagnostics;

        public sealed class Handler : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
            {
                await context.Response.WriteAsJsonAsync(new { title = "Server error", detail = [|exception.ToString()|] }, cancellationToken);
                return true;
            }
        }
        """);

    [Fact]
    public Task DetailKeptInALocalIsFollowed() => Verify.VerifyAnalyzerAsync("""
        public static class Endpoints
        {
            public static IResult Run(Func<IResult> work)
            {
                try
                {
                    return work();
                }
                catch (Exception ex)
                {
                    var detail = [|ex.ToString()|];
                    return Results.Problem(detail);
                }
            }
        }
        """);

    [Fact]
    public Task DomainExceptionsCaughtByTheirOwnTypeAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrderRejectedException(string message) : Exception(message);

        public class OrdersController : ControllerBase
        {
            public IActionResult Post()
            {
                try
                {
                    return Ok();
                }
                catch (OrderRejectedException ex)
                {
                    return BadRequest(ex.Message);
                }
                catch (ArgumentException ex)
                {
                    return Problem(detail: ex.Message, statusCode: 400);
                }
                catch (InvalidOperationException ex)
                {
                    return Conflict(new { error = ex.Message });
                }
            }
        }
        """);

    [Fact]
    public Task LoggedExceptionsAndGenericMessagesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Endpoints
        {
            public static IResult Run(ILogger logger, HttpContext context, Func<IResult> work)
            {
                try
                {
                    return work();
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Order failed: {Message}", ex.Message);
                    var summary = Summarize(ex.Message);
                    if (ex.Message.Contains("timeout"))
                    {
                        return Results.Problem(detail: "The request timed out.", statusCode: 504);
                    }

                    return Results.Problem(detail: summary, extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier });
                }
            }

            private static string Summarize(string message) => "failed";
        }
        """);

    [Fact]
    public Task UserMethodsNamedLikeSinksAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Fake
        {
            public static string Problem(string detail) => detail;
            public static void WriteAsync(TextWriter writer, string text) => writer.Write(text);

            public static void Run(TextWriter writer)
            {
                try { }
                catch (Exception ex)
                {
                    Problem(ex.Message);
                    WriteAsync(writer, ex.ToString());
                    writer.Write(ex.StackTrace);
                }
            }
        }
        """);

    [Fact]
    public Task DetailsOnlyInDevelopmentAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Diagnostics;

        var app = WebApplication.CreateBuilder(args).Build();
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var detail = app.Environment.IsDevelopment() ? error?.ToString() : null;
            await Results.Problem(detail: app.Environment.IsDevelopment() ? error?.Message : "An error occurred.").ExecuteAsync(context);
            if (app.Environment.IsDevelopment())
            {
                await context.Response.WriteAsync(error?.StackTrace ?? "");
            }
        }));
        app.Run();
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public static class Endpoints
        {
            public static IResult Run(IMissing missing)
            {
                try { return Results.Ok(); }
                catch (Exception ex)
                {
                    Results.Problem(detail: );
                    missing.Write(ex.Message);
                    var x = ex.;
                    return Results.Problem([|ex.Message|]
                }
            }
        }
        """);

    [Fact]
    public Task MessagesOfTheAppsOwnTypedBranchesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ShelfNotFoundException(string message) : Exception(message);

        public sealed class ApiErrors : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken token)
            {
                var problem = new ProblemDetails();
                if (exception is ShelfNotFoundException)
                {
                    problem.Detail = exception.Message;
                }
                else if (exception is UnauthorizedAccessException denied && denied.Message.Length > 0)
                {
                    problem.Detail = exception.Message;
                }
                else
                {
                    problem.Detail = [|exception.Message|];
                }

                switch (exception)
                {
                    case KeyNotFoundException:
                        problem.Title = exception.Message;
                        break;
                    default:
                        problem.Title = [|exception.Message|];
                        break;
                }

                problem.Extensions["kind"] = exception switch
                {
                    ShelfNotFoundException => exception.Message,
                    _ => "error",
                };
                await context.Response.WriteAsJsonAsync(problem, token);
                return true;
            }
        }
        """);

    [Fact]
    public Task MessageOfACatchAllFilteredToADomainTypeIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public sealed class BasketRuleException(string message) : Exception(message);

        public static class Endpoints
        {
            public static IResult Checkout()
            {
                try { return Results.Ok(); }
                catch (Exception ex) when (ex is BasketRuleException)
                {
                    return Results.BadRequest(ex.Message);
                }
            }
        }
        """);

    [Fact]
    public Task MessageAssignedToALocalInTheCatchIsFollowedToTheResponse() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class ImportController : ControllerBase
        {
            public IActionResult Import()
            {
                var outcome = "done";
                try { }
                catch (Exception failure)
                {
                    outcome = [|failure.Message|];
                }

                return Ok(new { Outcome = outcome });
            }
        }
        """);

    [Fact]
    public Task StackTraceStoredInADictionaryThatIsWrittenIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Text.Json;

        public sealed class ErrorBodyMiddleware(RequestDelegate next)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                try { await next(context); }
                catch (Exception problem)
                {
                    var body = new Dictionary<string, string?>();
                    body["status"] = "failed";
                    body["trace"] = [|problem.StackTrace|];
                    await context.Response.WriteAsync(JsonSerializer.Serialize(body));
                }
            }
        }
        """);

    [Fact]
    public Task DetailsInAnUnrestoredJsonObjectAreReported() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class ErrorBodyMiddleware(RequestDelegate next)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                try { await next(context); }
                catch (Exception problem)
                {
                    var json = new JObject();
                    json["trace"] = [|problem.StackTrace|];
                    await context.Response.WriteAsync(json.ToString());
                }
            }
        }

        public class FeedController : ControllerBase
        {
            public IActionResult Fetch()
            {
                string note = "ok";
                try { }
                catch (Exception e) { note = [|e.Message|]; }
                return Ok(new JObject(new JProperty("Note", note)));
            }
        }
        """);

    [Fact]
    public Task ErrorModelWrittenByTheAppsOwnResponseMethodIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Diagnostics;

        public sealed class FailureModel
        {
            public string? Text { get; set; }
            public string? Trace { get; set; }
            public Task SendTo(HttpResponse response) => response.WriteAsJsonAsync(this);
        }

        public static class Failures
        {
            public static async Task Handle(HttpContext context)
            {
                var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var model = new FailureModel { Text = "Request failed", Trace = [|failure?.ToString()|] };
                await model.SendTo(context.Response);
            }
        }
        """);

    [Fact]
    public Task DetailsKeptInLocalsThatOnlyReachTheLogAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public sealed class Audit(ILogger<Audit> logger)
        {
            public IResult Run()
            {
                var reason = "";
                var entry = new Dictionary<string, string>();
                try { }
                catch (Exception ex)
                {
                    reason = ex.Message;
                    entry["trace"] = ex.StackTrace ?? "";
                }

                logger.LogWarning("Audit failed: {Reason} {Entry}", reason, entry);
                return Results.Problem("The audit failed.");
            }
        }
        """);
}
