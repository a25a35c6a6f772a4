using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Tests.Internals;

public class SecretMaskTests
{
    [Theory]
    [InlineData("ghp_0123456789abcdefghij0123456789abcdef", "ghp_…(40 chars)")]
    [InlineData("0123456789abcdef", "0123…(16 chars)")]
    [InlineData("Sm7pQ2vXr9Lz!", "…(13 chars)")]
    [InlineData("abc", "…(3 chars)")]
    [InlineData("", "…(0 chars)")]
    public void LongValuesShowFourCharactersShortOnesNone(string value, string masked) => Assert.Equal(masked, SecretMask.Mask(value));

    [Fact]
    public void NullIsMaskedAsEmpty() => Assert.Equal("…(0 chars)", SecretMask.Mask(null!));
}
