using System.Text;
using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>
/// Format-valid but synthetic secrets, generated at run time so that no push-protection-blockable token is committed.
/// Deterministic (fixed seeds), so test failures reproduce.
/// </summary>
public static class FakeTokens
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base32Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Base64 = Alnum + "+/";

    /// <summary>A GitHub personal access token (classic) with a valid CRC32 checksum.</summary>
    public static string GitHubPat(int seed = 1)
    {
        var random = Random(new Random(seed), Alnum, 30);
        return "ghp_" + random + TokenChecksum.Base62Checksum(random);
    }

    /// <summary>A GitHub token whose checksum is wrong: a look-alike the engine rejects.</summary>
    public static string GitHubPatWithBadChecksum(int seed = 1)
    {
        var token = GitHubPat(seed);
        var last = token[^1] == 'a' ? 'b' : 'a';
        return token[..^1] + last;
    }

    public static string AwsAccessKeyId(int seed = 2) => "AKIA" + Random(new Random(seed), Base32Upper, 16);

    public static string StripeLiveKey(int seed = 3) => "sk_" + "live_" + Random(new Random(seed), Alnum, 24);

    public static string SlackBotToken(int seed = 4)
    {
        var random = new Random(seed);
        return "xoxb-" + Random(random, "0123456789", 12) + "-" + Random(random, "0123456789", 13) + "-" + Random(random, Alnum, 24);
    }

    public static string SendGridKey(int seed = 5)
    {
        var random = new Random(seed);
        return "SG." + Random(random, Alnum + "-_", 22) + "." + Random(random, Alnum + "-_", 43);
    }

    /// <summary>A PEM RSA private key block with a random (not a real key) base64 body, lines joined by "\n".</summary>
    public static string PrivateKeyPem(int seed = 6)
    {
        var random = new Random(seed);
        var body = new StringBuilder();
        for (var line = 0; line < 6; line++)
        {
            body.Append(Random(random, Base64, 64)).Append('\n');
        }

        return "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----";
    }

    /// <summary>A JWT whose header decodes to {"alg":"HS256","typ":"JWT"}.</summary>
    public static string Jwt(int seed = 7)
    {
        static string B64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var random = new Random(seed);
        return B64Url("""{"alg":"HS256","typ":"JWT"}""") + "." + B64Url($$"""{"sub":"fake-{{random.Next(1000, 9999)}}","name":"Synthetic"}""")
            + "." + Random(random, Alnum + "-_", 43);
    }

    private static string Random(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
