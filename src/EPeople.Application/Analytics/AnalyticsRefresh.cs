using System.Diagnostics;
using EPeople.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Analytics;

/// <summary>What one refresh of the daily counts did.</summary>
/// <param name="Kind">"full" or "incremental".</param>
/// <param name="FromDay">The first day recounted (null: every day).</param>
/// <param name="Rows">Rows of analytics_daily_counts written.</param>
/// <param name="Petitions">Petitions counted (those filed since <paramref name="FromDay"/> began).</param>
/// <param name="Steps">The steps that ran after the counts (<see cref="IAfterDailyCountsStep"/>).</param>
public sealed record AnalyticsRunDto(string Kind, DateOnly? FromDay, DateTimeOffset CountedUntil, int Rows, int Petitions, double Seconds, IReadOnlyList<string> Steps);

/// <summary>
/// Keeps the daily counts: a full recompute (every day, from every petition), or an incremental run that recounts only
/// the Korean days from the stored watermark (less <see cref="AnalyticsOptions.SettleMinutes"/>) on — the new petitions
/// and those of the same day, so it is idempotent and catches a filing committed just after the last run. Then runs the
/// <see cref="IAfterDailyCountsStep"/> hook. The clustered job (one node at a time) and the recompute command call it.
/// </summary>
public sealed class AnalyticsRefresh(IServiceScopeFactory scopes, IOptions<AnalyticsOptions> options, TimeProvider clock, ILogger<AnalyticsRefresh> logger)
{
    public Task<AnalyticsRunDto> RecomputeAsync(IProgress<string>? progress, CancellationToken cancellationToken) =>
        RunAsync(full: true, progress, cancellationToken);

    /// <summary>The scheduled run; a full recompute when the counts were never computed.</summary>
    public Task<AnalyticsRunDto> RunIncrementalAsync(CancellationToken cancellationToken) => RunAsync(full: false, null, cancellationToken);

    private async Task<AnalyticsRunDto> RunAsync(bool full, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        DateOnly? fromDay = null;
        DailyCountWrite write;
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!full)
            {
                var db = scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>();
                var mark = await db.AnalyticsWatermarks.AsNoTracking().Where(w => w.Name == AnalyticsWatermarkRecord.DailyCounts)
                    .Select(w => w.CountedUntil).SingleOrDefaultAsync(cancellationToken);
                if (mark is { } counted)
                {
                    fromDay = AnalyticsDays.KoreaDay(counted.AddMinutes(-options.Value.SettleMinutes));
                }
            }

            var kind = fromDay is null ? "full" : "incremental";
            progress?.Report(fromDay is null ? "recounting every day" : $"recounting the days from {fromDay:yyyy-MM-dd} (KST)");
            write = await scope.ServiceProvider.GetRequiredService<IDailyCountStore>().RecountAsync(fromDay, now, kind, progress, cancellationToken);
        }

        var refreshed = new DailyCountsRefreshed(fromDay is null, fromDay, now);
        var steps = new List<string>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var step in scope.ServiceProvider.GetServices<IAfterDailyCountsStep>())
            {
                progress?.Report($"running {step.Name}");
                await step.RunAsync(refreshed, progress, cancellationToken);
                steps.Add(step.Name);
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>().AnalyticsWatermarks
                .Where(w => w.Name == AnalyticsWatermarkRecord.DailyCounts && w.CountedUntil == now)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastRunSeconds, seconds), cancellationToken);
        }

        var run = new AnalyticsRunDto(refreshed.Full ? "full" : "incremental", fromDay, now, write.Rows, write.Petitions, Math.Round(seconds, 3), steps);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var stepNames = steps.Count == 0 ? "no steps" : string.Join(", ", steps);
            logger.LogInformation("Analytics daily counts, {Kind} run from {FromDay}: {Rows} rows from {Petitions} petitions in {Seconds:F2} s; then {Steps}",
                run.Kind, fromDay, run.Rows, run.Petitions, seconds, stepNames);
        }

        return run;
    }
}
