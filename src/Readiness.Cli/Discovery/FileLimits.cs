namespace Readiness.Cli.Discovery;

/// <summary>
/// The sizes past which a file is not read. A C# file over 2 MB is generated or vendored code, and a config file
/// over 1 MB is data, not configuration; reading them would cost memory without telling a reviewer anything.
/// </summary>
internal static class FileLimits
{
    public const long MaxSourceFileBytes = 2 * 1024 * 1024;

    public const long MaxConfigFileBytes = 1024 * 1024;

    /// <summary>A project file larger than this is not a hand-written csproj.</summary>
    public const long MaxProjectFileBytes = 1024 * 1024;

    /// <summary>project.assets.json lists every package of a large solution; it can be big and is still only read once.</summary>
    public const long MaxAssetsFileBytes = 64 * 1024 * 1024;
}
