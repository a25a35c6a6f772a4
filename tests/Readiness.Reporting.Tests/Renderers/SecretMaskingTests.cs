using Readiness.Checklist.Findings;
using Readiness.Reporting.ConsoleOutput;
using Readiness.Reporting.GitHub;
using Readiness.Reporting.Html;
using Readiness.Reporting.Issues;
using Readiness.Reporting.Json;
using Readiness.Reporting.Markdown;
using Readiness.Reporting.Sarif;

namespace Readiness.Reporting.Tests.Renderers;

/// <summary>A secret planted in a Secrets finding's snippet must not reach any format whole.</summary>
public class SecretMaskingTests
{
    public static TheoryData<string> Formats => ["console", "md", "html", "sarif", "json", "github", "issues"];

    private static string Render(string format)
    {
        var result = Fixtures.Failing();
        var console = new StringWriter();
        return format switch
        {
            "console" => Write(w => ConsoleReport.Write(result, w, color: false)),
            "github" => Write(w => GitHubAnnotations.Write(result, w)),
            "md" => MarkdownReport.Render(result),
            "html" => HtmlReport.Render(result),
            "sarif" => SarifReport.Render(result),
            "json" => JsonReport.Render(result),
            _ => string.Concat(IssueFiles.Render(result).Select(f => f.Content)),
        };
    }

    private static string Write(Action<TextWriter> write)
    {
        var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void NoFormatContainsThePlantedSecret(string format)
    {
        var text = Render(format);

        Assert.DoesNotContain(Fixtures.PlantedSecret, text);
        Assert.DoesNotContain(Fixtures.PlantedSecret[..20], text);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("issues")]
    public void TheSnippetOfASecretsFindingIsShownWithItsLiteralMasked(string format)
    {
        Assert.Contains("sk_l…(32 chars)", Render(format).Replace("\\u2026", "…"));
    }

    [Fact]
    public void SnippetsOfOtherCategoriesAreShownAsWritten()
    {
        Assert.Contains("policy.AllowAnyOrigin();", MarkdownReport.Render(Fixtures.Failing()));
    }

    [Theory]
    [InlineData("var key = \"abcdefghijklmnopqrstuvwxyz\";", "var key = \"abcd…(26 chars)\";")]
    [InlineData("var p = @\"pa\"\"ss-word-1234\";", "var p = @\"pa\"\"…(16 chars)\";")]
    [InlineData("ENV DB_PASSWORD=hunter2hunter2", "ENV DB_PASSWORD=hu…(14 chars)")]
    [InlineData("\"Password\": \"p@ssw0rd!\"", "\"Pa…(8 chars)\": \"p@…(9 chars)\"")]
    public void MaskLiteralsMasksQuotedAndAssignedValues(string snippet, string expected)
    {
        Assert.Equal(expected, SecretText.MaskLiterals(snippet));
    }
}
