using System.Globalization;
using System.Text.RegularExpressions;
using Readiness.Checklist.Model;
using YamlDotNet.RepresentationModel;

namespace Readiness.Checklist.Loading;

/// <summary>
/// Reads checklist YAML into <see cref="ChecklistDocument"/>. Every problem is collected with its file, line and
/// column; any problem throws one <see cref="ChecklistException"/> listing them all.
/// </summary>
public static partial class ChecklistLoader
{
    public const string DefaultResourceName = "rules/aspnetcore-production.yaml";

    /// <summary>The repository's waiver file, read from the repository root by the evaluator.</summary>
    public const string WaiverFileName = "readiness.waivers.yaml";

    /// <summary>A checklist file larger than this is refused (it is hand-written YAML, not data).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The categories of DESIGN.md (plus Configuration, the RDY0xxx range).</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["Secrets", "Cors", "Cookies", "Logging", "Sessions", "Https", "Auth", "Errors", "Hardening", "Configuration"];

    private static readonly string[] RootKeys = ["name", "version", "description", "checks", "waivers"];
    private static readonly string[] CheckKeys = ["id", "title", "category", "severity", "weight", "description", "remediation", "references", "check"];
    private static readonly string[] WaiverKeys = ["check", "reason", "expires", "approvedBy"];

    private static readonly Dictionary<string, string[]> KindKeys = new(StringComparer.Ordinal)
    {
        ["analyzer"] = ["kind", "appliesTo", "rules", "external"],
        ["fileExists"] = ["kind", "appliesTo", "paths", "exclude"],
        ["fileAbsent"] = ["kind", "appliesTo", "paths", "exclude"],
        ["jsonPath"] = ["kind", "appliesTo", "path", "equals", "notEquals", "in", "notIn", "matches", "exists", "absent", "optional"],
        ["regex"] = ["kind", "appliesTo", "files", "exclude", "mustMatch", "mustNotMatch", "ignoreCase", "when", "serverCodeOnly"],
        ["dockerfile"] = ["kind", "appliesTo", "files", "assert"],
    };

    private static readonly Dictionary<string, JsonAssertion> JsonAssertions = new(StringComparer.Ordinal)
    {
        ["equals"] = JsonAssertion.EqualTo,
        ["notEquals"] = JsonAssertion.NotEqualTo,
        ["in"] = JsonAssertion.In,
        ["notIn"] = JsonAssertion.NotIn,
        ["matches"] = JsonAssertion.Matches,
        ["exists"] = JsonAssertion.Exists,
        ["absent"] = JsonAssertion.Absent,
    };

