using System.Text;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>The values of the MSBuild property <c>ReadinessAnalysisMode</c>.</summary>
public enum AnalysisMode
{
    Default,
    Recommended,
    Strict,
}

/// <summary>A rule's class: the highest severity of the default checklist's checks that name it.</summary>
public enum RuleClass
{
    P1,
    P2,
    P3,

    /// <summary>No check of the default checklist names the rule.</summary>
    Unnamed,
}

/// <summary>
/// The severity presets shipped in the package (buildTransitive/config/ReadinessAnalyzers.&lt;Mode&gt;.globalconfig), generated
/// from the descriptors and the default checklist. A preset only ever raises a rule: the effective severity is the higher of
/// the rule's own default and the preset's minimum for the rule's class. A rule the preset leaves at its default gets no
/// entry (a comment instead), so that category-wide .editorconfig entries still reach it: Roslyn lets a rule's own entry,
/// from any config file, beat every category-wide one.
/// </summary>
public static class AnalysisPresets
{
    /// <summary>Below the 0 of a user's global config and the 100 of a project's .globalconfig, so theirs win (the SDK's own presets use -100 too).</summary>
    public const int GlobalLevel = -100;

    public const string ConfigFolder = "src/ReadinessAnalyzers.Package/buildTransitive/config";

    public static IReadOnlyList<AnalysisMode> Modes { get; } = Enum.GetValues<AnalysisMode>();

    public static IReadOnlyList<RuleClass> Classes { get; } = Enum.GetValues<RuleClass>();

    public static string FileName(AnalysisMode mode) => $"ReadinessAnalyzers.{mode}.globalconfig";

    public static string FilePath(AnalysisMode mode) => Path.Combine(RepositoryRoot.Path, ConfigFolder, FileName(mode));

