using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>The generated fakes are what the engine recognises: otherwise the rule tests would test nothing.</summary>
public class FakeTokensTests
{
    public static IEnumerable<object[]> Tokens() =>
    [
        ["github-pat-classic", FakeTokens.GitHubPat()],
        ["aws-access-key-id", FakeTokens.AwsAccessKeyId()],
        ["stripe-secret-key", FakeTokens.StripeLiveKey()],
        ["slack-bot-token", FakeTokens.SlackBotToken()],
        ["sendgrid-api-key", FakeTokens.SendGridKey()],
        ["private-key", FakeTokens.PrivateKeyPem()],
        ["jwt", FakeTokens.Jwt()],
    ];

    [Theory]
    [MemberData(nameof(Tokens))]
    public void EngineFindsEachFake(string formatId, string token)
    {
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan("value = \"" + token + "\";", matches);
        Assert.Contains(matches, m => m.Format.Id == formatId || m.Format.Id.StartsWith(formatId, StringComparison.Ordinal));
    }

    [Fact]
    public void BadChecksumIsNotFound()
    {
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan(FakeTokens.GitHubPatWithBadChecksum(), matches);
        Assert.Empty(matches);
    }
}
