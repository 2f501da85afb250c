using System.Globalization;
using Bunit;
using EPeople.Application.Analytics.Grouping;
using EPeople.Application.Security;
using EPeople.Web.ComponentTests.Admin;
using EPeople.Web.Components.Petitions;
using EPeople.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Tasks;

public sealed class PetitionGroupPanelTests
{
    private static readonly Guid PetitionId = Guid.NewGuid();
    private static readonly Guid OtherId = Guid.NewGuid();
    private static readonly Guid GroupId = Guid.NewGuid();
    private static readonly DateTimeOffset Filed = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static PetitionGroupDto Group(int answered) => new(GroupId, "Repeated", "Open", "보도블록 파손", 3, 2, answered, answered >= 2, Filed, Filed,
    [
        new(PetitionId, true, "3220000", "김**", Filed, "EP-20261102-AAAAAAA", "보도블록 파손", "Received", false),
        new(Guid.NewGuid(), true, "3220000", "김**", Filed.AddDays(1), "EP-20261103-BBBBBBB", "보도블록 파손", "Answered", true),
        new(OtherId, false, "1613000", "김**", Filed.AddDays(2), null, null, null, false),
    ]);

    private static BunitContext Context(FakeSender sender)
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
        context.AddAuthorization().SetAuthorized("officer").SetRoles(Roles.Official);
        return context;
    }

    [Test]
    public void ShouldShowTheGroupWithMaskedFilersAndLinksOnlyToHeldMembers()
    {
        using var context = Context(new FakeSender().On<GetGroupsOfPetitionQuery>(_ => new[] { Group(answered: 1) }));
        var panel = context.Render<PetitionGroupPanel>(ps => ps.Add(p => p.PetitionId, PetitionId));

        panel.Find("[data-testid=group-repeated] h3").TextContent.ShouldStartWith("Repeated");
        panel.Find("[data-testid=group-counts]").TextContent.ShouldBe("3 petitions, 2 held by your institution, 1 answered");
        panel.FindAll("[data-testid=group-member-filer]").Select(f => f.TextContent).ShouldBe(["김**", "김**", "김**"]);
        panel.FindAll("[data-testid=group-member-link]").Select(a => a.TextContent).ShouldBe(["EP-20261102-AAAAAAA", "EP-20261103-BBBBBBB"]);
        panel.Markup.ShouldNotContain(OtherId.ToString());
        panel.FindAll("[data-testid=group-closable]").ShouldBeEmpty();
    }

    [Test]
    public void ShouldFlagARepeatAnsweredTwiceAsClosable()
    {
        using var context = Context(new FakeSender().On<GetGroupsOfPetitionQuery>(_ => new[] { Group(answered: 2) }));
        var panel = context.Render<PetitionGroupPanel>(ps => ps.Add(p => p.PetitionId, PetitionId));

        panel.Find("[data-testid=group-closable]").TextContent.ShouldContain("Art. 23");
    }

    [Test]
    public void ShouldAnswerTheGroupOnceWithOneOperationId()
    {
        var sender = new FakeSender()
            .On<GetGroupsOfPetitionQuery>(_ => new[] { Group(answered: 1) })
            .On<AnswerPetitionGroupCommand>(c => new GroupAnsweredDto(c.GroupId, [PetitionId], [], [Guid.NewGuid()]));
        using var context = Context(sender);
        var panel = context.Render<PetitionGroupPanel>(ps => ps.Add(p => p.PetitionId, PetitionId));

        panel.Find($"#group-answer-{GroupId}").Change("다음 주에 교체합니다.");
        panel.Find("[data-testid=group-answer-send]").Click();
        panel.Find("[data-testid=group-answer-send]").Click();

        var sent = sender.Sent.OfType<AnswerPetitionGroupCommand>().ToList();
        sent.Count.ShouldBe(2);
        sent.Select(c => c.OperationId).Distinct().ShouldHaveSingleItem(); // a second click replays, it never answers twice
        sent[0].ShouldBe(new AnswerPetitionGroupCommand(GroupId, "다음 주에 교체합니다.", false, sent[0].OperationId));
        panel.Find("[data-testid=group-answer-done]").TextContent.ShouldBe("Answered 1; already answered or closed 1.");
    }

    [Test]
    public void ShouldShowNothingForAPetitionInNoGroup()
    {
        using var context = Context(new FakeSender().On<GetGroupsOfPetitionQuery>(_ => Array.Empty<PetitionGroupDto>()));
        context.Render<PetitionGroupPanel>(ps => ps.Add(p => p.PetitionId, PetitionId)).Markup.Trim().ShouldBeEmpty();
    }
}
