using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Loading;

namespace Readiness.Checklist.Baselines;

/// <summary>
/// The known failures of a repository, by fingerprint: check id + rule id + repository-relative path + a hash
/// of the whitespace-normalized finding message; never a line number, so moving code does not make a failure new.
/// A baseline changes the gate (only new failures fail it), never the score.
/// </summary>
public sealed class Baseline
{
    public const int SchemaVersion = 1;

    private readonly HashSet<string> _fingerprints;

    public Baseline(IEnumerable<string> fingerprints)
    {
        _fingerprints = new HashSet<string>(fingerprints, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Fingerprints => _fingerprints;

    public bool Contains(string fingerprint) => _fingerprints.Contains(fingerprint);

    /// <summary>A failing check is new when one of its fingerprints is not in the baseline.</summary>
    public bool IsNew(CheckResult check) =>
        check.Status == CheckStatus.Failed && FingerprintsOf(check).Any(f => !_fingerprints.Contains(f));

    /// <summary>The baseline of every failing check of an audit.</summary>
    public static Baseline Create(AuditResult result) =>
        new(result.Checks.Where(c => c.Status == CheckStatus.Failed).SelectMany(FingerprintsOf));

    /// <summary>Reads a baseline written by <see cref="Save"/>; a bad file throws <see cref="ChecklistException"/> (exit 2).</summary>
    public static Baseline Load(string path)
    {
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
            if (root?["fingerprints"] is not JsonArray array)
            {
                throw Bad(path, "a baseline is a JSON object with a \"fingerprints\" array");
            }

            var prints = new List<string>();
            foreach (var item in array)
            {
                var value = item is JsonObject entry ? entry["fingerprint"]?.GetValue<string>() : item?.GetValue<string>();
                if (string.IsNullOrEmpty(value))
                {
                    throw Bad(path, "every fingerprint entry needs a \"fingerprint\" string");
                }

                prints.Add(value);
            }

            return new Baseline(prints);
        }
        catch (JsonException ex)
        {
            throw new ChecklistException([new ChecklistError(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "baseline is not valid JSON: " + ex.Message)]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            throw Bad(path, "cannot read the baseline: " + ex.Message);
        }
    }

    /// <summary>Writes the baseline whole or not at all, sorted so that it diffs well.</summary>
    public void Save(string path)
    {
        var document = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["fingerprints"] = new JsonArray(_fingerprints.Order(StringComparer.Ordinal).Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        };
        AtomicFile.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>
    /// The fingerprints of a failing check: one per finding ("checkId/ruleId/path/hash", with "#n" for the n-th
    /// identical finding of a file), or "checkId" alone when the check fails without findings.
    /// </summary>
    public static IReadOnlyList<string> FingerprintsOf(CheckResult check)
    {
        if (check.Findings.Count == 0)
        {
            return [check.Id];
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var prints = new List<string>(check.Findings.Count);
        foreach (var finding in check.Findings)
        {
            var print = Fingerprint(check.Id, finding);
            var n = seen[print] = seen.GetValueOrDefault(print) + 1;
            prints.Add(n == 1 ? print : $"{print}#{n}");
        }

        return prints;
    }

    /// <summary>checkId/ruleId/path/first 16 hex digits of SHA-256 over the whitespace-normalized message.</summary>
    public static string Fingerprint(string checkId, Finding finding) =>
        $"{checkId}/{finding.RuleId}/{finding.FilePath}/{TextHash(finding.Message)}";

    /// <summary>Hash of the text with runs of whitespace collapsed, so re-indenting does not make a finding new.</summary>
    public static string TextHash(string text)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..16];
    }

    private static ChecklistException Bad(string path, string message) => new([new ChecklistError(path, 1, 1, message)]);
}
