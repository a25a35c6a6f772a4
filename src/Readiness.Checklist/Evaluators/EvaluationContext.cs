using System.Text.Json;
using Readiness.Checklist.Configuration;
using Readiness.Checklist.Evaluation;
using Readiness.Checklist.Files;
using Readiness.Checklist.Findings;

namespace Readiness.Checklist.Evaluators;

/// <summary>What one evaluated check says, before waivers.</summary>
internal sealed record Outcome(CheckStatus Status, IReadOnlyList<Finding> Findings, string? Message, WaiverInfo? Waiver = null)
{
    public static Outcome Pass(string? message = null) => new(CheckStatus.Passed, [], message);

    public static Outcome NotApplicable(string message) => new(CheckStatus.NotApplicable, [], message);

    public static Outcome Fail(IReadOnlyList<Finding> findings, string? message = null) => new(CheckStatus.Failed, findings, message);

    public static Outcome NotMeasured(string message) => new(CheckStatus.NotMeasured, [], message);
}

/// <summary>Shared by the evaluators of one audit: the input, the repository's files, the effective configurations.</summary>
internal sealed class EvaluationContext(AuditInput input)
{
    private IReadOnlyList<EffectiveConfiguration>? _configurations;
    private readonly List<SkippedItem> _skipped = [];

    public AuditInput Input { get; } = input;

    public RepositoryFiles Files { get; } = new(input.RepositoryRoot);

    private ClientProjects? _clientProjects;

    /// <summary>Which files belong to client apps, for checks about server code.</summary>
    public ClientProjects ClientProjects => _clientProjects ??= new ClientProjects(Files);

    public IEnumerable<SkippedItem> Skipped => Files.Skipped.Concat(_skipped);

    public void Skip(string path, string reason, GapKind kind = GapKind.FileSkipped) => _skipped.Add(new SkippedItem(path, reason, kind));

    /// <summary>
    /// One effective configuration per folder holding appsettings.json or appsettings.{Environment}.json,
    /// test projects left out. Malformed JSON files are skipped and recorded.
    /// </summary>
    public IReadOnlyList<EffectiveConfiguration> Configurations => _configurations ??= BuildConfigurations();

    private List<EffectiveConfiguration> BuildConfigurations()
    {
        var environmentFile = $"appsettings.{Input.Environment}.json";
        var candidates = Files.All
            .Where(p => !RepositoryFiles.IsTestPath(p))
            .Where(p => Path.GetFileName(p) is var name
                && (name.Equals("appsettings.json", StringComparison.OrdinalIgnoreCase) || name.Equals(environmentFile, StringComparison.OrdinalIgnoreCase)));

        var result = new List<EffectiveConfiguration>();
        foreach (var folder in candidates.GroupBy(p => p.Contains('/') ? p[..p.LastIndexOf('/')] : "", StringComparer.Ordinal))
        {
            // Base first, then the environment's file: the order of WebApplication.CreateBuilder.
            var files = folder.OrderBy(p => Path.GetFileName(p).Equals("appsettings.json", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList();
            var configuration = new EffectiveConfiguration(folder.Key, files);
            var overlaid = 0;
            foreach (var file in files)
            {
                if (Files.ReadText(file) is not { } text)
                {
                    continue;
                }

                try
                {
                    configuration.Overlay(file, text);
                    overlaid++;
                }
                catch (JsonException ex)
                {
                    Skip(file, $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}: configuration checks ignore this file");
                }
            }

            // A folder whose every file was unreadable or malformed measured nothing (and is listed as skipped).
            if (overlaid > 0)
            {
                result.Add(configuration);
            }
        }

        return result;
    }
}
