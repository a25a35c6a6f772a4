using ReadinessAnalyzers.Hardening;
using static ReadinessAnalyzers.Tests.Hardening.ContainerTestRun;

namespace ReadinessAnalyzers.Tests.Hardening;

public class DevelopmentEnvironmentInDotEnvAnalyzerTests
{
    [Fact]
    public Task DevelopmentInACommittedDotEnvIsReportedOnTheValue()
    {
        var test = File<DevelopmentEnvironmentInDotEnvAnalyzer>("/app/.env", """
            # compose settings
            COMPOSE_PROJECT_NAME=orders
            ASPNETCORE_ENVIRONMENT={|#0:Development|}
            """);
        test.ExpectedDiagnostics.Add(Verification.CSharpAnalyzerVerifier<DevelopmentEnvironmentInDotEnvAnalyzer>.Diagnostic(RuleIds.DevelopmentEnvironmentInDotEnv)
            .WithLocation(0).WithMessageContaining("'ASPNETCORE_ENVIRONMENT=Development' in .env: docker compose"));
        return test.RunAsync();
    }

    [Fact]
    public Task EveryFormAndProductionVariantsAreReported() => Files<DevelopmentEnvironmentInDotEnvAnalyzer>(
        ("/a/.env", "export DOTNET_ENVIRONMENT=\"{|RDY9021:development|}\"\n".Replace("RDY9021", "RDY9024")),
        ("/b/.env.production", "ASPNETCORE_ENVIRONMENT = '{|RDY9024:Development|}'  \n"),
        ("/c/.env", "ASPNETCORE_ENVIRONMENT=Production\nASPNETCORE_ENVIRONMENT={|RDY9024:Development|} # later wins\n"));

    [Fact]
    public Task ProductionLaterOverridesLookAlikesAndOtherFilesAreNotReported() => Files<DevelopmentEnvironmentInDotEnvAnalyzer>(
        ("/a/.env", "ASPNETCORE_ENVIRONMENT=Development\nASPNETCORE_ENVIRONMENT=Production\n"),
        ("/b/.env", "# ASPNETCORE_ENVIRONMENT=Development\nAPP_ENVIRONMENT=Development\nASPNETCORE_ENVIRONMENT=${DEPLOY_ENV}\n"),
        ("/c/.env.development", "ASPNETCORE_ENVIRONMENT=Development\n"),
        ("/d/.env.local", "ASPNETCORE_ENVIRONMENT=Development\n"),
        ("/e/.env.example", "ASPNETCORE_ENVIRONMENT=Development\n"),
        ("/f/Properties/launchSettings.json", """{ "profiles": { "Api": { "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development" } } } }"""),
        ("/g/notes.env.txt", "ASPNETCORE_ENVIRONMENT=Development\n"));

    [Fact]
    public Task TestProjectsAreNotReported() => InTestProject<DevelopmentEnvironmentInDotEnvAnalyzer>("/app/.env", "ASPNETCORE_ENVIRONMENT=Development\n");

    [Fact]
    public Task EmptyAndGarbageFilesDoNotCrash() => Files<DevelopmentEnvironmentInDotEnvAnalyzer>(
        ("/a/.env", ""),
        ("/b/.env", "=\n==\nexport\n\"\n"),
        ("/c/.env", "ASPNETCORE_ENVIRONMENT=\"{|RDY9024:Development|}"),
        ("/d/.env", "ASPNETCORE_ENVIRONMENT="));
}
