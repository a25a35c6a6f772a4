using ReadinessAnalyzers.Hardening;
using static ReadinessAnalyzers.Tests.Hardening.ContainerTestRun;

namespace ReadinessAnalyzers.Tests.Hardening;

public class RemoteFileAddedToImageAnalyzerTests
{
    [Fact]
    public Task RemoteUrlIsReportedOnTheUrl()
    {
        var test = File<RemoteFileAddedToImageAnalyzer>("/app/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            ADD {|#0:https://example.com/tools/otel-agent.tar.gz|} /opt/otel/
            """);
        test.ExpectedDiagnostics.Add(Verification.CSharpAnalyzerVerifier<RemoteFileAddedToImageAnalyzer>.Diagnostic(RuleIds.RemoteFileAddedToImage)
            .WithLocation(0).WithMessageContaining("'ADD https://example.com/tools/otel-agent.tar.gz' downloads into the image"));
        return test.RunAsync();
    }

    [Fact]
    public Task EveryFormOfRemoteAddIsReported() => File<RemoteFileAddedToImageAnalyzer>("/app/Dockerfile", """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        add --chown=app:app {|RDY9023:http://downloads.example.com/cert.pem|} /usr/local/share/ca-certificates/
        ADD ["{|RDY9023:https://example.com/a.json|}", "local.json", "/config/"]
        ADD \
            {|RDY9023:git@github.com:example/tools.git#v1.2|} /tools
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        """).RunAsync();

    [Fact]
    public Task LocalFilesChecksummedDownloadsAndCopyAreNotReported() => File<RemoteFileAddedToImageAnalyzer>("/app/Dockerfile", """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        ADD publish.tar.gz /app/
        ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
        COPY https-settings.json /app/
        RUN curl -fsSL https://example.com/x.sh -o /tmp/x.sh
        ADD https://example.com/only-one-argument
        """).RunAsync();

    [Fact]
    public Task DeveloperDockerfilesAreNotReported() => File<RemoteFileAddedToImageAnalyzer>("/app/dev.Dockerfile", "FROM x:1\nADD https://example.com/a /a\n").RunAsync();

    [Fact]
    public Task TestProjectsAreNotReported() => InTestProject<RemoteFileAddedToImageAnalyzer>("/app/Dockerfile", "FROM x:1\nADD https://example.com/a /a\n");

    [Fact]
    public Task TruncatedEmptyAndGarbageDockerfilesDoNotCrash() => Files<RemoteFileAddedToImageAnalyzer>(
        ("/a/Dockerfile", ""),
        ("/b/Dockerfile", "FROM x:1\nADD"),
        ("/c/Dockerfile", "FROM x:1\nADD --checksum"),
        ("/d/Dockerfile", "FROM x:1\nADD [\"https://"),
        ("/e/Dockerfile", "FROM x:1\nADD https://example.com/a \\"),
        ("/f/Dockerfile", "ADD https://example.com/a /a"));
}
