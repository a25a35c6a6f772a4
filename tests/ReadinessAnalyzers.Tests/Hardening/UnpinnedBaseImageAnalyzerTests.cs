using ReadinessAnalyzers.Hardening;
using static ReadinessAnalyzers.Tests.Hardening.ContainerTestRun;

namespace ReadinessAnalyzers.Tests.Hardening;

public class UnpinnedBaseImageAnalyzerTests
{
    [Fact]
    public Task LatestTagIsReportedOnTheTag()
    {
        var test = File<UnpinnedBaseImageAnalyzer>("/app/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            FROM mcr.microsoft.com/dotnet/aspnet:{|#0:latest|}
            """);
        test.ExpectedDiagnostics.Add(Verification.CSharpAnalyzerVerifier<UnpinnedBaseImageAnalyzer>.Diagnostic(RuleIds.UnpinnedBaseImage)
            .WithLocation(0).WithMessageContaining("'FROM mcr.microsoft.com/dotnet/aspnet:latest' uses the moving 'latest' tag"));
        return test.RunAsync();
    }

    [Fact]
    public Task ImagesWithoutATagAreReportedInEveryStage() => File<UnpinnedBaseImageAnalyzer>("/app/Dockerfile", """
        FROM --platform=$BUILDPLATFORM {|RDY9022:mcr.microsoft.com/dotnet/sdk|} AS build
        FROM {|RDY9022:localhost:5000/orders/runtime|} AS runtime
        from "node:{|RDY9022:LATEST|}" as assets
        FROM runtime
        """).RunAsync();

    [Fact]
    public Task VersionTagsDigestsStagesScratchAndBuildArgumentsAreNotReported() => File<UnpinnedBaseImageAnalyzer>("/app/Dockerfile", """
        ARG DOTNET_VERSION=10.0
        FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
        FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS base
        FROM mcr.microsoft.com/dotnet/runtime-deps@sha256:4f53cb1e0b1c3e8f7a3a0f4c6b7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d AS deps
        FROM localhost:5000/orders/base:1.4.2 AS internal
        FROM scratch AS empty
        FROM Base AS final
        """).RunAsync();

    [Fact]
    public Task DeveloperDockerfilesAreNotReported() => File<UnpinnedBaseImageAnalyzer>("/app/Dockerfile.local", "FROM mcr.microsoft.com/dotnet/sdk:latest\n").RunAsync();

    [Fact]
    public Task TestProjectsAreNotReported() => InTestProject<UnpinnedBaseImageAnalyzer>("/app/Dockerfile", "FROM ubuntu\n");

    [Fact]
    public Task TruncatedEmptyAndGarbageDockerfilesDoNotCrash() => Files<UnpinnedBaseImageAnalyzer>(
        ("/a/Dockerfile", ""),
        ("/b/Dockerfile", "FROM"),
        ("/c/Dockerfile", "FROM --platform=linux/amd64"),
        ("/d/Dockerfile", "FROM ubuntu:"),
        ("/e/Dockerfile", "FROM \"\n"),
        ("/f/Dockerfile", "FROM {|RDY9022:x|} \\"));
}
