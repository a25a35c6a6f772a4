using System.Text;
using ReadinessAnalyzers.Internals.Secrets;

namespace SecretScanner.Benchmarks;

/// <summary>One generated file: a path relative to the tree root and its content.</summary>
public sealed record TreeFile(string Path, string Content);

/// <summary>
/// A deterministic tree of realistic C#, JSON and text files (an ASP.NET Core solution's worth of code, configuration and
/// docs), with a few planted fake secrets generated at run time. Same seed, same tree: the in-process benchmark and the
/// on-disk tree secretlint scans are the same bytes.
/// </summary>
public static class SourceTree
{
    public const int DefaultMegabytes = 64;

    public static IReadOnlyList<TreeFile> Generate(int megabytes, out int planted)
    {
        var random = new Random(42);
        var files = new List<TreeFile>();
        var target = megabytes * 1024L * 1024L;
        long total = 0;
        var index = 0;
        planted = 0;
        while (total < target)
        {
            var kind = random.Next(100);
            var plant = index % 40 == 7;
            TreeFile file = kind < 60 ? CSharpFile(random, index, plant)
                : kind < 85 ? JsonFile(random, index, plant)
                : TextFile(random, index, plant);
            if (plant)
            {
                planted++;
            }

            files.Add(file);
            total += Encoding.UTF8.GetByteCount(file.Content);
            index++;
        }

        return files;
    }

    private static readonly string[] Nouns = { "Order", "Customer", "Invoice", "Payment", "Shipment", "Product", "Basket", "Tenant", "Report", "Audit" };
    private static readonly string[] Verbs = { "Get", "Create", "Update", "Delete", "List", "Search", "Approve", "Cancel", "Export", "Import" };
    private static readonly string[] Words =
    {
        "the", "service", "returns", "a", "task", "that", "completes", "when", "request", "is", "processed", "by", "pipeline", "and",
        "logs", "each", "step", "with", "its", "correlation", "identifier", "so", "operators", "can", "trace", "failures", "across",
        "instances", "password", "reset", "flow", "sends", "an", "email", "token", "expires", "after", "one", "hour", "secret",
        "rotation", "is", "handled", "by", "key", "vault", "configuration", "reload", "ask", "desk", "risk",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Sentence(Random random, int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Pick(random, Words));
        }

