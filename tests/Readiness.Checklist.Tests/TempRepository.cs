using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Tests;

/// <summary>A throwaway repository folder for evaluator tests, deleted on dispose.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempRepository With(string relativePath, string contents)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return this;
    }

    public TempRepository WithBytes(string relativePath, byte[] contents)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, contents);
        return this;
    }

    public AuditInput Input(IReadOnlyList<Finding>? findings = null, IEnumerable<string>? ruleIds = null, string environment = "Production", DateOnly? today = null) =>
        new(Root, environment, findings ?? [], [], new HashSet<string>(ruleIds ?? [], StringComparer.Ordinal), today ?? new DateOnly(2026, 6, 1), [])
        {
            GeneratedAt = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero),
            ToolVersion = "0.1.0-test",
        };

    /// <summary>Evaluates a single-check checklist written as YAML (the check's fields, indented under "- ").</summary>
    public CheckResult EvaluateOne(string checkYaml, AuditInput? input = null)
    {
        var checklist = ChecklistLoader.Parse(Checklists.Wrap(checkYaml), "test.yaml");
        return AuditEvaluator.Evaluate([checklist], input ?? Input()).Checks.Single();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Small checklist texts for tests.</summary>
public static class Checklists
{
    /// <summary>A check with every required field but the <c>check:</c> block, which the caller appends.</summary>
    public static string Check(string id, string kindBlock, string severity = "P2-high", string category = "Hardening", string? weight = null) => $"""
          - id: {id}
            title: Title of {id}
            category: {category}
            severity: {severity}
        {(weight is null ? "" : $"    weight: {weight}\n")}    remediation: Fix it.
            references: [https://example.org/{id}]
            check:
        {Indent(kindBlock, 6)}
        """;

    public static string Wrap(string checks) => "name: test\nchecks:\n" + checks + "\n";

    public static string Indent(string text, int spaces) =>
        string.Join('\n', text.Trim('\n').Split('\n').Select(l => new string(' ', spaces) + l));
}
