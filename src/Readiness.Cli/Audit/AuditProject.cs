using Readiness.Cli.Projects;

namespace Readiness.Cli.Audit;

/// <summary>One project the audit compiles and analyzes, with the files it was given.</summary>
internal sealed class AuditProject(ProjectFile file, string relativePath)
{
    public ProjectFile File { get; } = file;

    /// <summary>Repository-relative path of the .csproj, forward slashes.</summary>
    public string RelativePath { get; } = relativePath;

    /// <summary>Absolute paths of the C# files it compiles.</summary>
    public List<string> SourceFiles { get; } = [];

    /// <summary>Absolute paths of the config and deployment files its analyzers see as AdditionalFiles.</summary>
    public List<string> AdditionalFiles { get; } = [];

    /// <summary>True when the project is audited; false for a project only compiled because an audited one references it.</summary>
    public bool IsAudited { get; init; } = true;

    /// <summary>
    /// True when the project lives in a test folder (<c>tests/</c>, <c>test/</c>, <c>Orders.Tests/</c>, <c>*.UnitTests/</c>,
    /// <c>*.IntegrationTests/</c> …): a fixture or test host, test code for the audit even without a test SDK.
    /// </summary>
    public bool IsInTestFolder => TestFolders.Contains(RelativePath);

    /// <summary>Test code for the audit: a test project by its own declaration, or a project in a test folder.</summary>
    public bool IsTestCode => File.IsTestProject || IsInTestFolder;

    public override string ToString() => RelativePath;
}
