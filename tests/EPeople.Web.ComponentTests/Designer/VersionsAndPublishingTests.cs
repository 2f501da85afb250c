using System.Globalization;
using Bunit;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using EPeople.Web.ComponentTests.Admin;
using EPeople.Web.Components.Designer;
using EPeople.Web.Infrastructure;
using EPeople.Workflows.Validation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Designer;

public sealed class VersionsAndPublishingTests
{
    private static readonly DateTimeOffset Published = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static BunitContext Context(FakeSender sender, string role = Roles.Analyst)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
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

    private static IReadOnlyList<DefinitionVersionDto> Versions() =>
    [
        new(0, "Draft", false, "Civil", "h0", Published.AddDays(2), "analyst@epeople.example", null, null),
        new(2, "Published", true, "Civil", "h2", Published.AddDays(1), "analyst@epeople.example", Published.AddDays(1), "analyst@epeople.example"),
        new(1, "Published", false, "Civil", "h1", Published, "seed", Published, "seed"),
    ];

    private static DefinitionComparisonDto Comparison(int from, int to) =>
        new("petition.civil", from, to, [], [new NodeChangeDto("notify", "Added", "EPeople.Notify", []), new NodeChangeDto("handle", "Changed", "EPeople.HumanTask", ["inputs.deadlines"])],
            [new ConnectionChangeDto("handle", "Overdue", "notify", "In", "Added")]);

    [Test]
    public void ShouldListVersionsCompareThemAndCopyAnOldOneIntoANewDraft()
    {
        var sender = new FakeSender()
            .On<ListDefinitionVersionsQuery>(_ => Versions())
            .On<CompareDefinitionVersionsQuery>(q => Comparison(q.From, q.To))
            .On<RestoreDefinitionVersionCommand>(c => new DraftRestoreResultDto(c.DefinitionId, c.Version, true, new ValidationResultDto(true, [])));
        using var context = Context(sender);
        var replaced = new List<string>();
        var panel = context.Render<VersionsPanel>(p => p.Add(c => c.DefinitionId, "petition.civil").Add(c => c.CanEdit, true).Add(c => c.DraftReplaced, m => replaced.Add(m)));

        panel.FindAll("[data-testid=version-list] tbody tr").Select(r => r.GetAttribute("data-version")).ShouldBe(["0", "2", "1"]);
        panel.Find("tr[data-version='1'] a[download]").GetAttribute("href").ShouldBe("api/v1/workflows/definitions/petition.civil/versions/1/export");
        panel.Find("tr[data-version='1'] a:not([download])").GetAttribute("href").ShouldBe("workflows/petition.civil/designer?version=1");

        panel.Find("[data-testid=compare]").Click();

        var compared = sender.Sent.OfType<CompareDefinitionVersionsQuery>().Single();
        (compared.From, compared.To).ShouldBe((2, 0)); // the version in use against the draft
        panel.FindAll("[data-testid=changes] li[data-node]").Select(li => (li.GetAttribute("data-node"), li.GetAttribute("data-change"))).ShouldBe([("notify", "Added"), ("handle", "Changed")]);
        panel.Find("[data-testid=changes] li[data-node='handle']").TextContent.ShouldContain("inputs.deadlines");

        panel.Find("tr[data-version='1'] [data-testid=restore]").Click();

        sender.Sent.OfType<RestoreDefinitionVersionCommand>().Single().Version.ShouldBe(1);
        replaced.ShouldBe(["Version 1 copied into a new draft."]);
    }

    [Test]
    public void ShouldLetOfficialsLookButNotRollBackOrImport()
    {
        using var context = Context(new FakeSender().On<ListDefinitionVersionsQuery>(_ => Versions()), Roles.Official);

        var panel = context.Render<VersionsPanel>(p => p.Add(c => c.DefinitionId, "petition.civil").Add(c => c.CanEdit, false));

        panel.FindAll("[data-testid=restore], input[type=file]").ShouldBeEmpty();
        panel.FindAll("a[download]").Count.ShouldBe(3);
    }

