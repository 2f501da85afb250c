using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Security;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>The alert list of one institution, from analytics_alert_institutions: keyset pages in (raised_on desc, id) order.</summary>
public sealed class ListAnalyticsAlertsByInstitutionTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private const string Busan = "6260000";

    // Seoul has six alerts (three raised the same day, so the id breaks the tie), Busan three; one of Seoul's is closed.
    private static AnalyticsAlertRecord[] Alerts() =>
    [
        AlertRows.Alert("2026-10-01/가", new DateOnly(2026, 10, 1), null, (Seoul, 12)),
        AlertRows.Alert("2026-10-03/나", new DateOnly(2026, 10, 3), null, (Seoul, 20), (Busan, 10)),
        AlertRows.Alert("2026-10-05/다", new DateOnly(2026, 10, 5), null, (Busan, 7)),
        AlertRows.Alert("2026-10-05/라", new DateOnly(2026, 10, 5), null, (Seoul, 9)),
        AlertRows.Alert("2026-10-05/마", new DateOnly(2026, 10, 5), null, (Seoul, 4), (Busan, 3)),
        AlertRows.Alert("2026-10-05/바", new DateOnly(2026, 10, 5), null, (Seoul, 5)),
        AlertRows.Alert("2026-10-09/사", new DateOnly(2026, 10, 9), null, (Seoul, 30)),
    ];

    private async Task<List<List<string>>> PagesAsync(ListAnalyticsAlertsQuery query)
    {
        var pages = new List<List<string>>();
        string? after = null;
        do
        {
            var page = await App.SendAsync(query with { After = after });
            pages.Add([.. page.Items.Select(a => a.Id)]);
            after = page.Next;
        }
        while (after is not null && pages.Count < 10);

        return pages;
    }

    [SetUp]
    public async Task StoreAlerts()
    {
        await App.AddAsync(Alerts());
        App.User.Set("analyst@test", [Roles.Analyst]);
        await App.SendAsync(new CloseAnalyticsAlertCommand("2026-10-05/라", "NotRelevant"));
    }

    [Test]
    public async Task ShouldPageAnInstitutionsAlertsNewestFirstAcrossPages()
    {
        var pages = await PagesAsync(new ListAnalyticsAlertsQuery(Institution: Seoul, Limit: 2));

        pages.ShouldBe([["2026-10-09/사", "2026-10-05/라"], ["2026-10-05/마", "2026-10-05/바"], ["2026-10-03/나", "2026-10-01/가"]]);
        (await PagesAsync(new ListAnalyticsAlertsQuery(Institution: Busan, Limit: 2))).ShouldBe([["2026-10-05/다", "2026-10-05/마"], ["2026-10-03/나"]]);
        (await PagesAsync(new ListAnalyticsAlertsQuery(Status: "Open", Institution: Seoul, Limit: 3)))
            .ShouldBe([["2026-10-09/사", "2026-10-05/마", "2026-10-05/바"], ["2026-10-03/나", "2026-10-01/가"]]);
        (await PagesAsync(new ListAnalyticsAlertsQuery(Status: "Closed", Institution: Seoul))).ShouldBe([["2026-10-05/라"]]);
        // Without an institution: every alert, in the same order.
        (await PagesAsync(new ListAnalyticsAlertsQuery(Limit: 4))).SelectMany(p => p).ShouldBe(Alerts().OrderByDescending(a => a.RaisedOn).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id));

        var first = (await App.SendAsync(new ListAnalyticsAlertsQuery(Institution: Busan))).Items[0];
        first.Institutions.Select(i => (i.Code, i.NameEn, i.Count)).ShouldBe([(Busan, (string?)"Busan Metropolitan City", 7)]);
    }

    [Test]
    public async Task ShouldGiveAnEmptyPageForAnInstitutionWithoutAlertsAndRefuseAMalformedCode()
    {
        var empty = await App.SendAsync(new ListAnalyticsAlertsQuery(Institution: "1234567"));
        (empty.Items.Count, empty.Next).ShouldBe((0, (string?)null));

        foreach (var code in new[] { "611000", "61100000", "611000A", "서울" })
        {
            var refused = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new ListAnalyticsAlertsQuery(Institution: code)));
            refused.Errors.Keys.ShouldBe(["institution"], code);
        }
    }

    [Test]
    public async Task ShouldListTheInstitutionsConcernedByAlertsAndKeepTheirRowsInStep()
    {
        var institutions = await App.SendAsync(new ListAlertInstitutionsQuery());
        institutions.Select(i => (i.Code, i.Alerts)).ShouldBe([(Seoul, 6), (Busan, 3)]);
        institutions[0].NameKo.ShouldBe("서울특별시");

        // An alert whose JSON changes (Seoul gone, Busan's count changed) gets its rows changed to match.
        await App.QueryDbAsync(async db =>
        {
            var alert = await db.AnalyticsAlerts.SingleAsync(a => a.Id == "2026-10-03/나");
            alert.Institutions = AlertRows.Alert(alert.Id, alert.RaisedOn, null, (Busan, 15)).Institutions;
            await AlertInstitutionIndex.SyncAsync(db, [alert], CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        (await App.QueryDbAsync(db => db.AnalyticsAlertInstitutions.AsNoTracking().Where(r => r.AlertId == "2026-10-03/나")
            .Select(r => new { r.InstitutionCode, r.Count }).ToListAsync())).ShouldHaveSingleItem().ShouldBe(new { InstitutionCode = Busan, Count = 15 });
        (await App.SendAsync(new ListAlertInstitutionsQuery())).Select(i => (i.Code, i.Alerts)).ShouldBe([(Seoul, 5), (Busan, 3)]);

        App.RunAsCitizen();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListAlertInstitutionsQuery()));
    }
}
