namespace Readiness.Cli.Commands;

/// <summary>The options of <c>readiness audit</c>, after parsing.</summary>
internal sealed record AuditSettings
{
    public string Path { get; init; } = ".";
    public IReadOnlyList<string> Checklists { get; init; } = [];
    public string Environment { get; init; } = "Production";
    public IReadOnlyList<string> Formats { get; init; } = ["console"];
    public string Output { get; init; } = "readiness-report";
    public int? FailUnder { get; init; }
    public string? FailOn { get; init; }
    public string? Baseline { get; init; }
    public bool UpdateBaseline { get; init; }

    /// <summary>The day waivers are judged against; today unless a test fixes it.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>ANSI colour on the console (null: decide from the terminal).</summary>
    public bool? Color { get; init; }
}
