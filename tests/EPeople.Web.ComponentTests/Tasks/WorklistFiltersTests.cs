using System.Globalization;
using Bunit;
using EPeople.Application.Tasks;
using EPeople.Domain.Petitions;
using EPeople.Web.Components.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Tasks;

public sealed class WorklistFiltersTests
{
    private static IRenderedComponent<WorklistFilters> Render(BunitContext context, WorklistView view, TaskCounts? counts, List<WorklistView> asked)
    {
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return context.Render<WorklistFilters>(ps => ps
            .Add(f => f.View, view)
            .Add(f => f.Counts, counts)
            .Add(f => f.ViewChanged, (WorklistView v) => asked.Add(v)));
    }

    [SetUp]
    public void English() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Test]
    public void ShouldShowACountBadgeForEachDeadlineStateAndMarkTheChosenOne()
    {
        using var context = new BunitContext();
        var filters = Render(context, new WorklistView(Sla: "Overdue"), new TaskCounts(OnTime: 7, AtRisk: 2, Overdue: 1), []);

        filters.FindAll("[data-count]").Select(b => $"{b.GetAttribute("data-count")}={b.TextContent}")
            .ShouldBe(["All=10", "Overdue=1", "AtRisk=2", "OnTime=7"]);
        filters.Find("[data-sla=Overdue]").GetAttribute("aria-pressed").ShouldBe("true");
        filters.Find("[data-sla=All]").GetAttribute("aria-pressed").ShouldBe("false");
        filters.Find("[data-sla=Overdue]").TextContent.ShouldContain("overdue"); // the state in words, not only a colour
    }

    [Test]
    public void ShouldAskForTheViewTheOfficialChoosesKeepingTheOtherFilters()
    {
        using var context = new BunitContext();
        var asked = new List<WorklistView>();
        var start = new WorklistView(TaskScope.Department, Sla: "AtRisk");
        var filters = Render(context, start, null, asked);

        filters.Find("#worklist-kind").Change("WasteReport");
        filters.Find("#worklist-due").Change("2026-12-04");
        filters.Find("[data-sla=All]").Click();
        filters.Find("[data-scope=Mine]").Click();
        filters.Find("[data-testid=clear-filters]").Click();

        asked.ShouldBe([
            start with { Kind = PetitionKind.WasteReport },
            start with { DueBy = new DateOnly(2026, 12, 4) },
            start with { Sla = null },
            start with { Scope = TaskScope.Mine },
            new WorklistView(TaskScope.Department),
        ]);
        filters.FindAll("[data-count]").ShouldAllBe(b => b.TextContent == "…"); // counts still loading
    }

    [Test]
    public void ShouldNotAskAgainForTheViewAlreadyShown()
    {
        using var context = new BunitContext();
        var asked = new List<WorklistView>();
        var filters = Render(context, new WorklistView(), new TaskCounts(0, 0, 0), asked);

        filters.Find("[data-sla=All]").Click();
        filters.Find("[data-scope=Institution]").Click();

        asked.ShouldBeEmpty();
        filters.FindAll("[data-testid=clear-filters]").ShouldBeEmpty();
    }

    [TestCase("department", "civilpetition", "overdue", "2026-12-01", "worklist?scope=department&kind=CivilPetition&sla=Overdue&due=2026-12-01")]
    [TestCase(null, null, null, null, "worklist")]
    [TestCase("everyone", "7", "late", "tomorrow", "worklist")] // nonsense in the address falls back to the plain list
    [TestCase("MINE", "WasteReport", "AtRisk", null, "worklist?scope=mine&kind=WasteReport&sla=AtRisk")]
    public void ShouldRoundTripTheViewThroughThePageAddress(string? scope, string? kind, string? sla, string? due, string expected)
    {
        var view = WorklistView.Parse(scope, kind, sla, due);

        view.ToRelativeUri().ShouldBe(expected);
        var query = view.ToQuery(null, 50);
        (query.Scope, query.Kind, query.Sla, query.DueBy).ShouldBe((view.Scope, view.Kind, view.Sla, view.DueBy));
    }
}
