using System.Globalization;
using RealWorld.Audit;
using RealWorld.Corpus;
using RealWorld.Labels;
using RealWorld.Reports;

namespace RealWorld.Scoring;

/// <summary>`score --run RUNDIR/&lt;mode&gt; [--labels FILE|DIR]... [--corpus DIR] [--repos FILE] [--format text|tsv] [--fail-under-precision X] [--fail-under-recall X]`.</summary>
internal static class ScoreCommand
{
    private const int MessageWidth = 140;

    public static int Run(CommandLine options)
    {
        var run = options.Required("--run");
        var labelInputs = options.All("--labels");
        var corpus = options.Optional("--corpus");
        var reposFile = options.Optional("--repos") ?? HarnessPaths.Repositories;
        var format = options.Optional("--format") ?? "text";
        var minPrecision = options.Number("--fail-under-precision");
        var minRecall = options.Number("--fail-under-recall");
        options.RejectUnknown();
        if (format is not ("text" or "tsv"))
        {
            throw new UsageException($"--format must be text or tsv, not '{format}'");
        }

        var repositories = RepositoryList.Load(reposFile);
        var byName = repositories.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var labelFiles = LabelLoader.Expand(labelInputs.Count > 0 ? labelInputs : [HarnessPaths.Labels]);
        var labels = LabelLoader.Load(labelFiles, repositories);
        var reports = ReportReader.LoadRun(run);
        if (reports.Count == 0)
        {
            throw new UsageException($"{run}: no */{ReportReader.ReportFile} below this folder (give RUNDIR/<mode>)");
        }

        var card = Scorecard.Build(reports, labels);
        var categories = card.Categories();
        var tallies = categories.Select(c => (Name: c, Tally: card.TallyWhere(f => f.Category == c, l => l.Category == c))).ToList();
        var all = card.TallyWhere(_ => true, _ => true);
        var credential = card.TallyWhere(f => f.Rule == "RDY1001", l => l.Rule == "RDY1001");

        if (format == "tsv")
        {
            WriteTsv(tallies, all, credential);
        }
        else
        {
            var summaries = AuditSummary.Read(run);
            Console.WriteLine($"run {Path.GetFullPath(run)}: {reports.Count} report(s); labels: {labels.Count} row(s) from {labelFiles.Count} file(s), "
                + $"{card.Labels.Count} for these repositories, {card.LabelsOutsideRun} for repositories not in this run (ignored)");
            if (corpus is not null)
            {
                CheckLabelsAgainstCorpus(card.Labels, corpus, byName);
            }

            Console.WriteLine();
            WriteHealth(reports, summaries);
            Console.WriteLine();
            WriteCategories(tallies, all);
            Console.WriteLine();
            Console.WriteLine($"overall precision {Ratio(all.Precision)} ({all.Correct}/{all.Judged} judged; {all.Unjudged} of {all.Findings} findings unjudged); "
                + $"overall recall {Ratio(all.Recall)} ({all.Found}/{all.Expect})");
            Console.WriteLine($"RDY1001 precision {Ratio(credential.Precision)} ({credential.Correct}/{credential.Judged} judged, {credential.Unjudged} unjudged); "
                + $"RDY1001 recall {Ratio(credential.Recall)} ({credential.Found}/{credential.Expect})");
            foreach (var kind in Enum.GetValues<RepositoryKind>())
            {
                var t = Scorecard.ForRepositoryKind(card, byName, kind);
                if (t.Findings + t.Expect > 0)
                {
                    Console.WriteLine($"  {kind.ToString().ToLowerInvariant(),-10} precision {Ratio(t.Precision)} ({t.Correct}/{t.Judged}), recall {Ratio(t.Recall)} ({t.Found}/{t.Expect})");
                }
            }

            Console.WriteLine();
            WriteRepositories(card, byName);
            WriteLists(card);
        }

        return Gate(tallies, all, minPrecision, minRecall);
    }