    private static readonly Dictionary<string, DockerfileAssertion> DockerAssertions = new(StringComparer.Ordinal)
    {
        ["nonRootUser"] = DockerfileAssertion.NonRootUser,
        ["noSecretsInEnv"] = DockerfileAssertion.NoSecretsInEnv,
        ["noDevelopmentEnvironment"] = DockerfileAssertion.NoDevelopmentEnvironment,
        ["pinnedBaseImage"] = DockerfileAssertion.PinnedBaseImage,
        ["noRemoteAdd"] = DockerfileAssertion.NoRemoteAdd,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^RDY[0-9]{4}$")]
    internal static partial Regex OwnRuleIdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*[0-9]+$")]
    private static partial Regex AnyRuleIdPattern();

    /// <summary>The embedded rules/aspnetcore-production.yaml.</summary>
    public static ChecklistDocument LoadDefault() => Parse(ReadResource(DefaultResourceName), DefaultResourceName);

    /// <summary>An embedded resource of this assembly (the default checklist, its schema).</summary>
    public static string ReadResource(string name)
    {
        using var stream = typeof(ChecklistLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource '{name}' is not embedded; rebuild Readiness.Checklist");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static ChecklistDocument Load(string path) => Parse(ReadFile(path), path);

    /// <summary>Parses YAML text; <paramref name="source"/> names it in errors.</summary>
    public static ChecklistDocument Parse(string yaml, string source)
    {
        var reader = new YamlReader(source);
        var root = reader.ParseRoot(yaml);
        var document = root is null ? null : ReadDocument(reader, root);
        if (reader.Errors.Count > 0 || document is null)
        {
            throw new ChecklistException(reader.Errors);
        }

        return document;
    }

    /// <summary>Reads a waiver file (<c>waivers:</c> list only).</summary>
    public static IReadOnlyList<Waiver> LoadWaivers(string path) => ParseWaivers(ReadFile(path), path);

    public static IReadOnlyList<Waiver> ParseWaivers(string yaml, string source)
    {
        var reader = new YamlReader(source);
        var root = reader.ParseRoot(yaml);
        var waivers = new List<Waiver>();
        if (root is not null && reader.Mapping(root, "the waiver file", ["waivers"]) is { } map)
        {
            if (map.TryGetValue("waivers", out var list))
            {
                waivers.AddRange(ReadWaivers(reader, list));
            }
            else
            {
                reader.Error(root, "the waiver file is missing required field 'waivers'");
            }
        }

        if (reader.Errors.Count > 0)
        {
            throw new ChecklistException(reader.Errors);
        }

        return waivers;
    }

    private static string ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw Single(path, "file not found");
            }

            if (info.Length > MaxFileBytes)
            {
                throw Single(path, $"file is larger than {MaxFileBytes / 1024} KiB");
            }

            var bytes = File.ReadAllBytes(path);
            try
            {
                return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            }
            catch (System.Text.DecoderFallbackException)
            {
                throw Single(path, "file is not valid UTF-8");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Single(path, "cannot read the file: " + ex.Message);
        }
    }

    private static ChecklistException Single(string path, string message) => new([new ChecklistError(path, 1, 1, message)]);

    private static ChecklistDocument? ReadDocument(YamlReader reader, YamlNode root)
    {
        var map = reader.Mapping(root, "the checklist", RootKeys);
        if (map is null)
        {
            return null;
        }

        var name = reader.OptionalString(map, "name", "the checklist") ?? Path.GetFileNameWithoutExtension(reader.File);
        var version = 1;
        if (map.TryGetValue("version", out var versionNode))
        {
            if (versionNode is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1)
            {
                version = parsed;
            }
            else
            {
                reader.Error(versionNode, "version must be a positive integer");
            }
        }

        var checks = new List<CheckDefinition>();
        if (!map.TryGetValue("checks", out var checksNode))
        {
            reader.Error(root, "the checklist is missing required field 'checks'");
        }
        else if (checksNode is not YamlSequenceNode sequence)
        {
            reader.Error(checksNode, "checks must be a list");
        }
        else
        {
            if (sequence.Children.Count == 0)
            {
                reader.Error(sequence, "checks must not be empty");
            }

            var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var item in sequence.Children)
            {
                if (ReadCheck(reader, item) is { } check)
                {
                    if (ids.TryGetValue(check.Id, out var first))
                    {
                        reader.Error(item, $"duplicate check id '{check.Id}' (first declared at {first})");
                    }
                    else
                    {
                        ids.Add(check.Id, check.Location);
                    }

                    checks.Add(check);
                }
            }
        }

        var waivers = map.TryGetValue("waivers", out var waiversNode) ? ReadWaivers(reader, waiversNode) : [];
        return new ChecklistDocument(reader.File, name, version, checks, waivers);
    }

    private static CheckDefinition? ReadCheck(YamlReader reader, YamlNode node)
    {
        var map = reader.Mapping(node, "a check", CheckKeys);
        if (map is null)
        {
            return null;
        }

        var id = reader.RequiredString(map, node, "id", "a check");
        var what = id is null ? "the check" : $"check '{id}'";
        if (id is not null && !SlugPattern().IsMatch(id))
        {
            reader.Error(map["id"], $"check id '{id}' must be a kebab-case slug (lowercase letters, digits, hyphens)");
        }

        var title = reader.RequiredString(map, node, "title", what);
        var category = reader.RequiredString(map, node, "category", what);
        if (category is not null && !Categories.Contains(category, StringComparer.Ordinal))
        {
            reader.Error(map["category"], $"{what}: unknown category '{category}'; expected one of {string.Join(", ", Categories)}");
        }

        var severityText = reader.RequiredString(map, node, "severity", what);
        CheckSeverity severity = default;
        if (severityText is not null && !(CheckSeverities.Names.Contains(severityText, StringComparer.Ordinal) && CheckSeverities.TryParse(severityText, out severity)))
        {
            reader.Error(map["severity"], $"{what}: severity '{severityText}' must be one of {string.Join(", ", CheckSeverities.Names)}");
        }

        var weight = reader.OptionalPositiveNumber(map, "weight", what) ?? 1m;
        var description = reader.OptionalString(map, "description", what);
        var remediation = reader.RequiredString(map, node, "remediation", what);

        List<string>? references = null;
        if (!map.TryGetValue("references", out var referencesNode))
        {
            reader.Error(node, $"{what} is missing required field 'references'");
        }
        else if ((references = reader.StringList(referencesNode, $"{what}.references")) is not null)
        {
            foreach (var reference in references)
            {
                if (!Uri.TryCreate(reference, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
                {
                    reader.Error(referencesNode, $"{what}: reference '{reference}' must be an absolute http(s) URL");
                }
            }
        }

        CheckSpec? spec = null;
        if (!map.TryGetValue("check", out var checkNode))
        {
            reader.Error(node, $"{what} is missing required field 'check'");
        }
        else
        {
            spec = ReadSpec(reader, checkNode, what);
        }

        if (id is null || title is null || category is null || severityText is null || remediation is null || references is null || spec is null)
        {
            return null;
        }

        return new CheckDefinition(id, title, category, severity, weight, remediation, references, spec, reader.Location(node))
        {
            Description = description,
        };
    }

    private static CheckSpec? ReadSpec(YamlReader reader, YamlNode node, string what)
    {
        var where = $"{what}.check";
        if (node is not YamlMappingNode mapping)
        {
            reader.Error(node, $"{where} must be a mapping with a 'kind'");
            return null;
        }

        var kindNode = mapping.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: "kind" }).Value;
        if (kindNode is null)
        {
            reader.Error(node, $"{where} is missing required field 'kind' (one of {string.Join(", ", CheckSpec.KindNames)})");
            return null;
        }

        var kind = (kindNode as YamlScalarNode)?.Value ?? "";
        if (!KindKeys.TryGetValue(kind, out var keys))
        {
            reader.Error(kindNode, $"{where}: unknown check kind '{kind}'; expected one of {string.Join(", ", CheckSpec.KindNames)}");
            return null;
        }

        var map = reader.Mapping(node, $"{where} ({kind})", keys);
        if (map is null)
        {
            return null;
        }

        var appliesTo = map.TryGetValue("appliesTo", out var appliesNode) ? reader.StringList(appliesNode, $"{where}.appliesTo") ?? [] : [];
        CheckSpec? spec = kind switch
        {
            "analyzer" => ReadAnalyzer(reader, map, node, where),
            "fileExists" or "fileAbsent" => ReadFiles(reader, map, node, where, kind),
            "jsonPath" => ReadJsonPath(reader, map, node, where),
            "regex" => ReadRegex(reader, map, node, where),
            _ => ReadDockerfile(reader, map, node, where),
        };
        return spec is null ? null : spec with { AppliesTo = appliesTo };
    }

