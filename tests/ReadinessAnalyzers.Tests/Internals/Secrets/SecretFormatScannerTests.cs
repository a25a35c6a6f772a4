using System.Text;
using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Tests.Internals.Secrets;

public class SecretFormatScannerTests
{
    private static List<SecretMatch> Scan(string text)
    {
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan(text, matches);
        return matches;
    }

    private static string Describe(string text, IEnumerable<SecretMatch> matches) =>
        string.Join(", ", matches.Select(m => $"{m.Format.Id}[{text.Substring(m.Start, m.Length)}]"));

    [Fact]
    public void AtLeastSixtyFormatsAreKnown() => Assert.True(SecretFormatScanner.Formats.Count >= 60, $"{SecretFormatScanner.Formats.Count} formats");

    [Fact]
    public void EveryFormatHasAGenerator()
    {
        var ids = SecretFormatScanner.Formats.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(ids.Except(SecretFormatSamples.Ids));
        Assert.Empty(SecretFormatSamples.Ids.Except(ids));
    }

    [Fact]
    public void FormatIdsAreUniqueKebabCaseAndFormatsAreDescribed()
    {
        var formats = SecretFormatScanner.Formats;
        Assert.Equal(formats.Count, formats.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var format in formats)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", format.Id);
            Assert.False(string.IsNullOrWhiteSpace(format.Name), format.Id);
            Assert.False(string.IsNullOrWhiteSpace(format.Provider), format.Id);
            Assert.NotEmpty(format.Keywords);
            Assert.Same(format, SecretFormatScanner.Find(format.Id));
            if (!format.KeywordsCaseSensitive)
            {
                Assert.All(format.Keywords, k => Assert.Equal(k.ToLowerInvariant(), k));
            }
        }
    }

    [Theory]
    [MemberData(nameof(SecretFormatSamples.All), MemberType = typeof(SecretFormatSamples))]
    public void GeneratedSecretIsFoundWithItsFormatAndExactSpan(string id)
    {
        var sample = SecretFormatSamples.Create(id);
        var matches = Scan(sample.Text);
        var own = matches.Where(m => m.Format.Id == id).ToList();
        Assert.True(own.Count == 1, $"{id}: expected one match in {sample.Text}\nfound: {Describe(sample.Text, matches)}");
        Assert.Equal(sample.Secret, sample.Text.Substring(own[0].Start, own[0].Length));
        Assert.True(SecretFormatScanner.MayContainSecret(sample.Text));
    }

    [Theory]
    [MemberData(nameof(SecretFormatSamples.All), MemberType = typeof(SecretFormatSamples))]
    public void GeneratedSecretIsFoundInsideARegionOfALargerText(string id)
    {
        var sample = SecretFormatSamples.Create(id);
        var text = "// header line\n" + sample.Text + "\n// trailer line\n";
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan(text, 15, sample.Text.Length, matches);
        var own = matches.Single(m => m.Format.Id == id);
        Assert.Equal(sample.Secret, text.Substring(own.Start, own.Length));
    }

    [Theory]
    [MemberData(nameof(SecretFormatSamples.All), MemberType = typeof(SecretFormatSamples))]
    public void NearMissesAreNotReportedAsTheFormat(string id)
    {
        var sample = SecretFormatSamples.Create(id);
        Assert.NotEmpty(sample.Decoys);
        foreach (var decoy in sample.Decoys)
        {
            Assert.NotEqual(sample.Text, decoy);
            var matches = Scan(decoy);
            Assert.False(matches.Any(m => m.Format.Id == id), $"{id}: decoy reported: {decoy}\nfound: {Describe(decoy, matches)}");
        }
    }

    [Fact]
    public void NoGeneratedSecretIsReportedUnderAnotherFormatOnTheSameSpan()
    {
        foreach (var id in SecretFormatSamples.Ids)
        {
            var sample = SecretFormatSamples.Create(id);
            var matches = Scan(sample.Text);
            var own = matches.Single(m => m.Format.Id == id);
            Assert.DoesNotContain(matches, m => m.Format.Id != id && m.Start < own.End && own.Start < m.End);
        }
    }

    [Fact]
    public void ScanningAllSamplesTogetherFindsEachOfThem()
    {
        var samples = SecretFormatSamples.Ids.Select(SecretFormatSamples.Create).ToList();
        var text = string.Join("\n\n", samples.Select(s => s.Text));
        var found = Scan(text).Select(m => m.Format.Id).ToHashSet(StringComparer.Ordinal);
        var missing = samples.Select(s => s.FormatId).Where(id => !found.Contains(id)).ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    [Fact]
    public void MatchesOfOneScanAreOrderedByPosition()
    {
        var text = string.Join("\n", SecretFormatSamples.Ids.Select(SecretFormatSamples.Create).Select(s => s.Text));
        var matches = Scan(text);
        Assert.True(matches.Count > 100);
        for (var i = 1; i < matches.Count; i++)
        {
            Assert.True(matches[i - 1].Start <= matches[i].Start);
            Assert.True(matches[i - 1].End <= matches[i].Start, $"overlap: {matches[i - 1]} {matches[i]}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("public class OrdersController : ControllerBase { public Task<IActionResult> Get() => Task.FromResult<IActionResult>(Ok()); }")]
    [InlineData("{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }, \"AllowedHosts\": \"*\" }")]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    public void CleanTextHasNoCandidateAndNoMatch(string text)
    {
        Assert.False(SecretFormatScanner.MayContainSecret(text));
        Assert.Empty(Scan(text));
    }

    [Theory]
    [InlineData("\"ConnectionStrings\": { \"Default\": \"Server=db;Database=orders;Trusted_Connection=True\" }")]
    [InlineData("\"Password\": \"\"")]
    [InlineData("var password = configuration[\"Db:Password\"];")]
    [InlineData("\"Redis\": \"localhost:6379,abortConnect=false\"")]
    [InlineData("https://api.contoso.com/v1/orders?page=2")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("\"UserSecretsId\": \"aspnet-Orders-0d5a3c2e-7f4b-4a7e-9c1d-2b3e4f5a6b7c\"")]
    [InlineData("Server=db;Database=orders;User Id=app;Password=${DB_PASSWORD}")]
    [InlineData("Server=db;Database=orders;User Id=app;Password=%DB_PASSWORD%")]
    [InlineData("Server=db;Database=orders;User Id=app;Password=<your-password>")]
    [InlineData("Host=db;Username=app;Password=#{DbPassword}#")]
    [InlineData("mongodb://app:$(MongoPassword)@db:27017/orders")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("sk_live_1234567890abcdefghijklmn")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----")]
    [InlineData("Task<string> ask = desk.SkipWhile(task => task.IsCompleted);")]
    public void NonSecretsAreNotReported(string text) => Assert.True(Scan(text).Count == 0, Describe(text, Scan(text)));

    [Fact]
    public void StripeTestKeysAreMarkedAsTestCredentials()
    {
        Assert.True(SecretFormatScanner.Find("stripe-test-key")!.IsTestCredential);
        Assert.False(SecretFormatScanner.Find("stripe-secret-key")!.IsTestCredential);
    }

    [Fact]
    public void ChecksummedFormatsSayTheyHaveAChecksum()
    {
        Assert.True(SecretFormatScanner.Find("github-pat-classic")!.HasChecksum);
        Assert.True(SecretFormatScanner.Find("npm-token")!.HasChecksum);
        Assert.False(SecretFormatScanner.Find("stripe-secret-key")!.HasChecksum);
    }

    [Fact]
    public void GitHubChecksumMatchesThePublishedAlgorithm()
    {
        // CRC32("123456789") is the standard check value 0xCBF43926.
        Assert.Equal(0xCBF43926u, TokenChecksum.Crc32("123456789", 0, 9));
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var token = SecretFormatSamples.GitHubStyle(random, "ghp_");
            Assert.True(TokenChecksum.IsValidBase62Crc(token, 0, token.Length));
        }
    }

    [Fact]
    public void RandomLookAlikesOfChecksummedTokensAreRejected()
    {
        var random = new Random(11);
        var reported = 0;
        for (var i = 0; i < 2000; i++)
        {
            reported += Scan("ghp_" + SecretFormatSamples.R(random, SecretFormatSamples.Alnum, 36)).Count;
        }

        Assert.Equal(0, reported);
    }

    [Fact]
    public void ServiceAccountKeyWinsOverThePrivateKeyInsideIt()
    {
        var sample = SecretFormatSamples.Create("gcp-service-account-key");
        var matches = Scan(sample.Text);
        Assert.Single(matches);
        Assert.Equal("gcp-service-account-key", matches[0].Format.Id);
    }

    [Fact]
    public void SentryDsnSecretWinsOverTheGenericUriPassword()
    {
        var sample = SecretFormatSamples.Create("sentry-dsn-secret");
        var matches = Scan(sample.Text);
        Assert.Equal("sentry-dsn-secret", Assert.Single(matches).Format.Id);
    }

    [Fact]
    public void MatchesOutsideTheRegionAreNotReported()
    {
        var token = SecretFormatSamples.GitHubStyle(new Random(3), "ghp_");
        var text = $"a = \"{token}\"; b = \"clean\";";
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan(text, text.IndexOf("b =", StringComparison.Ordinal), 10, matches);
        Assert.Empty(matches);

        // A region that cuts the token is not a token either.
        SecretFormatScanner.Scan(text, 5, 20, matches);
        Assert.Empty(matches);
    }

    [Fact]
    public void ScanAppendsWithoutTouchingEarlierMatches()
    {
        var sample = SecretFormatSamples.Create("gcp-api-key");
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan(sample.Text, matches);
        SecretFormatScanner.Scan(sample.Text, matches);
        Assert.Equal(2, matches.Count);
    }

    [Fact]
    public void ArgumentsAreValidated()
    {
        Assert.Throws<ArgumentNullException>(() => SecretFormatScanner.Scan(null!, new List<SecretMatch>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => SecretFormatScanner.Scan("abc", 2, 5, new List<SecretMatch>()));
        Assert.False(SecretFormatScanner.MayContainSecret(null));
    }

    [Fact]
    public void ScanningCleanTextAllocatesNothing()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            builder.Append("    public async Task<IActionResult> GetOrder(int id, CancellationToken cancellationToken) => Ok(await _db.Orders.FindAsync(id));\n");
            builder.Append("  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },\n");
        }

        var text = builder.ToString();
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan(text, matches);
        var before = GC.GetAllocatedBytesForCurrentThread();
        SecretFormatScanner.Scan(text, matches);
        SecretFormatScanner.MayContainSecret(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Empty(matches);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void PathologicalInputFindsNothingAndDoesNotThrow()
    {
        // Runs of keyword fragments with nothing valid behind them. Its speed (linear, no backtracking blow-up) is
        // measured by the PathologicalScanBenchmarks in benchmarks/SecretScanner.Benchmarks, not by a timed test.
        var matches = new List<SecretMatch>();
        SecretFormatScanner.Scan(PathologicalInput.Create(repetitions: 2000), matches);
        Assert.Empty(matches);
    }
}
