using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EPeople.Benchmarks;

/// <summary>Runs a raw-SQL anchor with pgbench on the same server and reads throughput and latency percentiles.</summary>
internal static partial class Pgbench
{
    public sealed record Result(double Tps, double P50Ms, double P95Ms, double P99Ms, long Transactions);

    public static Task<Result> RunAsync(string binDirectory, int port, string database, string script, int clients, int seconds) =>
        RunAsync(binDirectory, port, database, [script], clients, seconds);

    /// <summary>Several scripts, each transaction picking one of them at random with equal weight (pgbench -f … -f …).</summary>
    public static async Task<Result> RunAsync(string binDirectory, int port, string database, IReadOnlyList<string> scripts, int clients, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("epeople-pgbench-").FullName;
        var scriptArguments = new List<string>();
        for (var i = 0; i < scripts.Count; i++)
        {
            var scriptFile = Path.Combine(folder, $"anchor{i}.sql");
            await File.WriteAllTextAsync(scriptFile, scripts[i]);
            scriptArguments.AddRange(["-f", scriptFile]);
        }
        var start = new ProcessStartInfo(Path.Combine(binDirectory, "pgbench"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
        };
        string[] arguments =
        [
            "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-n", .. scriptArguments,
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
            "-l", "--log-prefix", Path.Combine(folder, "log"), database,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench failed: {error}{output}");
        }

        // Each log line: client_id transaction_no time_us script_no time_epoch time_us
        var latencies = Directory.GetFiles(folder, "log*")
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length >= 3)
            .Select(parts => double.Parse(parts[2], CultureInfo.InvariantCulture) / 1000.0)
            .Order()
            .ToList();
        Directory.Delete(folder, recursive: true);
        var tps = double.Parse(TpsPattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new Result(tps, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.Count);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();
}
