using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Secrets;
using Verification = ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Secrets;

public class ConfigurationFileSecretAnalyzerTests
{
    private static Task VerifyFileAsync(string path, string markup, string? editorConfig = null, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verification.AnalyzerTest<ConfigurationFileSecretAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.Add((path, markup));
        if (editorConfig != null)
        {
            test.EditorConfig = editorConfig;
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task CredentialNamedJsonKeyIsReportedOnItsValueWithItsPath() => VerifyFileAsync("/app/appsettings.json", """
        {
          // comments and trailing commas, as ASP.NET Core reads them
          "Jwt": { "Issuer": "orders", "Key": "{|#0:b7Gq2vXk9LmP4sWz8RtY3nHd|}", },
          "Smtp": { "Host": "smtp.local", "Password": "{|RDY1005:Sm7pQ2vXr9Lz|}" },
        }
        """,
        expected: Verification.CSharpAnalyzerVerifier<ConfigurationFileSecretAnalyzer>.Diagnostic(RuleIds.SecretInConfigurationFile)
            .WithLocation(0).WithMessageContaining("'Jwt:Key' in appsettings.json holds a credential (b7Gq…(24 chars))"));

    [Fact]
    public Task ConnectionStringPasswordInJsonIsReportedOnThePassword() => VerifyFileAsync("/app/appsettings.Production.json", """
        {
          "ConnectionStrings": {
            "Orders": "Host=db;Database=orders;Username=app;Password={|RDY1005:Pg7xQ2vLm9Kd|}",
            "Reporting": "Server=sql;Database=reports;Integrated Security=true"
          }
        }
        """);

    [Fact]
    public Task DevelopmentSettingsAreReportedWithANote() => VerifyFileAsync("/app/appsettings.Development.json", """
        { "Payments": { "ClientSecret": "{|#0:cS7vB2nQ9xLm4kPw|}" } }
        """,
        expected: Verification.CSharpAnalyzerVerifier<ConfigurationFileSecretAnalyzer>.Diagnostic(RuleIds.SecretInConfigurationFile)
            .WithLocation(0).WithMessageContaining("Development-only file is still committed"));

    [Fact]
    public Task UserSecretsFileIsReportedWithANote() => VerifyFileAsync("/app/secrets.json", """
        { "Jwt:Key": "{|#0:b7Gq2vXk9LmP4sWz8RtY3nHd|}" }
        """,
        expected: Verification.CSharpAnalyzerVerifier<ConfigurationFileSecretAnalyzer>.Diagnostic(RuleIds.SecretInConfigurationFile)
            .WithLocation(0).WithMessageContaining("user-secrets belong in the profile folder"));

    [Fact]
    public Task DotEnvIsReported() => VerifyFileAsync("/app/.env", """
        # local settings
        ASPNETCORE_ENVIRONMENT=Production
        DB_PASSWORD={|RDY1005:Pg7xQ2vLm9Kd|}
        export STRIPE_WEBHOOK_SECRET="{|RDY1005:whsec7Qv2LmX9pKd4|}"
        JWT_KEY=
        API_KEY=${API_KEY}
        """);

    [Fact]
    public Task DockerfileEnvAndArgAreReported() => VerifyFileAsync("/app/Dockerfile", """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        ARG NUGET_PASSWORD={|RDY1005:Nu9gT2vXq7Lm|}
        ENV ASPNETCORE_URLS=http://+:8080 \
            Jwt__Key={|RDY1005:b7Gq2vXk9LmP4sWz8RtY|}
        ENV ConnectionStrings__Orders="Host=db;Username=app;Password={|RDY1005:Pg7xQ2vLm9Kd|}"
        ENV DB_PASSWORD_FILE=/run/secrets/db_password
        """);

    [Fact]
    public Task ComposeEnvironmentIsReported() => VerifyFileAsync("/app/docker-compose.yml", """
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: "{|RDY1005:Pg7xQ2vLm9Kd|}"
              POSTGRES_USER: app
          api:
            environment:
              - Jwt__Key={|RDY1005:b7Gq2vXk9LmP4sWz8RtY|}
              - Smtp__Password=${SMTP_PASSWORD}
        """);

    [Fact]
    public Task LaunchSettingsEnvironmentVariablesAreReported() => VerifyFileAsync("/app/Properties/launchSettings.json", """
        {
          "profiles": {
            "Api": {
              "commandName": "Project",
              "environmentVariables": {
                "ASPNETCORE_ENVIRONMENT": "Development",
                "Payments__ApiKey": "{|RDY1005:Zk3mW8vN1qLx7Ty2|}"
              }
            }
          }
        }
        """);

    [Fact]
    public Task WebConfigAppSettingsConnectionStringsAndMachineKeyAreReported() => VerifyFileAsync("/app/web.config", """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <appSettings>
            <add key="PaymentGatewaySecret" value="{|RDY1005:Pg5wS2vXq9LmK7dT|}" />
            <add key="Environment" value="Production" />
          </appSettings>
          <connectionStrings>
            <add name="Orders" connectionString="Server=sql;Database=orders;User Id=app;Password={|RDY1005:Sq7LpW2xV9mK|};" />
          </connectionStrings>
          <system.web>
            <machineKey validationKey="{|RDY1005:0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9|}" decryptionKey="AutoGenerate,IsolateApps" />
          </system.web>
        </configuration>
        """);

    [Fact]
    public Task ValuesAddressingTheReaderOrRestatingTheKeyAreNotReported() => VerifyFileAsync("/app/appsettings.json", """
        {
          "ConnectionStrings": { "Orders": "Host=localhost;Username=app;Password=yourStrong(!)Secret" },
          "Courier": { "COURIER_API_KEY": "courier-api-key", "ApiKeys": { "Tracking": "{|RDY1005:Tk8vQ2mXr7Lp4sWz|}" } }
        }
        """);

    [Fact]
    public Task FormsCredentialsUsersAreReportedAndPublicKeyTokensAreNot() => VerifyFileAsync("/app/web.config", """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.web>
            <authentication mode="Forms">
              <forms loginUrl="login.aspx">
                <credentials passwordFormat="Clear">
                  <user name="clerk" password="{|RDY1005:tulip|}" />
                </credentials>
              </forms>
            </authentication>
          </system.web>
          <runtime>
            <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">
              <dependentAssembly>
                <assemblyIdentity name="Warehouse.Shared" publicKeyToken="0a1b2c3d4e5f6071" culture="neutral" />
              </dependentAssembly>
            </assemblyBinding>
          </runtime>
        </configuration>
        """);

    [Fact]
    public Task NuGetClearTextPasswordAndPublishProfilePasswordAreReported()
    {
        var test = new Verification.AnalyzerTest<ConfigurationFileSecretAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.Add(("/app/nuget.config", """
            <configuration>
              <packageSourceCredentials>
                <internal>
                  <add key="Username" value="build" />
                  <add key="ClearTextPassword" value="{|RDY1005:Nu9gT2vXq7Lm|}" />
                </internal>
              </packageSourceCredentials>
            </configuration>
            """));
        test.AdditionalFiles.Add(("/app/Properties/PublishProfiles/Prod.pubxml", """
            <Project>
              <PropertyGroup>
                <UserName>$deploy</UserName>
                <Password>{|RDY1005:Dp8lY2vXq7Lm|}</Password>
              </PropertyGroup>
            </Project>
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task FilesUnderTestFoldersAreReportedAtInfoSeverityAsRdy1006() => VerifyFileAsync("/repo/tests/Orders.Tests/appsettings.json", """
        { "Jwt": { "Key": "{|#0:b7Gq2vXk9LmP4sWz8RtY3nHd|}" } }
        """,
        expected: Verification.CSharpAnalyzerVerifier<ConfigurationFileSecretAnalyzer>.Diagnostic(RuleIds.SecretInTestFile)
            .WithLocation(0).WithSeverity(DiagnosticSeverity.Info));

    [Fact]
    public Task TestPathGlobsComeFromEditorConfig() => VerifyFileAsync("/repo/fixtures/appsettings.json", """
        { "Jwt": { "Key": "{|RDY1006:b7Gq2vXk9LmP4sWz8RtY3nHd|}" } }
        """,
        editorConfig: "readiness.test_path_globs = **/fixtures/**\n");

    [Fact]
    public Task PlaceholdersEmptyValuesAndNonSecretsAreNotReported() => VerifyFileAsync("/app/appsettings.json", """
        {
          "Jwt": { "Key": "", "Issuer": "https://login.example.com", "TokenLifetime": "00:30:00" },
          "Smtp": { "Password": "<your-smtp-password>", "PasswordMinLength": 12 },
          "Payments": { "ApiKey": "${PAYMENTS_API_KEY}", "ClientSecret": "changeme", "WebhookSecret": "#{WebhookSecret}#" },
          "Storage": { "AccessKey": "%STORAGE_KEY%", "SecretKey": "{{ storage_secret }}", "AccountKey": "$(StorageKey)" },
          "Certificate": { "Password": null, "Path": "/run/secrets/cert.pfx" },
          "UserSecretsId": "0f8fad5b-d9cb-469f-a165-70867728950e",
          "Auth": { "ClientSecret": "your-client-secret-here", "ApiKeyHeaderName": "X-Api-Key" },
          "ConnectionStrings": { "Orders": "Host=db;Username=app;Password=${DB_PASSWORD}", "Cache": "redis:6379" }
        }
        """);

    [Fact]
    public Task ExtraPlaceholderPatternsAndExcludedNamesComeFromEditorConfig() => VerifyFileAsync("/app/appsettings.json", """
        { "Jwt": { "Key": "Deploy-Replaces-Me-42x" }, "SecretSanta": { "Token": "Zk3mW8vN1qLx7Ty2" } }
        """,
        editorConfig: "readiness.extra_placeholder_patterns = deploy-replaces-*\nRDY1005.excluded_names = SecretSanta:Token\n");

    [Fact]
    public Task OtherFilesAreNotRead()
    {
        var test = new Verification.AnalyzerTest<ConfigurationFileSecretAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.Add(("/app/notes.txt", "Password=Pg7xQ2vLm9Kd"));
        test.AdditionalFiles.Add(("/app/package.json", """{ "token": "Zk3mW8vN1qLx7Ty2" }"""));
        return test.RunAsync();
    }

    [Fact]
    public Task MalformedFilesDoNotCrashAndKeepWhatWasRead() => VerifyFileAsync("/app/appsettings.json", """
        { "Smtp": { "Password": "{|RDY1005:Sm7pQ2vXr9Lz|}" }, "Broken": [ 1, 2
        """);

    [Fact]
    public Task GarbageFilesDoNotCrash()
    {
        var test = new Verification.AnalyzerTest<ConfigurationFileSecretAnalyzer> { TestCode = "public class App { }" };
        test.AdditionalFiles.Add(("/app/appsettings.json", "\u0000{\"a\": [[[[ \"\\u12"));
        test.AdditionalFiles.Add(("/app/web.config", "<configuration><appSettings><add key=\"x\" value=\"y"));
        test.AdditionalFiles.Add(("/app/Dockerfile", "ENV \\\n\\\nARG"));
        test.AdditionalFiles.Add(("/app/.env", "=\n==\nexport\n\"\n"));
        test.AdditionalFiles.Add(("/app/docker-compose.yml", "- :\n  : -\n'"));
        test.AdditionalFiles.Add(("/app/empty/appsettings.json", ""));
        return test.RunAsync();
    }
}
