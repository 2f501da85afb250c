namespace EPeople.Application.Analytics;

/// <summary>What a refresh of the daily counts covered, for the steps that run after it.</summary>
/// <param name="Full">A full recompute (every day) rather than an incremental run.</param>
/// <param name="FromDay">The first Korean day that was recounted (null: all of them).</param>
/// <param name="CountedUntil">Petitions filed before this instant are in the counts.</param>
public sealed record DailyCountsRefreshed(bool Full, DateOnly? FromDay, DateTimeOffset CountedUntil);

/// <summary>
/// The hook for the analyses that read the fresh counts (the burst detector, later the duplicate and mass grouping):
/// every registered step runs, in registration order, after each refresh of the daily counts, in the same job run,
/// with its own DI scope. Register one with <c>services.AddScoped&lt;IAfterDailyCountsStep, MyStep&gt;()</c>.
/// </summary>
public interface IAfterDailyCountsStep
{
    /// <summary>A short name for the run report and the log ("bursts").</summary>
    string Name { get; }

    Task RunAsync(DailyCountsRefreshed refresh, CancellationToken cancellationToken);
}
