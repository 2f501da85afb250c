using System.Globalization;
using Blazor.Diagrams.Core.Geometry;
using Bunit;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using EPeople.Web.ComponentTests.Admin;
using EPeople.Web.Components.Designer;
using EPeople.Web.Infrastructure;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Validation;
using Mediator;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using DesignerPage = EPeople.Web.Components.Pages.Workflows.WorkflowDesigner;

namespace EPeople.Web.ComponentTests.Designer;

/// <summary>
/// The designer page with its Z.Blazor.Diagrams canvas: the browser side (element sizes, resize observers) is played
/// by bUnit's JS interop, answering <c>ZBlazorDiagrams.getBoundingClientRect</c> as the library's script would.
/// </summary>
public sealed class WorkflowDesignerPageTests
{
    private static readonly string CivilPetition = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "civil-petition.v1.json"));

    private static BunitContext Context(FakeSender sender, string role)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 900, 600));
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddLogging();
        context.Services.AddSingleton<ISender>(sender);
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<CircuitClientAddress>();
        context.Services.AddScoped<ScopedSender>();
        context.Services.AddScoped<DesignerClipboard>();
        context.Services.AddSingleton(ActivityRegistry.Default);
        context.Services.AddSingleton(DefinitionValidator.Default);
        context.Services.AddSingleton<IBusinessCalendarProvider>(new FixedBusinessCalendarProvider(new BusinessCalendar("kr-government", [])));
        context.Services.AddSingleton(TimeProvider.System);
        context.AddAuthorization().SetAuthorized("kim").SetRoles(role);
        return context;
    }

    private static FakeSender Answering(string json = "") => new FakeSender()
        .On<GetDefinitionDocumentQuery>(q => new DefinitionDocumentDto(q.DefinitionId, 1, "Published", json.Length > 0 ? json : CivilPetition, 1, DateTimeOffset.UnixEpoch, "seed"))
        .On<SaveDefinitionDraftCommand>(c => new ValidationResultDto(DefinitionValidator.Default.Validate(c.Json!).IsValid, DefinitionValidator.Default.Validate(c.Json!).Problems));

    private static IRenderedComponent<DesignerPage> Open(BunitContext context)
    {
        var page = context.Render<DesignerPage>(p => p.Add(d => d.DefinitionId, "petition.civil"));
        // Ready once the canvas has learnt its size from the browser, re-measured its ports and fitted the flow.
        page.WaitForAssertion(() => page.Find("[data-testid=designer]").GetAttribute("data-ready").ShouldBe("true"));
        return page;
    }

    [Test]
    public void ShouldDrawEveryNodeWithItsPortsAndTheWiresBetweenThem()
    {
        using var context = Context(Answering(), Roles.Analyst);

        var page = Open(context);

        var definition = DefinitionSerializer.Deserialize(CivilPetition);
        page.FindAll(".wf-node").Count.ShouldBe(definition.Activities.Count);
        page.FindAll("[data-port-id='handle/In']").Count.ShouldBe(1);
        page.FindAll(".wf-node[data-node='handle'] .wf-out").Select(p => p.GetAttribute("data-port-id"))
            .ShouldBe(["handle/Answer", "handle/Transfer", "handle/RequestJoint", "handle/Close"]);
        page.FindAll("g.diagram-link, .diagram-link").Count.ShouldBeGreaterThanOrEqualTo(definition.Connections.Count);
        page.Find("[data-testid=problem-count]").TextContent.ShouldBe("0");
        // The canvas asked the browser where its ports are.
        context.JSInterop.Invocations["ZBlazorDiagrams.getBoundingClientRect"].Count.ShouldBeGreaterThan(definition.Activities.Count);
    }

    [Test]
    public void ShouldValidateOnEveryEditAndUndoIt()
    {
        using var context = Context(Answering(), Roles.Analyst);
        var page = Open(context);

        page.Find("[data-testid=palette] button[data-type='EPeople.Timer']").Click();

        page.FindAll(".wf-node[data-node='timer']").Count.ShouldBe(1);
        page.Find(".wf-node[data-node='timer'] [data-testid=node-error-badge]").TextContent.ShouldStartWith("4"); // no duration, unreachable, reaches no end, port not wired
        page.Find("[data-testid=problem-count]").TextContent.ShouldNotBe("0");
        page.Find("[data-testid=publish]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=node-property-panel]").GetAttribute("data-node").ShouldBe("timer");

        page.Find("[data-testid=undo]").Click();

        page.FindAll(".wf-node[data-node='timer']").ShouldBeEmpty();
        page.Find("[data-testid=problem-count]").TextContent.ShouldBe("0");
        page.Find("[data-testid=redo]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Test]
    public void ShouldWireAPortFromTheSidePanelAndDrawTheWire()
    {
        using var context = Context(Answering(), Roles.Analyst);
        var page = Open(context);
        page.Find("#wf-outline").Change("dissatisfied");

        page.Find("[data-testid=wire-editor] select[data-port='False']").Change("endClosed");

        page.FindAll(".wf-node[data-node='endClosed'] [data-port-id='endClosed/In']").Count.ShouldBe(1);
        page.Find("[data-port-id='dissatisfied/False']").ClassList.ShouldNotContain("wf-open");
        page.Find("[data-testid=unsaved]");
        // The end it used to reach can no longer be reached from an outcome the flow takes: still valid, one wire moved.
        page.Find("[data-testid=wire-editor] select[data-port='False']").GetAttribute("value").ShouldBe("endClosed");
    }

    [Test]
    public void ShouldDeleteTheSelectionFromTheKeyboard()
    {
        using var context = Context(Answering(), Roles.Analyst);
        var page = Open(context);
        page.Find("#wf-outline").Change("feedback");

        page.Find("#wf-canvas").KeyDown(new KeyboardEventArgs { Key = "Delete" });

        page.FindAll(".wf-node[data-node='feedback']").ShouldBeEmpty();
        page.FindAll(".wf-node[data-node='handle'] [data-testid=node-error-badge]").Count.ShouldBe(1); // Answer leads nowhere now
        page.Find("#wf-canvas").KeyDown(new KeyboardEventArgs { Key = "z", CtrlKey = true });
        page.FindAll(".wf-node[data-node='feedback']").Count.ShouldBe(1);
    }

    [Test]
    public void ShouldCopyAndPasteWithTheKeyboard()
    {
        using var context = Context(Answering(), Roles.Analyst);
        var page = Open(context);
        page.Find("#wf-outline").Change("clearDue");

        page.Find("#wf-canvas").KeyDown(new KeyboardEventArgs { Key = "c", CtrlKey = true });
        page.Find("#wf-canvas").KeyDown(new KeyboardEventArgs { Key = "v", CtrlKey = true });

        page.FindAll(".wf-node[data-node='clearDue2']").Count.ShouldBe(1);
    }

    [Test]
    public void ShouldSaveTheDraftAsTheDocumentStands()
    {
        var sender = Answering();
        using var context = Context(sender, Roles.Analyst);
        var page = Open(context);
        page.Find("#wf-outline").Change("handle");
        page.Find("#designer-node-name").Change("담당 부서 처리");

        page.Find("[data-testid=save-draft]").Click();

        var saved = sender.Sent.OfType<SaveDefinitionDraftCommand>().Single();
        saved.DefinitionId.ShouldBe("petition.civil");
        DefinitionSerializer.Deserialize(saved.Json!).FindActivity("handle")!.Name.ShouldBe("담당 부서 처리");
        page.FindAll("[data-testid=unsaved]").ShouldBeEmpty();
        page.Find("[data-testid=designer-status]").TextContent.ShouldBe("Draft saved. It has no errors.");
    }

    [Test]
    public void ShouldShowAnOfficialTheFlowWithoutAnythingToChange()
    {
        using var context = Context(Answering(), Roles.Official);
        var page = Open(context);
        page.Find("#wf-outline").Change("handle");

        page.FindAll("[data-testid=palette], [data-testid=save-draft], [data-testid=publish], [data-testid=undo]").ShouldBeEmpty();
        page.Find("#designer-node-name").HasAttribute("disabled").ShouldBeTrue();
        page.FindAll("[data-testid=wire-editor] select").ShouldAllBe(s => s.HasAttribute("disabled"));
        page.Find("#wf-canvas").KeyDown(new KeyboardEventArgs { Key = "Delete" });
        page.FindAll(".wf-node[data-node='handle']").Count.ShouldBe(1);
        page.Find("[data-testid=designer]").GetAttribute("data-readonly").ShouldBe("true");
    }
}
