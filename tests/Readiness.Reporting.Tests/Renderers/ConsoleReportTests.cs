using Readiness.Reporting.ConsoleOutput;

namespace Readiness.Reporting.Tests.Renderers;

public class ConsoleReportTests
{
    private static string Render(Checklist.Evaluation.AuditResult result, bool color)
    {
        var writer = new StringWriter();
        ConsoleReport.Write(result, writer, color);
        return writer.ToString();
    }

    [Fact]
    public void TheSummaryShowsVerdictScoreGradeCategoriesAndFailingChecksBySeverity()
    {
        var text = Render(Fixtures.Failing(), color: false);

        Assert.StartsWith("Readiness audit (Production): NOT READY", text);
        Assert.Contains("Score 22/100, grade F", text);
        Assert.Contains("measured weight 22 of 37", text);
        Assert.Matches(@"Https\s+#{10}\s+100", text);
        var p1 = text.IndexOf("  P1-critical", StringComparison.Ordinal);
        var p2 = text.IndexOf("  P2-high", StringComparison.Ordinal);
        var p3 = text.IndexOf("  P3-normal", StringComparison.Ordinal);
        Assert.True(p1 > 0 && p1 < p2 && p2 < p3, text);
        Assert.Contains("x no-permissive-cors [new]: Title of no-permissive-cors", text);
        Assert.Contains("src/Api/Cors Setup.cs:4:5  AllowAnyOrigin() lets any site call the API", text);
        Assert.Contains("~ no-committed-env-files: waived until 2026-12-31", text);
        Assert.Contains("assets/logo.cs: binary file", text);
    }

    [Fact]
    public void WithoutColourThereAreNoEscapeCodes()
    {
        Assert.DoesNotContain("\u001b", Render(Fixtures.Failing(), color: false), StringComparison.Ordinal);
    }

    [Fact]
    public void WithColourTheVerdictIsPainted()
    {
        Assert.Contains("\u001b[1m\u001b[31mReadiness audit (Production): NOT READY\u001b[0m", Render(Fixtures.Failing(), color: true));
        Assert.Contains("\u001b[32m", Render(Fixtures.Passing(), color: true));
    }

    [Fact]
    public void EscapeSequencesInRepositoryTextAreNotEchoedRaw()
    {
        var result = Fixtures.Build([new(Fixtures.Definition("x", Checklist.Model.CheckSeverity.P1Critical, "Cors"), Checklist.Evaluation.CheckStatus.Failed,
            [new Checklist.Findings.Finding("RDY2001", "evil\u001b[2J.cs", 1, 1, 1, 1, "clear\u001b]0;title\u0007")])], []);

        var text = Render(result, color: false);

        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.Contains("evil\\u001b[2J.cs", text);
    }

    [Fact]
    public void ARedirectedWriterGetsNoColourByDefault()
    {
        Assert.False(ConsoleReport.ShouldColor(new StringWriter()));
    }

    [Fact]
    public void AnIncompleteAuditSaysSoBeforeTheCategoriesWithEachGapAndItsFix()
    {
        var writer = new StringWriter();
        ConsoleReport.Write(Fixtures.PassingButUnrestored(), writer, color: false);
        var text = writer.ToString();

        Assert.StartsWith("Readiness audit (Production): INCOMPLETE", text);
        var headline = text.IndexOf("The audit is incomplete: 1 gap, 1 check not measured", StringComparison.Ordinal);
        Assert.InRange(headline, 0, text.IndexOf("Categories", StringComparison.Ordinal));
        Assert.Contains("src/Api/Api.csproj: not restored", text);
        Assert.Contains("fix: run `dotnet restore`", text);
        Assert.DoesNotContain("READY\n", text);
    }
}
