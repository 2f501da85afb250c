using System.Globalization;
using Bunit;
using EPeople.Application.Analytics;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Analytics.Grouping;
using EPeople.Application.Security;
using EPeople.Web.ComponentTests.Admin;
using EPeople.Web.Infrastructure;
using Mediator;
using Radzen;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using AnalyticsPage = EPeople.Web.Components.Pages.Analytics.AnalyticsDashboard;

namespace EPeople.Web.ComponentTests.Analytics;

public sealed class AnalyticsPageTests
{
    private static readonly DateOnly From = new(2026, 10, 30);
    private static readonly DateOnly To = new(2026, 10, 31);

    private static VolumesDto Volumes(GetVolumesQuery q) => q.Dimension switch
    {
        AnalyticsDimension.Kind => new(q.Dimension, q.Bucket, From, To,
            [new VolumeSeries("CivilPetition", null, null, 5, [new VolumePoint(From, 2), new VolumePoint(To, 3)])], [new VolumePoint(From, 2), new VolumePoint(To, 3)], 0),
        AnalyticsDimension.Institution => new(q.Dimension, q.Bucket, From, To,
            [new VolumeSeries("6110000", "서울특별시", "Seoul Metropolitan Government", 4, [new VolumePoint(From, 1), new VolumePoint(To, 3)])], [], 2),
        _ => new(q.Dimension, q.Bucket, From, To, [], [], 0),
    };

    private static LeagueTableDto League(GetLeagueTableQuery q) => new(From, To, q.Sort, q.Descending, 2,
    [
        new LeagueTableRowDto("6110000", "서울특별시", "Seoul Metropolitan Government", 4, 3, 2, 0.6667, 5.0, 3, 2.67, 1, 0.3333),
        new LeagueTableRowDto("6260000", "부산광역시", "Busan Metropolitan City", 1, 1, 1, 1.0, 1.0, 0, null, 0, 0.0),
    ]);

    private static readonly DateOnly Raised = new(2026, 10, 31);

    private static AnalyticsAlertDto Alert(string status = "Open") => new(
        "2026-10-31/싱크홀", Raised, Raised, 1, ["싱크홀", "도로"], 30, 1.2, 25.0, 1e-12, 12.0, 30,
        [new AlertExample("p1", Raised, "싱크홀 조치 요청 (김**)")],
        [new AlertInstitutionDto("6110000", "서울특별시", "Seoul Metropolitan Government", 20), new AlertInstitutionDto("6260000", null, null, 10)],
        [.. Enumerable.Repeat(0, 26), 2, 30], status, null);

