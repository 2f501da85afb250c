using System.Text.Json;
using EPeople.Application.Analytics;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Analytics.Bursts;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Outbox;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>The burst alerts stored after the daily counts: raised once, extended in place, notified once per institution.</summary>
public sealed class BurstAlertsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private const string Busan = "6260000";
    private const string Burst = "싱크홀";
    private static readonly Guid Citizen = Guid.NewGuid();
    private static readonly DateOnly FirstDay = new(2026, 11, 10);
    private static readonly DateOnly BurstDay = FirstDay.AddDays(40);

    // Eighty everyday words; a background day uses twenty of them once each, so no word or pair of words ever rises.
    private static readonly string[] Words =
    [
        "가로등", "보도블록", "주차", "소음", "쓰레기", "버스", "정류장", "도서관", "공원", "놀이터", "횡단보도", "신호등", "하수구", "악취", "누수",
        "가로수", "자전거", "택시", "지하철", "환승", "요금", "세금", "민원실", "주민센터", "등본", "여권", "운전면허", "건강보험", "연금", "장학금",
        "급식", "학교", "어린이집", "유치원", "병원", "약국", "보건소", "예방접종", "복지관", "경로당", "체육관", "수영장", "축제", "관광", "숙박",
        "전통시장", "상가", "임대료", "아파트", "재개발", "재건축", "층간소음", "반려견", "유기견", "고양이", "미세먼지", "하천", "제방", "산책로", "등산로",
        "캠핑장", "해수욕장", "항구", "어선", "농업", "비료", "축사", "과수원", "저수지", "가뭄", "폭염", "한파", "제설", "도로공사", "우회전",
        "과속", "단속", "카메라", "가드레일", "터널",
    ];

    private int _receipts;

    private static DateTimeOffset At(DateOnly day, int minute) => AnalyticsDays.StartOf(day).AddHours(10).AddMinutes(minute);

    private static string Word(int index) => Words[index % Words.Length];

    private async Task FileAsync(DateOnly day, int background, int bursting)
    {
        var seed = day.DayNumber * 11;
        var petitions = new List<Petition>();
        for (var i = 0; i < background; i++)
        {
            petitions.Add(File($"{Word(seed + (2 * i))} {Word(seed + (2 * i) + 1)} 문의", Seoul, At(day, i)));
        }

        for (var j = 0; j < bursting; j++)
        {
            // One in three of the bursting petitions goes to Busan.
            petitions.Add(File($"{Burst} {Word(seed + (2 * background) + j)} 조치 요청", j % 3 == 0 ? Busan : Seoul, At(day, background + j)));
        }

        await App.QueryDbAsync(async db =>
        {
            db.Petitions.AddRange(petitions);
            return await db.SaveChangesAsync();
        });
    }

    private Petition File(string title, string institution, DateTimeOffset filedAt) =>
        Petition.File(
            new PetitionFiling(Citizen, PetitionKind.CivilPetition, PetitionSubtype.Grievance, title, "불편 사항을 알려 드립니다.",
                new PetitionerContact("김민준", null, null), IsPublic: false, null),
            $"EP-TEST-{++_receipts:D6}", institution, toTriageDesk: false, null, filedAt);

    private Task<AnalyticsRunDto> RunAfterAsync(DateOnly completedDay)
    {
        App.Clock.SetUtcNow(AnalyticsDays.StartOf(completedDay.AddDays(1)).AddMinutes(30));
        return App.ExecuteAsync<AnalyticsRefresh, AnalyticsRunDto>(r => r.RunIncrementalAsync(CancellationToken.None));
    }

    private Task<AnalyticsRunDto> RunAtAsync(DateTimeOffset now)
    {
        // The fixture's clock is shared by its tests, and an earlier one may have left it later than this.
        App.Clock.AdjustTime(now);
        return App.ExecuteAsync<AnalyticsRefresh, AnalyticsRunDto>(r => r.RunIncrementalAsync(CancellationToken.None));
    }

    private Task<List<AnalyticsAlertRecord>> AlertsAsync() => App.QueryDbAsync(db => db.AnalyticsAlerts.AsNoTracking().ToListAsync());

    private Task<List<(string Key, EmailMessage Email)>> NoticesAsync() => App.QueryDbAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.Type == EmailMessage.Type).ToListAsync())
        .Where(m => m.IdempotencyKey.StartsWith("analytics-alert:", StringComparison.Ordinal))
        .OrderBy(m => m.IdempotencyKey, StringComparer.Ordinal)
        .Select(m => (m.IdempotencyKey, JsonSerializer.Deserialize<EmailMessage>(m.Payload)!)).ToList());

    private async Task SeedBurstAsync()
    {
        // Seoul has an analyst and an administrator, Busan only an administrator: the notice goes to the analyst, else the administrator.
        await App.CreateAccountAsync("analyst.seoul@test", Roles.Analyst, Seoul);
        await App.CreateAccountAsync("admin.seoul@test", Roles.InstitutionAdmin, Seoul);
        await App.CreateAccountAsync("admin.busan@test", Roles.InstitutionAdmin, Busan);
        for (var day = FirstDay; day < BurstDay; day = day.AddDays(1))
        {
            await FileAsync(day, background: 10, bursting: 0);
        }

        await FileAsync(BurstDay, background: 10, bursting: 30);
    }

    [Test]
    public async Task ShouldRaiseOneAlertNotifyEachInstitutionOnceAndExtendItTheNextDay()
    {
        await SeedBurstAsync();

        var run = await RunAfterAsync(BurstDay);

        run.Steps.ShouldContain("bursts");
        var alert = (await AlertsAsync()).ShouldHaveSingleItem();
        alert.Id.ShouldBe($"{BurstDay:yyyy-MM-dd}/{Burst}");
        (alert.RaisedOn, alert.LastSeenOn, alert.Days, alert.Count, alert.Status).ShouldBe((BurstDay, BurstDay, 1, 30, AnalyticsAlertStatus.Open));
        alert.Growth.ShouldBeGreaterThan(5);
        var series = JsonSerializer.Deserialize<int[]>(alert.Series)!;
        series.Length.ShouldBe(28);
        (series[^1], series[..^1].Sum()).ShouldBe((30, 0));
        alert.Institutions.ShouldContain(Seoul);
        alert.Institutions.ShouldContain(Busan);
        var notices = await NoticesAsync();
        notices.Select(n => (n.Key, n.Email.To)).ShouldBe([
            (BurstAlertsStep.NoticeKey(alert.Id, Seoul), "analyst.seoul@test"),
            (BurstAlertsStep.NoticeKey(alert.Id, Busan), "admin.busan@test"),
        ], ignoreOrder: true);
        notices[0].Email.Subject.ShouldContain(Burst);

        // The same day again: nothing new, no second notice.
        await RunAfterAsync(BurstDay);
        (await AlertsAsync()).ShouldHaveSingleItem().UpdatedAt.ShouldBe(alert.UpdatedAt);
        (await NoticesAsync()).Count.ShouldBe(2);

        // The next day more of the same: the same row, extended, and still two notices.
        await FileAsync(BurstDay.AddDays(1), background: 10, bursting: 40);
        await RunAfterAsync(BurstDay.AddDays(1));

        var extended = (await AlertsAsync()).ShouldHaveSingleItem();
        (extended.Id, extended.LastSeenOn, extended.Days).ShouldBe((alert.Id, BurstDay.AddDays(1), 2));
        JsonSerializer.Deserialize<int[]>(extended.Series)![^2..].ShouldBe([30, 40]);
        (await NoticesAsync()).Count.ShouldBe(2);
    }

    [Test]
    public async Task ShouldGoOnFromTheSavedDaysReadingOnlyThePetitionsFiledSince()
    {
        await SeedBurstAsync();
        await RunAfterAsync(BurstDay.AddDays(-1));
        (await AlertsAsync()).ShouldBeEmpty();
        var saved = await App.QueryDbAsync(db => db.AnalyticsBurstDays.AsNoTracking().OrderBy(d => d.Day).Select(d => new { d.Day, d.Total }).ToListAsync());
        (saved[0].Day, saved[^1].Day, saved.Count).ShouldBe((FirstDay, BurstDay.AddDays(-1), 40)); // every day the detector added, once
        saved.ShouldAllBe(d => d.Total == 10);

        // Rewrite the past: were the earlier petitions read again, the burst's term would be everywhere in the baseline and
        // nothing would rise. The saved counts say the term was never seen, and so does the sparkline.
        await App.QueryDbAsync(db => db.Petitions.Where(p => p.FiledAt < AnalyticsDays.StartOf(BurstDay))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Title, $"{Burst} 예전 민원")));
        await RunAfterAsync(BurstDay);

        var alert = (await AlertsAsync()).ShouldHaveSingleItem();
        (alert.RaisedOn, alert.Count).ShouldBe((BurstDay, 30));
        JsonSerializer.Deserialize<int[]>(alert.Series)![..^1].Sum().ShouldBe(0);
        (await App.QueryDbAsync(db => db.AnalyticsBurstDays.CountAsync())).ShouldBe(41);
    }

    [Test]
    public async Task ShouldRaiseWithinTheHourAndKeepTheSameAlertWhenTheDayIsOver()
    {
        await SeedBurstAsync();

        // 10:55 KST: the burst (10:10–10:40) is in the hour under way, which is not over yet.
        await RunAtAsync(AnalyticsDays.StartOf(BurstDay).AddHours(10).AddMinutes(55));
        (await AlertsAsync()).ShouldBeEmpty();

        // 11:30 KST: the 10 o'clock hour is over (and settled): raised now, not at midnight.
        await RunAtAsync(AnalyticsDays.StartOf(BurstDay).AddHours(11).AddMinutes(30));
        var early = (await AlertsAsync()).ShouldHaveSingleItem();
        (early.Id, early.RaisedOn, early.Count).ShouldBe(($"{BurstDay:yyyy-MM-dd}/{Burst}", BurstDay, 30));
        JsonSerializer.Deserialize<int[]>(early.Series)![^1].ShouldBe(30);
        (await NoticesAsync()).Count.ShouldBe(2);

        // The same hour again: nothing new.
        await RunAtAsync(AnalyticsDays.StartOf(BurstDay).AddHours(11).AddMinutes(50));
        (await AlertsAsync()).ShouldHaveSingleItem().UpdatedAt.ShouldBe(early.UpdatedAt);

        // After midnight the whole day confirms it: the same row, no second notice.
        await RunAfterAsync(BurstDay);
        var confirmed = (await AlertsAsync()).ShouldHaveSingleItem();
        (confirmed.Id, confirmed.Days, confirmed.Count).ShouldBe((early.Id, 1, 30));
        (await NoticesAsync()).Count.ShouldBe(2);
    }

    [Test]
    public async Task ShouldKeepTheRowOfAnAlertRaisedUnderAnotherLeadingTermTheSameDay()
    {
        await SeedBurstAsync();
        // As if the hour's peek had been led by another spelling: same day, a leading term in common.
        var now = AnalyticsDays.StartOf(BurstDay).AddHours(12);
        await App.QueryDbAsync(db =>
        {
            db.AnalyticsAlerts.Add(new AnalyticsAlertRecord
            {
                Id = $"{BurstDay:yyyy-MM-dd}/싱크홀사고", RaisedOn = BurstDay, LastSeenOn = BurstDay, Days = 1, Terms = "[\"싱크홀사고\"]",
                Count = 12, CreatedAt = now, UpdatedAt = now,
            });
            return db.SaveChangesAsync();
        });

        await RunAfterAsync(BurstDay);

        var alert = (await AlertsAsync()).ShouldHaveSingleItem();
        (alert.Id, alert.Count).ShouldBe(($"{BurstDay:yyyy-MM-dd}/싱크홀사고", 30));
        JsonSerializer.Deserialize<string[]>(alert.Terms)![0].ShouldBe(Burst);
        (await NoticesAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldRaiseAVolumeAlertForAnInstitutionFloodedOnNoOneSubjectAndNameItInTheNotice()
    {
        await App.CreateAccountAsync("admin.busan@test", Roles.InstitutionAdmin, Busan);
        for (var day = FirstDay; day < BurstDay; day = day.AddDays(1))
        {
            await FileAsync(day, background: 10, bursting: 0);
        }

        await FileAsync(BurstDay, background: 10, bursting: 0);
        // Thirty petitions for Busan, each about something of its own: no term rises, Busan's share does.
        var flood = Enumerable.Range(0, 30).Select(i => File(SyntheticPetitions.UniqueWords(i), Busan, At(BurstDay, 30 + i))).ToList();
        await App.QueryDbAsync(async db =>
        {
            db.Petitions.AddRange(flood);
            return await db.SaveChangesAsync();
        });

        await RunAfterAsync(BurstDay);

        var alert = (await AlertsAsync()).ShouldHaveSingleItem();
        alert.Id.ShouldBe($"{BurstDay:yyyy-MM-dd}/institution:{Busan}");
        BurstAlert.KindOfId(alert.Id).ShouldBe("institution");
        alert.Count.ShouldBe(30);
        var notice = (await NoticesAsync()).ShouldHaveSingleItem();
        notice.Email.To.ShouldBe("admin.busan@test");
        var busan = await App.QueryDbAsync(db => db.Institutions.AsNoTracking().Where(i => i.Code == Busan).Select(i => i.NameKo).SingleAsync());
        notice.Email.Subject.ShouldBe($"[EPeople] 민원 급증 / Petition surge: {busan}");
        notice.Email.TextBody.ShouldContain($"{busan} 소관 민원이 주제와 관계없이 급증했습니다: 30건");
    }

    [Test]
    public async Task ShouldRaiseNothingOnAFlatBackground()
    {
        await App.CreateAccountAsync("analyst.seoul@test", Roles.Analyst, Seoul);
        for (var day = FirstDay; day <= BurstDay; day = day.AddDays(1))
        {
            await FileAsync(day, background: 10, bursting: 0);
        }

        await RunAfterAsync(BurstDay);

        (await AlertsAsync()).ShouldBeEmpty();
        (await NoticesAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldListAcknowledgeAndRefuseCitizens()
    {
        await SeedBurstAsync();
        await RunAfterAsync(BurstDay);
        App.User.Set("analyst.seoul@test", [Roles.Analyst], await App.InstitutionIdAsync(Seoul));

        var page = await App.SendAsync(new ListAnalyticsAlertsQuery(Status: "Open"));
        var listed = page.Items.ShouldHaveSingleItem();
        listed.Terms[0].ShouldBe(Burst);
        listed.Series.Count.ShouldBe(28);
        listed.Examples.ShouldNotBeEmpty();
        listed.Examples.ShouldAllBe(e => e.Title.Contains(Burst));
        page.Next.ShouldBeNull();

        var acknowledged = await App.SendAsync(new AcknowledgeAnalyticsAlertCommand(listed.Id));
        acknowledged.Status.ShouldBe("Acknowledged");
        (await App.SendAsync(new ListAnalyticsAlertsQuery(Status: "Open"))).Items.ShouldBeEmpty();
        (await App.SendAsync(new ListAnalyticsAlertsQuery())).Items.ShouldHaveSingleItem().Status.ShouldBe("Acknowledged");
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new AcknowledgeAnalyticsAlertCommand("2026-01-01/none")));

        App.RunAsCitizen();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new AcknowledgeAnalyticsAlertCommand(listed.Id)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListAnalyticsAlertsQuery()));
    }
}
