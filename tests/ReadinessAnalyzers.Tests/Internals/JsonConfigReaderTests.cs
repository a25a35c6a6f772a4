using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.Tests.Internals;

public class JsonConfigReaderTests
{
    private static List<JsonConfigEntry> Read(string json, bool expectValid = true)
    {
        var entries = new List<JsonConfigEntry>();
        var ok = JsonConfigReader.TryRead(json, entries, out var error);
        Assert.True(ok == expectValid, $"valid={ok}, error at {error}");
        return entries;
    }

    [Fact]
    public void NestedObjectsAndArraysFlattenToConfigurationPaths()
    {
        var entries = Read("""
            {
              "Jwt": { "Key": "abc", "Issuers": [ "a", { "Name": "b" } ] },
              "Port": 8080, "Enabled": true, "Missing": null
            }
            """);
        Assert.Equal(
            ["Jwt:Key", "Jwt:Issuers:0", "Jwt:Issuers:1:Name", "Port", "Enabled", "Missing"],
            entries.Select(e => e.Path));
        Assert.Equal("8080", entries[3].Value);
        Assert.Equal(JsonLeafKind.Number, entries[3].Kind);
        Assert.Equal(JsonLeafKind.True, entries[4].Kind);
        Assert.Null(entries[5].Value);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAllowedAsAspNetCoreAllowsThem()
    {
        var entries = Read("""
            // leading comment
            {
              /* block */ "A": "1", // trailing
              "B": [ "x", "y", ],
            }
            """);
        Assert.Equal(["A", "B:0", "B:1"], entries.Select(e => e.Path));
    }

    [Fact]
    public void ValueSpanIsTheStringContentWithoutQuotes()
    {
        const string json = "{ \"Jwt\": { \"Key\": \"s3cr\\\"et\" } }";
        var entry = Assert.Single(Read(json));
        Assert.Equal("s3cr\"et", entry.Value);
        Assert.Equal("s3cr\\\"et", json.Substring(entry.ValueSpan.Start, entry.ValueSpan.Length));
        Assert.Equal("Key", json.Substring(entry.KeySpan.Start, entry.KeySpan.Length));
        Assert.Equal("Key", entry.LastSegment);
    }

    [Fact]
    public void UnicodeEscapesAreDecoded()
    {
        var entry = Assert.Single(Read("{ \"A\": \"\\u0041b\" }"));
        Assert.Equal("Ab", entry.Value);
    }

    [Fact]
    public void PathsCompareCaseInsensitively() => Assert.Equal(0, JsonConfigReader.PathComparer.Compare("jwt:KEY", "Jwt:Key"));

    [Theory]
    [InlineData("{ \"A\": \"1\", \"B\": ")]
    [InlineData("{ \"A\": \"unterminated }")]
    [InlineData("{ \"A\" \"1\" }")]
    [InlineData("[ \"top-level array\" ]")]
    [InlineData("{ \"A\": \"1\" } trailing")]
    [InlineData("{ \"A\": tru }")]
    [InlineData("{ \"A\": \"\\q\" }")]
    [InlineData("{ /* unterminated ")]
    [InlineData("\"just a string\"")]
    public void MalformedInputIsReportedByPositionWithoutThrowing(string json)
    {
        var entries = new List<JsonConfigEntry>();
        Assert.False(JsonConfigReader.TryRead(json, entries, out var error));
        Assert.InRange(error, 0, json.Length);
    }

    [Fact]
    public void EntriesBeforeAnErrorAreKept()
    {
        var entries = Read("{ \"A\": \"1\", \"B\": { \"C\": \"2\" ", expectValid: false);
        Assert.Equal(["A", "B:C"], entries.Select(e => e.Path));
    }

    [Fact]
    public void DeepNestingStopsInsteadOfOverflowingTheStack()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        Read(json, expectValid: false);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("// nothing here\n")]
    [InlineData("\uFEFF{ }")]
    public void EmptyDocumentsAreValid(string json) => Assert.Empty(Read(json));
}
