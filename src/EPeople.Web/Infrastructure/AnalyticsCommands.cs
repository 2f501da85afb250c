using System.Globalization;
using EPeople.Application.Analytics;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// The analytics command line: <c>dotnet run --project src/EPeople.Web -- analytics recompute</c> recomputes every
/// daily count from the petitions (progress on standard error), then runs the steps hooked after the counts: the burst
/// alerts, and the indexing and grouping of petitions that have no similarity signatures.
/// (<c>analytics replay</c>, which needs no database, is <see cref="AnalyticsReplayCommand"/>.)
/// </summary>
internal static class AnalyticsCommands
{
    private const string Usage = "usage: analytics recompute | analytics replay --input <petitions.csv> --out <alerts.json> [...]";

    public static bool IsAnalyticsCommand(string[] args) => args.Length > 0 && args[0] == "analytics";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[1] != "recompute")
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await app.InitializeDatabaseAsync();
        var started = DateTime.UtcNow;
        var progress = new Progress<string>(step =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{(DateTime.UtcNow - started).TotalSeconds,6:F1} s] {step}")));
        var run = await app.Services.GetRequiredService<AnalyticsRefresh>().RecomputeAsync(progress, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recomputed {run.Rows:N0} daily counts from {run.Petitions:N0} petitions in {run.Seconds:F2} s (counted until {run.CountedUntil:yyyy-MM-dd HH:mm:ss} UTC); steps after the counts: {(run.Steps.Count == 0 ? "none" : string.Join(", ", run.Steps))}"));
        return 0;
    }
}
