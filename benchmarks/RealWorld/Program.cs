using RealWorld;
using RealWorld.Audit;
using RealWorld.Labels;
using RealWorld.Scoring;

const string usage = """
    usage:
      RealWorld audit --corpus DIR --cli PATH/readiness.dll --out RUNDIR [--mode fresh|restored] [--repo OWNER/NAME]...
                      [--repos repos.tsv] [--timeout-minutes 30] [--cli-arg ARG]...
      RealWorld score --run RUNDIR/<mode> [--labels FILE|DIR]... [--corpus DIR] [--repos repos.tsv] [--format text|tsv]
                      [--fail-under-precision 0.90] [--fail-under-recall 0.85]
    exit codes: 0 done, 1 a gate failed (score) or a report is missing (audit), 2 bad arguments or bad input
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var rest = args.Skip(1).ToList();
    return args[0] switch
    {
        "audit" => AuditCommand.Run(CommandLine.Parse(rest, new HashSet<string>())),
        "score" => ScoreCommand.Run(CommandLine.Parse(rest, new HashSet<string>())),
        _ => throw new UsageException($"unknown command '{args[0]}'"),
    };
}
catch (Exception e) when (e is UsageException or LabelFormatException)
{
    Console.Error.WriteLine("RealWorld: " + e.Message);
    if (e is UsageException && e.Message.Contains("option", StringComparison.Ordinal))
    {
        Console.Error.WriteLine(usage);
    }

    return 2;
}
