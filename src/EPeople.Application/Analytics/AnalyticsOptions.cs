namespace EPeople.Application.Analytics;

/// <summary>The <c>Analytics</c> section.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>When the incremental run refreshes the daily counts (a Quartz cron expression, KST): every 15 minutes by default.</summary>
    public string IncrementalCron { get; set; } = "0 0/15 * * * ?";

    /// <summary>
    /// How far before the watermark an incremental run starts its recount: a petition is committed a little after its
    /// filing time, and the day it falls on is recounted whole, so one that was still being committed at the last run is
    /// counted by the next.
    /// </summary>
    public int SettleMinutes { get; set; } = 10;

    /// <summary>
    /// An open or acknowledged burst alert closes itself (reason Quiet) once its topic has not burst for this many
    /// completed Korean days (<see cref="Alerts.QuietAlertsStep"/>); 0 turns that off.
    /// </summary>
    public int AlertQuietDays { get; set; } = 14;
}
