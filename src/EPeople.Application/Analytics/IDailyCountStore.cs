namespace EPeople.Application.Analytics;

/// <summary>What one store run wrote: the rows of analytics_daily_counts and the petitions counted into them.</summary>
public sealed record DailyCountWrite(int Rows, int Petitions);

/// <summary>One institution's line of the league table, as the database computed it.</summary>
public sealed record LeagueRow(
    string InstitutionCode, int Petitions, int Answered, int AnsweredOnTime, double? AverageProcessingDays, int Rated, double? AverageRating, int Reopened);

/// <summary>
/// The set-based SQL behind the analytics (one implementation per database provider, in Infrastructure): petitions are
/// aggregated where they are and never pass through .NET one by one.
/// </summary>
public interface IDailyCountStore
{
    /// <summary>
    /// Replaces every daily count from <paramref name="fromDay"/> (KST) on (all of them when null) by a recount of the
    /// petitions filed since that day began, in one transaction that first moves the watermark to <paramref name="countedUntil"/>
    /// (which also serialises concurrent runs). Running it twice gives the same rows.
    /// </summary>
    Task<DailyCountWrite> RecountAsync(DateOnly? fromDay, DateTimeOffset countedUntil, string runKind, IProgress<string>? progress, CancellationToken cancellationToken);

    /// <summary>The league table over the petitions filed in [<paramref name="filedFrom"/>, <paramref name="filedBefore"/>), one row per institution.</summary>
    Task<IReadOnlyList<LeagueRow>> LeagueAsync(DateTimeOffset filedFrom, DateTimeOffset filedBefore, CancellationToken cancellationToken);
}
