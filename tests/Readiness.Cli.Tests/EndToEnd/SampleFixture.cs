using System.Diagnostics;
using Readiness.Cli.Tests.Support;

namespace Readiness.Cli.Tests.EndToEnd;

/// <summary>
/// Restores the samples once when they are not (a fresh clone running only this test project): the audit of an
/// unrestored project is exact only up to name binding, and says so with exit code 3.
/// </summary>
public sealed class SampleFixture
{
    public SampleFixture()
    {
        foreach (var sample in new[] { "InsecureApi", "HardenedApi" })
        {
            var folder = Path.Combine(TestEnvironment.RepositoryRoot, "samples", sample);
            if (!File.Exists(Path.Combine(folder, "obj", "project.assets.json")))
            {
                using var restore = Process.Start(new ProcessStartInfo("dotnet", ["restore", folder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                restore.StandardOutput.ReadToEnd();
                restore.WaitForExit();
            }
        }
    }

    public static string SamplePath(string name) => Path.Combine(TestEnvironment.RepositoryRoot, "samples", name);
}

[CollectionDefinition(Name)]
public sealed class SampleCollection : ICollectionFixture<SampleFixture>
{
    public const string Name = "samples";
}
