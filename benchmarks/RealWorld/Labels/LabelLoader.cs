using System.Text.RegularExpressions;
using RealWorld.Corpus;

namespace RealWorld.Labels;

/// <summary>
/// Reads label files (/work/labels/FORMAT.md): tab-separated, header
/// `repo commit path line kind category rule note`. Every row is validated strictly; the first bad row stops the load
/// with its file and line, since a silently dropped label moves recall or precision without anyone noticing.
/// </summary>
internal static partial class LabelLoader
{
    public const string Header = "repo\tcommit\tpath\tline\tkind\tcategory\trule\tnote";

    public static readonly IReadOnlyList<string> Categories =
        ["Secrets", "Cors", "Cookies", "Logging", "Sessions", "Https", "Auth", "Errors", "Hardening"];

    /// <summary>Files and folders (every *.tsv directly inside) in the order given; a folder's files in name order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.GetFiles(input, "*.tsv").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new UsageException($"{input}: label file or folder not found");
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <param name="repositories">repos.tsv: a row's repo must be listed and its commit must be the listed one.</param>
    public static IReadOnlyList<Label> Load(IEnumerable<string> files, IReadOnlyList<Repository> repositories)
    {
        var commits = repositories.ToDictionary(r => r.Name, r => r.Commit, StringComparer.Ordinal);
        var labels = new List<Label>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var sawHeader = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var where = $"{file}:{i + 1}";
                var line = lines[i].TrimEnd('\r');
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                if (line == Header)
                {
                    sawHeader = true;
                    continue;
                }

                if (!sawHeader)
                {
                    throw new LabelFormatException(where, "the first row must be the header: " + Header.Replace('\t', ' '));
                }

                labels.Add(Parse(line, where, commits));
            }
        }

        return labels;
    }

    private static Label Parse(string line, string where, Dictionary<string, string> commits)
    {
        var cells = line.Split('\t');
        if (cells.Length != 8)
        {
            throw new LabelFormatException(where, $"expected 8 tab-separated cells (repo commit path line kind category rule note), found {cells.Length}");
        }

        var (repo, commit, path, lineText, kindText, category, rule, note) =
            (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]);

        if (!IsRepositoryName(repo))
        {
            throw new LabelFormatException(where, $"repo '{repo}' is not owner/name");
        }

        if (!commits.TryGetValue(repo, out var listed))
        {
            throw new LabelFormatException(where, $"repo '{repo}' is not listed in repos.tsv");
        }

        if (!IsCommit(commit))
        {
            throw new LabelFormatException(where, $"commit '{commit}' is not 40 hexadecimal digits");
        }

        if (!string.Equals(commit, listed, StringComparison.OrdinalIgnoreCase))
        {
            throw new LabelFormatException(where, $"commit {commit} is not the commit repos.tsv lists for {repo} ({listed})");
        }

        if (path.Length == 0 || path.Contains('\\') || path.StartsWith('/') || path.StartsWith("./", StringComparison.Ordinal)
            || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new LabelFormatException(where, $"path '{path}' is not relative to the repository root with forward slashes");
        }

        if (!int.TryParse(lineText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var lineNumber))
        {
            throw new LabelFormatException(where, $"line '{lineText}' is not a non-negative integer");
        }

        var kind = kindText switch
        {
            "expect" => LabelKind.Expect,
            "neg" => LabelKind.Neg,
            "ok" => LabelKind.Ok,
            _ => throw new LabelFormatException(where, $"kind '{kindText}' is not expect, neg or ok"),
        };

        if (!Categories.Contains(category, StringComparer.Ordinal))
        {
            throw new LabelFormatException(where, $"category '{category}' is not one of {string.Join(", ", Categories)}");
        }

        if (rule != Label.AnyRule && !RuleId().IsMatch(rule) && !CheckId().IsMatch(rule))
        {
            throw new LabelFormatException(where, $"rule '{rule}' is neither a rule id (RDY1001), a check id (dockerignore-present) nor -");
        }

        return new Label(repo, commit.ToLowerInvariant(), path, lineNumber, kind, category, rule, note, where);
    }

    public static bool IsRepositoryName(string text) => RepositoryName().IsMatch(text);

    public static bool IsCommit(string text) => Commit().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.][A-Za-z0-9_.-]*$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex Commit();

    [GeneratedRegex("^[A-Z]{2,}[0-9]{4}$")]
    private static partial Regex RuleId();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CheckId();
}
