namespace Readiness.Cli.Commands;

/// <summary>The exit codes of DESIGN.md.</summary>
internal static class ExitCodes
{
    /// <summary>The gate passed and everything was analyzed.</summary>
    public const int GatePassed = 0;

    /// <summary>The gate failed (it wins over an incomplete analysis: what was found fails on its own).</summary>
    public const int GateFailed = 1;

    /// <summary>Bad arguments or bad input: a missing path, a bad checklist or baseline, an unknown rule ID or format.</summary>
    public const int BadInput = 2;

    /// <summary>The gate passed but something could not be analyzed (skipped files, unrestored or broken projects, analyzer failures).</summary>
    public const int AnalysisIncomplete = 3;
}
