using System.Globalization;
using Bunit;
using EPeople.Application.Workflows;
using EPeople.Web.Components.Designer;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Simulation;
using EPeople.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Designer;

public sealed class TestRunPanelTests
{
    private static readonly WorkflowDefinition CivilPetition =
        DefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "civil-petition.v1.json")));

    // Tuesday 1 December 2026, 09:00 in Korea.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, BusinessCalendar.KoreaOffset);

    private static BunitContext Context()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton(DefinitionValidator.Default);
        context.Services.AddSingleton(new WorkflowEngine(ActivityRegistry.Default, new ExpressionEvaluator()));
        context.Services.AddSingleton<IBusinessCalendarProvider>(new FixedBusinessCalendarProvider(new BusinessCalendar("kr-government", [])));
        context.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        context.Services.AddScoped<DefinitionTestRuns>();
        return context;
    }

    [Test]
    public void ShouldRunTheDraftStepByStepAndReportThePathInTheReadersLanguage()
    {
        using var context = Context();
        var runs = new List<WorkflowSimulation?>();
        var panel = context.Render<TestRunPanel>(p => p
            .Add(c => c.Definition, CivilPetition)
            .Add(c => c.RunChanged, run => runs.Add(run)));
        panel.Find("#wf-run-start").GetAttribute("value").ShouldBe("2026-12-01T09:00");
        panel.Find("#wf-run-variables").Change("""{ "receiptNumber": "T-1", "title": "시험", "institution": "1480000", "period": "P7WD" }""");

        panel.Find("[data-testid=run-start]").Click();

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=run-task]").Count.ShouldBe(1));
        panel.Find("[data-testid=run-task]").GetAttribute("data-node").ShouldBe("handle");
        runs[^1]!.CurrentNodes.ShouldBe(["handle"]);
        panel.Find("[data-testid=run-status]").GetAttribute("data-status").ShouldBe("Running");

        panel.Find("[data-testid=run-task] button[data-action='Answer']").Click();

        panel.FindAll("[data-testid=run-steps] li").Select(li => li.TextContent).Last().ShouldContain("handle에서 'Answer' 처리");
        runs[^1]!.CurrentNodes.ShouldBe(["feedback"]);
        panel.Find("[data-testid=run-fast-forward]").Click(); // the citizen never rates it: the wait times out
        panel.Find("[data-testid=run-status]").GetAttribute("data-status").ShouldBe("Completed");
        panel.FindAll("[data-testid=run-steps] li").Select(li => li.TextContent).Last().ShouldContain("feedback의 시간 초과 타이머 발생");
        runs[^1]!.Path.IsVisited("end").ShouldBeTrue();
    }

    [Test]
    public void ShouldRefuseToRunADraftWithErrors()
    {
        using var context = Context();

        var panel = context.Render<TestRunPanel>(p => p.Add(c => c.Definition, CivilPetition).Add(c => c.Disabled, true));

        panel.Find("[data-testid=run-start]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Test]
    public void ShouldSayWhenTheStartingVariablesAreNotAnObject()
    {
        using var context = Context();
        var panel = context.Render<TestRunPanel>(p => p.Add(c => c.Definition, CivilPetition));
        panel.Find("#wf-run-variables").Change("[1, 2]");

        panel.Find("[data-testid=run-start]").Click();

        panel.Markup.ShouldContain("시작 변수는 JSON 객체여야 합니다.");
        panel.FindAll("[data-testid=run-task]").ShouldBeEmpty();
    }
}
