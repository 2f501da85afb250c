using System.Globalization;
using Bunit;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Web.ComponentTests.Admin;
using EPeople.Web.Components.Pages.Analytics;
using EPeople.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Analytics;

/// <summary>The dashboard's rising topics: the status and institution filters, and closing an alert in place.</summary>
public sealed class RisingTopicsTests
{
    private const string Focus = "Blazor._internal.domWrapper.focus";
    private const string Seoul = "6110000";
    private static readonly DateOnly Raised = new(2026, 10, 31);
    private static readonly DateTimeOffset ClosedAt = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

    private static AnalyticsAlertDto Alert(string status = "Open", string? reason = null, string? note = null) => new(
        "2026-10-31/싱크홀", Raised, Raised, 1, ["싱크홀", "도로"], 30, 1.2, 25.0, 1e-12, 12.0, 30, [],
        [new AlertInstitutionDto(Seoul, "서울특별시", "Seoul Metropolitan Government", 20)], [0, 30], status, null,
        reason, reason is null ? null : ClosedAt, note);

    private static (BunitContext, FakeSender) Context(string role, string culture = "en", InstitutionSummaryDto? mine = null)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        AnalyticsAlertDto? closed = null;
        var sender = new FakeSender()
            .On<ListAlertInstitutionsQuery>(_ => (IReadOnlyList<AlertInstitutionOptionDto>)
                [new AlertInstitutionOptionDto("6260000", "부산광역시", "Busan Metropolitan City", 1)])
            .On<GetMyInstitutionQuery>(_ => mine)
            .On<ListAnalyticsAlertsQuery>(q => new AnalyticsAlertPage(
                closed is null ? [q.After is null ? Alert() : Alert() with { Id = "2026-10-30/폭염" }] : q.Status is "Open" ? [] : [closed],
                q.After is null ? "next-page" : null))
            .On<CloseAnalyticsAlertCommand>(c => c.Reason is null
                ? throw ValidationFailedException.For("reason", "Choose why the alert is closed.")
                : closed = Alert("Closed", c.Reason, c.Note));
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddLogging();
        context.Services.AddSingleton<ISender>(sender);
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<CircuitClientAddress>();
        context.Services.AddScoped<ScopedSender>();
        context.AddAuthorization().SetAuthorized("kim").SetRoles(role);
        return (context, sender);
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static InstitutionSummaryDto SeoulSummary() =>
        new(Guid.NewGuid(), Seoul, "서울특별시", "Seoul Metropolitan Government", "MetropolitanGovernment", null, "11", true, false);

    [Test]
    public void ShouldStartAnAnalystOnTheirInstitutionsOpenAlertsAndFilterByStatusAndInstitution()
    {
        var (context, sender) = Context(Roles.Analyst, mine: SeoulSummary());
        using var _context = context;
        var topics = context.Render<RisingTopics>();

        sender.Sent.OfType<ListAnalyticsAlertsQuery>().Single().ShouldBe(new ListAnalyticsAlertsQuery("Open", Seoul, null, 20));
        // Both filters are labelled selects in a search landmark; the analyst's institution is among the choices though it has no alert yet.
        topics.Find("[data-testid=alert-filters]").GetAttribute("role").ShouldBe("search");
        topics.Find("label[for=alert-status]").TextContent.ShouldBe("Status");
        topics.Find("label[for=alert-institution]").TextContent.ShouldBe("Institution");
        topics.Find("#alert-status").GetAttribute("value").ShouldBe("Open");
        topics.Find("#alert-institution").GetAttribute("value").ShouldBe(Seoul);
        topics.FindAll("#alert-status option").Select(o => (o.GetAttribute("value"), o.TextContent)).ShouldBe(
            [("Open", "Open"), ("Acknowledged", "Acknowledged"), ("Closed", "Closed"), ("", "All")]);
        topics.FindAll("#alert-institution option").Select(o => (o.GetAttribute("value"), o.TextContent)).ShouldBe(
            [("", "All institutions"), (Seoul, "Seoul Metropolitan Government"), ("6260000", "Busan Metropolitan City")]);

        topics.Find("#alert-status").Change("Closed");
        topics.Find("#alert-institution").Change("");
        topics.Find("#alert-status").Change("");
        topics.Find("[data-testid=more-alerts]").Click();

        sender.Sent.OfType<ListAnalyticsAlertsQuery>().Skip(1).ShouldBe([
            new ListAnalyticsAlertsQuery("Closed", Seoul, null, 20),
            new ListAnalyticsAlertsQuery("Closed", null, null, 20),
            new ListAnalyticsAlertsQuery(null, null, null, 20),
            new ListAnalyticsAlertsQuery(null, null, "next-page", 20),
        ]);
        topics.FindAll("[data-testid=alert]").Count.ShouldBe(2);
        topics.FindAll("[data-testid=more-alerts]").ShouldBeEmpty();
    }

    [Test]
    public void ShouldNameWhatRoseOnAVolumeAlert()
    {
        var (context, _) = Context(Roles.Analyst, "ko");
        using var _context = context;
        var volume = Alert() with { Id = $"2026-10-31/institution:{Seoul}", Terms = [Seoul] };

        var card = context.Render<AlertCard>(p => p.Add(c => c.Alert, volume).Add(c => c.Index, 0));
        var topic = context.Render<AlertCard>(p => p.Add(c => c.Alert, Alert()).Add(c => c.Index, 1));

        volume.Kind.ShouldBe("institution");
        Words(card.Find("[data-testid=alert-terms]").TextContent).ShouldBe("기관 민원 급증: 서울특별시");
        Words(topic.Find("[data-testid=alert-terms]").TextContent).ShouldBe("싱크홀, 도로");
        topic.FindAll("[data-testid=alert-kind]").ShouldBeEmpty();
    }

