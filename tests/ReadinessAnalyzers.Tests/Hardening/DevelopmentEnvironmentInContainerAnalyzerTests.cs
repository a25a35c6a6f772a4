using ReadinessAnalyzers.Hardening;
using static ReadinessAnalyzers.Tests.Hardening.ContainerTestRun;

namespace ReadinessAnalyzers.Tests.Hardening;

public class DevelopmentEnvironmentInContainerAnalyzerTests
{
    [Fact]
    public Task DevelopmentInTheFinalStageIsReportedOnTheValue()
    {
        var test = File<DevelopmentEnvironmentInContainerAnalyzer>("/app/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            ENV ASPNETCORE_URLS=http://+:8080 ASPNETCORE_ENVIRONMENT={|#0:Development|}
            """);
        test.ExpectedDiagnostics.Add(Verification.CSharpAnalyzerVerifier<DevelopmentEnvironmentInContainerAnalyzer>.Diagnostic(RuleIds.DevelopmentEnvironmentInContainer)
            .WithLocation(0).WithMessageContaining("'ENV ASPNETCORE_ENVIRONMENT=Development' in the final stage of Dockerfile"));
        return test.RunAsync();
    }

    [Fact]
    public Task EveryFormOfEnvIsRead() => Files<DevelopmentEnvironmentInContainerAnalyzer>(
        ("/a/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV DOTNET_ENVIRONMENT {|RDY9021:development|}\n"),
        ("/b/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nenv ASPNETCORE_URLS=http://+:8080 \\\n    # the environment\n    ASPNETCORE_ENVIRONMENT=\"{|RDY9021:Development|}\"\n"),
        ("/c/Dockerfile", "# escape=`\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV A=1 `\n    ASPNETCORE_ENVIRONMENT={|RDY9021:Development|}\n"));

    [Fact]
    public Task DevelopmentInheritedFromABaseStageIsReported() => File<DevelopmentEnvironmentInContainerAnalyzer>("/app/Dockerfile", """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
        ENV ASPNETCORE_ENVIRONMENT={|RDY9021:Development|}
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        FROM base AS final
        """).RunAsync();

    [Fact]
    public Task DevelopmentOnlyInTheBuildStageOrOverriddenLaterIsNotReported() => Files<DevelopmentEnvironmentInContainerAnalyzer>(
        ("/a/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            ENV ASPNETCORE_ENVIRONMENT=Development
            RUN dotnet test
            FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
            ENV ASPNETCORE_ENVIRONMENT=Production
            """),
        ("/b/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
            ENV ASPNETCORE_ENVIRONMENT=Development
            FROM base AS final
            ENV ASPNETCORE_ENVIRONMENT=Staging
            """));

    [Fact]
    public Task LookAlikesArgsRunAndDeveloperDockerfilesAreNotReported() => Files<DevelopmentEnvironmentInContainerAnalyzer>(
        ("/a/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            ARG ASPNETCORE_ENVIRONMENT=Development
            ENV ASPNETCORE_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT APP_ENVIRONMENT=Development
            RUN ASPNETCORE_ENVIRONMENT=Development dotnet ef database update
            LABEL environment=Development
            """),
        ("/b/Dockerfile.dev", "FROM mcr.microsoft.com/dotnet/sdk:10.0\nENV ASPNETCORE_ENVIRONMENT=Development\n"));

    [Fact]
    public Task TestProjectsAreNotReported() => InTestProject<DevelopmentEnvironmentInContainerAnalyzer>(
        "/app/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_ENVIRONMENT=Development\n");

    [Fact]
    public Task TruncatedEmptyAndGarbageDockerfilesDoNotCrash() => Files<DevelopmentEnvironmentInContainerAnalyzer>(
        ("/a/Dockerfile", ""),
        ("/b/Dockerfile", "ENV ASPNETCORE_ENVIRONMENT=Development"),
        ("/c/Dockerfile", "FROM x\nENV"),
        ("/d/Dockerfile", "FROM x\nENV ASPNETCORE_ENVIRONMENT=\"{|RDY9021:Development|}"),
        ("/e/Dockerfile", "FROM x\nENV ASPNETCORE_ENVIRONMENT=\\"),
        ("/f/Dockerfile", "FROM x AS x\nFROM x AS x\nENV =\n"));
}
