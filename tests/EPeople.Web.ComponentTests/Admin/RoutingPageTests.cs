using System.Globalization;
using Bunit;
using EPeople.Application.Errors;
using EPeople.Application.Petitions;
using EPeople.Application.Petitions.Routing;
using EPeople.Application.Petitions.Routing.Learning;
using EPeople.Application.Security;
using EPeople.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RoutingPage = EPeople.Web.Components.Pages.Admin.Routing;

namespace EPeople.Web.ComponentTests.Admin;

public sealed class RoutingPageTests
{
    private static readonly Guid Dust = Guid.NewGuid();
    private static readonly Guid Parking = Guid.NewGuid();
    private static readonly DateTimeOffset Trained = new(2026, 1, 5, 15, 30, 0, TimeSpan.Zero); // 00:30 the next day in Korea

    private static RouterModelVersionDto Version(int version, string verdict, double? top1, double? incumbentTop1) =>
        new(version, Trained.AddDays(version), verdict, $"decision {version}", 5000, 500, top1, top1 is null ? null : 0.8, top1 is null ? null : 0.4,
            top1 is null ? null : 0.2, incumbentTop1, incumbentTop1 is null ? null : 0.35);

    private static RouterStatusDto Status(params RouterModelVersionDto[] versions) =>
        new("petitions-2019.router", "국민청원 2019 (출처: 청와대 국민청원 게시판)", Trained, 48210, new RouterScore(2000, 0.612, 0.834, 0.412, 0.238), null, versions);

    private static readonly KeywordRuleDto[] Rules =
    [
        new(Dust, "미세먼지", new InstitutionRefDto("1480000", "Ministry of Environment"), null, "air quality"),
        new(Parking, "불법주차", new InstitutionRefDto("6110000", "Seoul Metropolitan Government"), "CivilPetition", null),
    ];

