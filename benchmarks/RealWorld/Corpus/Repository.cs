namespace RealWorld.Corpus;

internal enum RepositoryKind
{
    Production,
    Template,
    Training,
}

/// <summary>One row of repos.tsv: a public repository at a fixed commit.</summary>
internal sealed record Repository(string Name, string Commit, RepositoryKind Kind, string Note)
{
    /// <summary>The folder a snapshot is extracted to: `owner+name`.</summary>
    public string FolderName => Name.Replace('/', '+');

    public static string NameOfFolder(string folder)
    {
        var plus = folder.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? folder[..plus] + "/" + folder[(plus + 1)..] : folder;
    }
}
