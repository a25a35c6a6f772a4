using System.Diagnostics;

namespace RealWorld.Audit;

internal sealed record ProcessOutcome(int ExitCode, TimeSpan Duration, bool TimedOut, IReadOnlyList<string> Output);

/// <summary>Runs one child process at a time, its output appended to a log file and kept for the caller.</summary>
internal static class ProcessRunner
{
    public static ProcessOutcome Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string logFile, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new List<string>();
        using var log = new StreamWriter(logFile, append: true);
        log.WriteLine($"$ {fileName} {string.Join(' ', start.ArgumentList)}");
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
                log.WriteLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        stopwatch.Stop();
        var exitCode = exited ? process.ExitCode : -1;
        lock (output)
        {
            log.WriteLine(exited ? $"# exit {exitCode} after {stopwatch.Elapsed.TotalSeconds:0.0}s" : $"# killed after {timeout.TotalMinutes:0} min");
            return new ProcessOutcome(exitCode, stopwatch.Elapsed, !exited, output.ToList());
        }
    }
}