    private static (BunitContext, FakeSender) Context(string role, string culture = "en", bool alerts = true)
    {
        var acknowledged = false;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        var sender = new FakeSender()
            .On<GetAnalyticsStatusQuery>(_ => new AnalyticsStatusDto(new DateTimeOffset(2026, 10, 31, 15, 30, 0, TimeSpan.Zero), null, "full", 1.2, 12))
            .On<GetVolumesQuery>(Volumes)
            .On<GetLeagueTableQuery>(League)
            .On<GetHourlyVolumesQuery>(q => new HourlyVolumesDto(q.Institution,
            [
                new HourlyVolumePoint(new DateTimeOffset(2026, 10, 31, 11, 0, 0, TimeSpan.FromHours(9)), 2, 2.25, false),
                new HourlyVolumePoint(new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.FromHours(9)), 30, 2.0, true),
            ]))
            .On<RecomputeAnalyticsCommand>(_ => new AnalyticsRunDto("full", null, DateTimeOffset.UnixEpoch, 12, 4, 0.5, []))
            .On<ListAnalyticsAlertsQuery>(_ => new AnalyticsAlertPage(alerts && !acknowledged ? [Alert()] : [], null))
            .On<ListAlertInstitutionsQuery>(_ => (IReadOnlyList<AlertInstitutionOptionDto>)[])
            .On<EPeople.Application.Institutions.GetMyInstitutionQuery>(_ => null)
            .On<ListLatestPetitionGroupsQuery>(_ => (IReadOnlyList<LatestPetitionGroupDto>)
            [
                new LatestPetitionGroupDto(Guid.NewGuid(), "Mass", "Open", "6110000", "서울특별시", "Seoul Metropolitan Government", 1, 7, "놀이터 보수 요청", DateTimeOffset.UnixEpoch),
                new LatestPetitionGroupDto(Guid.NewGuid(), "Duplicate", "Open", null, null, null, 3, 3, "도로 파손 (김**)", DateTimeOffset.UnixEpoch),
            ])
            .On<AcknowledgeAnalyticsAlertCommand>(_ =>
            {
                acknowledged = true;
                return Alert("Acknowledged");
            });
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose; // Radzen measures its chart through JavaScript
        context.JSInterop.Setup<Radzen.Blazor.Rendering.Rect>(_ => true).SetResult(new Radzen.Blazor.Rendering.Rect { Width = 600, Height = 300 });
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddLogging();
        context.Services.AddRadzenComponents();
        context.Services.AddSingleton<ISender>(sender);
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<CircuitClientAddress>();
        context.Services.AddScoped<ScopedSender>();
        context.AddAuthorization().SetAuthorized("kim").SetRoles(role);
        return (context, sender);
    }

    [Test]
    public void ShouldShowVolumesAsTablesTheLeagueTableAndSayWhatIsNotBuiltYet()
    {
        var (context, _) = Context(Roles.Analyst);
        using var _context = context;

        var page = context.Render<AnalyticsPage>();

        page.Find("[data-testid=analytics-counted-until]").TextContent.ShouldContain("2026-11-01 00:30 KST");
        page.FindAll("[data-testid=recompute]").ShouldBeEmpty(); // analysts read; only system administrators recompute
        page.FindAll("[data-testid=volumes-kind-table] tbody tr").Select(r => string.Join('|', r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())))
            .ShouldBe(["Civil petition|5|3"]);
        page.Find("[data-testid=volumes-institution-table] tbody th").TextContent.Trim().ShouldBe("Seoul Metropolitan Government");
        page.Find("[data-testid=volumes-region-empty]").TextContent.ShouldBe("No petitions in this period.");
        page.FindAll("[data-testid=volumes-kind] [inert]").ShouldNotBeEmpty(); // the chart is hidden from screen readers and focus; its table is not

        var rows = page.FindAll("[data-testid=league-table] tbody tr");
        rows.Select(r => r.GetAttribute("data-institution")).ShouldBe(["6110000", "6260000"]);
        rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldBe(["4", "66.7 %", "5.0", "2.67", "33.3 %"]);
        rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldBe(["1", "100.0 %", "1.0", "-", "0.0 %"]);
        page.Find("th[aria-sort=descending] button").GetAttribute("data-sort").ShouldBe("Petitions");

        page.Find("[data-testid=rising-topics]").TextContent.ShouldNotContain("Not available yet");
        page.Find("[data-testid=groups]").TextContent.ShouldNotContain("Not available yet");
        page.FindAll("[data-testid=groups-table] tbody tr").Select(r => string.Join('|', r.QuerySelectorAll("td").Select(c => c.TextContent.Trim())))
            .ShouldBe([
                "Mass petition (5 or more persons, same content)|Seoul Metropolitan Government|7|놀이터 보수 요청",
                "Duplicate (same person, same content, several institutions)|3 institutions|3|도로 파손 (김**)",
            ]);
    }

    [Test]
    public void ShouldShowPetitionsPerHourBesideTheUsualCountAndNameTheUnusualHours()
    {
        var (context, sender) = Context(Roles.Analyst);
        using var _context = context;

        var page = context.Render<AnalyticsPage>();

        sender.Sent.OfType<GetHourlyVolumesQuery>().ShouldHaveSingleItem().ShouldBe(new GetHourlyVolumesQuery(null, 48));
        page.Find("[data-testid=hourly-unusual]").TextContent.Trim().ShouldBe("Unusually busy hours (1): 10-31 12:00");
        page.FindAll("[data-testid=hourly-table] tbody tr").Select(r => string.Join('|', r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())))
            .ShouldBe(["10-31 11:00|2|2.3", "10-31 12:00|30 ▲|2"]);
        page.FindAll("[data-testid=hourly] [inert]").ShouldNotBeEmpty();
    }

    [Test]
    public async Task ShouldSortTheLeagueAndLetASystemAdministratorRecomputeInKorean()
    {
        var (context, sender) = Context(Roles.SystemAdmin, "ko");
        using var _context = context;
        var page = context.Render<AnalyticsPage>();

        await page.Find("button[data-sort=OnTimeRate]").ClickAsync(new MouseEventArgs());
        page.Find("th[aria-sort=descending] button").GetAttribute("data-sort").ShouldBe("OnTimeRate");
        await page.Find("button[data-sort=OnTimeRate]").ClickAsync(new MouseEventArgs());
        page.Find("th[aria-sort=ascending] button").GetAttribute("data-sort").ShouldBe("OnTimeRate");
        page.Find("[data-testid=league-table] tbody th").TextContent.Trim().ShouldBe("서울특별시");

        await page.Find("[data-testid=recompute]").ClickAsync(new MouseEventArgs());
        page.Find("[data-testid=recompute-status]").TextContent.Trim().ShouldBe("민원 4건으로 일별 집계 12건을 0.5초 만에 다시 계산했습니다.");
        sender.Sent.OfType<RecomputeAnalyticsCommand>().Count().ShouldBe(1);
        page.Find("[data-testid=alert-figures]").TextContent.Trim().ShouldBe("2026-10-31 탐지, 1일째: 예상 1.2건 대비 30건(25.0배).");
    }

    [Test]
    public async Task ShouldShowTheOpenAlertsWithASparklineAndAcknowledgeOne()
    {
        var (context, sender) = Context(Roles.Analyst);
        using var _context = context;
        var page = context.Render<AnalyticsPage>();

        sender.Sent.OfType<ListAnalyticsAlertsQuery>().First().Status.ShouldBe("Open");
        var alert = page.Find("[data-testid=alert]");
        alert.GetAttribute("data-alert").ShouldBe("2026-10-31/싱크홀");
        page.Find("[data-testid=alert-terms]").TextContent.ShouldBe("싱크홀, 도로");
        page.Find("[data-testid=alert-figures]").TextContent.Trim().ShouldBe("Raised 2026-10-31, 1 day(s): 30 petitions against 1.2 expected (25.0×).");
        page.Find("[data-testid=alert-institutions]").TextContent.Trim().ShouldBe("Institutions: Seoul Metropolitan Government (20), 6260000 (10)");
        page.Find("[data-testid=alert-examples] li").TextContent.ShouldBe("싱크홀 조치 요청 (김**)");

        // The sparkline: 28 points, the last day at the top; its numbers are its text alternative.
        var sparkline = page.Find("[data-testid=alert-sparkline]");
        sparkline.GetAttribute("role").ShouldBe("img");
        var title = page.Find("#" + sparkline.GetAttribute("aria-labelledby"));
        title.TextContent.ShouldEndWith("'싱크홀' over the last 28 days: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 30");
        var points = sparkline.QuerySelector("polyline")!.GetAttribute("points")!.Split(' ');
        points.Length.ShouldBe(28);
        (points[0], points[^1]).ShouldBe(("1,27", "139,1"));

        await page.Find("[data-testid=acknowledge]").ClickAsync(new MouseEventArgs());
        sender.Sent.OfType<AcknowledgeAnalyticsAlertCommand>().Single().Id.ShouldBe("2026-10-31/싱크홀");
        page.FindAll("[data-testid=alert]").ShouldBeEmpty();
        page.Find("[data-testid=alerts-empty]").TextContent.ShouldBe("No open alerts: no topic is rising now.");
    }
}
