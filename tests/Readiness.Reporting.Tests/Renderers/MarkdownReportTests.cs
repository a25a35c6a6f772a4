using Readiness.Reporting.Markdown;

namespace Readiness.Reporting.Tests.Renderers;

public class MarkdownReportTests
{
    [Fact]
    public void TheHeadingCarriesVerdictScoreAndGrade()
    {
        Assert.StartsWith("## ❌ Production readiness: NOT READY — 22/100 (grade F)", MarkdownReport.Render(Fixtures.Failing()));
        Assert.StartsWith("## ✅ Production readiness: READY — 100/100 (grade A)", MarkdownReport.Render(Fixtures.Passing()));
    }

    [Fact]
    public void RepositoryMarkupIsEscapedOutsideCodeAndFencedInsideIt()
    {
        var md = MarkdownReport.Render(Fixtures.HostileText());

        // Code spans and fences show their text literally, so markup there is inert; everywhere else it must be escaped.
        var prose = System.Text.RegularExpressions.Regex.Replace(md, "(`{3,})[\\s\\S]*?\\1|`[^`\n]*`", "");
        Assert.DoesNotContain("<script>", prose);
        Assert.DoesNotContain("<img", prose);
        Assert.DoesNotContain("<b>", prose);
        Assert.Contains("message with &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;", md);
        Assert.Contains("<summary><code>markup-check</code> Title &lt;script&gt;", md);
        Assert.DoesNotContain("javascript:alert(5)", md);
    }

    [Fact]
    public void ACodeFenceIsLongerThanAnyBacktickRunInTheCode()
    {
        Assert.Equal("````\na ``` b\n````\n", MarkdownReport.Fence("a ``` b"));
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("*bold* _it_ [l](u)", "\\*bold\\* \\_it\\_ \\[l\\](u)")]
    [InlineData("line\nbreak", "line break")]
    public void EscapeNeutralisesTablePipesEmphasisLinksAndLineBreaks(string text, string expected)
    {
        Assert.Equal(expected, MarkdownReport.Escape(text));
    }

    [Fact]
    public void FailingChecksListFindingsRemediationAndReferences()
    {
        var md = MarkdownReport.Render(Fixtures.Failing());

        Assert.Contains("- `src/Api/Cors Setup.cs:4:5` AllowAnyOrigin() lets any site call the API", md);
        Assert.Contains("**Remediation:** Fix no-permissive-cors.", md);
        Assert.Contains("<https://learn.microsoft.com/aspnet/core/no-permissive-cors>", md);
        Assert.Contains("| Https | 100 | 1 | 0 | 0 | 0 |", md);
    }

    [Fact]
    public void AnIncompleteAuditIsNeverShownAsReadyAndListsWhatWasNotMeasuredFirst()
    {
        var markdown = MarkdownReport.Render(Fixtures.PassingButUnrestored());

        Assert.StartsWith("## ❔ Production readiness: INCOMPLETE", markdown);
        Assert.DoesNotContain("✅", markdown);
        var warning = markdown.IndexOf("> [!WARNING]", StringComparison.Ordinal);
        Assert.InRange(warning, 0, markdown.IndexOf("| Category |", StringComparison.Ordinal));
        Assert.Contains("`src/Api/Api.csproj`", markdown);
    }
}