        return builder.ToString();
    }

    private static string Hex(Random random, int length)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = digits[random.Next(16)];
        }

        return new string(chars);
    }

    private static string Guid(Random random) => $"{Hex(random, 8)}-{Hex(random, 4)}-{Hex(random, 4)}-{Hex(random, 4)}-{Hex(random, 12)}";

    private static TreeFile CSharpFile(Random random, int index, bool plant)
    {
        var noun = Pick(random, Nouns);
        var builder = new StringBuilder();
        builder.Append("using System;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Mvc;\nusing Microsoft.Extensions.Logging;\n\n");
        builder.Append($"namespace Contoso.{noun}s.Api;\n\n/// <summary>Handles {noun.ToLowerInvariant()} requests.</summary>\n[ApiController]\n[Route(\"api/{noun.ToLowerInvariant()}s\")]\n");
        builder.Append($"public sealed class {noun}Controller{index} : ControllerBase\n{{\n    private readonly I{noun}Repository _repository;\n    private readonly ILogger<{noun}Controller{index}> _logger;\n\n");
        var methods = random.Next(20, 120);
        for (var m = 0; m < methods; m++)
        {
            var verb = Pick(random, Verbs);
            builder.Append($"    // {Sentence(random, random.Next(6, 16))}\n");
            builder.Append($"    [HttpGet(\"{{id:int}}/{verb.ToLowerInvariant()}\")]\n");
            builder.Append($"    public async Task<IActionResult> {verb}{noun}{m}Async(int id, CancellationToken cancellationToken)\n    {{\n");
            builder.Append($"        var entity = await _repository.FindAsync(id, cancellationToken).ConfigureAwait(false);\n");
            builder.Append("        if (entity is null)\n        {\n            return NotFound();\n        }\n\n");
            builder.Append($"        _logger.LogInformation(\"{verb} {noun} {{Id}} for tenant {{Tenant}} in {{Elapsed}} ms\", id, entity.TenantId, {random.Next(1000)});\n");
            builder.Append($"        var items = entity.Lines.Where(l => l.Quantity > {random.Next(10)}).Select(l => new {{ l.Sku, l.Quantity, Total = l.Price * l.Quantity }}).ToList();\n");
            builder.Append($"        var options = new {noun}Options {{ Region = \"westeurope\", RetryCount = {random.Next(5)}, Endpoint = \"https://api.contoso.com/v{random.Next(1, 4)}/{noun.ToLowerInvariant()}s\" }};\n");
            builder.Append($"        var password = _configuration[\"{noun}:Password\"]; // read from Key Vault at startup\n");
            builder.Append($"        var correlationId = \"{Guid(random)}\";\n");
            builder.Append("        return Ok(new { entity.Id, items, options, correlationId });\n    }\n\n");
        }

        if (plant)
        {
            builder.Append(Planted(random, index)).Append('\n');
        }

        builder.Append("}\n");
        return new TreeFile($"src/Contoso.{noun}s/Controllers/{noun}Controller{index}.cs", builder.ToString());
    }

    private static TreeFile JsonFile(Random random, int index, bool plant)
    {
        var builder = new StringBuilder();
        builder.Append("{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },\n  \"AllowedHosts\": \"*\",\n");
        builder.Append("  \"ConnectionStrings\": { \"Default\": \"Server=sql.internal;Database=orders;Trusted_Connection=True;TrustServerCertificate=True\" },\n");
        builder.Append("  \"Items\": [\n");
        var items = random.Next(100, 800);
        for (var i = 0; i < items; i++)
        {
            var noun = Pick(random, Nouns);
            builder.Append($"    {{ \"id\": \"{Guid(random)}\", \"name\": \"{noun} {i}\", \"description\": \"{Sentence(random, random.Next(4, 12))}\", ");
            builder.Append($"\"url\": \"https://cdn.contoso.com/{noun.ToLowerInvariant()}/{Hex(random, 16)}.png\", \"thumbprint\": \"{Hex(random, 40).ToUpperInvariant()}\", ");
            builder.Append($"\"price\": {random.Next(1, 10000) / 100.0:0.00}, \"tags\": [\"{Pick(random, Words)}\", \"{Pick(random, Words)}\"], \"active\": {(random.Next(2) == 0 ? "true" : "false")} }},\n");
        }

        if (plant)
        {
            builder.Append($"    {{ \"note\": \"{Planted(random, index).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\" }},\n");
        }

        builder.Append("    { \"end\": true }\n  ]\n}\n");
        return new TreeFile($"config/{Pick(random, Nouns).ToLowerInvariant()}/appsettings.{index}.json", builder.ToString());
    }

    private static TreeFile TextFile(Random random, int index, bool plant)
    {
        var builder = new StringBuilder();
        builder.Append($"# {Pick(random, Nouns)} service notes\n\n");
        var paragraphs = random.Next(30, 200);
        for (var p = 0; p < paragraphs; p++)
        {
            builder.Append(Sentence(random, random.Next(20, 60))).Append(".\n");
            if (p % 7 == 0)
            {
                builder.Append($"- See https://docs.contoso.com/{Pick(random, Nouns).ToLowerInvariant()}#{Hex(random, 6)} and run `dotnet run --project src/Api`.\n");
            }
        }

        if (plant)
        {
            builder.Append(Planted(random, index)).Append('\n');
        }

        return new TreeFile($"docs/{Pick(random, Nouns).ToLowerInvariant()}-{index}.md", builder.ToString());
    }

    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static string Random62(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alnum[random.Next(Alnum.Length)];
        }

        return new string(chars);
    }

    /// <summary>A fake secret of one of a few formats both scanners know, generated now, never committed.</summary>
    private static string Planted(Random random, int index)
    {
        switch (index / 40 % 6)
        {
            case 0:
                var body = Random62(random, 30);
                return "    private const string GitHubToken = \"ghp_" + body + TokenChecksum.Base62Checksum(body) + "\";";
            case 1:
                const string base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
                var id = new char[16];
                for (var i = 0; i < 16; i++)
                {
                    id[i] = base32[random.Next(32)];
                }

                return "    private const string AwsAccessKeyId = \"AKIA" + new string(id) + "\";";
            case 2:
                return "    private const string StripeKey = \"sk_live_" + Random62(random, 24) + "\";";
            case 3:
                return "    private const string Slack = \"https://hooks.slack.com/services/T" + Random62(random, 8).ToUpperInvariant() + "/B"
                    + Random62(random, 10).ToUpperInvariant() + "/" + Random62(random, 24) + "\";";
            case 4:
                var key = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
                for (var line = 0; line < 12; line++)
                {
                    key.Append(Random62(random, 64)).Append('\n');
                }

                return key.Append("-----END RSA PRIVATE KEY-----").ToString();
            default:
                return "    private const string Db = \"mongodb+srv://orders:" + Random62(random, 20) + "@cluster0.contoso.mongodb.net/orders\";";
        }
    }
}
