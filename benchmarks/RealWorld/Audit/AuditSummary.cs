using System.Globalization;

namespace RealWorld.Audit;

/// <summary>One line of RUNDIR/&lt;mode&gt;/audit-summary.tsv: how the CLI ran on a repository.</summary>
internal sealed record AuditSummary(string Repo, int ExitCode, double Seconds, bool Report, int Findings, int Skipped, int NotRestored, int NotCompiled, int AnalyzerFailures)
{
    public const string FileName = "audit-summary.tsv";

    private const string Header = "repo\texit\tseconds\treport\tfindings\tskipped\tnot-restored\tnot-compiled\tanalyzer-failures";

    public static IReadOnlyDictionary<string, AuditSummary> Read(string runFolder)
    {
        var file = Path.Combine(runFolder, FileName);
        var summaries = new Dictionary<string, AuditSummary>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return summaries;
        }

        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var c = line.Split('\t');
            if (c.Length == 9)
            {
                summaries[c[0]] = new AuditSummary(
                    c[0],
                    Int(c[1]),
                    double.Parse(c[2], CultureInfo.InvariantCulture),
                    c[3] == "yes",
                    Int(c[4]),
                    Int(c[5]),
                    Int(c[6]),
                    Int(c[7]),
                    Int(c[8]));
            }
        }

        return summaries;
    }

    /// <summary>Rewrites the file with these rows replacing earlier rows of the same repositories (a run may be done a few repositories at a time).</summary>
    public static void Merge(string runFolder, IEnumerable<AuditSummary> rows)
    {
        var all = new Dictionary<string, AuditSummary>(Read(runFolder), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            all[row.Repo] = row;
        }

        var lines = new List<string> { Header };
        lines.AddRange(all.Values.OrderBy(r => r.Repo, StringComparer.Ordinal).Select(r => string.Join(
            '\t',
            r.Repo,
            r.ExitCode.ToString(CultureInfo.InvariantCulture),
            r.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
            r.Report ? "yes" : "no",
            r.Findings.ToString(CultureInfo.InvariantCulture),
            r.Skipped.ToString(CultureInfo.InvariantCulture),
            r.NotRestored.ToString(CultureInfo.InvariantCulture),
            r.NotCompiled.ToString(CultureInfo.InvariantCulture),
            r.AnalyzerFailures.ToString(CultureInfo.InvariantCulture))));
        File.WriteAllLines(Path.Combine(runFolder, FileName), lines);
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
