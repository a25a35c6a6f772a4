using BenchmarkDotNet.Running;
using ReadinessAnalyzers.Benchmarks;

// `dotnet run -c Release -- share [files] [runs] [ID prefixes]`: the figures the README quotes (analyzers' share of
// compile time); e.g. `share 300 5 RDY1,RDY2,RDY3,RDY4,RDY5,RDY8001,RDY8002` measures only those rules' analyzers.
// `dotnet run -c Release -- bdn`: the BenchmarkDotNet suite (compile with/without analyzers, editor document).
var mode = args.Length > 0 ? args[0] : "share";
switch (mode)
{
    case "share":
        var files = args.Length > 1 ? int.Parse(args[1]) : 300;
        var runs = args.Length > 2 ? int.Parse(args[2]) : 5;
        if (args.Length > 3)
        {
            GeneratedApp.Only(args[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        await ShareReport.RunAsync(files, runs);
        return 0;
    case "bdn":
        BenchmarkRunner.Run<AnalyzerBenchmarks>(args: args.Skip(1).ToArray());
        return 0;
    default:
        Console.Error.WriteLine("usage: share [files] [runs] | bdn [BenchmarkDotNet arguments]");
        return 2;
}
