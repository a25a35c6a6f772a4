using System.Text;
using Readiness.Cli.Discovery;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.Discovery;

public sealed class TextFileReaderTests
{
    [Fact]
    public void Utf8WithAByteOrderMarkIsReadWithoutIt()
    {
        using var repo = new TempRepository();
        repo.WriteBytes("a.cs", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("class Ä {}")]);

        var result = TextFileReader.Read(repo.PathOf("a.cs"), 1000);

        Assert.Equal("class Ä {}", result.Text);
    }

    [Fact]
    public void NulBytesMakeAFileBinary()
    {
        using var repo = new TempRepository();
        repo.WriteBytes("a.cs", [0x63, 0x00, 0x61]);

        var result = TextFileReader.Read(repo.PathOf("a.cs"), 1000);

        Assert.False(result.IsRead);
        Assert.Contains("binary", result.SkipReason);
    }

    [Fact]
    public void Latin1BytesAreNotUtf8()
    {
        using var repo = new TempRepository();
        repo.WriteBytes("a.json", Encoding.Latin1.GetBytes("{ \"name\": \"Müller\" }"));

        var result = TextFileReader.Read(repo.PathOf("a.json"), 1000);

        Assert.False(result.IsRead);
        Assert.Contains("not valid UTF-8", result.SkipReason);
    }

    [Fact]
    public void AFileOverTheLimitIsTooLargeAndSaysTheLimit()
    {
        using var repo = new TempRepository();
        repo.Write("big.cs", new string('a', 3000));

        var result = TextFileReader.Read(repo.PathOf("big.cs"), 2048);

        Assert.False(result.IsRead);
        Assert.Contains("too large", result.SkipReason);
        Assert.Contains("limit is 2 KB", result.SkipReason);
    }
}
