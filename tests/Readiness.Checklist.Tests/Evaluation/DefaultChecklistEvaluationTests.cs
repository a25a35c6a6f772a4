using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Loading;

namespace Readiness.Checklist.Tests.Evaluation;

/// <summary>The default checklist's declarative checks over small hardened and insecure repositories.</summary>
public class DefaultChecklistEvaluationTests : IDisposable
{
    // Every rule the default checklist names ran (and found nothing unless a test says otherwise).
    private static readonly string[] AllRules = ChecklistLoader.LoadDefault().Checks
        .Select(c => c.Check).OfType<Readiness.Checklist.Model.AnalyzerCheckSpec>()
        .SelectMany(a => a.Rules).Distinct().ToArray();

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
        Assert.Empty(notPassed);
        Assert.Equal((100, Verdict.Ready), (result.Score, result.Verdict));
    }

    [Fact]
    public void AnInsecureRepositoryFailsTheDeclarativeChecksOfEveryKindAndTheAnalyzerChecksWithFindings()
    {
        _repo.With("src/Api/Program.cs", "var app = WebApplication.Create(args);\nvar client = new HttpClient();\nbuilder.Services.AddHttpClient();\napp.Run();")
             .With("src/Api/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } }, "AllowedHosts": "*", "DetailedErrors": true }""")
             .With("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet\nENV ASPNETCORE_ENVIRONMENT=Development\nENV API_KEY=abcdef123456\n")
             .With(".env", "DB_PASSWORD=hunter2");

        var result = Audit(
        [
            new Finding("RDY8001", "src/Api/Program.cs", 1, 1, 1, 10, "UseDeveloperExceptionPage outside Development"),
            new Finding("RDY6004", "src/Api/Program.cs", 4, 1, 4, 10, "No UseHttpsRedirection outside Development"),
            new Finding("RDY9010", "src/Api/appsettings.json", 1, 60, 1, 63, "AllowedHosts is *"),
        ]);

        var failed = result.Checks.Where(c => c.Status == CheckStatus.Failed).Select(c => c.Id).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "no-committed-env-files", "dockerfile-no-secrets", "data-protection-keys-persisted", "http-client-factory",
            "resilient-outgoing-http", "dockerignore-present", "no-developer-error-pages", "https-redirection", "allowed-hosts-restricted",
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
