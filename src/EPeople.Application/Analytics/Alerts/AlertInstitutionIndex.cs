using System.Text.Json;
using EPeople.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Alerts;

/// <summary>Keeps analytics_alert_institutions equal to the alerts' <see cref="AnalyticsAlertRecord.Institutions"/> JSON.</summary>
public static class AlertInstitutionIndex
{
    /// <summary>
    /// Adds, updates and removes the rows of these alerts (tracked, not saved: they go in the caller's SaveChanges,
    /// so the alert and its rows are written in one transaction). One query for all of them.
    /// </summary>
    public static async Task SyncAsync(IEPeopleDbContext db, IReadOnlyCollection<AnalyticsAlertRecord> alerts, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        var ids = alerts.Select(a => a.Id).ToList();
        var stored = (await db.AnalyticsAlertInstitutions.Where(r => ids.Contains(r.AlertId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.AlertId, StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            var wanted = (JsonSerializer.Deserialize<List<AlertInstitution>>(alert.Institutions, BurstAlertsStep.Json) ?? [])
                .Where(i => !string.IsNullOrEmpty(i.Code))
                .GroupBy(i => i.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(i => i.Count), StringComparer.Ordinal);
            foreach (var row in stored[alert.Id])
            {
                if (wanted.Remove(row.InstitutionCode, out var count))
                {
                    (row.Count, row.RaisedOn) = (count, alert.RaisedOn);
                }
                else
                {
                    db.AnalyticsAlertInstitutions.Remove(row);
                }
            }

            foreach (var (code, count) in wanted)
            {
                db.AnalyticsAlertInstitutions.Add(new AnalyticsAlertInstitutionRecord { AlertId = alert.Id, InstitutionCode = code, Count = count, RaisedOn = alert.RaisedOn });
            }
        }
    }
}
