namespace ReadinessAnalyzers.Tests.Internals.Secrets;

/// <summary>Hostile text for the scanner: long runs of prefixes and context words with nothing valid behind them.</summary>
public static class PathologicalInput
{
    public static string Create(int repetitions) =>
        string.Concat(Enumerable.Repeat("sk_live_", repetitions)) + new string('a', repetitions * 10)
        + string.Concat(Enumerable.Repeat("Password=;", repetitions))
        + string.Concat(Enumerable.Repeat("-----BEGIN RSA PRIVATE KEY-----", repetitions))
        + string.Concat(Enumerable.Repeat("eyJhbGciOi", repetitions)) + string.Concat(Enumerable.Repeat("T3BlbkFJ", repetitions))
        + string.Concat(Enumerable.Repeat("datadog ", repetitions)) + string.Concat(Enumerable.Repeat("https://", repetitions));
}
