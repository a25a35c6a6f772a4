using Microsoft.CodeAnalysis.Diagnostics;
using Verification = ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Hardening;

/// <summary>Runs an additional-file analyzer over one file per test case, each case on its own (failures are not hidden).</summary>
internal static class ContainerTestRun
{
    public static Verification.AnalyzerTest<T> File<T>(string path, string markup)
        where T : DiagnosticAnalyzer, new()
    {
        var test = new Verification.AnalyzerTest<T> { TestCode = "public class App { }" };
        test.AdditionalFiles.Add((path, markup));
        return test;
    }

    public static async Task Files<T>(params (string Path, string Markup)[] files)
        where T : DiagnosticAnalyzer, new()
    {
        foreach (var (path, markup) in files)
        {
            await File<T>(path, markup).RunAsync();
        }
    }

    public static Task InTestProject<T>(string path, string text)
        where T : DiagnosticAnalyzer, new()
    {
        var test = File<T>(path, text);
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
