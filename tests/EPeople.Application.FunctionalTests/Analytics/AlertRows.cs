using System.Text.Json;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.FunctionalTests.Testing;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>Stored alerts written straight into the database, with their institution rows as the burst step keeps them.</summary>
internal static class AlertRows
{
    public static AnalyticsAlertRecord Alert(string id, DateOnly raisedOn, DateOnly? lastSeenOn = null, params (string Code, int Count)[] institutions) => new()
    {
        Id = id,
        RaisedOn = raisedOn,
        LastSeenOn = lastSeenOn ?? raisedOn,
        Days = 1,
        Terms = JsonSerializer.Serialize(new[] { id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..] }),
        Count = 30,
        Expected = 1.5,
        Growth = 20,
        PValue = 1e-9,
        Score = 9,
        TotalCount = 30,
        Institutions = JsonSerializer.Serialize(institutions.Select(i => new AlertInstitution(i.Code, i.Count)), BurstAlertsStep.Json),
        Series = "[0,30]",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    public static Task AddAsync(this TestApp app, params AnalyticsAlertRecord[] alerts) => app.QueryDbAsync(async db =>
    {
        db.AnalyticsAlerts.AddRange(alerts);
        await AlertInstitutionIndex.SyncAsync(db, alerts, CancellationToken.None);
        return await db.SaveChangesAsync();
    });

    public static Task<AnalyticsAlertRecord> AlertAsync(this TestApp app, string id) =>
        app.QueryDbAsync(db => db.AnalyticsAlerts.AsNoTracking().SingleAsync(a => a.Id == id));
}
