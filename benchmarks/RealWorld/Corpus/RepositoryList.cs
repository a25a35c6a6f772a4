using RealWorld.Labels;

namespace RealWorld.Corpus;

/// <summary>Reads repos.tsv (repo, commit, kind, note).</summary>
internal static class RepositoryList
{
    private const string Header = "repo\tcommit\tkind\tnote";

    public static IReadOnlyList<Repository> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: repository list not found");
        }

        var repositories = new List<Repository>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"{path}:{i + 1}";
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line == Header)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 4)
            {
                throw new LabelFormatException(where, $"expected 4 tab-separated cells (repo, commit, kind, note), found {cells.Length}");
            }

            if (!LabelLoader.IsRepositoryName(cells[0]))
            {
                throw new LabelFormatException(where, $"repo '{cells[0]}' is not owner/name");
            }

            if (!LabelLoader.IsCommit(cells[1]))
            {
                throw new LabelFormatException(where, $"commit '{cells[1]}' is not 40 hexadecimal digits");
            }

            if (!Enum.TryParse<RepositoryKind>(cells[2], ignoreCase: true, out var kind) || cells[2] != cells[2].ToLowerInvariant())
            {
                throw new LabelFormatException(where, $"kind '{cells[2]}' is not production, template or training");
            }

            repositories.Add(new Repository(cells[0], cells[1], kind, cells[3]));
        }

        return repositories;
    }
}
