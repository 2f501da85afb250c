using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Application.Petitions;
using EPeople.Application.Petitions.Routing;
using EPeople.Application.Petitions.Routing.Learning;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EPeople.Application.FunctionalTests.Routing;

/// <summary>
/// The learned router in filing: rules before the model, the kind's threshold deciding between relaying and the
/// triage desk (with three suggestions and their reasons), the answering institution as the training label, retraining
/// that promotes only a model not worse than the one in use, and routing that survives a missing or damaged model.
/// </summary>
public sealed class RouterTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string TriageDesk = "1140100";
    private const string Seoul = "6110000";
    private const string Police = "1320000";
    private static readonly Guid CitizenId = Guid.NewGuid();

    private static FilePetitionCommand Petition(string title, string? institution = null, string? region = null) => new(
        "CivilPetition", "Grievance", title, $"{title}. 자세한 사정은 다음과 같습니다. 조속한 처리를 부탁드립니다.",
        institution, region, IsPublic: false, null, null, ConsentToPersonalData: true);

    private async Task<PetitionFiledDto> FileAsync(FilePetitionCommand command)
    {
        App.User.Set("citizen@test", [Roles.Citizen], id: CitizenId);
        return await App.SendAsync(command);
    }

    private async Task RunAsOfficerOfAsync(string institution) =>
        App.User.Set($"officer.{institution}@test", [Roles.Official], await App.InstitutionIdAsync(institution), position: "Officer");

    private async Task<TaskSummaryDto> TaskAtAsync(string institution, Guid petitionId)
    {
        await RunAsOfficerOfAsync(institution);
        return (await App.SendAsync(new ListTasksQuery())).Items.Single(t => t.CorrelationId == petitionId.ToString());
    }

    private async Task CompleteAsync(TaskSummaryDto task, string action, JsonObject data) =>
        await App.SendAsync(new CompleteTaskCommand(task.Id, action, data, task.Revision, Guid.NewGuid().ToString()));

    /// <summary>Stores the model as a promoted version, the way retraining does, so the router picks it up.</summary>
    private async Task PromoteAsync(RouterModel model, int version = 1)
    {
        using var stream = new MemoryStream();
        RouterModelFile.Save(model, stream);
        await App.ExecuteAsync<EPeopleDbContext>(async db =>
        {
            db.RouterModelVersions.Add(new RouterModelVersionRecord
            {
                Version = version, CreatedAt = App.Clock.GetUtcNow(), Verdict = RouterModelVerdict.Promoted, Decision = "test", Model = stream.ToArray(),
            });
            await db.SaveChangesAsync();
        });
        await App.ExecuteAsync<RouterModelSource>(m =>
        {
            m.Invalidate();
            return Task.CompletedTask;
        });
    }

    /// <summary>Runs the body with the civil-petition threshold set, then puts the configured one back (the app is shared).</summary>
    private async Task WithThresholdAsync(double threshold, Func<Task> body)
    {
        PetitionOptions options = null!;
        await App.ExecuteAsync<IOptions<PetitionOptions>>(o =>
        {
            options = o.Value;
            return Task.CompletedTask;
        });
        options.AutoRouteConfidenceByKind["CivilPetition"] = threshold;
        try
        {
            await body();
        }
        finally
        {
            options.AutoRouteConfidenceByKind.Remove("CivilPetition");
        }
    }

    [Test]
    public async Task ShouldRelayAConfidentPetitionToTheModelsInstitutionWithItsReason()
    {
        await PromoteAsync(RouterExamples.InstitutionModel());

        await WithThresholdAsync(0.5, async () =>
        {
            var filed = await FileAsync(Petition("요양원 간병 비용이 너무 비쌉니다"));

            filed.Institution.Code.ShouldBe(RouterExamples.Welfare);
            filed.Status.ShouldBe("Received");
        });
        var kept = await App.QueryDbAsync(db => db.RoutingSuggestions.OrderBy(s => s.Rank).ToListAsync());
        kept[0].InstitutionCode.ShouldBe(RouterExamples.Welfare);
        kept[0].Reason.ShouldStartWith("learned (version 1):");
        kept[0].Reason.ShouldContain("strongest terms:");
        (kept[0].ReasonKind, kept[0].ReasonDetail).ShouldBe((RoutingReasonKind.Learned, null)); // an institution model names no category
        kept[0].ReasonTerms.ShouldNotBeNullOrEmpty();
        kept[0].Confidence.ShouldBeGreaterThan(0.5);
    }

    [Test]
    public async Task ShouldLetRulesDecideBeforeTheModel()
    {
        await PromoteAsync(RouterExamples.InstitutionModel());
        App.RunAsSystemAdmin();
        await App.SendAsync(new SetKeywordRulesCommand([new KeywordRuleInput(null, "버스 노선", Seoul, null, "시내버스 노선은 서울시 소관")]));

        await WithThresholdAsync(0.5, async () =>
        {
            // The model would send a bus petition to the transport ministry; the keyword rule (spacing ignored) sends it to Seoul.
            (await FileAsync(Petition("버스노선 변경 요청"))).Institution.Code.ShouldBe(Seoul);
            (await FileAsync(Petition("버스 배차 간격이 깁니다"))).Institution.Code.ShouldBe(RouterExamples.Transport);
            // The region's local government before the model; the citizen's own choice before everything.
            (await FileAsync(Petition("버스 배차 간격이 깁니다", region: "11680"))).Institution.Code.ShouldBe("3220000");
            (await FileAsync(Petition("버스노선 변경 요청", institution: "1352000"))).Institution.Code.ShouldBe("1352000");
        });
        var reasons = await App.QueryDbAsync(db => db.RoutingSuggestions.Where(s => s.Rank == 1).Select(s => s.Reason).ToListAsync());
        reasons.ShouldContain("keyword rule \"버스 노선\"");
        (await App.QueryDbAsync(db => db.RoutingSuggestions.Where(s => s.Rank == 1).Select(s => s.ReasonKind).ToListAsync()))
            .ShouldBe([RoutingReasonKind.Keyword, RoutingReasonKind.Learned, RoutingReasonKind.Municipality, RoutingReasonKind.Chosen], ignoreOrder: true);
        reasons.ShouldContain("local government of region 11680");
        reasons.ShouldContain("chosen by the petitioner");
    }

    [Test]
    public async Task ShouldSendAPetitionBelowItsKindsThresholdToTheTriageDeskWithThreeSuggestions()
    {
        await PromoteAsync(RouterExamples.InstitutionModel());
        PetitionFiledDto filed = null!;

        // Three institutions' words in one title: the model is unsure, well below the kind's threshold.
        await WithThresholdAsync(0.9, async () => filed = await FileAsync(Petition("요양원 가는 버스와 주민센터 문제")));

        filed.Institution.Code.ShouldBe(TriageDesk);
        filed.Status.ShouldBe("InTriage");
        await RunAsOfficerOfAsync(TriageDesk);
        var suggestions = await App.SendAsync(new GetRoutingSuggestionsQuery(filed.Id));
        suggestions.Select(s => s.Rank).ShouldBe([1, 2, 3]);
        suggestions.Select(s => s.Institution.Code).ShouldBe([RouterExamples.Welfare, RouterExamples.Transport, RouterExamples.Interior], ignoreOrder: true);
        suggestions[0].Confidence.ShouldBeLessThan(0.9);
        suggestions.ShouldAllBe(s => s.Reason.StartsWith("learned", StringComparison.Ordinal));
        suggestions.Select(s => s.Confidence).ShouldBeInOrder(SortDirection.Descending);

        // The desk takes the first suggestion; nobody else reads them.
        await CompleteAsync(await TaskAtAsync(TriageDesk, filed.Id), "Transfer", new JsonObject { ["institutionCode"] = suggestions[0].Institution.Code, ["reason"] = "추천 기관" });
        await RunAsOfficerOfAsync(RouterExamples.Transport);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetRoutingSuggestionsQuery(filed.Id)));
    }

    [Test]
    public async Task ShouldLabelTrainingHistoryWithTheInstitutionThatFinallyAnswered()
    {
        var filed = await FileAsync(Petition("요양원 간병 비용이 너무 비쌉니다", institution: Seoul));
        await CompleteAsync(await TaskAtAsync(Seoul, filed.Id), "Transfer", new JsonObject { ["institutionCode"] = RouterExamples.Welfare, ["reason"] = "복지부 소관" });
        (await App.QueryDbAsync(db => RouterHistory.LoadAsync(db, DateTimeOffset.MinValue, CancellationToken.None))).ShouldBeEmpty(); // not answered yet

        await CompleteAsync(await TaskAtAsync(RouterExamples.Welfare, filed.Id), "Answer", new JsonObject { ["answer"] = "요양원 비용 지원 제도를 안내합니다.", ["isPublic"] = false });

        var history = await App.QueryDbAsync(db => RouterHistory.LoadAsync(db, DateTimeOffset.MinValue, CancellationToken.None));
        history.ShouldHaveSingleItem().Institution.ShouldBe(RouterExamples.Welfare); // not Seoul, where it was filed
        history[0].Example(readsBody: true).Text.ShouldStartWith("요양원 간병 비용이 너무 비쌉니다\n");
    }

    [Test]
    public async Task ShouldRecordASkipWhenTheHistoryIsTooShort()
    {
        var run = await App.ExecuteAsync<RouterRetraining, RouterModelVersionRecord>(r => r.RunAsync(CancellationToken.None));

        run.Verdict.ShouldBe(RouterModelVerdict.Skipped);
        run.Decision.ShouldContain("retraining needs 500");
        App.RunAsSystemAdmin();
        var status = await App.SendAsync(new GetRouterStatusQuery());
        status.Model.ShouldBeNull(); // the test app ships no model
        status.Versions.ShouldHaveSingleItem().Verdict.ShouldBe("Skipped");
    }

    [Test]
    public async Task ShouldFallBackToRulesAndTheTriageDeskWhenTheModelFileIsDamaged()
    {
        var path = Path.Combine(App.Folder, "damaged.router");
        RouterModelFile.Save(RouterExamples.InstitutionModel(), path);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length * 2 / 3)]); // cut off, as by a full disk or an interrupted copy
        var options = Options.Create(new RoutingOptions { ModelPath = path });
        await App.ExecuteAsync<IServiceProvider>(async services =>
        {
            using var source = new RouterModelSource(services.GetRequiredService<IServiceScopeFactory>(), options, App.Clock, NullLogger<RouterModelSource>.Instance);
            var router = new LearnedPetitionRouter(services.GetRequiredService<RuleBasedPetitionRouter>(), source, services.GetRequiredService<InstitutionDirectory>());

            var unsure = await router.RouteAsync(new RoutingRequest(Domain.Petitions.PetitionKind.CivilPetition, Domain.Petitions.PetitionSubtype.Grievance,
                "요양원 간병 비용", "내용", null, null), CancellationToken.None);
            var byRegion = await router.RouteAsync(new RoutingRequest(Domain.Petitions.PetitionKind.CivilPetition, Domain.Petitions.PetitionSubtype.Grievance,
                "요양원 간병 비용", "내용", null, "11680"), CancellationToken.None);

            unsure.Ranked.ShouldBeEmpty(); // nothing decides: the triage desk will
            byRegion.Best!.InstitutionCode.ShouldBe("3220000");
            source.Problem.ShouldStartWith($"{path} is damaged and cannot be read");
        });
    }

    [Test]
    public async Task ShouldPromoteARetrainedModelOnlyWhenItIsNotWorseOnTheNewestHistory()
    {
        RoutingOptions routing = null!;
        await App.ExecuteAsync<IOptions<RoutingOptions>>(o =>
        {
            routing = o.Value;
            return Task.CompletedTask;
        });
        var (minimum, share) = (routing.MinimumHistory, routing.HeldBackShare);
        (routing.MinimumHistory, routing.HeldBackShare) = (20, 0.25);
        try
        {
            // The three subjects take turns, so the held-back newest quarter has all three.
            var examples = RouterExamples.Labelled().Where((_, i) => i % 2 == 0).GroupBy(e => e.Label)
                .SelectMany(g => g.Select((e, turn) => (e, turn))).OrderBy(x => x.turn).ThenBy(x => x.e.Label, StringComparer.Ordinal).Select(x => x.e);
            foreach (var example in examples)
            {
                await FileAndAnswerAsync(example.Text, example.Label);
            }

            var first = await App.ExecuteAsync<RouterRetraining, RouterModelVersionRecord>(r => r.RunAsync(CancellationToken.None));
            first.Verdict.ShouldBe(RouterModelVerdict.Promoted);
            first.Decision.ShouldStartWith("No model was in use");
            first.Top1!.Value.ShouldBeGreaterThan(0.5);
            App.RunAnonymous();
            (await App.SendAsync(new SuggestInstitutionQuery("CivilPetition", "Grievance", "노인 요양원 간병 문제", "요양원 간병 문제", null))).Institution!.Code
                .ShouldBe(RouterExamples.Welfare); // routed by the promoted version

            // A new subject, answered by an institution the older history never names, fills the newest petitions. A
            // model that knows it is in use; the candidate learns only from the older history, cannot name that
            // institution, and is worse on the held-back newest petitions.
            for (var i = 0; i < 12; i++)
            {
                await FileAndAnswerAsync($"드론 불법 촬영 {i}건 신고", Police);
            }

            var knowing = await App.QueryDbAsync(db => RouterHistory.LoadAsync(db, DateTimeOffset.MinValue, CancellationToken.None));
            await PromoteAsync(new RouterModel(PetitionClassifierTrainer.Train([.. knowing.Select(h => h.Example(readsBody: true))], new ClassifierTrainingOptions()),
                new RouterModelInfo(RouterLabelKind.Institution, ReadsBody: true, App.Clock.GetUtcNow(), knowing.Count, knowing[^1].Filed, "knows drones", null)), version: 2);

            var second = await App.ExecuteAsync<RouterRetraining, RouterModelVersionRecord>(r => r.RunAsync(CancellationToken.None));

            second.Version.ShouldBe(3);
            second.Verdict.ShouldBe(RouterModelVerdict.Rejected, second.Decision);
            second.Decision.ShouldStartWith("Worse than version 2");
            second.Top1!.Value.ShouldBeLessThan(second.IncumbentTop1!.Value);
            second.Model.ShouldBeNull();
            App.RunAsSystemAdmin();
            var status = await App.SendAsync(new GetRouterStatusQuery());
            status.Model.ShouldBe("version 2");
            status.Versions.Select(v => v.Verdict).ShouldBe(["Rejected", "Promoted", "Promoted"]);
        }
        finally
        {
            (routing.MinimumHistory, routing.HeldBackShare) = (minimum, share);
        }
    }

    private async Task FileAndAnswerAsync(string title, string institution)
    {
        var filed = await FileAsync(Petition(title, institution: institution));
        await CompleteAsync(await TaskAtAsync(institution, filed.Id), "Answer", new JsonObject { ["answer"] = "답변드립니다.", ["isPublic"] = false });
        App.Clock.Advance(TimeSpan.FromHours(1));
    }
}
