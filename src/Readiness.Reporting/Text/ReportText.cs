using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Reporting.Text;

/// <summary>What every format shows the same way: order, secret-safe snippets, locations.</summary>
internal static class ReportText
{
    /// <summary>Failing checks, most severe first, then in checklist order.</summary>
    public static IReadOnlyList<CheckResult> Failing(AuditResult result) =>
        result.Checks.Where(c => c.Status == CheckStatus.Failed).OrderBy(c => c.Severity).ToList();

    /// <summary>
    /// A Secrets finding (or RDY4004, a credential written to a log) may carry the secret in its snippet: the
    /// analyzers mask messages, but a snippet is source text. Such snippets are shown with every literal masked.
    /// </summary>
    public static bool MayHoldSecret(CheckResult check, Finding finding) =>
        check.Category == "Secrets" || finding.Category == "Secrets"
        || finding.RuleId.StartsWith("RDY1", StringComparison.Ordinal) || finding.RuleId == "RDY4004";

    /// <summary>The finding's snippet as reports may print it, or null.</summary>
    public static string? Snippet(CheckResult check, Finding finding)
    {
        if (string.IsNullOrWhiteSpace(finding.Snippet))
        {
            return null;
        }

        var snippet = finding.Snippet.ReplaceLineEndings("\n").TrimEnd('\n');
        return MayHoldSecret(check, finding) ? SecretText.MaskLiterals(snippet) : snippet;
    }

    /// <summary>path:line:col, or the path alone for file-level findings.</summary>
    public static string Location(Finding finding) =>
        finding.FilePath.Length == 0 ? "(repository)" : finding.Line > 0 ? $"{finding.FilePath}:{finding.Line}:{finding.Column}" : finding.FilePath;

    /// <summary>A link target that is safe to render: absolute http(s) only.</summary>
    public static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    public static string Weight(decimal weight) => weight.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string ScoreText(int? score) => score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The help link of a check: the first finding's rule page, else its first reference.</summary>
    public static string? HelpUri(CheckResult check) =>
        SafeUrl(check.Findings.Select(f => f.HelpUri).FirstOrDefault(u => SafeUrl(u) is not null)) ?? check.References.Select(SafeUrl).FirstOrDefault(u => u is not null);

    public static IEnumerable<IGrouping<CheckSeverity, CheckResult>> BySeverity(IEnumerable<CheckResult> checks) =>
        checks.GroupBy(c => c.Severity).OrderBy(g => g.Key);

    public static string MeasuredLine(AuditResult result) =>
        $"measured weight {Weight(result.MeasuredWeight)} of {Weight(result.TotalWeight)}" +
        (result.TotalWeight > result.MeasuredWeight
            ? $" ({Weight(result.TotalWeight - result.MeasuredWeight)} {(result.NotMeasured.Any() ? "not measured, waived or not applicable" : "waived or not applicable")})"
            : "");

    /// <summary>The first thing an incomplete report says: why its verdict does not cover the whole app.</summary>
    public static string IncompleteHeadline(AuditResult result)
    {
        var checks = result.NotMeasured.Count();
        return $"The audit is incomplete: {result.Skipped.Count} gap{(result.Skipped.Count == 1 ? "" : "s")}" +
            (checks > 0 ? $", {checks} check{(checks == 1 ? "" : "s")} not measured" : "") +
            (result.Verdict == Verdict.NotReady
                ? ". The failures below were measured; what was not measured may hide more."
                : ". No READY or CONDITIONAL verdict until everything is measured.");
    }

    /// <summary>One line per gap: what was not measured, why, and how to close it (the same kinds grouped once).</summary>
    public static IReadOnlyList<(string What, string Why, string Fix)> Gaps(AuditResult result) =>
        result.Skipped.Select(i => (i.Path, i.Reason, i.Remedy))
            .Concat(result.NotMeasured.Select(c => (c.Id, c.Message ?? "not measured", "close the gaps above and audit again")))
            .ToList();
}