    /// <summary>What each mode is for, in the file header and the docs.</summary>
    public static string Purpose(AnalysisMode mode) => mode switch
    {
        AnalysisMode.Default => "every rule at the severity it ships with (what you get without the property)",
        AnalysisMode.Recommended => "every rule on: the rules of P1, P2 and P3 checks at least warnings, the others at least suggestions",
        AnalysisMode.Strict => "the rules of P1-critical checks are errors that fail the build, every other rule at least a warning",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>The preset's minimum severity for a class of rules; null leaves the rule as it ships.</summary>
    public static ReportDiagnostic? Minimum(AnalysisMode mode, RuleClass ruleClass) => (mode, ruleClass) switch
    {
        (AnalysisMode.Default, _) => null,
        (AnalysisMode.Recommended, RuleClass.Unnamed) => ReportDiagnostic.Info,
        (AnalysisMode.Recommended, _) => ReportDiagnostic.Warn,
        (AnalysisMode.Strict, RuleClass.P1) => ReportDiagnostic.Error,
        (AnalysisMode.Strict, _) => ReportDiagnostic.Warn,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>The severity the rule has under the preset, before any setting of the user's.</summary>
    public static ReportDiagnostic Effective(AnalysisMode mode, RuleClass ruleClass, DiagnosticDescriptor descriptor)
    {
        var own = descriptor.IsEnabledByDefault ? Report(descriptor.DefaultSeverity) : ReportDiagnostic.Suppress;
        var minimum = Minimum(mode, ruleClass);
        return minimum is { } floor && Rank(floor) > Rank(own) ? floor : own;
    }

    /// <summary>The text of one preset file.</summary>
    public static string Generate(AnalysisMode mode, IReadOnlyList<DiagnosticDescriptor> descriptors, IReadOnlyDictionary<string, ClassifiedRule> classes)
    {
        var text = new StringBuilder();
        text.Append($"# ReadinessAnalyzers preset '{mode}': {Purpose(mode)}.\n");
        text.Append($"# Selected with <ReadinessAnalysisMode>{mode}</ReadinessAnalysisMode>. A rule's class is the highest severity of the\n");
        text.Append("# rules/aspnetcore-production.yaml checks that name it. A preset never lowers a rule; a rule it leaves at its\n");
        text.Append("# default is commented out, so category-wide .editorconfig entries still reach it. Your own .editorconfig and\n");
        text.Append("# .globalconfig entries for a rule win over this file (global_level below theirs).\n");
        text.Append("# GENERATED from the analyzers' descriptors and the checklist: do not edit. Regenerate with\n");
        text.Append("#   READINESS_UPDATE_DOCS=1 dotnet test tests/ReadinessAnalyzers.Tests --filter AnalysisPresetTests\n");
        text.Append("is_global = true\n");
        text.Append($"global_level = {GlobalLevel}\n");
        foreach (var descriptor in descriptors)
        {
            var rule = classes.TryGetValue(descriptor.Id, out var known) ? known : ClassifiedRule.Unnamed;
            var own = descriptor.IsEnabledByDefault ? Report(descriptor.DefaultSeverity) : ReportDiagnostic.Suppress;
            var effective = Effective(mode, rule.Class, descriptor);
            text.Append('\n');
            text.Append($"# {descriptor.Id}: {descriptor.Title} ({descriptor.Category}; {Describe(rule)})\n");
            text.Append(effective == own
                ? $"# dotnet_diagnostic.{descriptor.Id}.severity = {EditorConfigValue(own)} (its default)\n"
                : $"dotnet_diagnostic.{descriptor.Id}.severity = {EditorConfigValue(effective)}\n");
        }

        return text.ToString();
    }

    /// <summary>The Markdown table of the modes for README.md and PACKAGE.md.</summary>
    public static string GenerateDocsTable(IReadOnlyList<DiagnosticDescriptor> descriptors, IReadOnlyDictionary<string, ClassifiedRule> classes)
    {
        var text = new StringBuilder();
        text.Append("| Rules | Default | Recommended | Strict |\n");
        text.Append("|---|---|---|---|\n");
        foreach (var ruleClass in Classes)
        {
            var ids = descriptors
                .Where(d => (classes.TryGetValue(d.Id, out var rule) ? rule.Class : RuleClass.Unnamed) == ruleClass)
                .Select(d => d.Id)
                .ToList();
            var label = ruleClass switch
            {
                RuleClass.P1 => "named by a P1-critical check",
                RuleClass.P2 => "named by a P2-high check (and no P1)",
                RuleClass.P3 => "named only by P3-normal checks",
                _ => "named by no check",
            };
            text.Append($"| {label}: {(ids.Count == 0 ? "none" : string.Join(", ", ids))} |");
            foreach (var mode in Modes)
            {
                text.Append(Minimum(mode, ruleClass) switch
                {
                    null => " its own |",
                    ReportDiagnostic.Error => " error |",
                    var floor => $" at least {EditorConfigValue(floor.Value)} |",
                });
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    public static string EditorConfigValue(ReportDiagnostic severity) => severity switch
    {
        ReportDiagnostic.Error => "error",
        ReportDiagnostic.Warn => "warning",
        ReportDiagnostic.Info => "suggestion",
        ReportDiagnostic.Hidden => "silent",
        ReportDiagnostic.Suppress => "none",
        _ => "default",
    };

    public static ReportDiagnostic Report(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ReportDiagnostic.Error,
        DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
        DiagnosticSeverity.Info => ReportDiagnostic.Info,
        _ => ReportDiagnostic.Hidden,
    };

    private static int Rank(ReportDiagnostic severity) => severity switch
    {
        ReportDiagnostic.Error => 4,
        ReportDiagnostic.Warn => 3,
        ReportDiagnostic.Info => 2,
        ReportDiagnostic.Hidden => 1,
        _ => 0,
    };

    private static string Describe(ClassifiedRule rule) => rule.Class == RuleClass.Unnamed
        ? "no check of the default checklist names it"
        : $"{rule.Class}: {string.Join(", ", rule.Checks)}";
}

/// <summary>A rule's class and the checks that gave it.</summary>
public sealed record ClassifiedRule(RuleClass Class, IReadOnlyList<string> Checks)
{
    public static ClassifiedRule Unnamed { get; } = new(RuleClass.Unnamed, []);
}

/// <summary>Reads the classes of the rules from a checklist: a rule takes the highest severity of the analyzer checks that name it.</summary>
public static class ChecklistRuleClasses
{
    public static IReadOnlyDictionary<string, ClassifiedRule> Default { get; } =
        Read(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "rules", "aspnetcore-production.yaml")));

    public static IReadOnlyDictionary<string, ClassifiedRule> Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var named = new Dictionary<string, List<(RuleClass Class, string Check)>>(StringComparer.Ordinal);
        foreach (var check in ((YamlSequenceNode)root["checks"]).Children.OfType<YamlMappingNode>())
        {
            if (Child(check, "check") is not YamlMappingNode body
                || (Child(body, "kind") as YamlScalarNode)?.Value != "analyzer"
                || Child(body, "rules") is not YamlSequenceNode rules)
            {
                continue;
            }

            var id = (Child(check, "id") as YamlScalarNode)?.Value ?? "?";
            var ruleClass = (Child(check, "severity") as YamlScalarNode)?.Value switch
            {
                "P1-critical" => RuleClass.P1,
                "P2-high" => RuleClass.P2,
                "P3-normal" => RuleClass.P3,
                var other => throw new InvalidDataException($"Check '{id}' has severity '{other}', not P1-critical, P2-high or P3-normal."),
            };
            foreach (var rule in rules.Children.OfType<YamlScalarNode>())
            {
                if (rule.Value is { } ruleId)
                {
                    (named.TryGetValue(ruleId, out var list) ? list : named[ruleId] = []).Add((ruleClass, id));
                }
            }
        }

        return named.ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var highest = pair.Value.Min(n => n.Class);
                return new ClassifiedRule(highest, pair.Value.Where(n => n.Class == highest).Select(n => n.Check).ToList());
            },
            StringComparer.Ordinal);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
