using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ReadinessAnalyzers.Internals.Secrets;

namespace SecretScanner.Benchmarks;

/// <summary>The scanner over the whole generated tree (one operation = every file once, one core).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class TreeScanBenchmarks
{
    private IReadOnlyList<TreeFile> _files = Array.Empty<TreeFile>();
    private readonly List<SecretMatch> _matches = new();

    [GlobalSetup]
    public void Setup() => _files = SourceTree.Generate(SourceTree.DefaultMegabytes, out _);

    [Benchmark(Description = "Scan tree (64 MB)")]
    public int ScanTree()
    {
        _matches.Clear();
        foreach (var file in _files)
        {
            SecretFormatScanner.Scan(file.Content, _matches);
        }

        return _matches.Count;
    }
}

/// <summary>One clean line and one line with a candidate: MemoryDiagnoser must show 0 B allocated for the clean line.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LineScanBenchmarks
{
    private readonly List<SecretMatch> _matches = new(16);

    private const string CleanCode = "        _logger.LogInformation(\"Get Order {Id} for tenant {Tenant}\", id, entity.TenantId); // Task completes when done";

    private const string CleanJson = "    { \"id\": \"0d5a3c2e-7f4b-4a7e-9c1d-2b3e4f5a6b7c\", \"url\": \"https://cdn.contoso.com/order/1.png\", \"password\": \"\" },";

    private const string CandidateNoSecret = "  \"Default\": \"Server=sql.internal;Database=orders;User Id=app;Password=${DB_PASSWORD}\"";

    [Benchmark(Description = "Clean C# line")]
    public int CleanCodeLine()
    {
        _matches.Clear();
        SecretFormatScanner.Scan(CleanCode, _matches);
        return _matches.Count;
    }

    [Benchmark(Description = "Clean JSON line")]
    public int CleanJsonLine()
    {
        _matches.Clear();
        SecretFormatScanner.Scan(CleanJson, _matches);
        return _matches.Count;
    }

    [Benchmark(Description = "Line with a placeholder password")]
    public int PlaceholderLine()
    {
        _matches.Clear();
        SecretFormatScanner.Scan(CandidateNoSecret, _matches);
        return _matches.Count;
    }
}

/// <summary>
/// Hostile input (keyword fragments repeated with nothing valid behind them) at two sizes: the time per character
/// must stay flat from 2,000 to 20,000 repetitions, i.e. the scan stays linear.
/// </summary>
[ShortRunJob]
public class PathologicalScanBenchmarks
{
    private readonly List<SecretMatch> _matches = new();
    private string _text = "";

    [Params(2000, 20000)]
    public int Repetitions { get; set; }

    [GlobalSetup]
    public void Setup() => _text = string.Concat(Enumerable.Repeat("sk_live_", Repetitions)) + new string('a', Repetitions * 10)
        + string.Concat(Enumerable.Repeat("Password=;", Repetitions))
        + string.Concat(Enumerable.Repeat("-----BEGIN RSA PRIVATE KEY-----", Repetitions))
        + string.Concat(Enumerable.Repeat("eyJhbGciOi", Repetitions)) + string.Concat(Enumerable.Repeat("T3BlbkFJ", Repetitions))
        + string.Concat(Enumerable.Repeat("datadog ", Repetitions)) + string.Concat(Enumerable.Repeat("https://", Repetitions));

    [Benchmark(Description = "Pathological input")]
    public int Scan()
    {
        _matches.Clear();
        SecretFormatScanner.Scan(_text, _matches);
        return _matches.Count;
    }
}
