using EPeople.Application.Abstractions;
using EPeople.Application.Analytics;
using EPeople.Application.Analytics.Grouping;
using EPeople.Application.Analytics.Similarity;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Outbox;
using EPeople.Application.Petitions;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Infrastructure.Outbox;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>Repeated, duplicate and mass petitions grouped at filing, answered as one group, and the citizen's similar-petitions hint.</summary>
public sealed class PetitionGroupingTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Gangnam = "3220000";
    private const string Other = "1613000";

    private static readonly Guid[] Citizens = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())];

    private int _loaded;

    private const string Title = "집 앞 보도블록 파손 보수 요청";
    private const string Body = "집 앞 보도블록이 여러 장 깨져서 어르신들이 넘어질 위험이 큽니다. 빠른 보수를 부탁드립니다.";

    /// <summary>Distinct subjects (no two of them the same content), for tests that file several rounds.</summary>
    private static readonly (string Title, string Body)[] Topics =
    [
        ("가로등 고장 수리 요청", "우리 동네 골목 가로등이 한 달째 꺼져 있어 밤길이 매우 위험합니다. 빠른 수리를 부탁드립니다."),
        ("불법 주정차 단속 요청", "학교 앞 도로에 불법 주정차 차량이 많아 아이들이 등하교할 때 위험합니다. 단속을 강화해 주세요."),
        ("공원 화장실 청소 요청", "근린공원 공중화장실이 청소가 되지 않아 악취가 심하고 위생 상태가 나쁩니다. 정기적인 청소를 요청합니다."),
        ("버스 배차 간격 단축 요청", "출퇴근 시간에 버스가 30분에 한 대씩 와서 너무 불편합니다. 배차 간격을 줄여 주세요."),
    ];

    private void RunAsCitizen(int n) => App.User.Set($"시민{n}", [Roles.Citizen], id: Citizens[n]);

    private async Task RunAsOfficerOfAsync(string institution) =>
        App.User.Set($"officer.{institution}@test", [Roles.Official], await App.InstitutionIdAsync(institution), position: "Officer");

    private async Task<Guid> FileAsync(int citizen, string institution, string? title = null, string? body = null, bool isPublic = false, bool deliver = true)
    {
        RunAsCitizen(citizen);
        var filed = await App.SendAsync(new FilePetitionCommand("CivilPetition", "Grievance", title ?? Title, body ?? Body, institution, null, isPublic,
            null, null, ConsentToPersonalData: true));
        filed.Institution.Code.ShouldBe(institution);
        if (deliver)
        {
            await GroupFiledAsync();
        }

        return filed.Id;
    }

    /// <summary>What the outbox dispatch job does a few seconds after a filing: the grouping requests are delivered, one after another.</summary>
    private Task<int> GroupFiledAsync() => App.ExecuteAsync<OutboxDispatcher, int>(d => d.DispatchDueAsync(500, CancellationToken.None));

    private async Task<IReadOnlyList<PetitionGroupDto>> GroupsOfAsync(Guid petitionId, string institution)
    {
        await RunAsOfficerOfAsync(institution);
        return await App.SendAsync(new GetGroupsOfPetitionQuery(petitionId));
    }

    [Test]
    public async Task ShouldGroupRepeatedFilingsFromTheThirdByTheSamePerson()
    {
        await FileAsync(0, Gangnam);
        var second = await FileAsync(0, Gangnam, body: Body + " 꼭 부탁드립니다.");
        (await GroupsOfAsync(second, Gangnam)).ShouldBeEmpty();

        var third = await FileAsync(0, Gangnam);
        var group = (await GroupsOfAsync(third, Gangnam)).ShouldHaveSingleItem();
        group.Kind.ShouldBe("Repeated");
        group.MemberCount.ShouldBe(3);
        group.ClosableUnderArt23.ShouldBeFalse(); // nothing answered yet
        group.Members.ShouldAllBe(m => m.HeldByYou && m.Filer == "시**"); // masked

        await FileAsync(0, Gangnam);
        (await GroupsOfAsync(third, Gangnam)).ShouldHaveSingleItem().MemberCount.ShouldBe(4); // joins, no second group
        (await App.QueryDbAsync(db => db.PetitionGroups.CountAsync())).ShouldBe(1);
    }

    [Test]
    public async Task ShouldGroupTheSameContentFiledWithTwoInstitutionsAsDuplicate()
    {
        var first = await FileAsync(0, Gangnam);
        (await GroupsOfAsync(first, Gangnam)).ShouldBeEmpty();
        await FileAsync(0, Other);

        var group = (await GroupsOfAsync(first, Gangnam)).ShouldHaveSingleItem();
        group.Kind.ShouldBe("Duplicate");
        group.MemberCount.ShouldBe(2);
        group.HeldMemberCount.ShouldBe(1);
        var elsewhere = group.Members.Single(m => !m.HeldByYou);
        (elsewhere.InstitutionCode, elsewhere.Title, elsewhere.ReceiptNumber).ShouldBe((Other, (string?)null, (string?)null)); // not theirs to read
        group.Members.Single(m => m.HeldByYou).Title.ShouldBe(Title);
    }

    [Test]
    public async Task ShouldGroupMassPetitionsAtFiveDistinctPersonsOnly()
    {
        Guid last = default;
        for (var n = 0; n < 4; n++)
        {
            last = await FileAsync(n, Gangnam);
        }

        (await GroupsOfAsync(last, Gangnam)).ShouldBeEmpty(); // four persons are not a mass petition

        last = await FileAsync(4, Gangnam, body: Body.Replace("여러 장", "몇 장", StringComparison.Ordinal));
        var group = (await GroupsOfAsync(last, Gangnam)).ShouldHaveSingleItem();
        group.Kind.ShouldBe("Mass");
        group.MemberCount.ShouldBe(5);
        group.Members.Select(m => m.Filer).ShouldBe(["시**", "시**", "시**", "시**", "시**"]); // masked
    }

    [Test]
    public async Task ShouldNotCountFiveFilingsByOnePersonAsAMassPetition()
    {
        Guid last = default;
        for (var n = 0; n < 5; n++)
        {
            last = await FileAsync(0, Gangnam);
        }

        (await GroupsOfAsync(last, Gangnam)).Select(g => g.Kind).ShouldBe(["Repeated"]);
    }

    [Test]
    public async Task ShouldIndexAndGroupAFilingWhenItsRequestIsDeliveredAndOnlyOnceWhenDeliveredAgain()
    {
        await FileAsync(0, Gangnam);
        await FileAsync(0, Gangnam);
        var third = await FileAsync(0, Gangnam, deliver: false);

        // The filing's commit holds the request, not the index: its signatures and bands cost the grouping job, not the filer.
        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync(s => s.PetitionId == third))).ShouldBe(0);
        (await App.QueryDbAsync(db => db.PetitionSimilarityBands.CountAsync(b => b.PetitionId == third))).ShouldBe(0);
        (await App.QueryDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == PetitionGrouper.GroupingMessageType && m.Status == OutboxStatus.Pending)))
            .ShouldBe(1);
        (await App.QueryDbAsync(db => db.PetitionGroups.CountAsync())).ShouldBe(0);

        await GroupFiledAsync();
        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync(s => s.PetitionId == third))).ShouldBe(1);
        (await GroupsOfAsync(third, Gangnam)).ShouldHaveSingleItem().MemberCount.ShouldBe(3);

        // Delivered again (at least once): nothing is indexed or joined twice.
        await App.ExecuteAsync<PetitionGrouper>(g => g.GroupFiledAsync(third, CancellationToken.None));
        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync())).ShouldBe(3);
        (await App.QueryDbAsync(db => db.PetitionSimilarityBands.CountAsync())).ShouldBe(3 * 2 * MinHash.Bands);
        (await App.QueryDbAsync(db => db.PetitionGroupMembers.CountAsync())).ShouldBe(3);
    }

    [Test]
    public async Task ShouldGroupABacklogOfRequestsDeliveredTogetherAsIfDeliveredOneByOne()
    {
        async Task FileTopicAsync((string Title, string Body) topic, bool deliver)
        {
            for (var n = 0; n < 3; n++)
            {
                await FileAsync(0, Gangnam, topic.Title, topic.Body, deliver: deliver); // repeated from the third
            }

            for (var citizen = 1; citizen <= 4; citizen++)
            {
                await FileAsync(citizen, Gangnam, topic.Title, topic.Body, deliver: deliver); // mass from the fifth person
            }

            await FileAsync(0, Other, topic.Title, topic.Body, deliver: deliver); // duplicate with another institution
        }

        await FileTopicAsync(Topics[0], deliver: true);
        var oneByOne = await GroupSizesAsync();
        oneByOne.Select(g => g.Item1).ShouldBe([PetitionGroupKind.Repeated, PetitionGroupKind.Mass, PetitionGroupKind.Duplicate], ignoreOrder: true);

        // The dispatch job's batch: every request of the backlog in one delivery and one transaction.
        await FileTopicAsync(Topics[1], deliver: false);
        await GroupFiledAsync();
        (await GroupSizesAsync()).ShouldBe([.. oneByOne, .. oneByOne], ignoreOrder: true);

        // A batch needing more grouping-lock keys than allowed is halved until it fits, down to one petition at a time.
        await FileTopicAsync(Topics[2], deliver: false);
        var requests = await App.QueryDbAsync(db => db.OutboxMessages.Where(m => m.Type == PetitionGrouper.GroupingMessageType && m.Status == OutboxStatus.Pending).ToListAsync());
        requests.Count.ShouldBe(8);
        await App.ExecuteAsync<IServiceScopeFactory>(scopes => new PetitionGroupingChannel(scopes) { MaxLockKeys = 30 }.DeliverAsync(requests, CancellationToken.None));
        (await GroupSizesAsync()).ShouldBe([.. oneByOne, .. oneByOne, .. oneByOne], ignoreOrder: true);
        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync())).ShouldBe(24);
    }

    [Test]
    public async Task ShouldNotGroupADifferentText()
    {
        await FileAsync(0, Gangnam);
        await FileAsync(0, Gangnam);
        var different = await FileAsync(0, Gangnam, "버스 배차 간격 단축 요청", "출퇴근 시간에 버스가 30분에 한 대씩 와서 너무 불편합니다. 배차 간격을 줄여 주세요.");
        await FileAsync(0, Other, "버스 배차 간격 단축 요청 드립니다", "학교 앞 정류장에 서는 마을버스 노선을 새로 만들어 주시기를 바랍니다.");

        (await GroupsOfAsync(different, Gangnam)).ShouldBeEmpty();
        (await App.QueryDbAsync(db => db.PetitionGroups.CountAsync())).ShouldBe(0);
        (await App.QueryDbAsync(db => db.PetitionSimilarityBands.CountAsync())).ShouldBe(4 * 2 * MinHash.Bands);
    }

    [Test]
    public async Task ShouldAnswerEveryMemberTheInstitutionHoldsOnceAndOnlyThose()
    {
        var mine = new List<Guid>();
        for (var n = 0; n < 5; n++)
        {
            mine.Add(await FileAsync(n, Gangnam));
        }

        var elsewhere = await FileAsync(0, Other); // makes a duplicate group spanning both institutions
        var groups = await GroupsOfAsync(mine[0], Gangnam);
        groups.Select(g => g.Kind).ShouldBe(["Duplicate", "Mass"]);
        var duplicate = groups.Single(g => g.Kind == "Duplicate");

        var answered = await App.SendAsync(new AnswerPetitionGroupCommand(duplicate.Id, "보도블록은 다음 주에 교체합니다.", false, "group-op-1"));
        answered.Answered.ShouldBe([mine[0]]);
        (await StatusOfAsync(elsewhere)).ShouldBe(PetitionStatus.Received); // another institution's petition is never touched

        var mass = groups.Single(g => g.Kind == "Mass");
        var first = await App.SendAsync(new AnswerPetitionGroupCommand(mass.Id, "보도블록은 다음 주에 교체합니다.", true, "group-op-2"));
        first.Answered.ShouldBe(mine.Skip(1), ignoreOrder: true);
        first.Skipped.ShouldBe([mine[0]]); // answered already
        foreach (var id in mine)
        {
            (await StatusOfAsync(id)).ShouldBe(PetitionStatus.Answered);
        }

        var again = await App.SendAsync(new AnswerPetitionGroupCommand(mass.Id, "보도블록은 다음 주에 교체합니다.", true, "group-op-2"));
        again.Answered.ShouldBeEmpty();
        again.Replayed.ShouldBe(mine.Skip(1), ignoreOrder: true);

        // Each filer got the answer notice once, through the normal path.
        var notices = await App.QueryDbAsync(db => db.CitizenNotices.Where(n => mine.Contains(n.PetitionId) && n.Kind == "Answered").CountAsync());
        notices.ShouldBe(5);
        (await GroupsOfAsync(mine[1], Gangnam)).Single(g => g.Kind == "Mass").Status.ShouldBe("Answered");
    }

    [Test]
    public async Task ShouldRefuseAnotherInstitutionsOfficial()
    {
        Guid last = default;
        for (var n = 0; n < 3; n++)
        {
            last = await FileAsync(0, Gangnam);
        }

        var group = (await GroupsOfAsync(last, Gangnam)).ShouldHaveSingleItem();
        await RunAsOfficerOfAsync(Other);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetPetitionGroupQuery(group.Id)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetGroupsOfPetitionQuery(last)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new AnswerPetitionGroupCommand(group.Id, "답변", false, "op")));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new GetPetitionGroupQuery(Guid.NewGuid())));
        (await App.SendAsync(new ListPetitionGroupsQuery())).Items.ShouldBeEmpty();
        (await StatusOfAsync(last)).ShouldBe(PetitionStatus.Received);

        await RunAsOfficerOfAsync(Gangnam);
        (await App.SendAsync(new ListPetitionGroupsQuery())).Items.ShouldHaveSingleItem().Id.ShouldBe(group.Id);
    }

    [Test]
    public async Task ShouldListTheLatestGroupsOfEveryInstitutionToAnalystsOnly()
    {
        var first = await FileAsync(0, Gangnam);
        await FileAsync(0, Other); // a duplicate across two institutions
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        const string Repeated = "가로등 고장 수리 요청";
        for (var i = 0; i < 3; i++)
        {
            await FileAsync(1, Other, Repeated, $"{Repeated}: 같은 내용을 다시 올립니다. 빠른 처리를 부탁드립니다.");
        }

        App.User.Set("analyst@test", [Roles.Analyst]);
        var groups = await App.SendAsync(new ListLatestPetitionGroupsQuery());

        groups.Select(g => (g.Kind, g.InstitutionCode, g.Institutions, g.MemberCount)).ShouldBe([
            ("Repeated", Other, 1, 3),
            ("Duplicate", (string?)null, 2, 2),
        ]);
        groups[0].InstitutionNameKo.ShouldNotBeNullOrEmpty();
        (await App.SendAsync(new ListLatestPetitionGroupsQuery("Duplicate"))).ShouldHaveSingleItem().RepresentativeTitle.ShouldBe(Title);
        first.ShouldNotBe(Guid.Empty);

        await RunAsOfficerOfAsync(Gangnam);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListLatestPetitionGroupsQuery()));
    }

    [Test]
    public async Task ShouldPageTheInstitutionsGroupsNewestFirst()
    {
        var titles = new[] { "가로등 고장 수리 요청", "불법 주정차 단속 요청", "공원 화장실 청소 요청" };
        foreach (var title in titles)
        {
            for (var i = 0; i < 3; i++)
            {
                await FileAsync(0, Gangnam, title, $"{title}: 같은 내용을 다시 올립니다. 빠른 처리를 부탁드립니다.");
                App.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        await RunAsOfficerOfAsync(Gangnam);
        var first = await App.SendAsync(new ListPetitionGroupsQuery(Limit: 2));
        first.Items.Select(g => g.RepresentativeTitle).ShouldBe(["공원 화장실 청소 요청", "불법 주정차 단속 요청"]);
        var second = await App.SendAsync(new ListPetitionGroupsQuery(After: first.Next, Limit: 2));
        second.Items.Select(g => g.RepresentativeTitle).ShouldBe(["가로등 고장 수리 요청"]);
        second.Next.ShouldBeNull();
        (await App.SendAsync(new ListPetitionGroupsQuery("Mass"))).Items.ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldMakeOneRepeatedGroupOfConcurrentFilingsBySamePerson()
    {
        foreach (var (title, body) in Topics)
        {
            await FileAsync(0, Gangnam, title, body);
            await FileAsync(0, Gangnam, title, body);
            await FileConcurrentlyAsync(title, body, (0, Gangnam), (0, Gangnam));
        }

        // Each pair saw the first two; filed one after the other, the second joins the group the first made.
        (await GroupSizesAsync()).ShouldBe(Topics.Select(_ => (PetitionGroupKind.Repeated, 4)));
    }

    [Test]
    public async Task ShouldMakeOneMassGroupOfConcurrentFilingsByDifferentPersons()
    {
        foreach (var (title, body) in Topics)
        {
            for (var n = 0; n < 4; n++)
            {
                await FileAsync(n, Gangnam, title, body);
            }

            await FileConcurrentlyAsync(title, body, (4, Gangnam), (5, Gangnam));
        }

        (await GroupSizesAsync()).ShouldBe(Topics.Select(_ => (PetitionGroupKind.Mass, 6)));
    }

    [Test]
    public async Task ShouldGroupConcurrentFilingsAsIfFiledOneAfterTheOther()
    {
        foreach (var (title, body) in Topics)
        {
            await FileAsync(0, Gangnam, title, body);
            await FileConcurrentlyAsync(title, body, (0, Gangnam), (0, Gangnam));
            await FileConcurrentlyAsync(title, body, (1, Gangnam), (1, Other));
        }

        // Neither of a concurrent pair saw the other: without the grouping lock, neither made the group the second would have.
        (await GroupSizesAsync()).ShouldBe(Topics.SelectMany(_ => new[] { (PetitionGroupKind.Repeated, 3), (PetitionGroupKind.Duplicate, 2) }), ignoreOrder: true);
    }

    [Test]
    public async Task ShouldIndexAndGroupPetitionsWithoutSignaturesInTheFullAnalyticsRecompute()
    {
        var filed = await FileAsync(0, Gangnam);
        Guid[] loaded = [await LoadUnindexedAsync(0, Gangnam), await LoadUnindexedAsync(0, Gangnam)];
        var withdrawn = await LoadUnindexedAsync(0, Other, withdrawn: true); // would make a duplicate group, were it not withdrawn
        await LoadUnindexedAsync(1, Gangnam, Topics[0].Title, Topics[0].Body);
        RunAsCitizen(0);
        (await App.SendAsync(new FindSimilarPetitionsQuery(Title, Body))).Select(h => h.Id).ShouldBe([filed]); // the loaded ones are invisible

        App.RunAsSystemAdmin();
        (await App.SendAsync(new RecomputeAnalyticsCommand())).Steps.ShouldContain("similarity");

        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync())).ShouldBe(5);
        var group = (await GroupsOfAsync(filed, Gangnam)).ShouldHaveSingleItem();
        (group.Kind, group.MemberCount).ShouldBe(("Repeated", 3)); // an old repeated petition is still repeated
        group.Members.Select(m => m.PetitionId).ShouldBe(loaded.Append(filed), ignoreOrder: true);
        RunAsCitizen(0);
        (await App.SendAsync(new FindSimilarPetitionsQuery(Title, Body))).Select(h => h.Id).ShouldBe([.. loaded, filed, withdrawn], ignoreOrder: true);

        // Again: nothing is left to index, and nothing changes. The incremental runs leave the indexing to the full ones.
        App.RunAsSystemAdmin();
        await App.SendAsync(new RecomputeAnalyticsCommand());
        await LoadUnindexedAsync(2, Gangnam);
        await App.ExecuteAsync<AnalyticsRefresh, AnalyticsRunDto>(r => r.RunIncrementalAsync(CancellationToken.None));
        (await GroupSizesAsync()).ShouldBe([(PetitionGroupKind.Repeated, 3)]);
        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync())).ShouldBe(5);
        (await App.QueryDbAsync(db => db.PetitionGroupMembers.CountAsync())).ShouldBe(3);
    }

    [Test]
    public async Task ShouldBackfillSignaturesInBatchesAndResumeWhereAStoppedRunLeftOff()
    {
        for (var i = 0; i < 5; i++)
        {
            await LoadUnindexedAsync(0, Gangnam);
        }

        using var stop = new CancellationTokenSource();
        var stopped = new Reports(stop);
        await Should.ThrowAsync<OperationCanceledException>(() => BackfillAsync(batchSize: 2, stopped, cancellationToken: stop.Token));
        stopped.Heard.ShouldBe(["indexed 2 petitions that had no similarity signatures; new groups: 0"]);
        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync())).ShouldBe(2); // the first batch was committed

        var resumed = new Reports();
        await BackfillAsync(batchSize: 2, resumed);
        resumed.Heard.ShouldBe([
            "indexed 2 petitions that had no similarity signatures; new groups: 1",
            "indexed 3 petitions that had no similarity signatures; new groups: 1",
        ]);
        (await GroupSizesAsync()).ShouldBe([(PetitionGroupKind.Repeated, 5)]);

        var again = new Reports();
        await BackfillAsync(batchSize: 2, again);
        again.Heard.ShouldBeEmpty();
        (await App.QueryDbAsync(db => db.PetitionSimilarities.CountAsync())).ShouldBe(5);
    }

    [Test]
    public async Task ShouldBackfillFewerPetitionsPerBatchWhenTheirLockKeysWouldBeTooMany()
    {
        for (var i = 0; i < 3; i++)
        {
            await LoadUnindexedAsync(0, Gangnam);
            await LoadUnindexedAsync(1, Gangnam, Topics[0].Title, Topics[0].Body);
        }

        // Each repeated group needs 21 keys (its petitioner and 20 band keys): both in one batch would be 42.
        var reports = new Reports();
        await BackfillAsync(batchSize: 6, reports, maxLockKeys: 30);

        reports.Heard[^1].ShouldBe("indexed 6 petitions that had no similarity signatures; new groups: 2");
        reports.Heard.Count.ShouldBeGreaterThan(1); // retried with fewer
        (await GroupSizesAsync()).ShouldBe([(PetitionGroupKind.Repeated, 3), (PetitionGroupKind.Repeated, 3)]);
    }

    [Test]
    public async Task ShouldRecomputeTheSameGroupsIdempotently()
    {
        for (var n = 0; n < 3; n++)
        {
            await FileAsync(0, Gangnam);
        }

        await App.QueryDbAsync(async db =>
        {
            db.PetitionGroups.RemoveRange(db.PetitionGroups);
            db.PetitionSimilarityBands.RemoveRange(db.PetitionSimilarityBands);
            db.PetitionSimilarities.RemoveRange(db.PetitionSimilarities);
            return await db.SaveChangesAsync();
        });

        App.RunAsSystemAdmin();
        (await App.SendAsync(new RecomputePetitionGroupsCommand())).ShouldBe(new PetitionGroupRecomputedDto(3, 1));
        (await App.SendAsync(new RecomputePetitionGroupsCommand())).ShouldBe(new PetitionGroupRecomputedDto(3, 1));
        (await App.QueryDbAsync(db => db.PetitionGroupMembers.CountAsync())).ShouldBe(3);
    }

    [Test]
    public async Task ShouldHintOnlyPublicOrOwnSimilarPetitions()
    {
        var published = await FileAsync(0, Gangnam, isPublic: true);
        var private1 = await FileAsync(1, Other);
        await FileAsync(2, Gangnam, "버스 배차 간격 단축 요청", "출퇴근 시간에 버스가 30분에 한 대씩 와서 너무 불편합니다.", isPublic: true);

        RunAsCitizen(3);
        var hint = await App.SendAsync(new FindSimilarPetitionsQuery("집 앞 보도블록 파손 보수 요청합니다"));
        hint.Select(h => h.Id).ShouldBe([published]); // another citizen's private petition is never shown
        hint[0].IsOwn.ShouldBeFalse();

        RunAsCitizen(1);
        var own = await App.SendAsync(new FindSimilarPetitionsQuery(Title, Body));
        own.Select(h => (h.Id, h.IsOwn)).ShouldBe([(published, false), (private1, true)], ignoreOrder: true);

        (await App.SendAsync(new FindSimilarPetitionsQuery("어린이집 보육교사 처우 개선"))).ShouldBeEmpty();
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new FindSimilarPetitionsQuery("")));
    }

    /// <summary>A petition as a bulk load or a release before the grouping left it: stored, with no signatures and no groups.</summary>
    [Test]
    public async Task ShouldFindAPersonsRepeatsAndGrowTheMassGroupAmidAFloodOfTheSameContent()
    {
        await FileAsync(0, Gangnam);
        await FileAsync(0, Gangnam);
        // Thirty other people file the same: the lookup reads a few petitions per band, so the flood fills it, and the
        // first citizen's own earlier petitions must still be found.
        for (var i = 0; i < 30; i++)
        {
            App.User.Set($"군중{i}", [Roles.Citizen], id: Guid.NewGuid());
            await App.SendAsync(new FilePetitionCommand("CivilPetition", "Grievance", Title, Body, Gangnam, null, false, null, null, ConsentToPersonalData: true));
            await GroupFiledAsync();
        }

        await FileAsync(0, Gangnam);

        (await GroupSizesAsync()).ShouldBe([(PetitionGroupKind.Repeated, 3), (PetitionGroupKind.Mass, 33)], ignoreOrder: true);
    }

    [Test]
    public async Task ShouldGrowOneMassGroupFromAFloodDeliveredInBatches()
    {
        // Everyone new, so nobody's own earlier petitions lead to the group: only the latest petitions per band key do.
        for (var batch = 0; batch < 3; batch++)
        {
            for (var i = 0; i < 12; i++)
            {
                App.User.Set($"군중{batch}-{i}", [Roles.Citizen], id: Guid.NewGuid());
                await App.SendAsync(new FilePetitionCommand("CivilPetition", "Grievance", Title, Body, Gangnam, null, false, null, null, ConsentToPersonalData: true));
            }

            await GroupFiledAsync(); // more than a band's candidates at once
        }

        (await GroupSizesAsync()).ShouldBe([(PetitionGroupKind.Mass, 36)]);
    }

    private async Task<Guid> LoadUnindexedAsync(int citizen, string institution, string? title = null, string? body = null, bool withdrawn = false)
    {
        var now = App.Clock.GetUtcNow();
        var petition = Petition.File(
            new PetitionFiling(Citizens[citizen], PetitionKind.CivilPetition, PetitionSubtype.Grievance, title ?? Title, body ?? Body,
                new PetitionerContact($"시민{citizen}", null, null), IsPublic: false, null),
            $"EP-LOAD-{++_loaded:D6}", institution, toTriageDesk: false, null, now);
        if (withdrawn)
        {
            petition.Withdraw(Citizens[citizen], now);
        }

        await App.QueryDbAsync(async db =>
        {
            db.Petitions.Add(petition);
            return await db.SaveChangesAsync();
        });
        return petition.Id;
    }

    /// <summary>The backfill step of the full recompute, with a test's batch size and lock-key cap.</summary>
    private Task BackfillAsync(int batchSize, IProgress<string> progress, int maxLockKeys = 500, CancellationToken cancellationToken = default) =>
        App.ExecuteAsync<IServiceProvider>(services =>
            new SimilarityBackfillStep(services.GetRequiredService<IEPeopleDbContext>(), services.GetRequiredService<PetitionGrouper>(),
                    services.GetRequiredService<IGroupingLock>(), NullLogger<SimilarityBackfillStep>.Instance) { BatchSize = batchSize, MaxLockKeys = maxLockKeys }
                .RunAsync(new DailyCountsRefreshed(true, null, App.Clock.GetUtcNow()), progress, cancellationToken));

    /// <summary>The progress reports, heard as they are made; the first one cancels <paramref name="stopAfterFirst"/>.</summary>
    private sealed class Reports(CancellationTokenSource? stopAfterFirst = null) : IProgress<string>
    {
        public List<string> Heard { get; } = [];

        public void Report(string value)
        {
            Heard.Add(value);
            stopAfterFirst?.Cancel();
        }
    }

    /// <summary>Files the same content for each citizen with each institution at once, each on its own scope and DbContext.</summary>
    private async Task<Guid[]> FileConcurrentlyAsync(string title, string body, params (int Citizen, string Institution)[] filers)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var filings = filers.Select(f => Task.Run(async () =>
        {
            App.User.SetForThisFlow($"시민{f.Citizen}", [Roles.Citizen], Citizens[f.Citizen]);
            await start.Task;
            var filed = await App.SendAsync(new FilePetitionCommand("CivilPetition", "Grievance", title, body, f.Institution, null, false,
                null, null, ConsentToPersonalData: true));
            return filed.Id;
        })).ToList();
        start.SetResult();
        var ids = await Task.WhenAll(filings);
        await GroupFiledAsync();
        return ids;
    }

    /// <summary>Every group's kind and number of members, by kind then creation.</summary>
    private Task<List<(PetitionGroupKind, int)>> GroupSizesAsync() => App.QueryDbAsync(async db =>
        (await db.PetitionGroups.AsNoTracking()
            .Select(g => new { g.Kind, g.CreatedAt, g.Id, Members = db.PetitionGroupMembers.Count(m => m.GroupId == g.Id) }).ToListAsync())
        .OrderBy(g => g.Kind).ThenBy(g => g.CreatedAt).Select(g => (g.Kind, g.Members)).ToList());

    private Task<PetitionStatus> StatusOfAsync(Guid id) =>
        App.QueryDbAsync(db => db.Petitions.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());
}