    [Test]
    public void ShouldPublishMovingRunningPetitionsWithTheChosenStepMap()
    {
        var preview = new PublishPreviewDto("petition.civil", 2, new ValidationResultDto(true, []), true, Comparison(2, 0),
            [new RunningInstancesDto(1, 3), new RunningInstancesDto(2, 5)],
            [new StrandedNodeDto(2, "review", "EPeople.HumanTask", 2, 2, ["handle", "additionalAnswer"])],
            new Dictionary<string, string?> { ["handle"] = "handle", ["review"] = null });
        var sender = new FakeSender()
            .On<GetPublishPreviewQuery>(_ => preview)
            .On<PublishDefinitionCommand>(c => new PublishResultDto(c.DefinitionId, 3, true, new Dictionary<string, int>(), c.Migration!.Mode, 8, 0, []));
        using var context = Context(sender);
        var published = new List<PublishResultDto>();
        var dialog = context.Render<PublishDialog>(p => p.Add(c => c.DefinitionId, "petition.civil").Add(c => c.OnPublished, r => published.Add(r)));

        dialog.FindAll("[data-testid=running-instances] li").Select(li => li.TextContent).ShouldBe(["3 running on version 1", "5 running on version 2"]);
        dialog.Find("[data-testid=mode-leave]").HasAttribute("checked").ShouldBeTrue();
        dialog.FindAll("[data-testid=node-map]").ShouldBeEmpty();

        dialog.Find("[data-testid=mode-migrate]").Change(true);
        dialog.Find("#wf-map-review").Change("additionalAnswer");
        dialog.Find("[data-testid=confirm-publish]").Click();

        var command = sender.Sent.OfType<PublishDefinitionCommand>().Single();
        command.Migration!.Mode.ShouldBe(DefinitionMigrationMode.Migrate);
        command.Migration.NodeMap!.ShouldBe(new Dictionary<string, string> { ["handle"] = "handle", ["review"] = "additionalAnswer" });
        published.Single().InstancesMigrated.ShouldBe(8);
    }

    [Test]
    public void ShouldAskToAcknowledgeWarningsBeforePublishing()
    {
        var warning = new DefinitionProblem(ProblemSeverity.Warning, Rules.Expression, "notify", "The text uses no variable.", "Check it.");
        var preview = new PublishPreviewDto("petition.civil", 1, new ValidationResultDto(true, [warning]), true, null, [], [], new Dictionary<string, string?>());
        using var context = Context(new FakeSender().On<GetPublishPreviewQuery>(_ => preview));
        var dialog = context.Render<PublishDialog>(p => p.Add(c => c.DefinitionId, "petition.civil"));

        dialog.Find("[data-testid=publish-warnings]").TextContent.ShouldContain("The text uses no variable.");
        dialog.Find("[data-testid=confirm-publish]").HasAttribute("disabled").ShouldBeTrue();

        dialog.Find("[data-testid=ack-warnings]").Change(true);

        dialog.Find("[data-testid=confirm-publish]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Test]
    public void ShouldNotOfferToPublishADraftWithErrors()
    {
        var problem = new DefinitionProblem(ProblemSeverity.Error, Rules.OutcomesWired, "handle", "Outcome 'Overdue' is not wired.", "Connect it.");
        var preview = new PublishPreviewDto("petition.civil", 1, new ValidationResultDto(false, [problem]), false, null, [], [], new Dictionary<string, string?>());
        var sender = new FakeSender().On<GetPublishPreviewQuery>(_ => preview);
        using var context = Context(sender);

        var dialog = context.Render<PublishDialog>(p => p.Add(c => c.DefinitionId, "petition.civil"));

        dialog.Find("[data-testid=publish-blocked]").GetAttribute("role").ShouldBe("alert");
        dialog.Find("[data-testid=confirm-publish]").HasAttribute("disabled").ShouldBeTrue();
        sender.Sent.OfType<PublishDefinitionCommand>().ShouldBeEmpty();
    }
}
