using ReadinessAnalyzers.Hardening;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.MissingHealthChecksAnalyzer>;

namespace ReadinessAnalyzers.Tests.Hardening;

public class MissingHealthChecksAnalyzerTests
{
    [Fact]
    public Task AppWithoutHealthEndpointIsReportedAtRun() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.[|Run()|];
        """);

    [Fact]
    public Task ChecksRegisteredButNeverMappedIsReportedAndSaysSo() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.{|#0:Run()|};
        """,
        Verify.Diagnostic(RuleIds.NoHealthChecks).WithLocation(0).WithMessageContaining("no endpoint serves them"));

    [Fact]
    public Task MapHealthChecksIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.Run();
        """);

    [Fact]
    public Task UseHealthChecksMiddlewareIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.UseHealthChecks("/healthz");
        await app.RunAsync();
        """);

    [Fact]
    public Task HealthEndpointOnlyInDevelopmentIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.MapHealthChecks("/health");
        }
        app.{|#0:Run()|};
        """,
        Verify.Diagnostic(RuleIds.NoHealthChecks).WithLocation(0).WithMessageContaining("only mapped in Development"));

    [Fact]
    public Task UserMapHealthChecksMethodDoesNotCount() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        Probes.MapHealthChecks("/health");
        app.[|Run()|];

        static class Probes
        {
            public static void MapHealthChecks(string path) { }
        }
        """);

    [Fact]
    public Task HalfTypedMapHealthChecksDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapHealthChecks(
        app.Run();
        """);

    [Fact]
    public Task AHandWrittenEndpointThatRunsTheHealthChecksIsAHealthEndpoint() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Diagnostics.HealthChecks;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapGet("/status/ready", async (HealthCheckService checks) =>
        {
            var report = await checks.CheckHealthAsync();
            return report.Status == HealthStatus.Healthy ? Results.Ok() : Results.StatusCode(503);
        });
        app.Run();
        """);

    [Fact]
    public Task TheGrpcHealthServiceWithoutPackageReferencesIsAHealthEndpoint()
    {
        var test = new Verification.AnalyzerTest<MissingHealthChecksAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                builder.Services.AddGrpcHealthChecks();
                var app = builder.Build();
                app.MapGrpcHealthChecksService();
                app.Run();
                """,
        };
        return test.RunAsync();
    }
}
