using System.Globalization;
using Bunit;
using EPeople.Application.Petitions;
using EPeople.Web.Components.Petitions;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Petitions;

public sealed class PetitionTimelineTests
{
    private static readonly InstitutionRefDto Seoul = new("6110000", "서울특별시");
    private static readonly InstitutionRefDto Molit = new("1613000", "국토교통부");
    private static readonly DateTimeOffset Filed = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private static IRenderedComponent<PetitionTimeline> Render(BunitContext context, string stage, params TimelineEntryDto[] timeline)
    {
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return context.Render<PetitionTimeline>(ps => ps.Add(t => t.Stage, stage).Add(t => t.Timeline, timeline));
    }

    private static string[] States(IRenderedComponent<PetitionTimeline> timeline) =>
        [.. timeline.FindAll("[data-testid=timeline-steps] li").Select(li => $"{li.GetAttribute("data-step")}:{li.GetAttribute("data-state")}")];

    [Test]
    public void ShouldShowTheCurrentStepAndWhatIsToCome()
    {
        using var context = new BunitContext();
        var timeline = Render(context, "Reception", new TimelineEntryDto(1, "Reception", "Filed", Filed, Seoul, null));

        States(timeline).ShouldBe(["Reception:Current", "Transfer:Upcoming", "Result:Upcoming"]);
        timeline.Find("[aria-current=step]").GetAttribute("data-step").ShouldBe("Reception");
    }

    [Test]
    public void ShouldMarkATransferThatNeverHappenedAsNotNeededOnceAnswered()
    {
        using var context = new BunitContext();
        var timeline = Render(context, "Result",
            new TimelineEntryDto(1, "Reception", "Filed", Filed, Seoul, null),
            new TimelineEntryDto(2, "Result", "Answered", Filed.AddDays(3), Seoul, null));

        States(timeline).ShouldBe(["Reception:Done", "Transfer:NotNeeded", "Result:Done"]);
        timeline.FindAll("[aria-current=step]").ShouldBeEmpty();
    }

    [Test]
    public void ShouldListEveryEventInKoreaTimeWithItsInstitutionAndNote()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        using var context = new BunitContext();
        var timeline = Render(context, "Transfer",
            new TimelineEntryDto(1, "Reception", "Filed", Filed, Seoul, null),
            new TimelineEntryDto(2, "Transfer", "Transferred", Filed.AddHours(2), Molit, "국도 관리 소관"));

        States(timeline).ShouldBe(["Reception:Done", "Transfer:Current", "Result:Upcoming"]);
        var events = timeline.FindAll("[data-testid=timeline-events] li");
        events.Count.ShouldBe(2);
        events[1].TextContent.ShouldContain("2026-11-30 12:00 KST");
        events[1].TextContent.ShouldContain("이송");
        events[1].TextContent.ShouldContain("국토교통부");
        events[1].TextContent.ShouldContain("국도 관리 소관");
        timeline.Find("[data-step=Transfer] .step-state").TextContent.ShouldBe("진행 중"); // the state in words, not only in colour
    }
}
