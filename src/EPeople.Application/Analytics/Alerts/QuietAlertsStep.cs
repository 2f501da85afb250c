using EPeople.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Analytics.Alerts;

/// <summary>
/// Runs after <see cref="BurstAlertsStep"/> (registered after it): closes the open and acknowledged alerts whose topic
/// was last seen bursting <see cref="AnalyticsOptions.AlertQuietDays"/> or more days before the last completed Korean
/// day, with reason <see cref="AnalyticsAlertCloseReason.Quiet"/> and nobody as the closer. One UPDATE for all of them;
/// a closed alert is never touched again, so running it every 15 minutes changes nothing until another day completes.
/// </summary>
public sealed class QuietAlertsStep(IEPeopleDbContext db, IOptions<AnalyticsOptions> options, TimeProvider clock, ILogger<QuietAlertsStep> logger)
    : IAfterDailyCountsStep
{
    public string Name => "quiet-alerts";

    public async Task RunAsync(DailyCountsRefreshed refresh, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var quietDays = options.Value.AlertQuietDays;
        if (quietDays <= 0)
        {
            return;
        }

        // The last complete day as the burst step counts it: an alert quiet until then has been analysed up to then.
        var lastComplete = AnalyticsDays.KoreaDay(refresh.CountedUntil.AddMinutes(-options.Value.SettleMinutes)).AddDays(-1);
        var quietSince = lastComplete.AddDays(-quietDays);
        var now = clock.GetUtcNow();
        var closed = await db.AnalyticsAlerts
            .Where(a => (a.Status == AnalyticsAlertStatus.Open || a.Status == AnalyticsAlertStatus.Acknowledged) && a.LastSeenOn <= quietSince)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AnalyticsAlertStatus.Closed)
                .SetProperty(a => a.CloseReason, AnalyticsAlertCloseReason.Quiet)
                .SetProperty(a => a.CloseNote, (string?)null)
                .SetProperty(a => a.ClosedBy, (Guid?)null)
                .SetProperty(a => a.ClosedAt, now)
                .SetProperty(a => a.UpdatedAt, now), cancellationToken);
        if (closed > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Closed {Alerts} burst alerts quiet since {QuietSince} (KST)", closed, quietSince);
        }
    }
}