    private static CheckSpec? ReadAnalyzer(YamlReader reader, Dictionary<string, YamlNode> map, YamlNode node, string where)
    {
        var external = reader.OptionalBool(map, "external", where) ?? false;
        if (!map.TryGetValue("rules", out var rulesNode))
        {
            reader.Error(node, $"{where} is missing required field 'rules'");
            return null;
        }

        var rules = reader.StringList(rulesNode, $"{where}.rules");
        if (rules is null)
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (OwnRuleIdPattern().IsMatch(rule))
            {
                continue;
            }

            if (!AnyRuleIdPattern().IsMatch(rule))
            {
                reader.Error(rulesNode, $"{where}: '{rule}' is not a rule ID");
            }
            else if (!external)
            {
                reader.Error(rulesNode, $"{where}: '{rule}' is not a ReadinessAnalyzers rule (RDYnnnn); mark the check 'external: true' to use another analyzer's rule");
            }
        }

        return new AnalyzerCheckSpec(rules, external);
    }

    private static CheckSpec? ReadFiles(YamlReader reader, Dictionary<string, YamlNode> map, YamlNode node, string where, string kind)
    {
        if (!map.TryGetValue("paths", out var pathsNode))
        {
            reader.Error(node, $"{where} is missing required field 'paths'");
            return null;
        }

        var paths = reader.StringList(pathsNode, $"{where}.paths");
        var exclude = map.TryGetValue("exclude", out var excludeNode) ? reader.StringList(excludeNode, $"{where}.exclude") ?? [] : [];
        if (paths is null)
        {
            return null;
        }

        return kind == "fileExists" ? new FileExistsCheckSpec(paths, exclude) : new FileAbsentCheckSpec(paths, exclude);
    }

    private static CheckSpec? ReadJsonPath(YamlReader reader, Dictionary<string, YamlNode> map, YamlNode node, string where)
    {
        var path = reader.RequiredString(map, node, "path", where);
        var optional = reader.OptionalBool(map, "optional", where) ?? false;
        var present = JsonAssertions.Keys.Where(map.ContainsKey).ToList();
        if (present.Count != 1)
        {
            reader.Error(node, $"{where} needs exactly one assertion of {string.Join(", ", JsonAssertions.Keys)}" +
                (present.Count > 1 ? $" (found {string.Join(", ", present)})" : ""));
            return null;
        }

        var key = present[0];
        var assertion = JsonAssertions[key];
        var valueNode = map[key];
        List<string>? values = null;
        switch (assertion)
        {
            case JsonAssertion.EqualTo or JsonAssertion.NotEqualTo:
                values = reader.Scalar(valueNode, $"{where}.{key}") is { } one ? [one] : null;
                break;
            case JsonAssertion.In or JsonAssertion.NotIn:
                values = reader.StringList(valueNode, $"{where}.{key}");
                break;
            case JsonAssertion.Matches:
                values = reader.String(valueNode, $"{where}.{key}") is { } pattern && CheckPattern(reader, valueNode, pattern, where) ? [pattern] : null;
                break;
            default:
                if (valueNode is YamlScalarNode { Value: "true" })
                {
                    values = [];
                }
                else
                {
                    reader.Error(valueNode, $"{where}.{key} must be true");
                }

                break;
        }

        if (path is not null && path.Split(':').Any(string.IsNullOrWhiteSpace))
        {
            reader.Error(map["path"], $"{where}.path '{path}' has an empty segment; write keys as Section:Sub:Key");
            return null;
        }

        return path is null || values is null ? null : new JsonPathCheckSpec(path, assertion, values) { Optional = optional };
    }

    private static CheckSpec? ReadRegex(YamlReader reader, Dictionary<string, YamlNode> map, YamlNode node, string where)
    {
        var ignoreCase = reader.OptionalBool(map, "ignoreCase", where) ?? false;
        var serverCodeOnly = reader.OptionalBool(map, "serverCodeOnly", where) ?? false;
        if (!map.TryGetValue("files", out var filesNode))
        {
            reader.Error(node, $"{where} is missing required field 'files'");
            return null;
        }

        var files = reader.StringList(filesNode, $"{where}.files");
        var exclude = map.TryGetValue("exclude", out var excludeNode) ? reader.StringList(excludeNode, $"{where}.exclude") ?? [] : [];
        var hasMust = map.TryGetValue("mustMatch", out var mustNode);
        var hasMustNot = map.TryGetValue("mustNotMatch", out var mustNotNode);
        if (hasMust == hasMustNot)
        {
            reader.Error(node, $"{where} needs exactly one of mustMatch, mustNotMatch");
            return null;
        }

        var patternNode = (hasMust ? mustNode : mustNotNode)!;
        var pattern = reader.String(patternNode, $"{where}.{(hasMust ? "mustMatch" : "mustNotMatch")}");
        if (pattern is null || files is null || !CheckPattern(reader, patternNode, pattern, where))
        {
            return null;
        }

        string? when = null;
        if (map.TryGetValue("when", out var whenNode) && ((when = reader.String(whenNode, $"{where}.when")) is null || !CheckPattern(reader, whenNode, when, where)))
        {
            return null;
        }

        return new RegexCheckSpec(files, exclude, pattern, hasMust ? RegexMode.MustMatch : RegexMode.MustNotMatch, ignoreCase) { When = when, ServerCodeOnly = serverCodeOnly };
    }

    private static bool CheckPattern(YamlReader reader, YamlNode node, string pattern, string where)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException ex)
        {
            reader.Error(node, $"{where}: invalid regular expression: {ex.Message}");
            return false;
        }
    }

    private static CheckSpec? ReadDockerfile(YamlReader reader, Dictionary<string, YamlNode> map, YamlNode node, string where)
    {
        var files = map.TryGetValue("files", out var filesNode) ? reader.StringList(filesNode, $"{where}.files") : [.. DockerfileCheckSpec.DefaultFiles];
        var assert = reader.RequiredString(map, node, "assert", where);
        if (assert is null || files is null)
        {
            return null;
        }

        if (!DockerAssertions.TryGetValue(assert, out var assertion))
        {
            reader.Error(map["assert"], $"{where}: unknown dockerfile assertion '{assert}'; expected one of {string.Join(", ", DockerAssertions.Keys)}");
            return null;
        }

        return new DockerfileCheckSpec(files, assertion);
    }

    private static List<Waiver> ReadWaivers(YamlReader reader, YamlNode node)
    {
        var waivers = new List<Waiver>();
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "waivers must be a list");
            return waivers;
        }

        foreach (var item in sequence.Children)
        {
            var map = reader.Mapping(item, "a waiver", WaiverKeys);
            if (map is null)
            {
                continue;
            }

            var check = reader.RequiredString(map, item, "check", "a waiver");
            var reason = reader.RequiredString(map, item, "reason", "a waiver");
            var expiresText = reader.RequiredString(map, item, "expires", "a waiver");
            var approvedBy = reader.OptionalString(map, "approvedBy", "a waiver");
            DateOnly expires = default;
            if (expiresText is not null && !DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
            {
                reader.Error(map["expires"], $"waiver expiry '{expiresText}' must be a date written yyyy-MM-dd");
                continue;
            }

            if (check is not null && reason is not null && expiresText is not null)
            {
                waivers.Add(new Waiver(check, reason, expires, reader.Location(item)) { ApprovedBy = approvedBy });
            }
        }

        return waivers;
    }
}
