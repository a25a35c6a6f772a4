using System.Net;
using System.Text;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Model;
using Readiness.Reporting.Text;

namespace Readiness.Reporting.Html;

/// <summary>
/// One self-contained HTML file: inline CSS, no script, no external resource, a per-category bar chart in plain
/// HTML/CSS. Every piece of repository text goes through <see cref="E"/> (HTML-encoded); links are http(s) only.
/// </summary>
public static class HtmlReport
{
    private const string Css = """
        :root{--p1:#b42318;--p2:#b54708;--p3:#475467;--ok:#067647;--bg:#fff;--fg:#101828;--muted:#667085;--line:#eaecf0}
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);max-width:1100px;margin:2rem auto;padding:0 1rem}
        h1{margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
        .verdict{display:inline-block;padding:.2rem .7rem;border-radius:1rem;color:#fff;font-weight:600}
        .v-ready{background:var(--ok)}.v-conditional{background:var(--p2)}.v-notready{background:var(--p1)}
        .score{font-size:3rem;font-weight:700}.muted{color:var(--muted)}
        .chart{display:grid;grid-template-columns:max-content 1fr 3rem;gap:.35rem .8rem;align-items:center}
        .bar{background:var(--line);border-radius:4px;height:14px;overflow:hidden}.fill{height:100%}
        .f-good{background:var(--ok)}.f-mid{background:var(--p2)}.f-bad{background:var(--p1)}.f-none{background:transparent}
        .check{border:1px solid var(--line);border-left:5px solid var(--p3);border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
        .s-P1-critical{border-left-color:var(--p1)}.s-P2-high{border-left-color:var(--p2)}
        .tag{font-size:.8rem;border:1px solid var(--line);border-radius:.6rem;padding:0 .5rem;margin-right:.3rem}
        pre{background:#f9fafb;border:1px solid var(--line);border-radius:4px;padding:.5rem;overflow:auto;font-size:13px}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        table{border-collapse:collapse}td,th{border-bottom:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}
        """;

    public static string Render(AuditResult result)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>Readiness report: ").Append(E(result.Verdict.ToText())).Append(' ').Append(result.Score).Append("/100</title>\n")
          .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n");

