using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.Tests.Fixes;

/// <summary>How the secret and CORS fixes add an empty key to appsettings.json: the file's layout is kept, nothing is duplicated.</summary>
public class AppSettingsKeysTests
{
    private static string? Add(string text, params string[] keys) => AppSettingsKeys.Add(text, keys);

    [Fact]
    public void NewSectionsAreAddedAfterTheLastMemberWithTheFilesIndentation()
        => Assert.Equal("{\n    \"AllowedHosts\": \"*\",\n    \"Jwt\": {\n        \"SigningKey\": \"\"\n    }\n}\n",
            Add("{\n    \"AllowedHosts\": \"*\"\n}\n", "Jwt:SigningKey"));

    [Fact]
    public void TabsAndCarriageReturnsAreKept()
        => Assert.Equal("{\r\n\t\"A\": 1,\r\n\t\"Smtp\": {\r\n\t\t\"Password\": \"\"\r\n\t}\r\n}",
            Add("{\r\n\t\"A\": 1\r\n}", "Smtp:Password"));

    [Fact]
    public void AnEmptyFileOrObjectGetsTheKey()
    {
        Assert.Equal("{\n  \"ApiKey\": \"\"\n}", Add("{}", "ApiKey"));
        Assert.Equal("{\n  \"Jwt\": {\n    \"Key\": \"\"\n  }\n}\n", Add("", "Jwt:Key"));
        Assert.Equal("{\n  \"Jwt\": {\n    \"Key\": \"\"\n  }\n}", Add("{\n  \"Jwt\": {}\n}", "Jwt:Key"));
    }

    [Fact]
    public void SingleLineObjectsStayOnOneLine()
    {
        Assert.Equal("{\n  \"Jwt\": { \"Issuer\": \"me\", \"Key\": \"\" }\n}", Add("{\n  \"Jwt\": { \"Issuer\": \"me\" }\n}", "Jwt:Key"));
        Assert.Equal("{ \"A\": 1, \"Jwt\": { \"Key\": \"\" } }", Add("{ \"A\": 1 }", "Jwt:Key"));
        Assert.Equal("{ \"A\": 1, \"B\": \"\", }", Add("{ \"A\": 1, }", "B"));
    }

    [Fact]
    public void SectionsAreFoundWhateverTheirCaseAndTheLastDuplicateWins()
        => Assert.Equal("{\n  \"jwt\": { \"Issuer\": \"a\" },\n  \"JWT\": {\n    \"Issuer\": \"b\",\n    \"Key\": \"\"\n  }\n}",
            Add("{\n  \"jwt\": { \"Issuer\": \"a\" },\n  \"JWT\": {\n    \"Issuer\": \"b\"\n  }\n}", "Jwt:Key"));

    [Fact]
    public void ExistingKeysAndKeysUnderAValueOrArrayAreLeftAlone()
    {
        const string Text = "{\n  \"Jwt\": { \"Key\": \"x\" },\n  \"Smtp\": \"relay\",\n  \"Hosts\": [ \"a\" ],\n  \"Db\": { \"Password\": {} }\n}";
        Assert.Equal(Text, Add(Text, "jwt:key", "Smtp:Password", "Hosts:Key", "Db:Password"));
    }

    [Fact]
    public void EachKeyIsAddedOnceInTheOrderGiven()
        => Assert.Equal("{\n  \"A\": 1,\n  \"Smtp\": {\n    \"Password\": \"\",\n    \"Host\": \"\"\n  },\n  \"ApiKey\": \"\"\n}",
            Add("{\n  \"A\": 1\n}", "Smtp:Password", "ApiKey", "smtp:password", "Smtp:Host"));

    [Fact]
    public void CommentsAfterTheLastMemberStayOnItsLine()
    {
        Assert.Equal("{\n  \"A\": 1, /* one */ // the first\n  \"B\": \"\"\n}", Add("{\n  \"A\": 1 /* one */ // the first\n}", "B"));
        Assert.Equal("{\n  \"A\": 1, /* one */\n  \"B\": \"\",\n}", Add("{\n  \"A\": 1, /* one */\n}", "B"));
    }

    [Fact]
    public void ACommaIsPutRightAfterTheLastValueNotAfterItsComment()
        => Assert.Equal("{\n  \"A\": 1, // the first\n  \"B\": \"\"\n}", Add("{\n  \"A\": 1 // the first\n}", "B"));

    [Fact]
    public void AClosingBraceOnTheLastMembersLineGetsItsOwnLine()
        => Assert.Equal("{\n  \"A\": {\n    \"B\": 1,\n    \"C\": \"\"\n  }\n}", Add("{\n  \"A\": {\n    \"B\": 1}\n}", "A:C"));

    [Fact]
    public void MalformedFilesAndFilesOfCommentsOnlyAreNotTouched()
    {
        Assert.Null(Add("{ \"A\": 1", "B"));
        Assert.Null(Add("[ 1, 2 ]", "B"));
        Assert.Null(Add("{ \"A\": 1 } trailing", "B"));
        Assert.Null(Add("// nothing yet\n", "B"));
        Assert.Null(Add("{ \"A\": /* unterminated }", "B"));
    }

    [Fact]
    public void AKeyWrittenAsOneNameWithColonsIsTheSameKey()
    {
        const string Flat = "{ \"Jwt:SigningKey\": \"\" }";
        Assert.Equal(Flat, Add(Flat, "Jwt:SigningKey"));
        const string Nested = "{ \"Payments\": { \"Stripe:ApiKey\": \"\" } }";
        Assert.Equal(Nested, Add(Nested, "Payments:Stripe:ApiKey"));
    }
}
