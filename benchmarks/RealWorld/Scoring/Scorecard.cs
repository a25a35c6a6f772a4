using RealWorld.Corpus;
using RealWorld.Labels;
using RealWorld.Reports;

namespace RealWorld.Scoring;

/// <summary>Counts for one slice (a category, a repository, a rule, everything).</summary>
internal sealed class Tally
{
    public int Expect { get; set; }

    public int Found { get; set; }

    public int Findings { get; set; }

    public int Correct { get; set; }

    public int False { get; set; }

    public int Unjudged => Findings - Correct - False;

    public int Judged => Correct + False;

    public double? Recall => Expect == 0 ? null : (double)Found / Expect;

    public double? Precision => Judged == 0 ? null : (double)Correct / Judged;
}

/// <summary>Every finding of a run judged against the labels of the repositories the run covers.</summary>
internal sealed class Scorecard
{
    private Scorecard(
        IReadOnlyList<AuditReport> reports,
        IReadOnlyList<(AuditedFinding Finding, Judgement Judgement, IReadOnlyList<Label> Rows)> judged,
        IReadOnlyList<Label> misses,
        IReadOnlyList<Label> labels,
        int labelsOutsideRun)
    {
        Reports = reports;
        Judged = judged;
        Misses = misses;
        Labels = labels;
        LabelsOutsideRun = labelsOutsideRun;
    }

    public IReadOnlyList<AuditReport> Reports { get; }

    public IReadOnlyList<(AuditedFinding Finding, Judgement Judgement, IReadOnlyList<Label> Rows)> Judged { get; }

    /// <summary>Expect rows no finding matched.</summary>
    public IReadOnlyList<Label> Misses { get; }

    /// <summary>The rows of the repositories the run covers.</summary>
    public IReadOnlyList<Label> Labels { get; }

    /// <summary>Rows of repositories the run has no report for: not counted anywhere.</summary>
    public int LabelsOutsideRun { get; }

    public static Scorecard Build(IReadOnlyList<AuditReport> reports, IReadOnlyList<Label> allLabels)
    {
        var inRun = reports.Select(r => r.Repo).ToHashSet(StringComparer.Ordinal);
        var labels = allLabels.Where(l => inRun.Contains(l.Repo)).ToList();
        var index = new LabelIndex(labels);
        var findings = reports.SelectMany(r => r.Findings).ToList();

        var judged = findings
            .Select(f => (f, index.Judge(f), (IReadOnlyList<Label>)index.RowsFor(f).ToList()))
            .ToList();

        var byFile = findings.ToLookup(f => (f.Repo, f.Path));
        var misses = labels
            .Where(l => l.Kind == LabelKind.Expect && !byFile[(l.Repo, l.Path)].Any(f => LabelIndex.Matches(l, f)))
            .ToList();

        return new Scorecard(reports, judged, misses, labels, allLabels.Count - labels.Count);
    }

    public Tally TallyWhere(Func<AuditedFinding, bool> finding, Func<Label, bool> label)
    {
        var tally = new Tally();
        foreach (var (f, judgement, _) in Judged.Where(j => finding(j.Finding)))
        {
            tally.Findings++;
            if (judgement == Judgement.Correct)
            {
                tally.Correct++;
            }
            else if (judgement == Judgement.False)
            {
                tally.False++;
            }
        }

        var missed = Misses.ToHashSet();
        foreach (var row in Labels.Where(l => l.Kind == LabelKind.Expect && label(l)))
        {
            tally.Expect++;
            if (!missed.Contains(row))
            {
                tally.Found++;
            }
        }

        return tally;
    }

    /// <summary>The nine label categories, then any other category a finding carries (Configuration, or ? for an unknown check).</summary>
    public IReadOnlyList<string> Categories() =>
        LabelLoader.Categories
            .Concat(Judged.Select(j => j.Finding.Category).Where(c => !LabelLoader.Categories.Contains(c)).Distinct().Order(StringComparer.Ordinal))
            .ToList();

    public static Tally ForRepositoryKind(Scorecard card, IReadOnlyDictionary<string, Repository> repositories, RepositoryKind kind) =>
        card.TallyWhere(
            f => repositories.TryGetValue(f.Repo, out var r) && r.Kind == kind,
            l => repositories.TryGetValue(l.Repo, out var r) && r.Kind == kind);
}
