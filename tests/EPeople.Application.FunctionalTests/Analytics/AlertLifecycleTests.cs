using System.Text.Json;
using EPeople.Application.Analytics;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>
/// What happens to an alert after it is raised: it closes itself once its topic has been quiet for
/// <see cref="AnalyticsOptions.AlertQuietDays"/> days; one closed as Resolved opens again when the topic bursts on a later
/// day, one closed as NotRelevant stays closed; its institution rows follow every change the burst step makes.
/// </summary>
public sealed class AlertLifecycleTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private const string Busan = "6260000";
    private static readonly DateOnly FirstDay = new(2026, 11, 10);
    private static readonly DateOnly BurstDay = FirstDay.AddDays(40);

    // Ten everyday titles filed once each every day: every word keeps the same share of each day, so none ever rises.
    private static readonly string[] Background =
    [
        "가로등 고장 문의", "보도블록 파손 신고", "주차 단속 문의", "쓰레기 수거 요청", "버스 정류장 이전", "도서관 운영 시간", "공원 벤치 설치",
        "횡단보도 신호등 점검", "하수구 악취 민원", "자전거 도로 정비",
    ];

    private int _receipts;

    private static DateTimeOffset At(DateOnly day, int minute) => AnalyticsDays.StartOf(day).AddHours(10).AddMinutes(minute);

    private async Task FileAsync(DateOnly day, int bursting)
    {
        var petitions = Background.Select((title, i) => File(title, Seoul, At(day, i))).ToList();
        for (var j = 0; j < bursting; j++)
        {
            // One in three of the bursting petitions goes to Busan.
            petitions.Add(File("싱크홀 조치 요청", j % 3 == 0 ? Busan : Seoul, At(day, 20 + j)));
        }

        await App.QueryDbAsync(async db =>
        {
            db.Petitions.AddRange(petitions);
            return await db.SaveChangesAsync();
        });
    }

    private Petition File(string title, string institution, DateTimeOffset filedAt) =>
        Petition.File(
            new PetitionFiling(Guid.Empty, PetitionKind.CivilPetition, PetitionSubtype.Grievance, title, "불편 사항을 알려 드립니다.",
                new PetitionerContact("김민준", null, null), IsPublic: false, null),
            $"EP-LIFE-{++_receipts:D6}", institution, toTriageDesk: false, null, filedAt);

    // The steps that follow the daily counts, as the refresh runs them, once the day is complete (half an hour into the
    // next). The test clock is shared by every test and only goes forward, so it is not moved to these days: the steps
    // take the day from the refresh and only stamp rows with the clock's time.
    private Task<List<string>> RunAfterAsync(DateOnly completedDay, int minutesLater = 0) =>
        App.ExecuteAsync<IEnumerable<IAfterDailyCountsStep>, List<string>>(async steps =>
        {
            var refreshed = new DailyCountsRefreshed(false, completedDay, AnalyticsDays.StartOf(completedDay.AddDays(1)).AddMinutes(30 + minutesLater));
            var names = new List<string>();
            foreach (var step in steps)
            {
                await step.RunAsync(refreshed, null, CancellationToken.None);
                names.Add(step.Name);
            }

            return names;
        });

    private Task<List<(string Code, int Count, DateOnly RaisedOn)>> InstitutionRowsAsync(string alertId) => App.QueryDbAsync(async db =>
        (await db.AnalyticsAlertInstitutions.AsNoTracking().Where(r => r.AlertId == alertId).ToListAsync())
        .OrderBy(r => r.InstitutionCode, StringComparer.Ordinal).Select(r => (r.InstitutionCode, r.Count, r.RaisedOn)).ToList());

    private static List<(string Code, int Count, DateOnly RaisedOn)> FromJson(AnalyticsAlertRecord alert) =>
        [.. JsonSerializer.Deserialize<List<AlertInstitution>>(alert.Institutions, BurstAlertsStep.Json)!
            .OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (i.Code, i.Count, alert.RaisedOn))];

    private async Task<AnalyticsAlertRecord> RaiseAsync()
    {
        for (var day = FirstDay; day < BurstDay; day = day.AddDays(1))
        {
            await FileAsync(day, bursting: 0);
        }

        await FileAsync(BurstDay, bursting: 30);
        (await RunAfterAsync(BurstDay)).ShouldBe(["bursts", "quiet-alerts", "similarity"]);
        return (await App.QueryDbAsync(db => db.AnalyticsAlerts.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
    }

    [Test]
    public async Task ShouldCloseOpenAndAcknowledgedAlertsQuietForTheQuietDaysAndNotBefore()
    {
        var lastSeen = new DateOnly(2026, 11, 1);
        await App.AddAsync(
            AlertRows.Alert("2026-10-30/open", new DateOnly(2026, 10, 30), lastSeen, (Seoul, 30)),
            AlertRows.Alert("2026-10-31/acknowledged", new DateOnly(2026, 10, 31), lastSeen, (Seoul, 30)),
            AlertRows.Alert("2026-10-31/recent", new DateOnly(2026, 10, 31), lastSeen.AddDays(1), (Seoul, 30)),
            AlertRows.Alert("2026-10-29/not-relevant", new DateOnly(2026, 10, 29), lastSeen, (Seoul, 30)));
        App.RunAsSystemAdmin();
        await App.SendAsync(new AcknowledgeAnalyticsAlertCommand("2026-10-31/acknowledged"));
        await App.SendAsync(new CloseAnalyticsAlertCommand("2026-10-29/not-relevant", "NotRelevant", "무관"));
        var handClosed = await App.AlertAsync("2026-10-29/not-relevant");

        // Quiet for 13 completed days: not yet.
        await RunAfterAsync(lastSeen.AddDays(13));
        (await App.SendAsync(new ListAnalyticsAlertsQuery(Status: "Closed"))).Items.Select(a => a.Id).ShouldBe(["2026-10-29/not-relevant"]);

        // 14 days: the open and the acknowledged alert close as Quiet, by nobody; the one seen a day later waits a day.
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var now = App.Clock.GetUtcNow();
        (await RunAfterAsync(lastSeen.AddDays(14))).ShouldBe(["bursts", "quiet-alerts", "similarity"]);

        foreach (var id in new[] { "2026-10-30/open", "2026-10-31/acknowledged" })
        {
            var alert = await App.AlertAsync(id);
            (alert.Status, alert.CloseReason, alert.ClosedBy, alert.ClosedAt, alert.UpdatedAt)
                .ShouldBe((AnalyticsAlertStatus.Closed, (AnalyticsAlertCloseReason?)AnalyticsAlertCloseReason.Quiet, (Guid?)null, (DateTimeOffset?)now, now), id);
        }

        (await App.AlertAsync("2026-10-31/recent")).Status.ShouldBe(AnalyticsAlertStatus.Open);
        (await App.AlertAsync("2026-10-29/not-relevant")).ShouldBeEquivalentTo(handClosed);

        // The next run (the same day, 15 minutes on) changes nothing; the next day closes the last one.
        var closed = await App.AlertAsync("2026-10-30/open");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunAfterAsync(lastSeen.AddDays(14), minutesLater: 15);
        (await App.AlertAsync("2026-10-30/open")).ShouldBeEquivalentTo(closed);
        (await App.AlertAsync("2026-10-31/recent")).Status.ShouldBe(AnalyticsAlertStatus.Open);
        await RunAfterAsync(lastSeen.AddDays(15));
        (await App.AlertAsync("2026-10-31/recent")).CloseReason.ShouldBe(AnalyticsAlertCloseReason.Quiet);
    }

    [TestCase("Resolved", AnalyticsAlertStatus.Open)]
    [TestCase("NotRelevant", AnalyticsAlertStatus.Closed)]
    public async Task ShouldOpenAResolvedAlertThatBurstsOnALaterDayAndKeepANotRelevantOneClosed(string reason, AnalyticsAlertStatus after)
    {
        var alert = await RaiseAsync();
        (await InstitutionRowsAsync(alert.Id)).ShouldBe([(Seoul, 20, BurstDay), (Busan, 10, BurstDay)]);
        App.User.Set("analyst@test", [Roles.Analyst]);
        await App.SendAsync(new AcknowledgeAnalyticsAlertCommand(alert.Id));
        await App.SendAsync(new CloseAnalyticsAlertCommand(alert.Id, reason, "확인 완료"));

        // The same day again: nothing new, the alert stays as the analyst left it.
        await RunAfterAsync(BurstDay);
        (await App.AlertAsync(alert.Id)).Status.ShouldBe(AnalyticsAlertStatus.Closed);

        // The topic keeps bursting the next day: the same row gets the new figures either way.
        await FileAsync(BurstDay.AddDays(1), bursting: 45);
        await RunAfterAsync(BurstDay.AddDays(1));

        var extended = await App.AlertAsync(alert.Id);
        (extended.LastSeenOn, extended.Days, extended.Status).ShouldBe((BurstDay.AddDays(1), 2, after));
        if (after == AnalyticsAlertStatus.Open)
        {
            (extended.CloseReason, extended.ClosedAt, extended.ClosedBy, extended.CloseNote, extended.AcknowledgedAt).ShouldBe((null, null, null, null, null));
        }
        else
        {
            (extended.CloseReason, extended.CloseNote).ShouldBe((AnalyticsAlertCloseReason.NotRelevant, "확인 완료"));
        }

        // Its institution rows are the JSON's, whatever the detector now says.
        (await InstitutionRowsAsync(alert.Id)).ShouldBe(FromJson(extended));
    }

    [Test]
    public async Task ShouldNotOpenAResolvedAlertWhenTheBurstStepRewritesItWithoutALaterDay()
    {
        var alert = await RaiseAsync();
        App.User.Set("analyst@test", [Roles.Analyst]);
        await App.SendAsync(new CloseAnalyticsAlertCommand(alert.Id, "Resolved"));

        // Its watermark lost, the step looks back over the last days again and writes the alert as it was.
        await App.QueryDbAsync(db => db.AnalyticsWatermarks.Where(w => w.Name == BurstAlertsStep.Watermark).ExecuteDeleteAsync());
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunAfterAsync(BurstDay, minutesLater: 15);
        (await App.AlertAsync(alert.Id)).UpdatedAt.ShouldBe(App.Clock.GetUtcNow()); // it was written again

        var rewritten = await App.AlertAsync(alert.Id);
        (rewritten.Status, rewritten.CloseReason, rewritten.LastSeenOn).ShouldBe((AnalyticsAlertStatus.Closed, (AnalyticsAlertCloseReason?)AnalyticsAlertCloseReason.Resolved, BurstDay));
    }
}
