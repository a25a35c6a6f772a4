using Readiness.Reporting.GitHub;

namespace Readiness.Reporting.Tests.Renderers;

public class GitHubAnnotationsTests
{
    private static string[] Lines(Checklist.Evaluation.AuditResult result)
    {
        var writer = new StringWriter();
        GitHubAnnotations.Write(result, writer);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Fact]
    public void EachFindingOfAFailingCheckBecomesAnAnnotationAtItsLocation()
    {
        var lines = Lines(Fixtures.Failing());

        Assert.StartsWith("::error file=src/Api/Program.cs,line=12,col=9,endLine=12,endColumn=60,title=P1 no-hardcoded-credentials%3A Title of no-hardcoded-credentials::Hardcoded credential", lines[0]);
        Assert.StartsWith("::warning file=src/Api/Cors Setup.cs,line=4,col=5,", lines[1]);
        Assert.StartsWith("::notice file=src/Api/Program.cs,line=1,col=1,", lines[2]);
        // The fixture skipped a file: the summary is a warning that says the audit is incomplete.
        Assert.StartsWith("::warning title=Production readiness::NOT READY: score ", lines[^1]);
        Assert.Contains("The audit is incomplete: 1 gap", lines[^1]);
        Assert.Equal(4, lines.Length); // waived, passed and not-applicable checks are not annotated
    }

    [Theory]
    [InlineData("50% done\r\nnext", "50%25 done%0D%0Anext")]
    [InlineData("a:b,c", "a:b,c")]
    public void DataEscapesPercentAndLineBreaks(string text, string expected)
    {
        Assert.Equal(expected, GitHubAnnotations.Data(text));
    }

    [Fact]
    public void PropertiesAlsoEscapeColonsAndCommas()
    {
        Assert.Equal("src/a%2Cb%3Ac.cs %25 %0A", GitHubAnnotations.Property("src/a,b:c.cs % \n"));
    }

    [Fact]
    public void HostileFileNamesCannotInjectAnotherCommand()
    {
        var result = Fixtures.Build([new(Fixtures.Definition("x", Checklist.Model.CheckSeverity.P1Critical, "Cors"), Checklist.Evaluation.CheckStatus.Failed,
            [new Checklist.Findings.Finding("RDY2001", "a,line=1::\n::error::pwned.cs", 1, 1, 1, 1, "msg\n::error::injected")])], []);

        var lines = Lines(result);

        Assert.Equal(2, lines.Length);
        Assert.Contains("file=a%2Cline=1%3A%3A%0A%3A%3Aerror%3A%3Apwned.cs,", lines[0]);
        Assert.Contains("::msg%0A::error::injected", lines[0]);
    }
}
