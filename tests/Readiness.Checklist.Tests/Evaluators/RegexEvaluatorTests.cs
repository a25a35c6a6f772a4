using Readiness.Checklist.Evaluation;

namespace Readiness.Checklist.Tests.Evaluators;

public class RegexEvaluatorTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private static readonly string Hsts = Checklists.Check("hsts", "kind: regex\nfiles: [\"**/*.cs\"]\nmustMatch: '\\bUseHsts\\s*\\('", category: "Https");
    private static readonly string NoNewHttpClient = Checklists.Check("factory", "kind: regex\nfiles: [\"**/*.cs\"]\nmustNotMatch: '\\bnew\\s+HttpClient\\s*\\('");

    [Fact]
    public void MustMatchPassesWhenAnyFileContainsThePattern()
    {
        _repo.With("src/Api/Program.cs", "var app = builder.Build();\nif (!app.Environment.IsDevelopment()) app.UseHsts();\n").With("src/Api/Other.cs", "");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(Hsts).Status);
    }

    [Fact]
    public void MustMatchFailsAtProgramCsWhenNoFileContainsThePattern()
    {
        _repo.With("src/Api/A.cs", "class A {}").With("src/Api/Program.cs", "app.UseHttpsRedirection();");

        var result = _repo.EvaluateOne(Hsts);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("src/Api/Program.cs", Assert.Single(result.Findings).FilePath);
    }

    [Fact]
    public void MustNotMatchReportsEveryMatchWithItsLineAndColumn()
    {
        _repo.With("src/Client.cs", "class C\n{\n    HttpClient a = new HttpClient();\n    HttpClient b = new  HttpClient ();\n}\n");

        var result = _repo.EvaluateOne(NoNewHttpClient);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal([(3, 20), (4, 20)], result.Findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("    HttpClient a = new HttpClient();", result.Findings[0].Snippet);
    }

    [Fact]
    public void WithoutFilesOfItsGlobsARegexCheckIsNotApplicable()
    {
        _repo.With("README.md", "UseHsts()");

        Assert.Equal(CheckStatus.NotApplicable, _repo.EvaluateOne(Hsts).Status);
    }

    [Fact]
    public void TestProjectsAreNotProductionCode()
    {
        _repo.With("tests/Api.Tests/ClientTests.cs", "var c = new HttpClient();").With("src/Api/Program.cs", "");

        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(NoNewHttpClient).Status);
    }

    [Fact]
    public void AWhenPatternThatNoFileContainsMakesTheCheckNotApplicable()
    {
        var check = Checklists.Check("resilience", "kind: regex\nfiles: [\"**/*.cs\"]\nwhen: '\\bAddHttpClient\\b'\nmustMatch: 'AddStandardResilienceHandler'");
        _repo.With("Program.cs", "app.Run();");
        Assert.Equal(CheckStatus.NotApplicable, _repo.EvaluateOne(check).Status);

        _repo.With("Program.cs", "builder.Services.AddHttpClient<Api>();");
        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(check).Status);
    }

    [Fact]
    public void IgnoreCaseIsHonoured()
    {
        _repo.With("Program.cs", "ctx.Response.Headers[\"x-content-type-options\"] = \"nosniff\";");
        var sensitive = Checklists.Check("h", "kind: regex\nfiles: [\"*.cs\"]\nmustMatch: 'X-Content-Type-Options'");
        var insensitive = Checklists.Check("h", "kind: regex\nfiles: [\"*.cs\"]\nignoreCase: true\nmustMatch: 'X-Content-Type-Options'");

        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(sensitive).Status);
        Assert.Equal(CheckStatus.Passed, _repo.EvaluateOne(insensitive).Status);
    }

    [Fact]
    public void ACatastrophicPatternTimesOutAndTheFileIsReportedAsSkipped()
    {
        _repo.With("Program.cs", new string('a', 50_000) + "!");
        var checklist = Loading.ChecklistLoaderProbe.Parse(Checklists.Check("slow", "kind: regex\nfiles: [\"*.cs\"]\nmustNotMatch: '^(a+)+$'"));

        var audit = AuditEvaluator.Evaluate([checklist], _repo.Input());

        Assert.Contains(audit.Skipped, s => s.Path == "Program.cs" && s.Reason.Contains("timed out"));
    }

    [Fact]
    public void ATimedOutPatternWithNoOtherMatchIsNotMeasuredNotPassed()
    {
        _repo.With("Program.cs", new string('a', 50_000) + "!");
        var checklist = Loading.ChecklistLoaderProbe.Parse(Checklists.Check("slow", "kind: regex\nfiles: [\"*.cs\"]\nmustNotMatch: '^(a+)+$'"));

        var audit = AuditEvaluator.Evaluate([checklist], _repo.Input());

        Assert.Equal(CheckStatus.NotMeasured, audit.Checks.Single().Status);
        Assert.Equal(Verdict.Incomplete, audit.Verdict);
    }

    private static readonly string ServerHttpClient = Checklists.Check("http-client-factory", "kind: regex\nfiles: [\"**/*.cs\"]\nserverCodeOnly: true\nmustNotMatch: '\\bnew\\s+HttpClient\\s*\\('", "P3-normal");

    [Theory]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk.BlazorWebAssembly\"></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><UseMaui>true</UseMaui></PropertyGroup></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>WinExe</OutputType><UseWPF>true</UseWPF></PropertyGroup></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>")]
    public void ServerCodeOnlyLeavesOutClientApps(string csproj)
    {
        _repo.With("clients/Tool/Tool.csproj", csproj).With("clients/Tool/Services/Api.cs", "var client = new HttpClient();");

        Assert.Equal(CheckStatus.NotApplicable, _repo.EvaluateOne(ServerHttpClient).Status);
    }

    [Theory]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk.Worker\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"></Project>")]
    public void ServerCodeOnlyKeepsWebAppsWorkersAndLibraries(string csproj)
    {
        _repo.With("src/Shop/Shop.csproj", csproj).With("src/Shop/Services/Api.cs", "var client = new HttpClient();");

        var result = _repo.EvaluateOne(ServerHttpClient);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("src/Shop/Services/Api.cs", Assert.Single(result.Findings).FilePath);
    }

    [Fact]
    public void ServerCodeOnlyCountsAFileWithNoProjectAboveAsServerCode()
    {
        _repo.With("Loose.cs", "var client = new HttpClient();");

        Assert.Equal(CheckStatus.Failed, _repo.EvaluateOne(ServerHttpClient).Status);
    }

    [Fact]
    public void BinaryAndNonUtf8FilesAreSkippedWithAReason()
    {
        _repo.WithBytes("Binary.cs", [0x41, 0x00, 0x42]).WithBytes("Latin1.cs", [0x63, 0x61, 0x66, 0xE9, 0x20, 0x28]).With("Program.cs", "");
        var checklist = Loading.ChecklistLoaderProbe.Parse(NoNewHttpClient);

        var audit = AuditEvaluator.Evaluate([checklist], _repo.Input());

        Assert.Contains(audit.Skipped, s => s.Path == "Binary.cs" && s.Reason.StartsWith("binary"));
        Assert.Contains(audit.Skipped, s => s.Path == "Latin1.cs" && s.Reason.StartsWith("not valid UTF-8"));
    }

    [Fact]
    public void AMustMatchCheckWhoseFilesAreAllUnreadableIsNotMeasured()
    {
        _repo.WithBytes("Program.cs", [0x41, 0x00, 0x42]);

        var result = _repo.EvaluateOne(Hsts);

        Assert.Equal(CheckStatus.NotMeasured, result.Status);
        Assert.Contains("see Skipped", result.Message);
    }

    [Fact]
    public void AFileTheCliAlreadySkippedIsListedOnceInTheCliWords()
    {
        _repo.WithBytes("Binary.cs", [0x41, 0x00, 0x42]).With("Program.cs", "");
        var checklist = Loading.ChecklistLoaderProbe.Parse(NoNewHttpClient);
        var input = _repo.Input() with { Skipped = [new Findings.SkippedItem("Binary.cs", "binary (cli)")] };

        var audit = AuditEvaluator.Evaluate([checklist], input);

        Assert.Equal("binary (cli)", Assert.Single(audit.Skipped).Reason);
    }

    [Fact]
    public void AFileOverTheSizeLimitIsSkippedWithAReason()
    {
        _repo.With("Huge.cs", new string('x', (int)Files.RepositoryFiles.MaxFileBytes + 1));
        var checklist = Loading.ChecklistLoaderProbe.Parse(NoNewHttpClient);

        var audit = AuditEvaluator.Evaluate([checklist], _repo.Input());

        Assert.Contains(audit.Skipped, s => s.Path == "Huge.cs" && s.Reason.StartsWith("larger than 2 MiB"));
    }

    [Fact]
    public void ASymbolicLinkLoopIsNotFollowed()
    {
        _repo.With("src/Program.cs", "var c = new HttpClient();");
        Directory.CreateSymbolicLink(Path.Combine(_repo.Root, "src", "loop"), Path.Combine(_repo.Root, "src"));
        var checklist = Loading.ChecklistLoaderProbe.Parse(NoNewHttpClient);

        var audit = AuditEvaluator.Evaluate([checklist], _repo.Input());

        Assert.Single(audit.Checks[0].Findings);
        Assert.Contains(audit.Skipped, s => s.Path == "src/loop/" && s.Reason.Contains("symbolic link"));
    }

    public void Dispose() => _repo.Dispose();
}
