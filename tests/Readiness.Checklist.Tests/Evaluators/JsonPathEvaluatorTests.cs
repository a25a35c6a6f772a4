using Readiness.Checklist.Evaluation;

namespace Readiness.Checklist.Tests.Evaluators;

public class JsonPathEvaluatorTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private static readonly string LogLevels = Checklists.Check("log-level", "kind: jsonPath\npath: \"Logging:LogLevel:*\"\nnotIn: [Debug, Trace]", category: "Logging");
    private static readonly string DetailedErrors = Checklists.Check("detailed", "kind: jsonPath\npath: DetailedErrors\nnotEquals: \"true\"", category: "Errors");

    [Fact]
    public void ADebugLevelInTheBaseFileThatProductionOverridesPasses()
    {
        _repo.With("src/Api/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }""")
             .With("src/Api/appsettings.Production.json", """{ "logging": { "loglevel": { "default": "Warning" } } }""");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(LogLevels).Status);
    }

    [Fact]
    public void ADebugLevelInTheDevelopmentFileIsNotJudged()
    {
        _repo.With("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""")
             .With("appsettings.Development.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }""");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(LogLevels).Status);
    }

    [Fact]
    public void ATraceLevelOfOneCategoryInTheEffectiveConfigurationFailsAtItsPosition()
    {
        _repo.With("appsettings.json", """
            {
              // comments and trailing commas, as ASP.NET Core allows
              "Logging": {
                "LogLevel": {
                  "Default": "Information",
                  "Microsoft.EntityFrameworkCore": "Trace",
                },
              },
            }
            """);

        var result = _repo.EvaluateOne(LogLevels);

        Assert.Equal(CheckStatus.Failed, result.Status);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("appsettings.json", 6, 40), (finding.FilePath, finding.Line, finding.Column));
        Assert.Contains("Logging:LogLevel:Microsoft.EntityFrameworkCore is \"Trace\"", finding.Message);
    }

    [Fact]
    public void TheChosenEnvironmentDecidesWhichOverlayApplies()
    {
        _repo.With("appsettings.json", """{ "DetailedErrors": false }""")
             .With("appsettings.Staging.json", """{ "DetailedErrors": true }""");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(DetailedErrors).Status);
        var staging = _repo.EvaluateOne(DetailedErrors, _repo.Input(environment: "Staging"));
        Assert.Equal(CheckStatus.Failed, staging.Status);
        Assert.Equal("appsettings.Staging.json", staging.Findings[0].FilePath);
    }

    [Fact]
    public void BooleansCompareCaseInsensitivelyAsConfigurationBindsThem()
    {
        _repo.With("appsettings.json", """{ "detailederrors": "TRUE" }""");

        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(DetailedErrors).Status);
    }

    [Fact]
    public void WithoutAnyAppsettingsTheCheckIsNotApplicable()
    {
        _repo.With("Program.cs", "");

        Assert.Equal(CheckStatus.NotApplicable, _repo.EvaluateOne(DetailedErrors).Status);
    }

    [Fact]
    public void EqualsFailsOnAMissingKeyUnlessOptional()
    {
        _repo.With("appsettings.json", """{ "Other": 1 }""");
        var required = Checklists.Check("https-port", "kind: jsonPath\npath: Kestrel:Endpoints:Https:Url\nmatches: '^https://'");
        var optional = Checklists.Check("https-port", "kind: jsonPath\npath: Kestrel:Endpoints:Https:Url\nmatches: '^https://'\noptional: true");

        var result = _repo.EvaluateOne(required);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("is not set", result.Findings[0].Message);
        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(optional).Status);
    }

    [Fact]
    public void InAndEqualsAndMatchesPassOnAMatchingValue()
    {
        _repo.With("appsettings.json", """{ "AllowedHosts": "api.example.org", "Level": "Warning" }""");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(Checklists.Check("a", "kind: jsonPath\npath: Level\nin: [Warning, Error]")).Status);
        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(Checklists.Check("a", "kind: jsonPath\npath: allowedhosts\nequals: api.example.org")).Status);
        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(Checklists.Check("a", "kind: jsonPath\npath: AllowedHosts\nmatches: '^\\*$'")).Status);
    }

    [Fact]
    public void ArraysAreFlattenedByIndex()
    {
        _repo.With("appsettings.json", """{ "Cors": { "Origins": [ "https://a.example", "*" ] } }""");

        var result = _repo.EvaluateOne(Checklists.Check("a", "kind: jsonPath\npath: \"Cors:Origins:*\"\nnotEquals: \"*\""));

        Assert.Equal("Cors:Origins:1", Assert.Single(result.Findings).Message.Split(' ')[0]);
    }

    [Fact]
    public void ExistsAndAbsentLookAtWholeSections()
    {
        _repo.With("appsettings.json", """{ "Kestrel": { "Certificates": { "Default": { "Path": "c.pfx" } } } }""");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(Checklists.Check("a", "kind: jsonPath\npath: Kestrel:Certificates\nexists: true")).Status);
        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(Checklists.Check("a", "kind: jsonPath\npath: Kestrel:Certificates\nabsent: true")).Status);
        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(Checklists.Check("a", "kind: jsonPath\npath: Serilog\nexists: true")).Status);
    }

    [Fact]
    public void ValuesOfASecretsCheckAreMaskedInMessages()
    {
        _repo.With("appsettings.json", """{ "Jwt": { "Key": "super-secret-signing-key-123456" } }""");

        var result = _repo.EvaluateOne(Checklists.Check("jwt-key", "kind: jsonPath\npath: Jwt:Key\nabsent: true", category: "Secrets"));
        var withValue = _repo.EvaluateOne(Checklists.Check("jwt-key", "kind: jsonPath\npath: Jwt:Key\nequals: \"\"", category: "Secrets"));

        Assert.DoesNotContain("super-secret-signing-key-123456", result.Findings[0].Message);
        Assert.DoesNotContain("super-secret-signing-key-123456", withValue.Findings[0].Message);
        Assert.Contains("supe…(31 chars)", withValue.Findings[0].Message);
    }

    [Fact]
    public void ValuesOfCredentialNamedKeysAreMaskedWhateverTheCategory()
    {
        _repo.With("appsettings.json", """{ "ConnectionStrings": { "Db": "Host=db;Password=pa55word-very-long" }, "Smtp": { "Password": "hunter2hunter2" }, "Level": "Debug" }""");

        var result = _repo.EvaluateOne(Checklists.Check("any", "kind: jsonPath\npath: \"*:*\"\nequals: x", category: "Hardening"));

        var messages = string.Join("\n", result.Findings.Select(f => f.Message));
        Assert.DoesNotContain("pa55word-very-long", messages);
        Assert.DoesNotContain("hunter2hunter2", messages);
        Assert.Contains("Host…(35 chars)", messages);
        Assert.Contains("hu…(14 chars)", messages);
    }

    [Theory]
    [InlineData("Jwt:Key", true)]
    [InlineData("Stripe:ApiKey", true)]
    [InlineData("ConnectionStrings:Default", true)]
    [InlineData("Logging:LogLevel:Default", false)]
    [InlineData("Cache:KeyPrefix", false)]
    [InlineData("AllowedHosts", false)]
    public void CredentialNamesAreRecognised(string key, bool credential)
    {
        Assert.Equal(credential, Readiness.Checklist.Findings.SecretText.IsCredentialName(key));
    }

    [Fact]
    public void AMalformedConfigurationFileIsSkippedAndReported()
    {
        _repo.With("appsettings.json", """{ "DetailedErrors": true, """ + "\n" + """ "Broken": }""");
        var checklist = Loading.ChecklistLoaderProbe.Parse(DetailedErrors);

        var audit = AuditEvaluator.Evaluate([checklist], _repo.Input());

        Assert.Contains(audit.Skipped, s => s.Path == "appsettings.json" && s.Reason.Contains("malformed JSON at line 2"));
        Assert.Equal(CheckStatus.NotApplicable, audit.Checks[0].Status);
    }

    [Fact]
    public void AppsettingsOfTestProjectsAreNotJudged()
    {
        _repo.With("tests/Api.Tests/appsettings.json", """{ "DetailedErrors": true }""")
             .With("src/Api/appsettings.json", """{ "DetailedErrors": false }""");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(DetailedErrors).Status);
    }

    public void Dispose() => _repo.Dispose();
}
