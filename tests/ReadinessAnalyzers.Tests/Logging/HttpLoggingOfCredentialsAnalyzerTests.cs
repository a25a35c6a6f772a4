using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Logging.HttpLoggingOfCredentialsAnalyzer>;

namespace ReadinessAnalyzers.Tests.Logging;

public class HttpLoggingOfCredentialsAnalyzerTests
{
    [Fact]
    public Task LoggingFieldsAllIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpLogging(o => [|o.LoggingFields = HttpLoggingFields.All|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task RequestBodyInTheLoggedFieldsIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpLogging(o =>
        {
            [|o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.RequestBody|];
            [|o.LoggingFields |= HttpLoggingFields.RequestBody|];
        });
        builder.Services.Configure<HttpLoggingOptions>(o => [|o.LoggingFields = HttpLoggingFields.Request|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task CredentialHeadersAddedToTheLoggedHeadersAreReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestHeaders | HttpLoggingFields.ResponseHeaders;
            o.RequestHeaders.Add([|"Authorization"|]);
            o.RequestHeaders.Add([|HeaderNames.Cookie|]);
            o.RequestHeaders.Add([|"X-Api-Key"|]);
            o.RequestHeaders.Add([|"x-auth-token"|]);
            o.ResponseHeaders.Add([|"Set-Cookie"|]);
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task CredentialHeaderInACollectionInitializerIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        public static class Logging
        {
            public static HttpLoggingOptions Options() => new HttpLoggingOptions { RequestHeaders = { "Accept", [|"Authorization"|] } };
        }
        """);

    [Fact]
    public Task W3CLoggingOfCookiesAndCredentialHeadersIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddW3CLogging(o =>
        {
            [|o.LoggingFields = W3CLoggingFields.All|];
            o.AdditionalRequestHeaders.Add([|"X-API-KEY"|]);
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task EndpointHttpLoggingOfRequestBodiesIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/login", () => Results.Ok()).[|WithHttpLogging(HttpLoggingFields.RequestBody)|];
        app.MapGet("/orders", () => Results.Ok()).WithHttpLogging(HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode);
        app.Run();
        """);

    [Fact]
    public Task MessageNamesTheHeaderAndTheSet() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpLogging(o => o.RequestHeaders.Add({|#0:"Authorization"|}));
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.HttpLoggingOfCredentials).WithLocation(0).WithMessageContaining("'Authorization' is added to HttpLoggingOptions.RequestHeaders outside Development"));

    [Fact]
    public Task GuardThatAlsoAdmitsAnotherEnvironmentIsNotADevelopmentGuard() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        if (!builder.Environment.IsProduction() || builder.Environment.IsStaging())
        {
        }
        if (builder.Environment.IsDevelopment() || builder.Environment.IsStaging())
        {
            builder.Services.AddHttpLogging(o => [|o.LoggingFields = HttpLoggingFields.All|]);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task FieldsWithoutBodiesAndHarmlessHeadersAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponsePropertiesAndHeaders | HttpLoggingFields.Duration;
            o.LoggingFields |= HttpLoggingFields.ResponseStatusCode;
            o.LoggingFields &= HttpLoggingFields.All;
            o.LoggingFields &= ~HttpLoggingFields.RequestBody;
            o.RequestHeaders.Add("X-Request-Id");
            o.RequestHeaders.Add("User-Agent");
            o.ResponseHeaders.Add("Content-Type");
            o.RequestBodyLogLimit = 4096;
        });
        builder.Services.AddW3CLogging(o => o.LoggingFields = W3CLoggingFields.Request & ~W3CLoggingFields.Cookie);
        builder.Build().Run();
        """);

    [Fact]
    public Task RemovingCredentialHeadersAndUnrelatedSetsAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        var allowed = new HashSet<string>();
        allowed.Add("Authorization");
        builder.Services.AddHttpLogging(o =>
        {
            o.RequestHeaders.Remove("Authorization");
            o.MediaTypeOptions.AddText("application/json");
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task HttpLoggingInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHttpLogging(o =>
            {
                o.LoggingFields = HttpLoggingFields.All;
                o.RequestHeaders.Add("Authorization");
            });
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task HttpLoggingInConfigureDevelopmentServicesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        public class Startup
        {
            public void ConfigureDevelopmentServices(IServiceCollection services)
                => services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.All);
        }
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = ;
            o.LoggingFields = HttpLoggingFields.Missing;
            o.RequestHeaders.Add();
            o.RequestHeaders.Add(missing);
            o.ResponseHeaders.Add("Set-Cookie", 
        });
        """);
}
