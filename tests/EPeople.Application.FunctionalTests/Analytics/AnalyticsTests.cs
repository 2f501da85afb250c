using EPeople.Application.Analytics;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>The daily counts (full and incremental), the volumes and the league table, on SQLite and PostgreSQL.</summary>
public sealed class AnalyticsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private const string Busan = "6260000";
    private static readonly Guid Citizen = Guid.NewGuid();
    private int _receipts;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task<Petition> AddAsync(PetitionKind kind, string institution, string? region, DateTimeOffset filedAt, Action<Petition>? then = null)
    {
        var petition = Petition.File(
            new PetitionFiling(Citizen, kind, kind == PetitionKind.CivilPetition ? PetitionSubtype.Grievance : null, "보도블록 파손", "집 앞 보도블록이 깨졌습니다.",
                new PetitionerContact("김민준", null, null), IsPublic: false, region),
            $"EP-TEST-{++_receipts:D6}", institution, toTriageDesk: false, null, filedAt);
        then?.Invoke(petition);
        await App.QueryDbAsync(async db =>
        {
            db.Petitions.Add(petition);
            return await db.SaveChangesAsync();
        });
        return petition;
    }

    private Task<List<(AnalyticsDimension, string, DateOnly, int)>> CountsAsync() => App.QueryDbAsync(async db =>
        (await db.AnalyticsDailyCounts.AsNoTracking().ToListAsync())
            .OrderBy(c => c.Dimension).ThenBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Day)
            .Select(c => (c.Dimension, c.Key, c.Day, c.Count)).ToList());

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Test]
    public async Task ShouldCountEveryDimensionPerKoreanDay()
    {
        await AddAsync(PetitionKind.CivilPetition, Seoul, "11", Utc(10, 30, 23, 30)); // 31 October in Korea
        await AddAsync(PetitionKind.CivilPetition, Seoul, null, Utc(10, 30, 14, 59)); // 30 October, 23:59 KST
        await AddAsync(PetitionKind.NationalProposal, Busan, "26", Utc(10, 31, 0));
        await AddAsync(PetitionKind.WasteReport, Busan, "26", Utc(10, 30, 15)); // 31 October, 00:00 KST
        App.RunAsSystemAdmin();

        var run = await App.SendAsync(new RecomputeAnalyticsCommand());

        run.Kind.ShouldBe("full");
        (run.Rows, run.Petitions).ShouldBe((12, 4));
        (await CountsAsync()).ShouldBe([
            (AnalyticsDimension.Total, "", D(10, 30), 1),
            (AnalyticsDimension.Total, "", D(10, 31), 3),
            (AnalyticsDimension.Kind, "CivilPetition", D(10, 30), 1),
            (AnalyticsDimension.Kind, "CivilPetition", D(10, 31), 1),
            (AnalyticsDimension.Kind, "NationalProposal", D(10, 31), 1),
            (AnalyticsDimension.Kind, "WasteReport", D(10, 31), 1),
            (AnalyticsDimension.Institution, Seoul, D(10, 30), 1),
            (AnalyticsDimension.Institution, Seoul, D(10, 31), 1),
            (AnalyticsDimension.Institution, Busan, D(10, 31), 2),
            (AnalyticsDimension.Region, "-", D(10, 30), 1),
            (AnalyticsDimension.Region, "11", D(10, 31), 1),
            (AnalyticsDimension.Region, "26", D(10, 31), 2),
        ]);
        var status = await App.SendAsync(new GetAnalyticsStatusQuery());
        (status.LastRunKind, status.LastRunRows, status.CountedUntil).ShouldBe(("full", 12, App.Clock.GetUtcNow()));

        // Volumes read the counts: the top keys with a point per bucket, and every petition per bucket.
        var volumes = await App.SendAsync(new GetVolumesQuery(AnalyticsDimension.Kind, D(10, 30), D(10, 31), VolumeBucket.Day, Top: 2));
        volumes.Series.Select(s => (s.Key, s.Total, string.Join(",", s.Points.Select(p => $"{p.Start:MM-dd}:{p.Count}")))).ShouldBe([
            ("CivilPetition", 2, "10-30:1,10-31:1"),
            ("NationalProposal", 1, "10-30:0,10-31:1"),
        ]);
        volumes.OtherKeys.ShouldBe(1);
        volumes.Totals.ShouldBe([new VolumePoint(D(10, 30), 1), new VolumePoint(D(10, 31), 3)]);

        var weekly = await App.SendAsync(new GetVolumesQuery(AnalyticsDimension.Institution, D(10, 25), D(11, 2), VolumeBucket.Week));
        weekly.Totals.ShouldBe([new VolumePoint(D(10, 19), 0), new VolumePoint(D(10, 26), 4), new VolumePoint(D(11, 2), 0)]);
        weekly.Series.Select(s => (s.Key, s.NameKo, s.Total)).ShouldBe([(Seoul, "서울특별시", 2), (Busan, "부산광역시", 2)]);
    }

    [Test]
    public async Task ShouldRecountOnlyTheNewestDaysIncrementallyAndIdempotently()
    {
        await AddAsync(PetitionKind.CivilPetition, Seoul, "11", Utc(10, 20, 3));
        await AddAsync(PetitionKind.CivilPetition, Busan, "26", Utc(10, 20, 4));
        var first = App.Clock.GetUtcNow(); // Monday 2 November, 09:30 KST
        await App.ExecuteAsync<AnalyticsRefresh>(r => r.RunIncrementalAsync(CancellationToken.None)); // never counted: a full run
        (await CountsAsync()).ShouldContain((AnalyticsDimension.Total, "", D(10, 20), 2));

        // An old day's count that an incremental run must not touch (it reads only the newest days).
        await App.QueryDbAsync(db => db.AnalyticsDailyCounts.Where(c => c.Dimension == AnalyticsDimension.Total && c.Day == D(10, 20))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, 99)));

        await AddAsync(PetitionKind.CivilPetition, Seoul, "11", first.AddMinutes(-1)); // filed before the watermark, committed after it
        await AddAsync(PetitionKind.WasteReport, Seoul, "11", first.AddMinutes(5));
        await AddAsync(PetitionKind.WasteReport, Busan, null, Utc(11, 2, 15, 10)); // 3 November, 00:10 KST
        App.Clock.SetUtcNow(Utc(11, 2, 16));

        var run = await App.ExecuteAsync<AnalyticsRefresh, AnalyticsRunDto>(r => r.RunIncrementalAsync(CancellationToken.None));

        (run.Kind, run.FromDay, run.Petitions).ShouldBe(("incremental", D(11, 2), 3));
        var counts = await CountsAsync();
        counts.Where(c => c.Item1 == AnalyticsDimension.Total).ShouldBe([
            (AnalyticsDimension.Total, "", D(10, 20), 99),
            (AnalyticsDimension.Total, "", D(11, 2), 2),
            (AnalyticsDimension.Total, "", D(11, 3), 1),
        ]);
        counts.ShouldContain((AnalyticsDimension.Kind, "WasteReport", D(11, 2), 1));
        counts.ShouldContain((AnalyticsDimension.Region, "-", D(11, 3), 1));

        var again = await App.ExecuteAsync<AnalyticsRefresh, AnalyticsRunDto>(r => r.RunIncrementalAsync(CancellationToken.None));
        (again.FromDay, again.Petitions).ShouldBe((D(11, 3), 1)); // the watermark moved on: only 3 November is recounted
        (await CountsAsync()).ShouldBe(counts);
    }

    [Test]
    public async Task ShouldRankInstitutionsByOnTimeRateDaysSatisfactionAndReopenRate()
    {
        var filed = Utc(10, 1, 1);
        void Answer(Petition p, double afterDays, int dueInDays, int? rating = null, bool additional = false)
        {
            p.SetDue(filed.AddDays(dueInDays), null, null);
            var answered = filed.AddDays(afterDays);
            p.GiveAnswer(p.InstitutionCode, "답변드립니다.", false, "officer", answered);
            if (rating is { } r)
            {
                p.Rate(Citizen, r, null, answered.AddHours(1));
            }

            if (additional)
            {
                p.GiveAnswer(p.InstitutionCode, "추가로 답변드립니다.", false, "officer", answered.AddDays(2));
            }
        }

        await AddAsync(PetitionKind.CivilPetition, Seoul, "11", filed, p => Answer(p, 3, 7, rating: 5));
        await AddAsync(PetitionKind.CivilPetition, Seoul, "11", filed, p => Answer(p, 10, 7, rating: 1, additional: true)); // late, reopened
        await AddAsync(PetitionKind.CivilPetition, Seoul, "11", filed, p => Answer(p, 2, 7, rating: 2)); // additional answer still owed
        await AddAsync(PetitionKind.CivilPetition, Seoul, "11", filed); // open
        await AddAsync(PetitionKind.WasteReport, Busan, "26", filed, p => Answer(p, 1, 7));
        await AddAsync(PetitionKind.WasteReport, Busan, "26", Utc(8, 1, 1), p => Answer(p, 30, 7)); // before the range
        App.User.Set("analyst@test", [Roles.Analyst]);

        var league = await App.SendAsync(new GetLeagueTableQuery(D(9, 1), D(10, 31), LeagueSort.OnTimeRate));

        league.Institutions.ShouldBe(2);
        league.Rows.ShouldBe([
            new LeagueTableRowDto(Busan, "부산광역시", "Busan Metropolitan City", 1, 1, 1, 1.0, 1.0, 0, null, 0, 0.0),
            new LeagueTableRowDto(Seoul, "서울특별시", "Seoul Metropolitan Government", 4, 3, 2, 0.6667, 5.0, 3, 2.67, 1, 0.3333),
        ]);
        (await App.SendAsync(new GetLeagueTableQuery(D(9, 1), D(10, 31), LeagueSort.AverageProcessingDays, Descending: false)))
            .Rows.Select(r => r.InstitutionCode).ShouldBe([Busan, Seoul]);
        (await App.SendAsync(new GetLeagueTableQuery(D(9, 1), D(10, 31), LeagueSort.AverageRating)))
            .Rows.Select(r => r.InstitutionCode).ShouldBe([Seoul, Busan]); // no rating: last
        (await App.SendAsync(new GetLeagueTableQuery(D(7, 1), D(10, 31), Take: 1))).Rows.ShouldHaveSingleItem().Petitions.ShouldBe(4);
    }

    [Test]
    public async Task ShouldForbidCitizensAndLeaveRecomputingToSystemAdministrators()
    {
        App.RunAnonymous();
        await Should.ThrowAsync<UnauthorizedAccessException>(() => App.SendAsync(new GetVolumesQuery()));

        App.RunAsCitizen();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetVolumesQuery()));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetLeagueTableQuery()));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new RecomputeAnalyticsCommand()));

        App.User.Set("analyst@test", [Roles.Analyst]);
        (await App.SendAsync(new GetVolumesQuery())).Series.ShouldBeEmpty();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new RecomputeAnalyticsCommand()));
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new GetVolumesQuery(Top: 0)));
        // A range ends no earlier than it starts and spans two years at most; both are reported on 'to'.
        (await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new GetVolumesQuery(From: new DateOnly(2026, 5, 2), To: new DateOnly(2026, 5, 1)))))
            .Errors.Keys.ShouldBe(["to"]);
        (await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new GetLeagueTableQuery(From: new DateOnly(2023, 1, 1), To: new DateOnly(2026, 1, 1)))))
            .Errors.Keys.ShouldBe(["to"]);
        (await App.SendAsync(new GetLeagueTableQuery(From: new DateOnly(2024, 1, 1), To: new DateOnly(2025, 12, 31)))).ShouldNotBeNull();
    }

    [Test]
    public async Task ShouldCountPetitionsPerHourAgainstTheSameHourOfTheFourWeeksBefore()
    {
        // Thursday 3 December 2026, 14:20 KST (05:20 UTC): the last full hour is 13:00–14:00 KST.
        var now = Utc(12, 3, 5, 20);
        var busyHour = Utc(12, 3, 3, 10); // 12:10 KST today
        for (var week = 1; week <= 4; week++)
        {
            // The same Thursday hour in each of the four weeks before: two petitions, so usually 2.
            await AddAsync(PetitionKind.CivilPetition, Seoul, null, busyHour.AddDays(-7 * week));
            await AddAsync(PetitionKind.CivilPetition, Seoul, null, busyHour.AddDays(-7 * week).AddMinutes(5));
        }

        for (var i = 0; i < 20; i++)
        {
            await AddAsync(PetitionKind.CivilPetition, Seoul, null, busyHour.AddMinutes(i));
        }

        await AddAsync(PetitionKind.CivilPetition, Busan, null, busyHour);
        await AddAsync(PetitionKind.CivilPetition, Seoul, null, Utc(12, 3, 1, 30)); // 10:30 KST: one petition, usually none
        await AddAsync(PetitionKind.CivilPetition, Seoul, null, Utc(12, 3, 5, 0)); // 14:00 KST: the hour under way, not shown
        App.Clock.AdjustTime(now);
        App.RunAsSystemAdmin();

        var all = await App.SendAsync(new GetHourlyVolumesQuery(Hours: 24));
        var seoul = await App.SendAsync(new GetHourlyVolumesQuery(Seoul, Hours: 24));

        all.Points.Count.ShouldBe(24);
        all.Points[^1].Start.ShouldBe(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.FromHours(9)));
        all.Points.Sum(p => p.Count).ShouldBe(22);
        var noon = seoul.Points.Single(p => p.Start.Hour == 12 && p.Start.Day == 3);
        (noon.Count, noon.Expected, noon.Unusual).ShouldBe((20, 2.0, true));
        all.Points.Single(p => p.Start.Hour == 12 && p.Start.Day == 3).Count.ShouldBe(21);
        seoul.Points.Single(p => p.Start.Hour == 10 && p.Start.Day == 3).ShouldBe(new HourlyVolumePoint(
            new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(9)), 1, 0, false));
        seoul.Points.Count(p => p.Unusual).ShouldBe(1);
        (await App.SendAsync(new GetHourlyVolumesQuery("0000000"))).Points.Sum(p => p.Count).ShouldBe(0);

        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new GetHourlyVolumesQuery(Hours: 0)));
        App.RunAsCitizen();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetHourlyVolumesQuery()));
    }
}
