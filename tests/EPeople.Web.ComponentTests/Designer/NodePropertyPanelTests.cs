using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Web.ComponentTests.Admin;
using EPeople.Web.Components.Designer;
using EPeople.Web.Infrastructure;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Designer;

public sealed class NodePropertyPanelTests
{
    // Wednesday 23 September 2026, 10:00 in Korea; the Thursday and Friday after are holidays (as Chuseok is).
    private static readonly DateTimeOffset Now = new(2026, 9, 23, 10, 0, 0, BusinessCalendar.KoreaOffset);

    private static readonly BusinessCalendar Calendar = new("kr-government",
    [
        new Holiday(new DateOnly(2026, 9, 24), "추석 연휴", "Chuseok holiday", "Public"),
        new Holiday(new DateOnly(2026, 9, 25), "추석", "Chuseok", "Public"),
    ]);

    private static readonly WorkflowDefinition Definition = new()
    {
        DefinitionId = "test",
        Variables = [new VariableDefinition { Name = "institution", Type = "institutionRef" }, new VariableDefinition { Name = "count", Type = "int" }],
    };

    private static readonly HumanTaskActivity HumanTask = new();

    private static ActivityNode Task(params (string Key, JsonNode? Value)[] inputs)
    {
        var node = new ActivityNode
        {
            Id = "handle",
            Type = HumanTaskActivity.TypeName,
            Name = "Handle the petition",
            Inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
            {
                ["title"] = WorkflowExpression.Input(ExpressionLanguage.Liquid, "Petition {{ vars.receiptNumber }}"),
                ["institution"] = WorkflowExpression.Input(ExpressionLanguage.Literal, "1480000"),
                ["position"] = WorkflowExpression.Input(ExpressionLanguage.Literal, "Officer"),
                ["actions"] = new JsonArray(new JsonObject { ["key"] = "Answer" }, new JsonObject { ["key"] = "Transfer" }),
            },
        };
        foreach (var (key, value) in inputs)
        {
            node.Inputs[key] = value;
        }

        return node;
    }

