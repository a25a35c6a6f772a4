using Readiness.Cli.Analysis;

namespace Readiness.Cli.Tests.Analysis;

public sealed class SnippetMaskerTests
{
    [Fact]
    public void ASecretsSnippetHasEveryQuotedValueMaskedButKeepsJsonKeys()
    {
        var snippet = "  \"Jwt\": {\n    \"SigningKey\": \"super-secret-signing-key-1234567890\",\n    \"Issuer\": \"orders\"";

        var masked = SnippetMasker.Mask(snippet, maskEverything: true);

        Assert.DoesNotContain("super-secret", masked);
        Assert.Contains("\"SigningKey\": \"supe…(35 chars)\"", masked);
        Assert.Contains("\"Issuer\": \"…(6 chars)\"", masked);
    }

    [Fact]
    public void EnvFileValuesAreMasked()
    {
        var masked = SnippetMasker.Mask("DB_HOST=db\nDB_PASSWORD=Pa55w0rd!Pa55w0rd!\nPORT=5432", maskEverything: true);

        Assert.DoesNotContain("Pa55w0rd", masked);
        Assert.Contains("DB_PASSWORD=Pa55…(18 chars)", masked);
    }

    [Fact]
    public void OtherSnippetsAreMaskedOnlyOnLinesNamingACredential()
    {
        var snippet = "policy.WithOrigins(\"https://orders.example\");\nvar apiKey = \"sk_live_0123456789abcdef\";";

        var masked = SnippetMasker.Mask(snippet, maskEverything: false);

        Assert.Contains("\"https://orders.example\"", masked);
        Assert.DoesNotContain("0123456789abcdef", masked);
    }

    [Fact]
    public void PlaceholdersStayReadable()
    {
        Assert.Equal("\"Password\": \"${DB_PASSWORD}\"", SnippetMasker.Mask("\"Password\": \"${DB_PASSWORD}\"", maskEverything: true));
    }
}
