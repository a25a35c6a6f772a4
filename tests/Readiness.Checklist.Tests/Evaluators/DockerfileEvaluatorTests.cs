using Readiness.Checklist.Evaluation;

namespace Readiness.Checklist.Tests.Evaluators;

public class DockerfileEvaluatorTests : IDisposable
{
    private readonly TempRepository _repo = new();

    private const string Hardened = """
        # syntax=docker/dockerfile:1
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        ARG NUGET_TOKEN
        WORKDIR /src
        COPY . .
        RUN dotnet publish -c Release -o /app

        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
        WORKDIR /app
        COPY --from=build /app .
        ENV ASPNETCORE_ENVIRONMENT=Production \
            ASPNETCORE_HTTP_PORTS=8080
        USER $APP_UID
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    private const string Insecure = """
        FROM mcr.microsoft.com/dotnet/sdk AS build
        ARG DB_PASSWORD=hunter2hunter2
        RUN dotnet publish -o /app

        FROM build AS final
        ADD https://example.org/tool.tar.gz /opt/
        ENV ASPNETCORE_ENVIRONMENT Development
        ENV ConnectionStrings__Db="Host=db;Username=app;Password=s3cr3t-pa55"
        USER root
        """;

    private CheckResult Evaluate(string assertion, string dockerfile)
    {
        _repo.With("src/Api/Dockerfile", dockerfile);
        return _repo.EvaluateOne(Checklists.Check("docker", $"kind: dockerfile\nassert: {assertion}", category: "Hardening"));
    }

    [Theory]
    [InlineData("nonRootUser")]
    [InlineData("noSecretsInEnv")]
    [InlineData("noDevelopmentEnvironment")]
    [InlineData("pinnedBaseImage")]
    [InlineData("noRemoteAdd")]
    public void AHardenedDockerfilePassesEveryAssertion(string assertion)
    {
        Assert.Equal(CheckStatus.Passed, Evaluate(assertion, Hardened).Status);
    }

    [Theory]
    [InlineData("nonRootUser", 9)]
    [InlineData("noDevelopmentEnvironment", 7)]
    [InlineData("pinnedBaseImage", 1)]
    [InlineData("noRemoteAdd", 6)]
    public void AnInsecureDockerfileFailsEachAssertionAtTheInstruction(string assertion, int line)
    {
        var result = Evaluate(assertion, Insecure);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(line, Assert.Single(result.Findings).Line);
    }

    [Fact]
    public void SecretsInArgAndEnvAreFoundAndMasked()
    {
        var result = Evaluate("noSecretsInEnv", Insecure);

        Assert.Equal([2, 8], result.Findings.Select(f => f.Line));
        Assert.All(result.Findings, f => Assert.DoesNotContain("hunter2hunter2", f.Message + f.Snippet));
        Assert.All(result.Findings, f => Assert.DoesNotContain("s3cr3t-pa55", f.Message + f.Snippet));
    }

    [Fact]
    public void AFinalStageWithoutUserRunsAsRoot()
    {
        var result = Evaluate("nonRootUser", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY . .\n");

        Assert.Contains("no USER instruction", Assert.Single(result.Findings).Message);
        Assert.Equal(3, result.Findings[0].Line);
    }

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:latest", false)]
    [InlineData("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/aspnet", false)]
    [InlineData("FROM localhost:5000/aspnet", false)]
    [InlineData("FROM localhost:5000/aspnet:10.0", true)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet@sha256:0123abcd", true)]
    [InlineData("FROM scratch", true)]
    public void ThePinnedBaseImageAssertionReadsTagsDigestsAndRegistryPorts(string from, bool pinned)
    {
        var result = Evaluate("pinnedBaseImage", from + "\nUSER app\n");

        Assert.Equal(pinned ? CheckStatus.Passed : CheckStatus.Failed, result.Status);
    }

    [Fact]
    public void WithoutADockerfileTheDockerfileChecksAreNotApplicable()
    {
        _repo.With("src/Api/Program.cs", "");

        var result = _repo.EvaluateOne(Checklists.Check("docker", "kind: dockerfile\nassert: nonRootUser"));

        Assert.Equal(CheckStatus.NotApplicable, result.Status);
    }

    public void Dispose() => _repo.Dispose();
}
