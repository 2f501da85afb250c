namespace EPeople.Application.Analytics.Alerts;

/// <summary>
/// What becomes of an alert the detector finds bursting again (<see cref="BurstAlertsStep"/> extends it under the same
/// id). Open and acknowledged alerts just get the new figures. A closed one gets them too, and:
/// <list type="bullet">
/// <item>closed as <see cref="AnalyticsAlertCloseReason.NotRelevant"/>: stays closed — the analyst said the topic does
/// not matter, and more of it does not change that;</item>
/// <item>closed as <see cref="AnalyticsAlertCloseReason.Resolved"/> (or <see cref="AnalyticsAlertCloseReason.Quiet"/>):
/// opens again, as new, when it burst on a day after the last one it had been seen on — it was not over after all.
/// A quiet-closed alert cannot in practice be extended (the detector forgets a topic after
/// <see cref="Bursts.BurstOptions.TopicMemoryDays"/> days, fewer than <see cref="AnalyticsOptions.AlertQuietDays"/>), but
/// if it ever were, being quiet would no longer be true either.</item>
/// </list>
/// The reopened alert sends no second e-mail: notices go once per alert and institution.
/// </summary>
public static class AlertLifecycle
{
    /// <summary>Called by the burst step for each alert found, before the new figures (<paramref name="lastSeenOn"/>) are written into it.</summary>
    public static void OnDetected(AnalyticsAlertRecord alert, DateOnly lastSeenOn, DateTimeOffset now)
    {
        if (alert is { Status: AnalyticsAlertStatus.Closed, CloseReason: AnalyticsAlertCloseReason.Resolved or AnalyticsAlertCloseReason.Quiet }
            && lastSeenOn > alert.LastSeenOn)
        {
            alert.Reopen(now);
        }
    }
}
