using ReadinessAnalyzers.Internals.ConfigFiles;

namespace ReadinessAnalyzers.Tests.Internals;

public class ConfigFileTests
{
    private static List<(string Name, string Value, string Span)> Read(ConfigFileKind kind, string text)
    {
        var entries = new List<ConfigEntry>();
        ConfigFile.ReadEntries(kind, text, entries);
        return entries.Select(e => (e.Name, e.Value, text.Substring(e.ValueSpan.Start, e.ValueSpan.Length))).ToList();
    }

    [Theory]
    [InlineData("/src/Api/appsettings.json", "AppSettings")]
    [InlineData("C:\\src\\Api\\appsettings.Production.json", "AppSettings")]
    [InlineData("/home/u/.microsoft/usersecrets/abc/secrets.json", "UserSecrets")]
    [InlineData("/src/Api/Properties/launchSettings.json", "LaunchSettings")]
    [InlineData("/src/.env", "DotEnv")]
    [InlineData("/src/.env.production", "DotEnv")]
    [InlineData("/src/Dockerfile", "Dockerfile")]
    [InlineData("/src/Dockerfile.release", "Dockerfile")]
    [InlineData("/src/api.dockerfile", "Dockerfile")]
    [InlineData("/src/docker-compose.override.yml", "Compose")]
    [InlineData("/src/compose.yaml", "Compose")]
    [InlineData("/src/web.config", "XmlConfig")]
    [InlineData("/src/Web.Release.config", "XmlConfig")]
    [InlineData("/src/app.config", "XmlConfig")]
    [InlineData("/src/NuGet.Config", "NuGetConfig")]
    [InlineData("/src/Properties/PublishProfiles/Prod.pubxml", "PublishProfile")]
    [InlineData("/src/package.json", "None")]
    [InlineData("/src/Program.cs", "None")]
    [InlineData("", "None")]
    public void FilesAreRecognisedByName(string path, string kind) => Assert.Equal(Enum.Parse<ConfigFileKind>(kind), ConfigFile.Classify(path));

    [Fact]
    public void DotEnvReadsPlainQuotedAndExportedValues()
    {
        var entries = Read(ConfigFileKind.DotEnv, "# comment\nDB_PASSWORD=hunter22 # inline\nexport API_KEY=\"a b c\"\r\nEMPTY=\nSINGLE='x'\nnot a line\n");
        Assert.Equal(
            [("DB_PASSWORD", "hunter22", "hunter22"), ("API_KEY", "a b c", "a b c"), ("SINGLE", "x", "x")],
            entries);
    }

    [Fact]
    public void DockerfileReadsEnvAndArgInEveryForm()
    {
        var entries = Read(ConfigFileKind.Dockerfile, """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            ARG NUGET_TOKEN=abc123
            ARG VERSION
            ENV ASPNETCORE_URLS=http://+:8080 DB_PASSWORD="p w" \
                JWT_KEY=k3y
            env LEGACY_SECRET the rest of it
            RUN echo ENV NOT=this
            """);
        Assert.Equal(
            [
                ("NUGET_TOKEN", "abc123", "abc123"), ("ASPNETCORE_URLS", "http://+:8080", "http://+:8080"),
                ("DB_PASSWORD", "p w", "p w"), ("JWT_KEY", "k3y", "k3y"), ("LEGACY_SECRET", "the rest of it", "the rest of it"),
            ],
            entries);
    }

    [Fact]
    public void ComposeReadsListAndMapEnvironmentEntries()
    {
        var entries = Read(ConfigFileKind.Compose, """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: "s3cret"   # comment
                  POSTGRES_USER: app
              api:
                environment:
                  - Jwt__Key=abcdef
                  - "ApiKey=xyz"
                command: |
                  run
            """);
        Assert.Contains(("POSTGRES_PASSWORD", "s3cret", "s3cret"), entries);
        Assert.Contains(("Jwt__Key", "abcdef", "abcdef"), entries);
        Assert.Contains(("ApiKey", "xyz", "xyz"), entries);
        Assert.Contains(("image", "postgres:16", "postgres:16"), entries);
        Assert.DoesNotContain(entries, e => e.Name == "command");
    }

    [Fact]
    public void WebConfigReadsAppSettingsConnectionStringsAndMachineKey()
    {
        var entries = new List<ConfigEntry>();
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <appSettings>
                <add key="StripeKey" value="abc" />
              </appSettings>
              <connectionStrings>
                <add name="Db" connectionString="Server=x;Password=y" providerName="System.Data.SqlClient" />
              </connectionStrings>
              <system.web>
                <machineKey validationKey='0123' decryptionKey="4567" validation="SHA1" />
              </system.web>
            </configuration>
            """;
        ConfigFile.ReadEntries(ConfigFileKind.XmlConfig, xml, entries);
        Assert.Contains(entries, e => e.Name == "StripeKey" && e.Value == "abc" && xml.Substring(e.ValueSpan.Start, 3) == "abc");
        Assert.Contains(entries, e => e.Name == "connectionStrings:Db" && e.Role == ConfigEntryRole.ConnectionString);
        Assert.Contains(entries, e => e.Name == "machineKey:validationKey" && e.Role == ConfigEntryRole.Key && xml.Substring(e.ValueSpan.Start, e.ValueSpan.Length) == "0123");
        Assert.Contains(entries, e => e.Name == "machineKey:decryptionKey" && e.Value == "4567");
    }

    [Fact]
    public void PublishProfileReadsElementText()
    {
        var entries = Read(ConfigFileKind.PublishProfile, "<Project>\n  <PropertyGroup>\n    <UserName>deploy</UserName>\n    <Password> pa&amp;ss </Password>\n  </PropertyGroup>\n</Project>");
        Assert.Contains(("UserName", "deploy", "deploy"), entries);
        Assert.Contains(("Password", "pa&ss", "pa&amp;ss"), entries);
    }

    [Fact]
    public void MalformedXmlKeepsWhatWasReadWithoutThrowing()
    {
        var entries = Read(ConfigFileKind.NuGetConfig, "<configuration><packageSourceCredentials><feed><add key=\"ClearTextPassword\" value=\"pw1\" /></feed><broken");
        Assert.Contains(("ClearTextPassword", "pw1", "pw1"), entries);
    }

    [Fact]
    public void LaunchSettingsYieldsOnlyEnvironmentVariables()
    {
        var entries = Read(ConfigFileKind.LaunchSettings, """
            { "profiles": { "Api": { "commandName": "Project",
              "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development", "Jwt__Key": "abc" } } } }
            """);
        Assert.Equal([("ASPNETCORE_ENVIRONMENT", "Development", "Development"), ("Jwt__Key", "abc", "abc")], entries);
    }

    [Theory]
    [InlineData("AppSettings")]
    [InlineData("DotEnv")]
    [InlineData("Dockerfile")]
    [InlineData("Compose")]
    [InlineData("XmlConfig")]
    [InlineData("LaunchSettings")]
    public void GarbageDoesNotThrow(string kindName)
    {
        var kind = Enum.Parse<ConfigFileKind>(kindName);
        foreach (var text in new[] { "", "\"", "ENV", "ENV A=\"", "- =", "a:", "<", "{\"a\":", "\\\n\\", "ARG \\\n", "x='", "<a b='1" })
        {
            Read(kind, text);
        }
    }
}