    [Test]
    public void ShouldStartASystemAdministratorOnEveryInstitution()
    {
        var (context, sender) = Context(Roles.SystemAdmin, mine: SeoulSummary());
        using var _context = context;
        var topics = context.Render<RisingTopics>();

        sender.Sent.OfType<GetMyInstitutionQuery>().ShouldBeEmpty();
        sender.Sent.OfType<ListAnalyticsAlertsQuery>().Single().ShouldBe(new ListAnalyticsAlertsQuery("Open", null, null, 20));
        topics.Find("#alert-institution").GetAttribute("value").ShouldBe("");
        topics.FindAll("#alert-institution option").Count.ShouldBe(2);
    }

    [Test]
    public async Task ShouldCloseAnAlertThroughALabelledFormThatTakesAndGivesBackFocus()
    {
        var (context, sender) = Context(Roles.Analyst, "ko");
        using var _context = context;
        var topics = context.Render<RisingTopics>();
        // The renderer writes an element's reference id into the markup when it first renders it only.
        var heading = topics.Find("#rising-heading").GetAttribute("blazor:elementReference");
        heading.ShouldNotBeNullOrEmpty();

        // Cancel: the form goes and focus returns to the Close button.
        await topics.Find("[data-testid=close]").ClickAsync(new MouseEventArgs());
        var radios = topics.FindAll("[data-testid=close-form] input[type=radio]");
        context.JSInterop.Invocations.Last(i => i.Identifier == Focus).Arguments[0].ShouldBeElementReferenceTo(radios[0]);
        await topics.Find("[data-testid=close-cancel]").ClickAsync(new MouseEventArgs());
        topics.FindAll("[data-testid=close-form]").ShouldBeEmpty();
        context.JSInterop.Invocations.Last(i => i.Identifier == Focus).Arguments[0].ShouldBeElementReferenceTo(topics.Find("[data-testid=close]"));

        // The form: a fieldset with a legend naming the topic, one labelled radio per reason, a labelled note.
        await topics.Find("[data-testid=close]").ClickAsync(new MouseEventArgs());
        var form = topics.Find("[data-testid=close-form]");
        form.QuerySelector("legend")!.TextContent.ShouldBe("'싱크홀' 알림을 종료하는 이유는 무엇입니까?");
        form.QuerySelectorAll("label.rating-choice").Select(l => (l.QuerySelector("input")!.GetAttribute("value"), Words(l.TextContent))).ShouldBe([
            ("Resolved", "해결됨 — 조치를 마쳤습니다. 주제가 계속 급증하면 다시 열립니다."),
            ("NotRelevant", "관련 없음 — 조치할 필요가 없습니다. 주제가 계속 급증해도 종료 상태로 둡니다."),
        ]);
        var note = form.QuerySelector("textarea")!;
        topics.Find($"label[for={note.Id}]").TextContent.ShouldStartWith("메모");
        note.GetAttribute("maxlength").ShouldBe("1000");

        // Confirming without a reason shows the core's message, in Korean, under the choices, which it describes.
        topics.Find("[data-testid=close-form] fieldset").HasAttribute("aria-describedby").ShouldBeFalse();
        await topics.Find("[data-testid=close-form]").SubmitAsync();
        var errors = topics.Find("[data-testid=close-form] .field-errors");
        errors.TextContent.Trim().ShouldBe("알림을 종료하는 이유를 고르세요.");
        topics.Find("[data-testid=close-form] fieldset").GetAttribute("aria-describedby").ShouldBe(errors.Id);

        topics.FindAll("[data-testid=close-reason]")[1].Change("NotRelevant");
        topics.Find("[data-testid=close-note]").Change("계절 현상");
        await topics.Find("[data-testid=close-form]").SubmitAsync();

        sender.Sent.OfType<CloseAnalyticsAlertCommand>().Last().ShouldBe(new CloseAnalyticsAlertCommand("2026-10-31/싱크홀", "NotRelevant", "계절 현상"));
        topics.FindAll("[data-testid=alert]").ShouldBeEmpty(); // closed: no longer among the open alerts
        topics.Find("[data-testid=alerts-status]").TextContent.ShouldBe("'싱크홀, 도로' 알림을 종료했습니다.");
        ((ElementReference)context.JSInterop.Invocations.Last(i => i.Identifier == Focus).Arguments[0]!).Id.ShouldBe(heading);

        // Shown among the closed ones: when, why and the note; no more actions.
        topics.Find("#alert-status").Change("Closed");
        var closed = topics.Find("[data-testid=alert]");
        closed.QuerySelector("[data-testid=alert-state]")!.TextContent.Trim().ShouldBe("2026-11-01 12:00 KST에 종료했습니다: 관련 없음.");
        closed.QuerySelector("[data-testid=alert-close-note]")!.TextContent.Trim().ShouldBe("메모: 계절 현상");
        closed.QuerySelectorAll("button").ShouldBeEmpty();
    }
}
