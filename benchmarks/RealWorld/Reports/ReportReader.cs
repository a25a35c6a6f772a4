using System.Text.Json;
using RealWorld.Corpus;

namespace RealWorld.Reports;

/// <summary>Reads the JSON reports of one run folder (RUNDIR/&lt;mode&gt;/&lt;owner+name&gt;/readiness-report.json).</summary>
internal static class ReportReader
{
    public const string ReportFile = "readiness-report.json";

    public static IReadOnlyList<AuditReport> LoadRun(string runFolder)
    {
        if (!Directory.Exists(runFolder))
        {
            throw new UsageException($"{runFolder}: run folder not found");
        }

        var reports = new List<AuditReport>();
        foreach (var dir in Directory.GetDirectories(runFolder).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, ReportFile);
            if (File.Exists(file))
            {
                reports.Add(Load(file, Repository.NameOfFolder(Path.GetFileName(dir))));
            }
        }

        return reports;
    }

    public static AuditReport Load(string file, string repo)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            var categories = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var check in root.GetProperty("checks").EnumerateArray())
            {
                categories[check.GetProperty("id").GetString()!] = check.GetProperty("category").GetString()!;
            }

            var findings = new List<AuditedFinding>();
            var seen = new HashSet<(string, int, int, string, string)>();
            foreach (var f in root.GetProperty("findings").EnumerateArray())
            {
                var checkId = f.GetProperty("checkId").GetString()!;
                var rule = f.TryGetProperty("ruleId", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 } id ? id : checkId;
                var path = NormalisePath(f.GetProperty("path").GetString() ?? string.Empty);
                var line = f.GetProperty("line").GetInt32();
                var column = f.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;

                var message = f.GetProperty("message").GetString() ?? string.Empty;

                // A rule listed by two checks yields the same diagnostic twice; it is one finding.
                if (!seen.Add((path, line, column, rule, message)))
                {
                    continue;
                }

                findings.Add(new AuditedFinding(
                    repo,
                    path,
                    line,
                    column,
                    rule,
                    categories.GetValueOrDefault(checkId, "?"),
                    checkId,
                    message));
            }

            var skipped = root.GetProperty("skipped").EnumerateArray()
                .Select(s => new SkippedEntry(s.GetProperty("path").GetString() ?? string.Empty, s.GetProperty("reason").GetString() ?? string.Empty))
                .ToList();
            var projects = root.GetProperty("projects").EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToList();

            return new AuditReport(
                repo,
                file,
                root.GetProperty("verdict").GetString() ?? "?",
                root.GetProperty("score").GetInt32(),
                projects,
                findings,
                skipped);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"{file}: not a readable readiness JSON report ({e.Message})");
        }
    }

    /// <summary>Repository-root-relative, forward slashes, no leading `./` (the report should already be so; be sure).</summary>
    public static string NormalisePath(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.TrimStart('/');
    }
}
