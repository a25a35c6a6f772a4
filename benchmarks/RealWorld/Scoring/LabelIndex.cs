using RealWorld.Labels;
using RealWorld.Reports;

namespace RealWorld.Scoring;

/// <summary>
/// The matching rule of FORMAT.md: same repo and path, the finding's category equals the row's, its rule equals the
/// row's unless the row says -, and |line difference| &lt;= 2 or the row's line is 0.
/// </summary>
internal sealed class LabelIndex
{
    public const int LineTolerance = 2;

    private readonly Dictionary<(string Repo, string Path), List<Label>> _byFile = [];

    public LabelIndex(IEnumerable<Label> labels)
    {
        foreach (var label in labels)
        {
            var key = (label.Repo, label.Path);
            if (!_byFile.TryGetValue(key, out var list))
            {
                _byFile[key] = list = [];
            }

            list.Add(label);
        }
    }

    public static bool Matches(Label label, AuditedFinding finding) =>
        label.Repo == finding.Repo
        && label.Path == finding.Path
        && label.Category == finding.Category
        && (label.Rule == Label.AnyRule || label.Rule == finding.Rule)
        && (label.Line == 0 || Math.Abs(label.Line - finding.Line) <= LineTolerance);

    public IEnumerable<Label> RowsFor(AuditedFinding finding) =>
        _byFile.TryGetValue((finding.Repo, finding.Path), out var list) ? list.Where(l => Matches(l, finding)) : [];

    /// <summary>Precision = findings matching expect|ok rows / findings matching any row.</summary>
    public Judgement Judge(AuditedFinding finding)
    {
        var any = false;
        foreach (var row in RowsFor(finding))
        {
            if (row.Kind != LabelKind.Neg)
            {
                return Judgement.Correct;
            }

            any = true;
        }

        return any ? Judgement.False : Judgement.Unjudged;
    }
}
