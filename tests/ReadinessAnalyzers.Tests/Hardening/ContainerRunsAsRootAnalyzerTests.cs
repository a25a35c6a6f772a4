using ReadinessAnalyzers.Hardening;
using Verification = ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Hardening;

public class ContainerRunsAsRootAnalyzerTests
{
    private static Verification.AnalyzerTest<ContainerRunsAsRootAnalyzer> Test(string path, string markup, string? editorConfig = null)
    {
        var test = new Verification.AnalyzerTest<ContainerRunsAsRootAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.Add((path, markup));
        if (editorConfig != null)
        {
            test.EditorConfig = editorConfig;
        }

        return test;
    }

    private static async Task All(params Verification.AnalyzerTest<ContainerRunsAsRootAnalyzer>[] tests)
    {
        foreach (var test in tests)
        {
            await test.RunAsync();
        }
    }

    private static Verification.DiagnosticResult Diagnostic() => Verification.CSharpAnalyzerVerifier<ContainerRunsAsRootAnalyzer>.Diagnostic(RuleIds.ContainerRunsAsRoot);

    [Fact]
    public Task FinalStageWithoutUserIsReportedOnItsImage()
    {
        var test = Test("/app/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            USER app
            RUN dotnet publish -c Release -o /out

            FROM {|#0:mcr.microsoft.com/dotnet/aspnet:10.0|} AS final
            COPY --from=build /out /app
            ENTRYPOINT ["dotnet", "/app/Orders.dll"]
            """);
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0)
            .WithMessageContaining("The final stage of Dockerfile runs as root (no USER instruction, and 'mcr.microsoft.com/dotnet/aspnet:10.0' runs as root)"));
        return test.RunAsync();
    }

    [Fact]
    public Task UserRootAndUserZeroAreReportedOnTheUser() => All(
        Test("/a/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            USER $APP_UID
            RUN apt-get update
            user {|RDY9020:root|}
            """),
        Test("/b/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
            USER {|RDY9020:0:0|}
            """));

    [Fact]
    public Task FinalStageBuiltOnAStageThatSetsAUserIsNotReported() => Test("/app/Dockerfile", """
        # syntax=docker/dockerfile:1
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
        USER $APP_UID
        WORKDIR /app
        EXPOSE 8080

        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        RUN dotnet publish -c Release -o /app/publish

        FROM BASE AS final
        WORKDIR /app
        COPY --from=build /app/publish .
        ENTRYPOINT ["dotnet", "Orders.dll"]
        """).RunAsync();

    [Fact]
    public Task FinalStageBuiltOnARootStageIsReportedWithTheChain() => Test("/app/Dockerfile", """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
        WORKDIR /app
        FROM base AS final
        COPY . .
        """.Replace("FROM base AS final", "FROM {|RDY9020:base|} AS final")).RunAsync();

    [Fact]
    public Task NonRootUsersAreNotReported() => All(
        Test("/a/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n"),
        Test("/b/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER root\nRUN apt-get install -y curl\nUSER 1654:1654\n"),
        Test("/c/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER \"${APP_UID}\"\n"));

    [Fact]
    public Task ChiseledDistrolessAndConfiguredNonRootImagesAreNotReported() => All(
        Test("/a/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nCOPY out /app\n"),
        Test("/b/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless\n"),
        Test("/c/Dockerfile", "FROM registry.example.com/base/dotnet-runtime:10.0\n", "RDY9020.nonroot_base_images = registry.example.com/base/*\n"));

    [Fact]
    public Task ImagesChosenByABuildArgumentAreNotJudged() => Test("/app/Dockerfile", """
        ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
        FROM ${RUNTIME_IMAGE}
        COPY out /app
        """).RunAsync();

    [Fact]
    public Task DeveloperDockerfilesAndOtherFilesAreNotJudged() => All(
        Test("/app/Dockerfile.dev", "FROM mcr.microsoft.com/dotnet/sdk:10.0\n"),
        Test("/app/local.dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0\n"),
        Test("/app/notes.txt", "FROM mcr.microsoft.com/dotnet/sdk:10.0\n"));

    [Fact]
    public Task OtherDockerfileNamesAreJudged() => Test("/app/Dockerfile.release", "FROM {|RDY9020:mcr.microsoft.com/dotnet/aspnet:10.0|}\n").RunAsync();

    [Fact]
    public Task UserInsideAHeredocOrAContinuedRunIsNotAnInstruction() => Test("/app/Dockerfile", """
        FROM {|RDY9020:mcr.microsoft.com/dotnet/aspnet:10.0|}
        RUN <<EOF
        USER app
        EOF
        RUN echo one \
        # a comment inside the continuation
            USER app
        """).RunAsync();

    [Fact]
    public Task TestProjectsAreNotReported()
    {
        var test = Test("/app/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n");
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task TruncatedEmptyAndGarbageDockerfilesDoNotCrash() => All(
        Test("/a/Dockerfile", ""),
        Test("/b/Dockerfile", "FROM"),
        Test("/c/Dockerfile", "FROM {|RDY9020:mcr.microsoft.com/dotnet/aspnet:10.0|} AS"),
        Test("/d/Dockerfile", "FROM {|RDY9020:mcr.microsoft.com/dotnet/aspnet:10.0|}\nUSER"),
        Test("/e/Dockerfile", "FROM \\\n\\\n{|RDY9020:USER|} \"ro"),
        Test("/f/Dockerfile", "# escape=`\n\n\u0000\"'`\n["),
        Test("/g/Dockerfile", "RUN <<EOF\nFROM x"));

    [Fact]
    public Task AnEntrypointThatDropsRootDoesNotRunTheAppAsRoot() => All(
        Test("/a/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            RUN apt-get update && apt-get install -y gosu
            COPY out/ /srv/
            ENTRYPOINT ["gosu", "svc", "dotnet", "/srv/Billing.dll"]
            """),
        Test("/b/Dockerfile", """
            FROM alpine:3.20
            CMD su-exec worker:worker /srv/billing
            """),
        Test("/c/Dockerfile", """
            FROM debian:12
            USER root
            ENTRYPOINT ["/usr/bin/setpriv", "--reuid=1001", "--regid=1001", "--init-groups", "dotnet", "/srv/Billing.dll"]
            """),
        Test("/d/Dockerfile", """
            FROM debian:12
            CMD ["chpst", "-u", "svc:svc", "/srv/billing"]
            """),
        Test("/e/Dockerfile", """
            FROM debian:12
            ENTRYPOINT exec s6-setuidgid svc /srv/billing
            """));

    [Fact]
    public Task AnEntrypointScriptThatDropsRootIsReadFromTheAdditionalFiles()
    {
        var test = Test("/svc/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            COPY boot-entrypoint.sh /usr/local/bin/
            ENTRYPOINT ["/usr/local/bin/boot-entrypoint.sh"]
            """);
        test.AdditionalFiles.Add(("/svc/boot-entrypoint.sh", """
            #!/bin/sh
            set -e
            chown -R svc /data
            exec gosu svc dotnet /srv/Billing.dll "$@"
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AnEntrypointScriptThatKeepsRootOrOnlyMentionsGosuIsStillReported()
    {
        var test = Test("/svc/Dockerfile", """
            FROM {|#0:mcr.microsoft.com/dotnet/aspnet:10.0|}
            COPY boot-entrypoint.sh /usr/local/bin/
            RUN gosu nobody true
            ENTRYPOINT ["/usr/local/bin/boot-entrypoint.sh"]
            """);
        test.AdditionalFiles.Add(("/svc/boot-entrypoint.sh", """
            #!/bin/sh
            # switch with gosu once volumes are owned by svc
            exec dotnet /srv/Billing.dll "$@"
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task ADevContainerImageIsNotADeploymentImage() => Test("/repo/.devcontainer/Dockerfile", """
        FROM mcr.microsoft.com/devcontainers/dotnet:10.0
        RUN apt-get update
        """).RunAsync();

    [Fact]
    public Task VendorImagesThatRunAsTheirOwnUserAreNotReported() => All(
        Test("/search/Dockerfile", """
            FROM docker.elastic.co/elasticsearch/elasticsearch:8.15.0
            RUN bin/elasticsearch-plugin install analysis-icu
            """),
        Test("/db/Dockerfile", """
            FROM mcr.microsoft.com/mssql/server:2022-latest
            COPY init.sql /init/
            """),
        Test("/legacy-db/Dockerfile", """
            FROM [|mcr.microsoft.com/mssql/server:2017-latest|]
            COPY init.sql /init/
            """));
}
