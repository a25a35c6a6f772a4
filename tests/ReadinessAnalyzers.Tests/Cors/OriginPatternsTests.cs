using ReadinessAnalyzers.Cors;

namespace ReadinessAnalyzers.Tests.Cors;

public class OriginPatternsTests
{
    [Theory]
    [InlineData("https://contoso.com", "https", "contoso.com", 443, false)]
    [InlineData(" HTTP://Shop.Contoso.com ", "http", "shop.contoso.com", 80, false)]
    [InlineData("https://*.contoso.com", "https", "contoso.com", 443, true)]
    [InlineData("https://partner.example:8443", "https", "partner.example", 8443, false)]
    [InlineData("http://localhost:5000", "http", "localhost", 5000, false)]
    [InlineData("https://*.eu.contoso.co.uk", "https", "eu.contoso.co.uk", 443, true)]
    public void ValidPatternsAreRead(string text, string scheme, string host, int port, bool isWildcard)
    {
        Assert.True(OriginPatterns.TryParse(text, out var pattern));
        Assert.Equal(scheme, pattern.Scheme);
        Assert.Equal(host, pattern.Host);
        Assert.Equal(port, pattern.Port);
        Assert.Equal(isWildcard, pattern.IsWildcard);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("contoso.com")]
    [InlineData("ftp://contoso.com")]
    [InlineData("https://")]
    [InlineData("https://*")]
    [InlineData("https://*.com")]
    [InlineData("https://*.*.contoso.com")]
    [InlineData("https://a.*.contoso.com")]
    [InlineData("https://contoso.com/")]
    [InlineData("https://contoso.com/api")]
    [InlineData("https://contoso.com?x=1")]
    [InlineData("https://user@contoso.com")]
    [InlineData("https://contoso.com:0")]
    [InlineData("https://contoso.com:65536")]
    [InlineData("https://contoso.com:")]
    [InlineData("https://-contoso.com")]
    [InlineData("https://contoso..com")]
    [InlineData("https://contoso.com.")]
    public void InvalidPatternsAreRejected(string text) => Assert.False(OriginPatterns.TryParse(text, out _));

    [Theory]
    [InlineData("https://*.contoso.com", "https://shop.contoso.com", true)]
    [InlineData("https://*.contoso.com", "https://a.b.contoso.com", true)]
    [InlineData("https://*.contoso.com", "https://*.eu.contoso.com", true)]
    [InlineData("https://*.contoso.com", "https://*.contoso.com:443", true)]
    [InlineData("https://*.contoso.com", "https://contoso.com", false)]
    [InlineData("https://*.contoso.com", "https://notcontoso.com", false)]
    [InlineData("https://*.contoso.com", "https://*.com.contoso.org", false)]
    [InlineData("https://*.contoso.com", "http://shop.contoso.com", false)]
    [InlineData("https://*.contoso.com", "https://shop.contoso.com:8443", false)]
    [InlineData("https://*.eu.contoso.com", "https://*.contoso.com", false)]
    [InlineData("https://shop.contoso.com", "https://shop.contoso.com", true)]
    [InlineData("https://shop.contoso.com", "https://*.shop.contoso.com", false)]
    [InlineData("https://shop.contoso.com", "https://admin.contoso.com", false)]
    public void APatternAllowsTheOriginsItCovers(string pattern, string origin, bool allows)
    {
        Assert.True(OriginPatterns.TryParse(pattern, out var parsedPattern));
        Assert.True(OriginPatterns.TryParse(origin, out var parsedOrigin));
        Assert.Equal(allows, parsedPattern.Allows(parsedOrigin));
    }
}