    private static BunitContext Context(FakeSender sender, string role, string culture = "en")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddLogging();
        context.Services.AddSingleton<ISender>(sender);
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<CircuitClientAddress>();
        context.Services.AddScoped<ScopedSender>();
        context.AddAuthorization().SetAuthorized("kim").SetRoles(role);
        return context;
    }

    private static FakeSender Answering(RouterStatusDto status) => new FakeSender()
        .On<GetRouterStatusQuery>(_ => status)
        .On<ListKeywordRulesQuery>(_ => Rules);

    private static string Text(IRenderedComponent<RoutingPage> page, string selector) => page.Find(selector).TextContent.Trim();

    [Test]
    public void ShouldShowTheModelTheRulesAndTheHistoryToAnAnalystWithoutAnythingToChange()
    {
        using var context = Context(Answering(Status(Version(1, "Skipped", null, null), Version(3, "Promoted", 0.63, 0.6), Version(2, "Rejected", 0.5, 0.6))), Roles.Analyst);

        var page = context.Render<RoutingPage>();

        page.FindAll("form, input, select, textarea, button").ShouldBeEmpty();
        Text(page, "[data-testid=router-origin]").ShouldBe("petitions-2019.router");
        Text(page, "[data-testid=router-source]").ShouldBe("국민청원 2019 (출처: 청와대 국민청원 게시판)"); // the attribution, as it is
        page.Find("[data-testid=router-model]").TextContent.ShouldContain("2026-01-06 00:30 KST");
        page.Find("[data-testid=router-model]").TextContent.ShouldContain("48,210");
        (Text(page, "[data-testid=router-top1]"), Text(page, "[data-testid=router-top3]"), Text(page, "[data-testid=router-coverage80]"), Text(page, "[data-testid=router-coverage90]"))
            .ShouldBe(("61.2 %", "83.4 %", "41.2 %", "23.8 %"));
        page.FindAll("[data-testid=router-problem]").ShouldBeEmpty();

        page.FindAll("[data-testid=keyword-rules] tbody tr").Select(tr => tr.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries))
            .Select(words => string.Join(' ', words))
            .ShouldBe(["미세먼지 Ministry of Environment 1480000 Any kind air quality", "불법주차 Seoul Metropolitan Government 6110000 Civil petition"]);

        var versions = page.FindAll("[data-testid=router-versions] tbody tr");
        versions.Select(tr => tr.GetAttribute("data-version")).ShouldBe(["3", "2", "1"]); // newest first
        versions.Select(tr => tr.QuerySelector("[data-verdict]")!.TextContent.Trim()).ShouldBe(["Promoted", "Rejected", "Skipped"]);
        versions[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldBe(["2026-01-09 00:30 KST", "Promoted", "63.0 %", "60.0 %", "40.0 %", "35.0 %", "Not worse than the model in use on the newest 500 answered petitions."]);
        versions[2].TextContent.ShouldContain("not measured");
    }

    [Test]
    public void ShouldSayThereIsNoModelAndShowWhyAsAWarning()
    {
        var status = new RouterStatusDto(null, null, null, null, null, "The model file samples/petitions-2019.router could not be read.", []);
        using var context = Context(Answering(status), Roles.SystemAdmin);

        var page = context.Render<RoutingPage>();

        page.Find("[data-testid=router-problem]").GetAttribute("role").ShouldBe("alert");
        Text(page, "[data-testid=router-problem]").ShouldContain("could not be read");
        Text(page, "[data-testid=router-no-model]").ShouldBe("No model in use: the keyword rules and the triage desk route petitions.");
        page.FindAll("[data-testid=router-model] dl").ShouldBeEmpty();
        page.FindAll("[data-testid=router-versions-empty]").Count.ShouldBe(1);
    }

    [Test]
    public async Task ShouldLetASystemAdministratorChangeTheRulesWithEveryInputLabelled()
    {
        var sender = Answering(Status()).On<SetKeywordRulesCommand>(c =>
            c.Rules!.Select(r => new KeywordRuleDto(r.Id ?? Guid.NewGuid(), r.Keyword!, new InstitutionRefDto(r.InstitutionCode!, "서울특별시"), r.Kind, r.Note)).ToList());
        using var context = Context(sender, Roles.SystemAdmin, "ko");
        var page = context.Render<RoutingPage>();

        await page.Find("button.button-secondary").ClickAsync(new MouseEventArgs()); // add a rule
        page.Find("#keyword-rule-2-keyword").Change("층간 소음");
        page.Find("#keyword-rule-2-institution").Change("6110000");
        page.Find("#keyword-rule-2-kind").Change("WasteReport");
        page.Find("#keyword-rule-0-note").Change("");

        foreach (var input in page.FindAll("[data-testid=keyword-rules] input, [data-testid=keyword-rules] select"))
        {
            page.Find($"label[for='{input.Id}']").TextContent.ShouldNotBeNullOrWhiteSpace();
        }

        Text(page, "label[for='keyword-rule-2-keyword']").ShouldBe("규칙 3의 키워드");
        page.Find("#keyword-rule-2-kind").QuerySelectorAll("option").Select(o => o.TextContent.Trim()).First().ShouldBe("모든 종류");
        Text(page, "#keyword-rule-0-institution-name").ShouldBe("Ministry of Environment");
        page.Find("[data-testid=retrain]").HasAttribute("disabled").ShouldBeFalse();

        await page.Find("form").SubmitAsync();

        sender.Sent.OfType<SetKeywordRulesCommand>().Single().Rules.ShouldBe([
            new KeywordRuleInput(Dust, "미세먼지", "1480000", null, null),
            new KeywordRuleInput(Parking, "불법주차", "6110000", "CivilPetition", null),
            new KeywordRuleInput(null, "층간 소음", "6110000", "WasteReport", null),
        ]);
        Text(page, "[data-testid=keyword-rules-saved]").ShouldStartWith("키워드 규칙을 저장했습니다.");
        page.FindAll("[data-testid=keyword-rules] tbody tr").Count.ShouldBe(3);
    }

    [Test]
    public async Task ShouldShowARefusedSaveBesideTheRowItWasAbout()
    {
        var sender = Answering(Status()).On<SetKeywordRulesCommand>(_ => throw new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["rules[1].keyword"] = ["Give the keyword."],
            ["rules[0].institutionCode"] = ["No active institution has the code 9999999."],
        }));
        using var context = Context(sender, Roles.SystemAdmin);
        var page = context.Render<RoutingPage>();
        page.Find("#keyword-rule-0-institution").Change("9999999");
        page.Find("#keyword-rule-1-keyword").Change("");

        await page.Find("form").SubmitAsync();

        Text(page, "#keyword-rule-0-institution-errors").ShouldBe("No active institution has the code 9999999.");
        Text(page, "#keyword-rule-1-keyword-errors").ShouldBe("Give the keyword.");
        page.FindAll("#keyword-rule-0-keyword-errors, #keyword-rule-1-institution-errors").ShouldBeEmpty();
        page.Find("#keyword-rule-0-institution").GetAttribute("aria-invalid").ShouldBe("true");
        page.Find("#keyword-rule-0-keyword").HasAttribute("aria-invalid").ShouldBeFalse();
        page.FindAll("[data-testid=keyword-rules-saved]").ShouldBeEmpty();
        page.FindAll("[data-rule] .field-errors").Count.ShouldBe(2);

        // Removing the first row leaves the second row's message where it was, beside the second rule's keyword.
        await page.Find("tr[data-rule='0'] button").ClickAsync(new MouseEventArgs());
        Text(page, "#keyword-rule-1-keyword-errors").ShouldBe("Give the keyword.");
        page.FindAll("[data-rule] .field-errors").Count.ShouldBe(1);
    }

    [Test]
    public async Task ShouldRetrainOnceAtATimeSayingSoAndThenShowTheNewVersion()
    {
        var retraining = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        var sender = new FakeSender()
            .On<GetRouterStatusQuery>(_ => ++loads == 1 ? Status(Version(1, "Promoted", 0.6, null)) : Status(Version(2, "Rejected", 0.5, 0.6), Version(1, "Promoted", 0.6, null)))
            .On<ListKeywordRulesQuery>(_ => Rules)
            .OnAsync<RetrainRouterCommand>(_ => retraining.Task);
        using var context = Context(sender, Roles.SystemAdmin);
        var page = context.Render<RoutingPage>();
        Text(page, "[data-testid=retrain-status]").ShouldBeEmpty();

        var clicked = page.Find("[data-testid=retrain]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("[data-testid=retrain]").HasAttribute("disabled").ShouldBeTrue());
        page.Find("[data-testid=retrain-status]").GetAttribute("aria-live").ShouldBe("polite");
        Text(page, "[data-testid=retrain-status]").ShouldBe("Retraining… this can take a minute.");

        retraining.SetResult(Version(2, "Rejected", 0.5, 0.6));
        await clicked;

        page.WaitForAssertion(() => Text(page, "[data-testid=retrain-status]").ShouldBe("Retraining finished: version 2, Rejected."));
        page.Find("[data-testid=retrain]").HasAttribute("disabled").ShouldBeFalse();
        page.FindAll("[data-testid=router-versions] tbody tr").Select(tr => tr.GetAttribute("data-version")).ShouldBe(["2", "1"]);
        sender.Sent.OfType<RetrainRouterCommand>().Count().ShouldBe(1);
    }
}
