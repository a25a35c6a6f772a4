using ReadinessAnalyzers.Internals.ConfigFiles;

namespace ReadinessAnalyzers.Tests.Internals;

public class DockerfileReaderTests
{
    [Fact]
    public void StagesKnowTheirNamesImagesAndTheStageTheyBuildOn()
    {
        var model = DockerfileReader.Read("""
            # syntax=docker/dockerfile:1
            ARG DOTNET_VERSION=10.0
            FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
            RUN dotnet publish -o /out
            FROM mcr.microsoft.com/dotnet/aspnet:10.0 as Base
            USER $APP_UID
            FROM base AS final
            COPY --from=build /out /app
            """);
        Assert.Equal(["build", "Base", "final"], model.Stages.Select(s => s.Name));
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}", model.Stages[0].Image);
        Assert.Null(model.Stages[0].Parent);
        Assert.Same(model.Stages[1], model.FinalStage!.Parent);
        Assert.Equal(["COPY"], model.FinalStage.Instructions.Select(i => i.Keyword));
        Assert.Equal(["ARG", "FROM", "RUN", "FROM", "USER", "FROM", "COPY"], model.Instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void ContinuationsSkipCommentAndBlankLinesAndHeredocsAreNotInstructions()
    {
        var model = DockerfileReader.Read("FROM x:1\nRUN a \\\n  # comment\n\n  b\nRUN <<EOF\nUSER root\nEOF\nUSER app\n");
        Assert.Equal(["FROM", "RUN", "RUN", "USER"], model.Instructions.Select(i => i.Keyword));
        Assert.Equal(["a", "b"], model.Instructions[1].Arguments.Select(model.TextOf));
        Assert.Equal("app", model.TextOf(model.Instructions[3].Arguments[0]));
    }

    [Fact]
    public void TheEscapeDirectiveChangesTheContinuationCharacter()
    {
        var model = DockerfileReader.Read("# escape=`\nFROM x:1\nENV A=C:\\app `\n    B=2\n");
        var entries = new List<ConfigEntry>();
        DockerfileReader.ReadAssignments(model, model.Instructions[1], entries);
        Assert.Equal([("A", "C:\\app"), ("B", "2")], entries.Select(e => (e.Name, e.Value)));
    }

    [Fact]
    public void ADirectiveAfterAnInstructionIsAComment()
    {
        var model = DockerfileReader.Read("FROM x:1\n# escape=`\nENV A=1 `\nUSER app\n");
        Assert.Equal(["FROM", "ENV", "USER"], model.Instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void TruncatedFilesYieldWhatTheyHold()
    {
        foreach (var text in new[] { "", "F", "FROM", "FROM x AS", "FROM x \\", "RUN <<EOF\n", "ENV A=\"b", "# escape=", "\\\n\\", "USER \"", "ADD [\"" })
        {
            var model = DockerfileReader.Read(text);
            foreach (var instruction in model.Instructions)
            {
                DockerfileReader.ReadAssignments(model, instruction, []);
            }
        }

        Assert.Equal("x", DockerfileReader.Read("FROM x AS").FinalStage!.Image);
        Assert.Null(DockerfileReader.Read("FROM x AS").FinalStage!.Name);
    }

    [Theory]
    [InlineData("/app/Dockerfile.dev", true)]
    [InlineData("/app/dev.Dockerfile", true)]
    [InlineData("/app/.env.local", true)]
    [InlineData("/app/.env.Development", true)]
    [InlineData("/app/Dockerfile", false)]
    [InlineData("/app/Dockerfile.devops", false)]
    [InlineData("/app/.env.production", false)]
    public void DeveloperVariantsAreRecognisedByANamePart(string path, bool expected) => Assert.Equal(expected, ConfigFile.IsDevelopmentVariant(path));
}
