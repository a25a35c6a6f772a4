using ReadinessAnalyzers.Hardening;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.MissingForwardedHeadersAnalyzer>;

namespace ReadinessAnalyzers.Tests.Hardening;

public class MissingForwardedHeadersAnalyzerTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.[|Run()|];
        """;

    private const string Dockerfile = """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        WORKDIR /app
        COPY . .
        USER app
        ENTRYPOINT ["dotnet", "Orders.dll"]
        """;

    private static Task VerifyWithFileAsync(string source, string path, string file)
    {
        var test = new Verification.AnalyzerTest<MissingForwardedHeadersAnalyzer> { TestCode = source };
        test.AdditionalFiles.Add((path, file));
        return test.RunAsync();
    }

    [Fact]
    public Task AppShippedWithADockerfileWithoutForwardedHeadersIsReported()
    {
        var test = new Verification.AnalyzerTest<MissingForwardedHeadersAnalyzer> { TestCode = Program.Replace("[|Run()|]", "{|#0:Run()|}") };
        test.AdditionalFiles.Add(("/0/Dockerfile", Dockerfile));
        test.ExpectedDiagnostics.Add(new Verification.DiagnosticResult(RuleIds.NoForwardedHeaders) { LocationIndex = 0, MessageContains = "in a container" });
        return test.RunAsync();
    }

    [Fact]
    public Task ComposeFileIsEvidenceOfAContainer() => VerifyWithFileAsync(Program, "/0/docker-compose.yml", """
        services:
          orders:
            build: .
            ports:
              - "8080:8080"
        """);

    [Fact]
    public Task ReadingXForwardedForAloneIsNotEvidenceOfAProxy() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/ip", (HttpContext context) => context.Request.Headers["X-Forwarded-For"].ToString());
        app.Run();
        """);

    [Fact]
    public Task ConfiguredOptionsWithoutTheMiddlewareIsReportedAsBehindAProxy() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpOverrides;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        var app = builder.Build();
        app.{|#0:Run()|};
        """,
        Verify.Diagnostic(RuleIds.NoForwardedHeaders).WithLocation(0).WithMessageContaining("behind a proxy"));

    [Fact]
    public Task UseForwardedHeadersIsNotReported() => VerifyWithFileAsync("""
        using System.Net;
        using Microsoft.AspNetCore.HttpOverrides;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Add(IPAddress.Parse(builder.Configuration["Proxy:Address"]!));
        app.UseForwardedHeaders(options);
        app.Run();
        """, "/0/Dockerfile", Dockerfile);

    [Fact]
    public Task EnvironmentVariableInTheDockerfileIsNotReported() => VerifyWithFileAsync(Program.Replace("[|Run()|]", "Run()"), "/0/Dockerfile", """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        ENV ASPNETCORE_FORWARDEDHEADERS_ENABLED=true
        ENTRYPOINT ["dotnet", "Orders.dll"]
        """);

    [Fact]
    public Task EnvironmentVariableInComposeIsNotReported() => VerifyWithFileAsync(Program.Replace("[|Run()|]", "Run()"), "/0/compose.yaml", """
        services:
          orders:
            environment:
              - ASPNETCORE_FORWARDEDHEADERS_ENABLED=true
        """);

    [Fact]
    public Task EnvironmentVariableSetToFalseIsReported() => VerifyWithFileAsync(Program, "/0/Dockerfile", """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        ENV ASPNETCORE_FORWARDEDHEADERS_ENABLED=false
        """);

    [Fact]
    public Task EnvironmentVariableOnlyInLaunchSettingsIsReported()
    {
        var test = new Verification.AnalyzerTest<MissingForwardedHeadersAnalyzer> { TestCode = Program };
        test.AdditionalFiles.Add(("/0/Dockerfile", Dockerfile));
        test.AdditionalFiles.Add(("/0/Properties/launchSettings.json", """
            { "profiles": { "http": { "environmentVariables": { "ASPNETCORE_FORWARDEDHEADERS_ENABLED": "true" } } } }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ForwardedHeadersOnlyInDevelopmentIsReported() => VerifyWithFileAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseForwardedHeaders();
        }
        app.[|Run()|];
        """, "/0/Dockerfile", Dockerfile);

    [Fact]
    public Task AppWithoutEvidenceOfAProxyIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.Run();
        """);

    [Fact]
    public Task EmptyAndTruncatedDockerfilesDoNotCrash()
    {
        var test = new Verification.AnalyzerTest<MissingForwardedHeadersAnalyzer> { TestCode = Program };
        test.AdditionalFiles.Add(("/0/Dockerfile", ""));
        test.AdditionalFiles.Add(("/0/Dockerfile.prod", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_FORWARDEDHEADERS_ENABLED"));
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedForwardedHeadersCallSatisfiesByNameAndDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseForwardedHeaders(new ForwardedHeadersOptionz());
        app.Run();
        """);

    [Fact]
    public Task AComposeOverrideOrADevContainerIsNoEvidenceOfADeployedContainer()
    {
        var test = new Verification.AnalyzerTest<MissingForwardedHeadersAnalyzer> { TestCode = Program.Replace("app.[|Run()|]", "app.Run()") };
        test.AdditionalFiles.Add(("/0/docker-compose.override.yml", """
            services:
              orders:
                environment:
                  - ASPNETCORE_ENVIRONMENT=Development
            """));
        test.AdditionalFiles.Add(("/0/.devcontainer/Dockerfile", "FROM mcr.microsoft.com/devcontainers/dotnet:10.0\n"));
        return test.RunAsync();
    }
}
