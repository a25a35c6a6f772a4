using System.Text.RegularExpressions;
using Readiness.Reporting.Html;

namespace Readiness.Reporting.Tests.Renderers;

public class HtmlReportTests
{
    [Fact]
    public void RepositoryTextInFileNamesMessagesCodeAndTitlesComesOutEscaped()
    {
        var html = HtmlReport.Render(Fixtures.HostileText());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("src/&lt;script&gt;alert(1)&lt;/script&gt;/&lt;b&gt;Evil&lt;/b&gt;.cs", html);
        Assert.Contains("message with &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("// &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Title &lt;script&gt;", html);
        Assert.Contains("Remediation &lt;script&gt;", html);
        Assert.Contains("reason &lt;script&gt;", html);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EveryOpenedElementIsClosedInOrderEvenWithHostileText(bool hostile)
    {
        var html = HtmlReport.Render(hostile ? Fixtures.HostileText() : Fixtures.Failing());
        var stack = new Stack<string>();

        foreach (Match tag in Regex.Matches(html, "<(/?)([a-z0-9]+)[^>]*>"))
        {
            var name = tag.Groups[2].Value;
            if (name is "meta" or "br" or "img" or "link" or "hr")
            {
                continue;
            }

            if (tag.Groups[1].Value.Length == 0)
            {
                stack.Push(name);
            }
            else
            {
                Assert.Equal(stack.Pop(), name);
            }
        }

        Assert.Empty(stack);
    }

    [Fact]
    public void OnlyHttpLinksAreRendered()
    {
        var html = HtmlReport.Render(Fixtures.HostileText());

        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.DoesNotContain(">RDY2001</a>", html); // the finding's javascript: help link is dropped
        Assert.Contains("href=\"https://example.org/?q=%3Cscript%3E\"", html);
    }

    [Fact]
    public void TheFileIsSelfContainedWithoutScriptsOrExternalResources()
    {
        var html = HtmlReport.Render(Fixtures.Failing());

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotMatch(new Regex("src=\"https?:"), html);
        Assert.Contains("<style>", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void EveryFailingCheckHasItsFindingsExcerptRemediationAndLinks()
    {
        var html = HtmlReport.Render(Fixtures.Failing());

        Assert.Contains("id=\"check-no-permissive-cors\"", html);
        Assert.Contains("<code>src/Api/Cors Setup.cs:4:5</code> AllowAnyOrigin() lets any site call the API", html);
        Assert.Contains("<pre><code>policy.AllowAnyOrigin();</code></pre>", html);
        Assert.Contains("Fix no-permissive-cors.", html);
        Assert.Contains("href=\"https://learn.microsoft.com/aspnet/core/no-permissive-cors\"", html);
    }

    [Fact]
    public void TheCategoryChartHasABarPerCategoryWithItsScoreAsWidth()
    {
        var result = Fixtures.Failing();
        var html = HtmlReport.Render(result);

        foreach (var category in result.Categories)
        {
            Assert.Contains($"{category.Name} <span class=\"muted\">", html);
        }

        Assert.Contains("style=\"width:0%\"", html);   // Secrets: its only measured check fails
        Assert.Contains("style=\"width:100%\"", html); // Https: hsts passes
    }

    [Fact]
    public void AnIncompleteAuditShowsANotMeasuredSectionAboveTheCategories()
    {
        var html = HtmlReport.Render(Fixtures.PassingButUnrestored());

        Assert.Contains("<span class=\"verdict v-conditional\">INCOMPLETE</span>", html);
        var section = html.IndexOf("id=\"not-measured\"", StringComparison.Ordinal);
        Assert.InRange(section, 0, html.IndexOf("<h2>Categories</h2>", StringComparison.Ordinal));
        Assert.Contains("not restored: packages Contoso.Auth are unresolved", html);
    }
}
