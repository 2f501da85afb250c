namespace EPeople.Application.Analytics;

/// <summary>What a daily count is counted by.</summary>
public enum AnalyticsDimension
{
    /// <summary>All petitions filed that day (the key is empty).</summary>
    Total,

    /// <summary>By petition kind (CivilPetition, NationalProposal…).</summary>
    Kind,

    /// <summary>By the institution that has the petition now (after any transfers).</summary>
    Institution,

    /// <summary>By the petitioner's region code ("-" when none was given).</summary>
    Region,
}

/// <summary>
/// How many petitions were filed on one Korean day (KST), by one dimension's key. Kept by
/// <see cref="AnalyticsRefresh"/>: a full recompute or an incremental run over the newest days; never edited by hand.
/// </summary>
public sealed class DailyCountRecord
{
    /// <summary>The key of a petition without a region.</summary>
    public const string NoRegion = "-";

    public AnalyticsDimension Dimension { get; set; }
    public string Key { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// Where the daily counts stand: petitions filed before <see cref="CountedUntil"/> are counted. One row per store
/// ("daily-counts"); runs update it first in their transaction, so two runs never interleave.
/// </summary>
public sealed class AnalyticsWatermarkRecord
{
    public const string DailyCounts = "daily-counts";

    public string Name { get; set; } = DailyCounts;
    public DateTimeOffset? CountedUntil { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public string? LastRunKind { get; set; }
    public double LastRunSeconds { get; set; }
    public int LastRunRows { get; set; }
}