    private static BunitContext Context(FakeSender? sender = null)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddLogging();
        context.Services.AddSingleton<ISender>(sender ?? Directory());
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<CircuitClientAddress>();
        context.Services.AddScoped<ScopedSender>();
        context.Services.AddSingleton<IBusinessCalendarProvider>(new FixedBusinessCalendarProvider(Calendar));
        context.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        context.AddAuthorization().SetAuthorized("designer").SetRoles(Roles.SystemAdmin);
        return context;
    }

    private static FakeSender Directory() => new FakeSender()
        .On<GetInstitutionQuery>(q => new InstitutionDetailsDto(Guid.NewGuid(), q.Code, "환경부", "Ministry of Environment", "Central", null, null, null, null, true, false,
            new ContactDto(null, null, null, null),
            [new DepartmentDto(Guid.NewGuid(), "기후정책과", "Climate Policy Division", true), new DepartmentDto(Guid.NewGuid(), "대기환경과", "Air Quality Division", true)],
            [], 0, 1))
        .On<ListOfficialsQuery>(_ => throw new ForbiddenException());

    private static IRenderedComponent<NodePropertyPanel> Panel(BunitContext context, ActivityNode node, ActivityDescriptor descriptor, List<ActivityNode> emitted, bool readOnly = false) =>
        context.Render<NodePropertyPanel>(p => p
            .Add(x => x.Node, node)
            .Add(x => x.Descriptor, descriptor)
            .Add(x => x.Definition, Definition)
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.NodeChanged, n => emitted.Add(n)));

    [Test]
    public void ShouldRenderOneLabelledEditorPerInputOfAHumanTask()
    {
        using var context = Context();

        var panel = Panel(context, Task(), HumanTask.Descriptor, []);

        panel.Find("h2").TextContent.Trim().ShouldBe("Human task");
        panel.FindAll("[data-testid=designer-input]").Select(e => e.GetAttribute("data-input"))
            .ShouldBe(HumanTask.Descriptor.Inputs.Select(i => i.Name));
        panel.FindAll("[data-testid=required-marker]").Count.ShouldBe(HumanTask.Descriptor.Inputs.Count(i => i.Required));
        panel.FindAll("[data-testid=assignment-picker]").Select(e => e.GetAttribute("data-input")).ShouldBe(["institution", "department", "assignee"]);
        panel.FindAll("[data-testid=sla-editor]").Count.ShouldBe(1);
        panel.FindAll("[data-testid=actions-editor]").Count.ShouldBe(1);
        panel.FindAll("[data-testid=deadlines-editor]").Count.ShouldBe(1);
        panel.Find("[data-testid=options-editor][data-input=position]").QuerySelectorAll("option").Select(o => o.TextContent).ShouldBe(["(not set)", "Officer", "DepartmentHead"]);

        // The department is chosen among the fixed institution's; officials may not be listed for this user, so the account is typed.
        panel.Find("[data-testid=department-select]").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldBe(["", "기후정책과", "대기환경과"]);
        panel.Find("[data-input=assignee] [data-testid=assignment-note]").TextContent.ShouldContain("account name");

        panel.Find("#designer-input-title").GetAttribute("aria-describedby").ShouldBe("designer-input-title-help designer-input-title-problems");
        panel.Find("#designer-input-title-help").TextContent.ShouldBe("Shown in the worklist (Liquid).");
        foreach (var field in panel.FindAll("input, select, textarea"))
        {
            var labelled = field.Closest("label") is not null || (field.Id is { Length: > 0 } id && panel.FindAll($"label[for='{id}']").Count == 1);
            labelled.ShouldBeTrue($"{field.OuterHtml} has no label");
        }
    }

    [Test]
    public void ShouldEmitANewNodeWhenTheNameChangesAndLeaveTheGivenNodeAlone()
    {
        using var context = Context();
        var node = Task();
        var before = JsonSerializerText(node);
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, node, HumanTask.Descriptor, emitted);

        panel.Find("#designer-node-name").Change("Answer the petition");

        var changed = emitted.ShouldHaveSingleItem();
        changed.ShouldNotBeSameAs(node);
        changed.Name.ShouldBe("Answer the petition");
        changed.Id.ShouldBe("handle");
        changed.Inputs.ShouldNotBeSameAs(node.Inputs);
        node.Name.ShouldBe("Handle the petition");
        JsonSerializerText(node).ShouldBe(before);
        panel.Find("#designer-node-id").HasAttribute("readonly").ShouldBeTrue();
    }

    [Test]
    public void ShouldRemoveAnOptionalInputWhenItIsCleared()
    {
        using var context = Context();
        var node = Task(("formKey", WorkflowExpression.Input(ExpressionLanguage.Literal, "answer-form")));
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, node, HumanTask.Descriptor, emitted);

        panel.Find("#designer-input-formKey").Input("");

        emitted.ShouldHaveSingleItem().Inputs.ContainsKey("formKey").ShouldBeFalse();
        node.Inputs.ContainsKey("formKey").ShouldBeTrue();
    }

    [Test]
    public void ShouldShowAJavaScriptSyntaxErrorAsItIsTypedAndStillPassTheDraftOn()
    {
        using var context = Context();
        var decision = new DecisionActivity();
        var node = new ActivityNode
        {
            Id = "decide", Type = DecisionActivity.TypeName,
            Inputs = new() { ["condition"] = WorkflowExpression.Input(ExpressionLanguage.JavaScript, "vars.count > 2") },
        };
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, node, decision.Descriptor, emitted);
        panel.Find("#designer-input-condition-problems").TextContent.Trim().ShouldBeEmpty();

        panel.Find("#designer-input-condition").Input("vars.count > ");

        var problems = panel.Find("#designer-input-condition-problems");
        problems.GetAttribute("role").ShouldBe("alert");
        problems.TextContent.ShouldContain("does not parse");
        panel.Find("#designer-input-condition").GetAttribute("aria-invalid").ShouldBe("true");
        WorkflowExpression.FromInput(emitted.ShouldHaveSingleItem().Inputs["condition"]).ShouldBe(
            new WorkflowExpression(ExpressionLanguage.JavaScript, JsonValue.Create("vars.count > "), "JavaScript"), new ExpressionComparer());
    }

    [Test]
    public void ShouldFlagAVariableTheDefinitionDoesNotDeclare()
    {
        using var context = Context();
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, Task(("institution", WorkflowExpression.Input(ExpressionLanguage.JavaScript, "vars.institution"))), HumanTask.Descriptor, emitted);
        panel.Find("[data-input=institution] [data-testid=use-expression]").HasAttribute("checked").ShouldBeTrue();

        panel.Find("#designer-input-institution").Input("vars.leadInstitution");

        panel.Find("#designer-input-institution-problems").TextContent.ShouldContain("'vars.leadInstitution' is not a declared variable");
        panel.Find("#designer-input-institution").Input("vars.institution");
        panel.Find("#designer-input-institution-problems").TextContent.Trim().ShouldBeEmpty();
        emitted.Count.ShouldBe(2);
    }

    [Test]
    public void ShouldPreviewTheDueDateOnTheBusinessCalendarSkippingTheWeekendAndHolidays()
    {
        using var context = Context();
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, Task(), HumanTask.Descriptor, emitted);

        panel.Find("#designer-input-due").Input("P2WD");

        // 16 working hours from Wednesday 10:00: 7 on Wednesday, none Thursday to Sunday, 8 on Monday, 1 on Tuesday.
        panel.Find("[data-testid=due-preview-at]").TextContent.ShouldBe("A task created now would be due 2026-09-29 10:00 KST.");
        panel.Find("[data-testid=due-preview-holidays]").TextContent.ShouldContain("Chuseok (2026-09-25)");
        DesignerValues.LiteralText(emitted[^1].Inputs["due"]).ShouldBe("P2WD");

        panel.Find("#designer-input-due").Input("P2XD");
        panel.Find("#designer-input-due-problems").TextContent.ShouldContain("'P2XD' is not a duration");
        panel.FindAll("[data-testid=due-preview-at]").ShouldBeEmpty();
    }

    [Test]
    public void ShouldAddTheOverduePortWithATimerEscalation()
    {
        using var context = Context();
        var node = Task(("due", WorkflowExpression.Input(ExpressionLanguage.Literal, "P2WD")));
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, node, HumanTask.Descriptor, emitted);
        HumanTask.Outcomes(node).Select(p => p.Name).ShouldBe(["Answer", "Transfer"]);

        panel.Find("[data-testid=add-timer-escalation]").Click();

        var changed = emitted.ShouldHaveSingleItem();
        HumanTask.Outcomes(changed).Select(p => p.Name).ShouldBe(["Answer", "Transfer", "Overdue"]);
        HumanTask.Outcomes(node).Select(p => p.Name).ShouldBe(["Answer", "Transfer"]);
        panel.Find("[data-testid=deadline-fires]").TextContent.ShouldBe("Would fire 2026-09-29 10:00 KST for a task created now.");
        panel.Find("[data-testid=deadline-problems]").TextContent.Trim().ShouldBeEmpty();

        panel.Find("[data-testid=add-reminder]").Click();
        var reminder = (JsonObject)emitted[^1].Inputs["deadlines"]![1]!;
        (reminder["id"]!.GetValue<string>(), reminder["at"]!.GetValue<string>(), reminder["action"]!.GetValue<string>()).ShouldBe(("remind", "due-P1WD", "Notify"));
        // One working day before Tuesday 10:00.
        panel.FindAll("[data-testid=deadline-fires]")[1].TextContent.ShouldBe("Would fire 2026-09-28 10:00 KST for a task created now.");
    }

    [Test]
    public void ShouldFlagARepeatedAndAReservedActionKey()
    {
        using var context = Context();
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, Task(), HumanTask.Descriptor, emitted);
        panel.FindAll("[data-testid=action-problem]").Select(p => p.TextContent.Trim()).ShouldBe(["", ""]);

        panel.Find("#designer-input-actions-1-key").Input("Answer");
        panel.Find("[data-testid=add-action]").Click();
        panel.Find("#designer-input-actions-2-key").Input("Timeout");

        var problems = panel.FindAll("[data-testid=action-problem]").Select(p => p.TextContent.Trim()).ToList();
        problems[0].ShouldBeEmpty();
        problems[1].ShouldBe("'Answer' is already an action of this task.");
        problems[2].ShouldStartWith("'Timeout' is reserved");
        panel.Find("#designer-input-actions-1-key").GetAttribute("aria-invalid").ShouldBe("true");
        HumanTaskActivity.ActionKeys(emitted[^1]).ShouldBe(["Answer", "Answer", "Timeout"]);
    }

    [Test]
    public void ShouldDisableEveryFieldAndButtonWhenReadOnly()
    {
        using var context = Context();
        var emitted = new List<ActivityNode>();
        var node = Task(("deadlines", new JsonArray(new JsonObject { ["id"] = "escalate", ["at"] = "due", ["action"] = "Escalate", ["to"] = new JsonObject { ["position"] = "DepartmentHead" } })));

        var panel = Panel(context, node, HumanTask.Descriptor, emitted, readOnly: true);

        var fields = panel.FindAll("input, select, textarea, button");
        fields.Count.ShouldBeGreaterThan(20);
        fields.Where(f => !f.HasAttribute("disabled")).Select(f => f.OuterHtml).ShouldBeEmpty();
        panel.FindAll("[data-testid=institution-picker]").ShouldBeEmpty();
        emitted.ShouldBeEmpty();
    }

    [Test]
    public void ShouldCheckSwitchConditionsAndFallBackToCheckedJsonForAnUnknownStructuredInput()
    {
        using var context = Context();
        var descriptor = new SwitchActivity().Descriptor with
        {
            Inputs = [.. new SwitchActivity().Descriptor.Inputs, new InputDescriptor("extra", "json", "Extra", "Anything.", Syntax: InputSyntax.Structured, UiHint: "matrix")],
        };
        var node = new ActivityNode
        {
            Id = "route", Type = SwitchActivity.TypeName,
            Inputs = new() { ["cases"] = new JsonArray(new JsonObject { ["name"] = "Many", ["condition"] = "vars.count > 3" }) },
        };
        var emitted = new List<ActivityNode>();
        var panel = Panel(context, node, descriptor, emitted);

        panel.Find("#designer-input-cases-0-condition").Input("vars.total > 3");
        panel.Find("#designer-input-cases-0-condition-errors").TextContent.ShouldContain("'vars.total' is not a declared variable");
        SwitchActivity.Cases(emitted[^1]).ShouldBe([("Many", "vars.total > 3")]);

        var json = panel.Find("[data-testid=json-editor][data-input=extra]");
        json.Input("{ \"a\": ");
        panel.Find("#designer-input-extra-problems").TextContent.ShouldStartWith("Not valid JSON");
        emitted.Count.ShouldBe(1);
        panel.Find("#designer-input-extra").Input("{ \"a\": 1 }");
        emitted[^1].Inputs["extra"]!["a"]!.GetValue<int>().ShouldBe(1);
    }

    private static string JsonSerializerText(ActivityNode node) =>
        System.Text.Json.JsonSerializer.Serialize(node);

    private sealed class ExpressionComparer : IEqualityComparer<WorkflowExpression?>
    {
        public bool Equals(WorkflowExpression? x, WorkflowExpression? y) =>
            x?.Language == y?.Language && x?.Text == y?.Text;

        public int GetHashCode(WorkflowExpression? obj) => obj?.Text?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
