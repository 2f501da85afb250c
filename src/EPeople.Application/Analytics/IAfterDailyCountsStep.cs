namespace EPeople.Application.Analytics;

/// <summary>What a refresh of the daily counts covered, for the steps that run after it.</summary>
/// <param name="Full">A full recompute (every day) rather than an incremental run.</param>
/// <param name="FromDay">The first Korean day that was recounted (null: all of them).</param>
/// <param name="CountedUntil">Petitions filed before this instant are in the counts.</param>
public sealed record DailyCountsRefreshed(bool Full, DateOnly? FromDay, DateTimeOffset CountedUntil);

/// <summary>
/// The hook for the analyses that follow the counts (the burst detector, the similarity backfill of the grouping):
/// every registered step runs, in registration order, after each refresh of the daily counts, in the same job run,
/// with its own DI scope. Register one with <c>services.AddScoped&lt;IAfterDailyCountsStep, MyStep&gt;()</c>.
/// </summary>
public interface IAfterDailyCountsStep
{
    /// <summary>A short name for the run report and the log ("bursts").</summary>
    string Name { get; }

    /// <summary>Runs the step; <paramref name="progress"/> (the command line's, else null) hears what a long step has done so far.</summary>
    Task RunAsync(DailyCountsRefreshed refresh, IProgress<string>? progress, CancellationToken cancellationToken);
}
