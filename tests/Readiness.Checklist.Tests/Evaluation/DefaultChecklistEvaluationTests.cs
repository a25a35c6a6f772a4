using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Loading;

namespace Readiness.Checklist.Tests.Evaluation;

/// <summary>The default checklist's declarative checks over small hardened and insecure repositories.</summary>
public class DefaultChecklistEvaluationTests : IDisposable
{
    private static readonly string[] AllRules =
    [
        "RDY1001", "RDY1002", "RDY1003", "RDY1004", "RDY1005", "RDY2001", "RDY2002", "RDY2003", "RDY2004",
        "RDY3001", "RDY3002", "RDY3003", "RDY3004", "RDY3005", "RDY4001", "RDY4002", "RDY4003", "RDY4004",
        "RDY5001", "RDY5002", "RDY5003", "RDY5004", "RDY5005", "RDY5006", "RDY8001", "RDY8002",
    ];

    private const string HardenedProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        builder.Services.AddRateLimiter(o => { });
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo("/keys"));
        builder.Services.AddSingleton<IDistributedCache, PostgresCache>();
        builder.Services.AddSession();
        builder.Services.AddHttpClient<CatalogClient>().AddStandardResilienceHandler();
        var app = builder.Build();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) { app.UseExceptionHandler("/error"); app.UseHsts(); }
        app.UseHttpsRedirection();
        app.Use(async (ctx, next) => { ctx.Response.Headers["X-Content-Type-Options"] = "nosniff"; await next(); });
        app.UseRateLimiter();
        app.MapHealthChecks("/health");
        app.Run();
        """;

    private const string HardenedDockerfile = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        COPY . .
        RUN dotnet publish -o /app
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        COPY --from=build /app .
        USER $APP_UID
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    private readonly TempRepository _repo = new();

    private AuditResult Audit(IReadOnlyList<Finding>? findings = null) =>
        AuditEvaluator.Evaluate([ChecklistLoader.LoadDefault()], _repo.Input(findings, AllRules));

    [Fact]
    public void AHardenedRepositoryWithoutAnalyzerFindingsScoresOneHundred()
    {
        _repo.With("src/Api/Program.cs", HardenedProgram)
             .With("src/Api/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "api.example.org" }""")
             .With("src/Api/appsettings.Development.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } }, "DetailedErrors": true }""")
             .With("src/Api/Dockerfile", HardenedDockerfile)
             .With(".dockerignore", "bin/\nobj/\n.env\n")
             .With(".env.example", "DB_PASSWORD=");

        var result = Audit();

        var notPassed = result.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Id}: {c.Status} {c.Message}").ToList();
        Assert.Equal(["tls-certificate-validation: NotApplicable rule CA5359 did not run in this audit"], notPassed);
        Assert.Equal((100, Verdict.Ready), (result.Score, result.Verdict));
    }

    [Fact]
    public void AnInsecureRepositoryFailsTheDeclarativeChecksOfEveryKind()
    {
        _repo.With("src/Api/Program.cs", "var app = WebApplication.Create(args);\nvar client = new HttpClient();\nbuilder.Services.AddHttpClient();\napp.Run();")
             .With("src/Api/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } }, "AllowedHosts": "*", "DetailedErrors": true }""")
             .With("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet\nENV ASPNETCORE_ENVIRONMENT=Development\nENV API_KEY=abcdef123456\n")
             .With(".env", "DB_PASSWORD=hunter2");

        var result = Audit([new Finding("RDY8001", "src/Api/Program.cs", 1, 1, 1, 10, "UseDeveloperExceptionPage outside Development")]);

        var failed = result.Checks.Where(c => c.Status == CheckStatus.Failed).Select(c => c.Id).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "no-committed-env-files", "dockerfile-no-secrets", "production-log-level-not-debug", "detailed-errors-off-in-configuration",
            "allowed-hosts-restricted", "https-redirection", "hsts", "exception-handler", "health-checks", "rate-limiting",
            "forwarded-headers", "security-headers", "data-protection-keys-persisted", "http-client-factory", "resilient-outgoing-http",
            "dockerfile-non-root-user", "dockerfile-no-development-environment", "dockerfile-pinned-base-image", "dockerignore-present",
            "no-developer-error-pages",
        }, failed);
        Assert.True(result.Score <= 49, $"score {result.Score}");
        Assert.Equal(Verdict.NotReady, result.Verdict);
        Assert.Equal(CheckStatus.NotApplicable, result.Checks.Single(c => c.Id == "distributed-cache-or-session-store").Status);
    }

    [Theory]
    [InlineData("services.AddHttpClient<Catalog>().AddStandardResilienceHandler();", CheckStatus.Passed)]
    [InlineData("services.AddHttpClient<Catalog>().AddHttpMessageHandler<TimeoutRetryHandler>();", CheckStatus.Passed)]
    [InlineData("services.AddHttpClient<Catalog>().AddHttpMessageHandler<AuditHandler>();", CheckStatus.Failed)]
    [InlineData("services.AddHttpClient<Catalog>();", CheckStatus.Failed)]
    [InlineData("services.AddControllers();", CheckStatus.NotApplicable)]
    public void ResilientOutgoingHttpAcceptsTheStandardHandlerOrAHandWrittenRetryHandler(string code, CheckStatus expected)
    {
        _repo.With("src/Api/Program.cs", code);

        Assert.Equal(expected, Audit().Checks.Single(c => c.Id == "resilient-outgoing-http").Status);
    }

    public void Dispose() => _repo.Dispose();
}