        var verdictClass = result.Verdict switch { Verdict.Ready => "v-ready", Verdict.Conditional or Verdict.Incomplete => "v-conditional", _ => "v-notready" };
        sb.Append("<header>\n<p class=\"muted\">Production readiness audit · environment ").Append(E(result.Environment))
          .Append(" · ").Append(E(result.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
          .Append(" · readiness ").Append(E(result.ToolVersion)).Append("</p>\n");
        sb.Append("<h1><span class=\"score\">").Append(result.Score).Append("</span>/100 · grade ").Append(E(result.Grade))
          .Append(" <span class=\"verdict ").Append(verdictClass).Append("\">").Append(E(result.Verdict.ToText())).Append("</span></h1>\n");
        if (result.CapReason is not null)
        {
            sb.Append("<p><strong>Capped:</strong> ").Append(E(result.CapReason)).Append(" (").Append(result.UncappedScore).Append(" before the cap).</p>\n");
        }

        sb.Append("<p class=\"muted\">").Append(E(ReportText.MeasuredLine(result))).Append(".</p>\n</header>\n");

        if (!result.IsComplete)
        {
            sb.Append("<section class=\"incomplete\" id=\"not-measured\">\n<h2>Not measured</h2>\n<p><strong>").Append(E(ReportText.IncompleteHeadline(result)))
              .Append("</strong></p>\n<ul>\n");
            foreach (var (what, why, fix) in ReportText.Gaps(result))
            {
                sb.Append("<li><code>").Append(E(what)).Append("</code>: ").Append(E(why)).Append(" <span class=\"muted\">Fix: ").Append(E(fix)).Append("</span></li>\n");
            }

            sb.Append("</ul>\n</section>\n");
        }

        sb.Append("<h2>Categories</h2>\n<div class=\"chart\" role=\"table\" aria-label=\"Category scores\">\n");
        foreach (var c in result.Categories)
        {
            var fill = c.Score switch { null => "f-none", >= 90 => "f-good", >= 50 => "f-mid", _ => "f-bad" };
            sb.Append("<div role=\"rowheader\">").Append(E(c.Name)).Append(" <span class=\"muted\">(").Append(c.Passed).Append(" passed, ")
              .Append(c.Failed).Append(" failed)</span></div>")
              .Append("<div class=\"bar\"><div class=\"fill ").Append(fill).Append("\" style=\"width:").Append(c.Score ?? 0).Append("%\"></div></div>")
              .Append("<div>").Append(E(ReportText.ScoreText(c.Score))).Append("</div>\n");
        }

        sb.Append("</div>\n");

        var failing = ReportText.Failing(result);
        sb.Append("<h2>Failing checks (").Append(failing.Count).Append(")</h2>\n");
        if (failing.Count == 0)
        {
            sb.Append("<p>None.</p>\n");
        }

        foreach (var check in failing)
        {
            AppendCheck(sb, result, check);
        }

        var others = result.Checks.Where(c => c.Status != CheckStatus.Failed).ToList();
        sb.Append("<h2>Other checks</h2>\n<table>\n<tr><th>Check</th><th>Severity</th><th>Status</th><th>Note</th></tr>\n");
        foreach (var check in others)
        {
            sb.Append("<tr><td><code>").Append(E(check.Id)).Append("</code> ").Append(E(check.Title)).Append("</td><td>").Append(E(check.Severity.ToText()))
              .Append("</td><td>").Append(E(check.Status.ToText())).Append("</td><td>").Append(E(check.Message ?? "")).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendCheck(StringBuilder sb, AuditResult result, CheckResult check)
    {
        sb.Append("<section class=\"check s-").Append(E(check.Severity.ToText())).Append("\" id=\"check-").Append(E(check.Id)).Append("\">\n")
          .Append("<h3><code>").Append(E(check.Id)).Append("</code> ").Append(E(check.Title)).Append("</h3>\n<p>")
          .Append("<span class=\"tag\">").Append(E(check.Severity.ToText())).Append("</span>")
          .Append("<span class=\"tag\">").Append(E(check.Category)).Append("</span>")
          .Append("<span class=\"tag\">weight ").Append(E(ReportText.Weight(check.Weight))).Append("</span>");
        if (result.BaselineApplied)
        {
            sb.Append("<span class=\"tag\">").Append(check.IsNew ? "new" : "in baseline").Append("</span>");
        }

        sb.Append("</p>\n");
        if (check.Check.Description is { } description)
        {
            sb.Append("<p>").Append(E(description)).Append("</p>\n");
        }

        if (check.Message is { } message)
        {
            sb.Append("<p class=\"muted\">").Append(E(message)).Append("</p>\n");
        }

        if (check.Findings.Count > 0)
        {
            sb.Append("<h4>Findings (").Append(check.Findings.Count).Append(")</h4>\n");
            foreach (var finding in check.Findings)
            {
                sb.Append("<p><code>").Append(E(ReportText.Location(finding))).Append("</code> ").Append(E(finding.Message));
                if (ReportText.SafeUrl(finding.HelpUri) is { } help)
                {
                    sb.Append(" <a href=\"").Append(E(help)).Append("\">").Append(E(finding.RuleId)).Append("</a>");
                }

                sb.Append("</p>\n");
                if (ReportText.Snippet(check, finding) is { } snippet)
                {
                    sb.Append("<pre><code>").Append(E(snippet)).Append("</code></pre>\n");
                }
            }
        }

        sb.Append("<h4>Remediation</h4>\n<p>").Append(E(check.Remediation)).Append("</p>\n");
        var links = check.References.Select(ReportText.SafeUrl).OfType<string>().ToList();
        if (links.Count > 0)
        {
            sb.Append("<ul>\n");
            foreach (var link in links)
            {
                sb.Append("<li><a href=\"").Append(E(link)).Append("\">").Append(E(link)).Append("</a></li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("</section>\n");
    }

    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);
}