    private static int Gate(IReadOnlyList<(string Name, Tally Tally)> tallies, Tally all, double? minPrecision, double? minRecall)
    {
        var failed = false;
        if (minPrecision is { } p && (all.Precision ?? 0) < p)
        {
            Console.Error.WriteLine($"precision {Ratio(all.Precision)} is under {p.ToString(CultureInfo.InvariantCulture)}");
            failed = true;
        }

        if (minRecall is { } r)
        {
            foreach (var (name, tally) in tallies.Where(t => t.Tally.Recall is { } recall && recall < r))
            {
                Console.Error.WriteLine($"{name} recall {Ratio(tally.Recall)} is under {r.ToString(CultureInfo.InvariantCulture)}");
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

    private static void WriteTsv(IReadOnlyList<(string Name, Tally Tally)> tallies, Tally all, Tally credential)
    {
        Console.WriteLine("category\texpect\tfound\trecall\tfindings\tjudged\tcorrect\tfalse\tunjudged\tprecision");
        foreach (var (name, t) in tallies.Append(("ALL", all)).Append(("RDY1001", credential)))
        {
            Console.WriteLine(string.Join('\t', name, t.Expect, t.Found, Tsv(t.Recall), t.Findings, t.Judged, t.Correct, t.False, t.Unjudged, Tsv(t.Precision)));
        }
    }

    private static void WriteHealth(IReadOnlyList<AuditReport> reports, IReadOnlyDictionary<string, AuditSummary> summaries)
    {
        Console.WriteLine("What the audits measured (skipped items by kind, from the reports):");
        var rows = new List<string[]> { new[] { "repo", "exit", "seconds", "verdict", "projects", "not-restored", "not-compiled", "analyzer-failures", "not-audited", "other-skipped" } };
        foreach (var r in reports)
        {
            summaries.TryGetValue(r.Repo, out var s);
            rows.Add([
                r.Repo,
                s?.ExitCode.ToString(CultureInfo.InvariantCulture) ?? "?",
                s?.Seconds.ToString("0", CultureInfo.InvariantCulture) ?? "?",
                r.Verdict,
                r.Projects.Count.ToString(CultureInfo.InvariantCulture),
                Distinct(r, SkipKind.NotRestored),
                Distinct(r, SkipKind.NotCompiled),
                r.CountSkipped(SkipKind.AnalyzerFailure).ToString(CultureInfo.InvariantCulture),
                r.CountSkipped(SkipKind.ProjectNotAudited).ToString(CultureInfo.InvariantCulture),
                r.CountSkipped(SkipKind.Other).ToString(CultureInfo.InvariantCulture),
            ]);
        }

        Table.Write(rows);
        foreach (var failure in reports.SelectMany(r => r.Skipped.Where(s => s.Kind == SkipKind.AnalyzerFailure).Select(s => (r.Repo, s))).Take(20))
        {
            Console.WriteLine($"  AD0001 {failure.Repo} {failure.s.Path}: {Truncate(failure.s.Reason, MessageWidth)}");
        }
    }

    private static string Distinct(AuditReport report, SkipKind kind) =>
        report.Skipped.Where(s => s.Kind == kind).Select(s => s.Path).Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture);

    private static void WriteCategories(IReadOnlyList<(string Name, Tally Tally)> tallies, Tally all)
    {
        var rows = new List<string[]> { new[] { "category", "expect", "found", "recall", "findings", "judged", "correct", "false", "unjudged", "precision" } };
        foreach (var (name, t) in tallies.Append(("ALL", all)))
        {
            rows.Add([name, N(t.Expect), N(t.Found), Ratio(t.Recall), N(t.Findings), N(t.Judged), N(t.Correct), N(t.False), N(t.Unjudged), Ratio(t.Precision)]);
        }

        Table.Write(rows);
    }

    private static void WriteRepositories(Scorecard card, IReadOnlyDictionary<string, Repository> repositories)
    {
        var rows = new List<string[]> { new[] { "repo", "kind", "findings", "correct", "false", "unjudged", "expect", "found", "precision", "recall" } };
        foreach (var report in card.Reports)
        {
            var t = card.TallyWhere(f => f.Repo == report.Repo, l => l.Repo == report.Repo);
            var kind = repositories.TryGetValue(report.Repo, out var r) ? r.Kind.ToString().ToLowerInvariant() : "?";
            rows.Add([report.Repo, kind, N(t.Findings), N(t.Correct), N(t.False), N(t.Unjudged), N(t.Expect), N(t.Found), Ratio(t.Precision), Ratio(t.Recall)]);
        }

        Table.Write(rows);
    }

    private static void WriteLists(Scorecard card)
    {
        Console.WriteLine();
        Console.WriteLine($"MISSES ({card.Misses.Count}): expect rows no finding matched");
        foreach (var m in card.Misses.OrderBy(m => m.Repo, StringComparer.Ordinal).ThenBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Line))
        {
            Console.WriteLine($"  {m.Repo} {m.Path}:{m.Line} {m.Category}/{m.Rule}  {Truncate(m.Note, MessageWidth)}");
        }

        var falses = card.Judged.Where(j => j.Judgement == Judgement.False).ToList();
        Console.WriteLine();
        Console.WriteLine($"FALSE POSITIVES ({falses.Count}): findings matching only neg rows");
        foreach (var (f, _, rows) in Ordered(falses))
        {
            Console.WriteLine($"  {f.Repo} {f.Path}:{f.Line} {f.Rule}  neg: {Truncate(rows[0].Note, MessageWidth)}");
        }

        var unjudged = card.Judged.Where(j => j.Judgement == Judgement.Unjudged).ToList();
        Console.WriteLine();
        Console.WriteLine($"UNJUDGED ({unjudged.Count}): findings matching no row; label them");
        foreach (var (f, _, _) in Ordered(unjudged))
        {
            Console.WriteLine($"  {f.Repo} {f.Path}:{f.Line} {f.Rule} [{f.Category}]  {Truncate(f.Message, MessageWidth)}");
        }
    }

    private static IEnumerable<(AuditedFinding Finding, Judgement Judgement, IReadOnlyList<Label> Rows)> Ordered(
        IEnumerable<(AuditedFinding Finding, Judgement Judgement, IReadOnlyList<Label> Rows)> items) =>
        items.OrderBy(j => j.Finding.Repo, StringComparer.Ordinal)
            .ThenBy(j => j.Finding.Path, StringComparer.Ordinal)
            .ThenBy(j => j.Finding.Line)
            .ThenBy(j => j.Finding.Rule, StringComparer.Ordinal);

    /// <summary>A row whose file is not in the extracted snapshot (or whose line is past its end) can never match.</summary>
    private static void CheckLabelsAgainstCorpus(IReadOnlyList<Label> labels, string corpus, IReadOnlyDictionary<string, Repository> repositories)
    {
        var problems = 0;
        foreach (var label in labels)
        {
            if (!repositories.TryGetValue(label.Repo, out var repo))
            {
                continue;
            }

            var file = Path.Combine(corpus, repo.FolderName, label.Path);
            string? problem = null;
            if (!File.Exists(file))
            {
                problem = "file not found in the corpus";
            }
            else if (label.Line > 0 && File.ReadLines(file).Count() < label.Line)
            {
                problem = "line is past the end of the file";
            }

            if (problem is not null && problems++ < 50)
            {
                Console.WriteLine($"  warning: {label.Source}: {label.Path}:{label.Line}: {problem}");
            }
        }

        if (problems > 0)
        {
            Console.WriteLine($"  {problems} label row(s) point nowhere in {corpus}");
        }
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Tsv(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty;

    private static string Truncate(string text, int width)
    {
        var single = text.ReplaceLineEndings(" ");
        return single.Length <= width ? single : single[..(width - 1)] + "…";
    }
}
