using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Petitions;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Petitions;

/// <summary>Petitions filed, routed, taken up, transferred, answered and closed through the mediator, on SQLite and PostgreSQL.</summary>
public sealed class PetitionLifecycleTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string TriageDesk = "1140100";
    private static readonly Guid CitizenId = Guid.NewGuid();

    private void RunAsTheCitizen() => App.User.Set("citizen@test", [Roles.Citizen], id: CitizenId);

    private async Task RunAsOfficerOfAsync(string institution) =>
        App.User.Set($"officer.{institution}@test", [Roles.Official], await App.InstitutionIdAsync(institution), position: "Officer");

    private static FilePetitionCommand Grievance(string? institution = null, string? region = null, string? key = null) => new(
        "CivilPetition", "Grievance", "보도블록 파손 신고", "집 앞 보도블록이 깨져서 어르신들이 넘어질 위험이 큽니다. 빠른 보수를 부탁드립니다.",
        institution, region, IsPublic: false, "010-1234-5678", null, ConsentToPersonalData: true, key);

    private async Task<PetitionFiledDto> FileAsync(FilePetitionCommand command)
    {
        RunAsTheCitizen();
        return await App.SendAsync(command);
    }

    private async Task<TaskSummaryDto> TaskAtAsync(string institution, Guid petitionId)
    {
        await RunAsOfficerOfAsync(institution);
        return (await App.SendAsync(new ListTasksQuery())).Items.Single(t => t.CorrelationId == petitionId.ToString());
    }

    private Task<TaskCompletedDto> CompleteAsync(TaskSummaryDto task, string action, JsonObject data) =>
        App.SendAsync(new CompleteTaskCommand(task.Id, action, data, task.Revision, Guid.NewGuid().ToString()));

    private async Task<PetitionDto> AsCitizenAsync(Guid id)
    {
        RunAsTheCitizen();
        return await App.SendAsync(new GetPetitionQuery(id));
    }

    [Test]
    public async Task ShouldFileAGrievanceRoutedByRegionWithItsStatutoryClock()
    {
        var filed = await FileAsync(Grievance(region: "11680"));

        var filedOn = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        filed.ReceiptNumber.ShouldMatch($"^EP-{filedOn}-[0-9A-HJKMNP-TV-Z]{{7}}$");
        filed.Status.ShouldBe("Received");
        filed.Stage.ShouldBe("Reception");
        filed.Institution.ShouldBe(new InstitutionRefDto("3220000", "서울특별시 강남구"));
        filed.DueAt.ShouldNotBeNull();
        (filed.DueAt.Value - App.Clock.GetUtcNow()).TotalDays.ShouldBeGreaterThan(7); // 7 working days span a weekend
        filed.DueExplanation.ShouldNotBeNullOrWhiteSpace();
        filed.PersonalDataWarnings.ShouldBeEmpty();
        (await FileAsync(Grievance(region: "11680") with { Body = "연락은 010-5555-6666 으로 주세요. 보도블록이 깨져 위험합니다." })).PersonalDataWarnings.ShouldBe(["PhoneNumber"]);

        var task = await TaskAtAsync("3220000", filed.Id);
        task.Actions.ShouldBe(["Answer", "Transfer", "RequestJoint", "Close"]);
        (task.PetitionId, task.Kind).ShouldBe((filed.Id, "CivilPetition"));
        task.DueAt.ShouldBe(filed.DueAt);
    }

    // Every kind from filing to a rated answer: where it goes, the clock it gets, and its workflow to the end.
    [TestCase("CivilPetition", "Grievance", "3220000", "P7WD")]
    [TestCase("CivilPetition", "Question", "3220000", "P7WD")]
    [TestCase("CivilPetition", "LegalQuestion", "3220000", "P14WD")]
    [TestCase("CivilPetition", "Proposal", "3220000", "P14WD")]
    [TestCase("CivilPetition", "Other", "3220000", "PT3WH")]
    [TestCase("NationalProposal", null, "1741000", "P1M")]
    [TestCase("WasteReport", null, "1051000", "P30D")]
    [TestCase("PublicInterestReport", null, "1140100", "P60D")]
    [TestCase("PolicyEngagement", null, "6110000", "closing")]
    public async Task ShouldTakeEachKindFromFilingToARatedAnswer(string kind, string? subtype, string institution, string period)
    {
        Guid? consultation = null;
        if (kind == "PolicyEngagement")
        {
            await App.RunAsInstitutionAdminAsync("6110000");
            var opened = await App.SendAsync(new OpenConsultationCommand("6110000", "따릉이 요금 개편안 의견 수렴", "공공자전거 요금 개편안에 대한 시민 의견을 받습니다.",
                null, App.Clock.GetUtcNow().AddDays(20)));
            consultation = opened.Id;
            (await App.SendAsync(new ListOpenConsultationsQuery())).ShouldHaveSingleItem().Id.ShouldBe(opened.Id);
        }

        var filed = await FileAsync(Grievance(region: kind == "CivilPetition" ? "11680" : null) with { Kind = kind, Subtype = subtype, ConsultationId = consultation });

        filed.Institution.Code.ShouldBe(institution);
        filed.Status.ShouldBe(institution == TriageDesk && kind != "PublicInterestReport" ? "InTriage" : "Received");
        var due = filed.DueAt!.Value;
        var filedAt = App.Clock.GetUtcNow();
        switch (period)
        {
            case "closing":
                due.ShouldBe(filedAt.AddDays(20)); // the consultation's closing date
                break;
            case "PT3WH":
                (due - filedAt).ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(4)); // three working hours, perhaps over a weekend
                break;
            case "P1M":
                (due - filedAt).TotalDays.ShouldBeInRange(28, 34);
                break;
            case "P30D" or "P60D":
                (due - filedAt).TotalDays.ShouldBeInRange(period == "P30D" ? 30 : 60, period == "P30D" ? 33 : 63);
                break;
            default:
                (due - filedAt).TotalDays.ShouldBeInRange(period == "P7WD" ? 8 : 17, period == "P7WD" ? 14 : 24); // working days skip weekends
                break;
        }

        var task = await TaskAtAsync(institution, filed.Id);
        task.Kind.ShouldBe(kind);
        task = await App.SendAsync(new ClaimTaskCommand(task.Id, task.Revision));
        await RunAsOfficerOfAsync(institution);
        await CompleteAsync(task, "Answer", new JsonObject { ["answer"] = "검토 결과를 알려 드립니다.", ["isPublic"] = false });
        RunAsTheCitizen();
        (await App.SendAsync(new RatePetitionCommand(filed.Id, 4, "감사합니다"))).Status.ShouldBe("Closed");

        var petition = await AsCitizenAsync(filed.Id);
        petition.Timeline.Select(e => e.Stage).Distinct().ShouldBe(["Reception", "Result"]);
        (await App.QueryDbAsync(db => db.WorkflowInstances.Select(i => new { i.DefinitionId, i.Status }).SingleAsync()))
            .ShouldBe(new { DefinitionId = EPeople.Application.Petitions.PetitionWorkflows.DefinitionId(Enum.Parse<EPeople.Domain.Petitions.PetitionKind>(kind)), Status = "Completed" });
    }

    [Test]
    public async Task ShouldTakeOpinionsOnlyOnAnOpenConsultation()
    {
        await App.RunAsInstitutionAdminAsync("6110000");
        var consultation = await App.SendAsync(new OpenConsultationCommand("6110000", "따릉이 요금 개편안 의견 수렴", "요금 개편안", null, App.Clock.GetUtcNow().AddDays(1)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new OpenConsultationCommand("6260000", "부산 의견 수렴", "요약", null, App.Clock.GetUtcNow().AddDays(1))));
        (await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new OpenConsultationCommand("6110000", "x", "", null, null)))).Errors.Keys
            .ShouldBe(["title", "summary", "closesAt"], ignoreOrder: true);

        (await Should.ThrowAsync<ValidationFailedException>(() => FileAsync(Grievance() with { Kind = "PolicyEngagement", Subtype = null }))).Errors.Keys.ShouldContain("consultationId");
        (await Should.ThrowAsync<ValidationFailedException>(() => FileAsync(Grievance() with { ConsultationId = consultation.Id }))).Errors.Keys.ShouldContain("consultationId");
        App.Clock.Advance(TimeSpan.FromDays(1));
        (await Should.ThrowAsync<ValidationFailedException>(() => FileAsync(Grievance() with { Kind = "PolicyEngagement", Subtype = null, ConsultationId = consultation.Id })))
            .Errors["consultationId"].ShouldHaveSingleItem().ShouldContain("not taking opinions");
        (await App.QueryDbAsync(db => db.Petitions.CountAsync())).ShouldBe(0);
    }

    [Test]
    public async Task ShouldSuggestTheInstitutionFilingWouldChoose()
    {
        App.User.SignOut();
        var byRegion = await App.SendAsync(new EPeople.Application.Petitions.Routing.SuggestInstitutionQuery("CivilPetition", "Grievance", null, null, "11680"));
        var unsure = await App.SendAsync(new EPeople.Application.Petitions.Routing.SuggestInstitutionQuery("CivilPetition", "Grievance", null, null, null));

        (byRegion.Institution, byRegion.Automatic).ShouldBe((new InstitutionRefDto("3220000", "서울특별시 강남구"), true));
        (unsure.Institution, unsure.Automatic).ShouldBe((null, false)); // the triage desk would route it
        (await FileAsync(Grievance(region: "11680"))).Institution.Code.ShouldBe("3220000");
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new EPeople.Application.Petitions.Routing.SuggestInstitutionQuery("Complaint", null, null, null, null)));
    }

    [Test]
    public async Task ShouldSendWhatNoRuleRoutesToTheTriageDeskWhichRoutesItByHand()
    {
        var filed = await FileAsync(Grievance());
        filed.Institution.Code.ShouldBe(TriageDesk);
        filed.Status.ShouldBe("InTriage");

        await CompleteAsync(await TaskAtAsync(TriageDesk, filed.Id), "Transfer", new JsonObject { ["institutionCode"] = "1352000", ["reason"] = "복지 시설 관련" });

        var petition = await AsCitizenAsync(filed.Id);
        petition.Institution.Code.ShouldBe("1352000");
        petition.Status.ShouldBe("Received");
        petition.Stage.ShouldBe("Reception"); // routing by the desk is not a transfer
        (await TaskAtAsync("1352000", filed.Id)).Actions.ShouldContain("Answer");
    }

    [Test]
    public async Task ShouldTransferAndAnswerThroughTheThreeSteps()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        var seoul = await TaskAtAsync("6110000", filed.Id);
        var claimed = await App.SendAsync(new ClaimTaskCommand(seoul.Id, seoul.Revision));
        (await AsCitizenAsync(filed.Id)).Status.ShouldBe("InProgress");

        await RunAsOfficerOfAsync("6110000");
        await CompleteAsync(claimed, "Transfer", new JsonObject { ["institutionCode"] = "1613000", ["reason"] = "국도 관리 소관" });
        var moved = await AsCitizenAsync(filed.Id);
        moved.Stage.ShouldBe("Transfer");
        moved.Institution.Code.ShouldBe("1613000");

        await CompleteAsync(await TaskAtAsync("1613000", filed.Id), "Answer", new JsonObject { ["answer"] = "보수 공사를 11월 20일에 합니다.", ["isPublic"] = true });

        var answered = await AsCitizenAsync(filed.Id);
        answered.Stage.ShouldBe("Result");
        answered.Status.ShouldBe("Answered");
        answered.Answer.ShouldBe("<p>보수 공사를 11월 20일에 합니다.</p>"); // stored as rich text
        answered.SlaState.ShouldBe("OnTime"); // answered before its deadline
        answered.Timeline.Select(e => (e.Stage, e.Event)).ShouldBe([
            ("Reception", "Filed"), ("Reception", "Accepted"), ("Transfer", "Transferred"), ("Result", "Answered")]);
        answered.Timeline[2].Note.ShouldBe("국도 관리 소관");
    }

    [Test]
    public async Task ShouldGatherCooperatingInstitutionsOpinionsForTheLeadToAnswer()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        var lead = await TaskAtAsync("6110000", filed.Id);
        lead = (await App.SendAsync(new ClaimTaskCommand(lead.Id, lead.Revision)));
        lead.Actions.ShouldContain("RequestJoint");
        await RunAsOfficerOfAsync("6110000");
        (await Should.ThrowAsync<ValidationFailedException>(() => CompleteAsync(lead, "RequestJoint", new JsonObject { ["institutionCodes"] = new JsonArray("1613000", "9999999"), ["reason"] = "x" })))
            .Errors.Keys.ShouldContain("data.institutionCodes");
        (await Should.ThrowAsync<EPeople.Domain.DomainException>(() => CompleteAsync(lead, "RequestJoint", new JsonObject { ["institutionCodes"] = new JsonArray("6110000"), ["reason"] = "x" })))
            .Rule.ShouldBe("JointWithSelf");

        await CompleteAsync(lead, "RequestJoint", new JsonObject { ["institutionCodes"] = new JsonArray("1613000", "1352000"), ["reason"] = "국도와 보건 문제가 얽힘" });

        // Each cooperating institution finds its opinion task and may read the petition (masked); the lead waits, with no task.
        await RunAsOfficerOfAsync("6110000");
        (await App.SendAsync(new ListTasksQuery())).Items.ShouldNotContain(t => t.CorrelationId == filed.Id.ToString());
        (await Should.ThrowAsync<ConflictException>(() => App.SendAsync(new ExtendPetitionCommand(filed.Id, "의견 대기", filed.DueAt!.Value.AddDays(2))))).Rule.ShouldBe("AwaitingOpinions");
        var molit = await TaskAtAsync("1613000", filed.Id);
        molit.Actions.ShouldBe(["Opinion", "Decline"]);
        molit.DueAt.ShouldNotBeNull();
        molit.DueAt.Value.ShouldBeLessThan(filed.DueAt!.Value);
        (await App.SendAsync(new GetPetitionQuery(filed.Id))).Petitioner.Phone.ShouldBe("010-****-5678");
        await Should.ThrowAsync<ValidationFailedException>(() => CompleteAsync(molit, "Opinion", new JsonObject()));
        await CompleteAsync(molit, "Opinion", new JsonObject { ["opinion"] = "국도 구간이므로 국토관리청이 12월에 보수합니다." });
        await RunAsOfficerOfAsync("6260000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetPetitionQuery(filed.Id))); // not asked, not allowed
        (await App.QueryDbAsync(db => db.WorkflowTasks.CountAsync(t => t.CorrelationId == filed.Id.ToString() && t.IsOpen))).ShouldBe(1);
        await CompleteAsync(await TaskAtAsync("1352000", filed.Id), "Decline", new JsonObject { ["reason"] = "보건 소관 아님" });

        // All have answered: the lead's task is back with the same deadline, and the lead reads the opinions.
        var back = await TaskAtAsync("6110000", filed.Id);
        back.DueAt.ShouldBe(filed.DueAt);
        var seen = await App.SendAsync(new GetPetitionQuery(filed.Id));
        seen.Timeline.Single(e => e.Event == "OpinionGiven").Note.ShouldBe("국도 구간이므로 국토관리청이 12월에 보수합니다.");
        seen.Timeline.Single(e => e.Event == "CooperationDeclined").Institution.Code.ShouldBe("1352000");
        await CompleteAsync(back, "Answer", new JsonObject { ["answer"] = "국토관리청이 12월에 보수합니다.", ["isPublic"] = false });

        var answered = await AsCitizenAsync(filed.Id);
        answered.Status.ShouldBe("Answered");
        answered.Institution.Code.ShouldBe("6110000");
        answered.Timeline.Select(e => e.Event).ShouldBe(["Filed", "Accepted", "CooperationRequested", "CooperationRequested", "OpinionGiven", "CooperationDeclined", "Answered"]);
        answered.Timeline.Where(e => e.Event is "OpinionGiven" or "CooperationDeclined").ShouldAllBe(e => e.Note == null); // between institutions
    }

    [Test]
    public async Task ShouldGiveTheLeadItsTaskBackWhenCooperatingInstitutionsRunOutOfTime()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        var lead = await TaskAtAsync("6110000", filed.Id);
        lead = await App.SendAsync(new ClaimTaskCommand(lead.Id, lead.Revision));
        await CompleteAsync(lead, "RequestJoint", new JsonObject { ["institutionCodes"] = new JsonArray("1613000"), ["reason"] = "국도 구간 확인" });
        var molit = await TaskAtAsync("1613000", filed.Id);

        App.Clock.Advance(molit.DueAt!.Value - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await App.ExecuteAsync<EPeople.Infrastructure.Workflows.TimerPump, int>(p => p.RunOnceAsync(50, CancellationToken.None));

        var back = await TaskAtAsync("6110000", filed.Id);
        back.DueAt.ShouldBe(filed.DueAt);
        await RunAsOfficerOfAsync("1613000");
        (await App.SendAsync(new ListTasksQuery())).Items.ShouldNotContain(t => t.CorrelationId == filed.Id.ToString());
        await Should.ThrowAsync<ConflictException>(() => CompleteAsync(molit, "Opinion", new JsonObject { ["opinion"] = "늦은 의견" }));
    }

    [Test]
    public async Task ShouldStopTransferPingPongAtTheTriageDesk()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        await CompleteAsync(await TaskAtAsync("6110000", filed.Id), "Transfer", new JsonObject { ["institutionCode"] = "1613000", ["reason"] = "국토부 소관" });

        await CompleteAsync(await TaskAtAsync("1613000", filed.Id), "Transfer", new JsonObject { ["institutionCode"] = "6110000", ["reason"] = "서울시 소관" });

        var petition = await AsCitizenAsync(filed.Id);
        petition.Institution.Code.ShouldBe(TriageDesk);
        petition.Status.ShouldBe("InTriage");
        (await TaskAtAsync(TriageDesk, filed.Id)).ShouldNotBeNull();
        await RunAsOfficerOfAsync("6110000");
        (await App.SendAsync(new ListTasksQuery())).Items.ShouldNotContain(t => t.CorrelationId == filed.Id.ToString());
    }

    [Test]
    public async Task ShouldCloseARepeatWithItsBasis()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));

        await CompleteAsync(await TaskAtAsync("6110000", filed.Id), "Close", new JsonObject { ["basis"] = "Repeat", ["reason"] = "같은 내용으로 세 번째 신청 (답변 2회 통지)" });

        var petition = await AsCitizenAsync(filed.Id);
        petition.Status.ShouldBe("Closed");
        petition.Stage.ShouldBe("Result");
        petition.ClosureReason.ShouldBe("Repeat: 같은 내용으로 세 번째 신청 (답변 2회 통지)");
        (await App.QueryDbAsync(db => db.WorkflowInstances.Select(i => i.Status).SingleAsync())).ShouldBe("Completed");
    }

    [Test]
    public async Task ShouldRefuseAnActionWithoutItsDataAndChangeNothing()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        var task = await TaskAtAsync("6110000", filed.Id);

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => CompleteAsync(task, "Transfer", new JsonObject { ["institutionCode"] = "9999999", ["reason"] = "x" }));
        invalid.Errors.Keys.ShouldContain("data.institutionCode");
        await Should.ThrowAsync<ValidationFailedException>(() => CompleteAsync(task, "Close", new JsonObject { ["basis"] = "Bored", ["reason"] = "x" }));

        var petition = await AsCitizenAsync(filed.Id);
        petition.Status.ShouldBe("Received");
        petition.Timeline.ShouldHaveSingleItem();
        (await TaskAtAsync("6110000", filed.Id)).Revision.ShouldBe(task.Revision);
    }

    [Test]
    public async Task ShouldKeepPetitionsToTheirInstitutionsAndPetitioners()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        var task = await TaskAtAsync("6110000", filed.Id);

        await RunAsOfficerOfAsync("6260000"); // Busan
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetPetitionQuery(filed.Id)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetTaskQuery(task.Id)));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new GetTaskQuery("no-such-task")));
        await Should.ThrowAsync<ForbiddenException>(() => CompleteAsync(task, "Answer", new JsonObject { ["answer"] = "x" }));

        App.User.Set("someone.else@test", [Roles.Citizen]);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new GetPetitionQuery(filed.Id)));

        await RunAsOfficerOfAsync("6110000");
        (await App.SendAsync(new GetTaskQuery(task.Id))).PetitionId.ShouldBe(filed.Id);
        var seen = await App.SendAsync(new GetPetitionQuery(filed.Id));
        seen.Petitioner.Phone.ShouldBe("010-****-5678"); // officials see personal data masked
        var logged = await App.QueryDbAsync(db => db.PersonalDataAccessLog.SingleAsync());
        (logged.ActorName, logged.SubjectId, logged.Record, logged.Action, logged.IpAddress).ShouldBe(
            ("officer.6110000@test", CitizenId, $"petition:{filed.Id}", "ViewMasked", "192.0.2.10"));
        (await AsCitizenAsync(filed.Id)).Petitioner.Phone.ShouldBe("010-1234-5678");
    }

    [Test]
    public async Task ShouldMaskPersonalDataInTheTextOfficialsAndWorklistsSee()
    {
        var filed = await FileAsync(Grievance(institution: "6110000") with
        {
            Title = "역삼동 123-45 앞 보도 파손",
            Body = "서울특별시 강남구 테헤란로 123 앞 보도가 깨졌습니다. 연락은 010-2222-3333 으로 부탁드립니다.",
        });
        filed.PersonalDataWarnings.ShouldBe(["PhoneNumber", "Address"]);

        var task = await TaskAtAsync("6110000", filed.Id);
        task.Title.ShouldContain("역삼동 ****** 앞 보도 파손");
        var seen = await App.SendAsync(new GetPetitionQuery(filed.Id));
        seen.Title.ShouldBe("역삼동 ****** 앞 보도 파손");
        seen.Body.ShouldBe("서울특별시 강남구 테헤란로 *** 앞 보도가 깨졌습니다. 연락은 010-****-3333 으로 부탁드립니다.");
        (await AsCitizenAsync(filed.Id)).Body.ShouldContain("테헤란로 123");
    }

    [Test]
    public async Task ShouldPublishOnlyWhatItsAuthorMadePublicMaskedWithThePublishedAnswer()
    {
        var published = await FileAsync(Grievance(institution: "6110000") with
        {
            Title = "역삼동 123-45 가로등 고장", IsPublic = true,
            Body = "역삼동 123-45 앞 가로등이 꺼져 있습니다. 제 번호 010-4444-5555로 연락 주세요.",
        });
        await FileAsync(Grievance(institution: "6110000") with { Title = "비공개 가로등 민원" });
        var withdrawn = await FileAsync(Grievance(institution: "6110000") with { Title = "취하할 가로등 민원", IsPublic = true });
        await App.SendAsync(new WithdrawPetitionCommand(withdrawn.Id));
        var seoul = await TaskAtAsync("6110000", published.Id);
        await CompleteAsync(seoul, "Answer", new JsonObject { ["answer"] = "가로등을 교체했습니다. 문의는 담당자 02-120-1234로 하세요.", ["isPublic"] = true });

        App.User.SignOut();
        var page = await App.SendAsync(new ListPublicPetitionsQuery(Q: "가로등"));
        page.Items.ShouldHaveSingleItem().Title.ShouldBe("역삼동 ****** 가로등 고장");
        page.Items[0].Stage.ShouldBe("Result");
        (await App.SendAsync(new ListPublicPetitionsQuery(Q: "가로등 고장", Kind: "CivilPetition"))).Items.Count.ShouldBe(1);
        (await App.SendAsync(new ListPublicPetitionsQuery(Q: "가로등", Kind: "WasteReport"))).Items.ShouldBeEmpty();
        (await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new ListPublicPetitionsQuery(Q: "010-4444-5555")))).Errors.Keys.ShouldContain("q");

        var shown = await App.SendAsync(new GetPublicPetitionQuery(published.Id));
        shown.Body.ShouldBe("역삼동 ****** 앞 가로등이 꺼져 있습니다. 제 번호 010-****-5555로 연락 주세요.");
        shown.Answer.ShouldBe("<p>가로등을 교체했습니다. 문의는 담당자 02-***-1234로 하세요.</p>");
        shown.Petitioner.ShouldBe("c***********"); // citizen@test
        shown.Timeline.Select(e => e.Event).ShouldBe(["Filed", "Answered"]);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new GetPublicPetitionQuery(withdrawn.Id)));
    }

    [Test]
    public async Task ShouldPagePublicPetitionsNewestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await FileAsync(Grievance(institution: "6110000") with { Title = $"공개 민원 {i} 번째 제목", IsPublic = true });
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        App.User.SignOut();
        var first = await App.SendAsync(new ListPublicPetitionsQuery(Limit: 2));
        var second = await App.SendAsync(new ListPublicPetitionsQuery(After: first.Next, Limit: 2));
        var third = await App.SendAsync(new ListPublicPetitionsQuery(After: second.Next, Limit: 2));

        first.Items.Concat(second.Items).Concat(third.Items).Select(p => p.Title).ShouldBe([.. Enumerable.Range(0, 5).Reverse().Select(i => $"공개 민원 {i} 번째 제목")]);
        third.Next.ShouldBeNull();
    }

    [Test]
    public async Task ShouldSeeADirectoryChangeAtTheNextFiling()
    {
        (await FileAsync(Grievance(institution: "6260000"))).Institution.Code.ShouldBe("6260000"); // the directory is now cached

        App.RunAsSystemAdmin();
        await App.SendAsync(new EPeople.Application.Institutions.SetInstitutionActiveCommand("6260000", false));

        (await Should.ThrowAsync<ValidationFailedException>(() => FileAsync(Grievance(institution: "6260000")))).Errors.Keys.ShouldContain("institutionCode");
    }

    [Test]
    public async Task ShouldRefuseAnInvalidFilingFieldByFieldAndLeaveNoRow()
    {
        RunAsTheCitizen();
        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new FilePetitionCommand(
            "CivilPetition", null, "짧음", "너무 짧은 본문", "12345", "1", false, null, "not-an-email", false)));

        invalid.Errors.Keys.ShouldBe(["subtype", "title", "body", "institutionCode", "region", "contactEmail", "consentToPersonalData"], ignoreOrder: true);
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(Grievance(institution: "9999999")));
        (await App.QueryDbAsync(db => db.Petitions.CountAsync())).ShouldBe(0);
        (await App.QueryDbAsync(db => db.WorkflowInstances.CountAsync())).ShouldBe(0);
    }

    [Test]
    public async Task ShouldAnswerARepeatedIdempotencyKeyWithTheFirstReceipt()
    {
        var first = await FileAsync(Grievance(institution: "6110000", key: "filing-1"));
        var again = await FileAsync(Grievance(institution: "6110000", key: "filing-1"));

        again.Id.ShouldBe(first.Id);
        again.ReceiptNumber.ShouldBe(first.ReceiptNumber);
        again.Replayed.ShouldBeTrue();
        (await Should.ThrowAsync<ConflictException>(() => FileAsync(Grievance(institution: "1613000", key: "filing-1")))).Rule.ShouldBe("IdempotencyKeyReused");
        (await App.QueryDbAsync(db => db.Petitions.CountAsync())).ShouldBe(1);
        (await App.QueryDbAsync(db => db.WorkflowInstances.CountAsync())).ShouldBe(1);
    }

    [Test]
    public async Task ShouldWithdrawAnOpenPetitionAndTakeItsTaskOffTheWorklist()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));

        App.User.Set("someone.else@test", [Roles.Citizen]);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new WithdrawPetitionCommand(filed.Id)));
        RunAsTheCitizen();
        var withdrawn = await App.SendAsync(new WithdrawPetitionCommand(filed.Id));

        withdrawn.Status.ShouldBe("Withdrawn");
        await RunAsOfficerOfAsync("6110000");
        (await App.SendAsync(new ListTasksQuery())).Items.ShouldBeEmpty();
        (await App.QueryDbAsync(db => db.WorkflowInstances.Select(i => i.Status).SingleAsync())).ShouldBe("Completed");
        RunAsTheCitizen();
        (await Should.ThrowAsync<EPeople.Domain.DomainException>(() => App.SendAsync(new WithdrawPetitionCommand(filed.Id)))).Rule.ShouldBe("PetitionNotOpen");
    }

    [Test]
    public async Task ShouldListMyPetitionsNewestFirstWithKeysetPaging()
    {
        var first = await FileAsync(Grievance(institution: "6110000"));
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await FileAsync(Grievance(institution: "1613000"));
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var third = await FileAsync(Grievance(institution: "1352000"));
        App.User.Set("someone.else@test", [Roles.Citizen]);
        await App.SendAsync(Grievance(institution: "6110000"));

        RunAsTheCitizen();
        var page1 = await App.SendAsync(new ListMyPetitionsQuery(Limit: 2));
        var page2 = await App.SendAsync(new ListMyPetitionsQuery(page1.Next, 2));

        page1.Items.Select(p => p.Id).ShouldBe([third.Id, second.Id]);
        page2.Items.Select(p => p.Id).ShouldBe([first.Id]);
        page2.Next.ShouldBeNull();
        page1.Items[0].Stage.ShouldBe("Reception");
        page1.Items[0].SlaState.ShouldBe("OnTime");
        App.Clock.Advance(TimeSpan.FromDays(30));
        (await App.SendAsync(new ListMyPetitionsQuery())).Items.ShouldAllBe(p => p.SlaState == "Overdue");
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new ListMyPetitionsQuery("not-a-cursor")));
    }

    [Test]
    public async Task ShouldTurnADissatisfiedRatingIntoAnAdditionalAnswerTask()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        await CompleteAsync(await TaskAtAsync("6110000", filed.Id), "Answer", new JsonObject { ["answer"] = "검토하겠습니다." });
        (await AsCitizenAsync(filed.Id)).CanBeRated.ShouldBeTrue();

        RunAsTheCitizen();
        var rated = await App.SendAsync(new RatePetitionCommand(filed.Id, 2, "구체적인 일정이 없습니다."));

        rated.AdditionalAnswerRequested.ShouldBeTrue();
        var additional = await TaskAtAsync("6110000", filed.Id);
        additional.Actions.ShouldBe(["Answer"]);
        additional.Title.ShouldContain("추가답변");
        await CompleteAsync(additional, "Answer", new JsonObject { ["answer"] = "12월 1일에 보수합니다." });

        var petition = await AsCitizenAsync(filed.Id);
        petition.Status.ShouldBe("Closed");
        petition.Answer.ShouldBe("<p>검토하겠습니다.</p>");
        petition.AdditionalAnswer.ShouldBe("<p>12월 1일에 보수합니다.</p>");
        petition.Rating.ShouldBe(2);
        petition.Timeline.Select(e => e.Event).ShouldBe(["Filed", "Answered", "Rated", "Answered"]);
        (await App.QueryDbAsync(db => db.WorkflowInstances.Select(i => i.Status).SingleAsync())).ShouldBe("Completed");
        RunAsTheCitizen();
        (await Should.ThrowAsync<EPeople.Domain.DomainException>(() => App.SendAsync(new RatePetitionCommand(filed.Id, 5, null)))).Rule.ShouldBe("RatingNotOpen");
    }

    [Test]
    public async Task ShouldFinishOnASatisfiedRating()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        await CompleteAsync(await TaskAtAsync("6110000", filed.Id), "Answer", new JsonObject { ["answer"] = "보수했습니다." });

        RunAsTheCitizen();
        (await App.SendAsync(new RatePetitionCommand(filed.Id, 5, null))).Status.ShouldBe("Closed");
        (await App.QueryDbAsync(db => db.WorkflowInstances.Select(i => i.Status).SingleAsync())).ShouldBe("Completed");
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new RatePetitionCommand(filed.Id, 0, null)));
    }

    [Test]
    public async Task ShouldFinishAnAnswerNobodyRatedWhenItsWindowCloses()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        await CompleteAsync(await TaskAtAsync("6110000", filed.Id), "Answer", new JsonObject { ["answer"] = "보수했습니다." });
        (await App.ExecuteAsync<RatingWindows, int>(w => w.FinishUnratedAsync(50, CancellationToken.None))).ShouldBe(0); // the window is open

        App.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        await App.ExecuteAsync<EPeople.Infrastructure.Workflows.TimerPump, int>(p => p.RunOnceAsync(50, CancellationToken.None));
        (await App.ExecuteAsync<RatingWindows, int>(w => w.FinishUnratedAsync(50, CancellationToken.None))).ShouldBe(1);
        (await App.ExecuteAsync<RatingWindows, int>(w => w.FinishUnratedAsync(50, CancellationToken.None))).ShouldBe(0);

        var petition = await AsCitizenAsync(filed.Id);
        (petition.Status, petition.Stage, petition.CanBeRated).ShouldBe(("Closed", "Result", false));
        (await App.QueryDbAsync(db => db.WorkflowInstances.Select(i => i.Status).SingleAsync())).ShouldBe("Completed");
    }

    [Test]
    public async Task ShouldCountAnInstitutionsAnswersOnTimeAndItsRatings()
    {
        async Task<Guid> AnsweredAsync(int? rating)
        {
            var filed = await FileAsync(Grievance(institution: "6110000"));
            await CompleteAsync(await TaskAtAsync("6110000", filed.Id), "Answer", new JsonObject { ["answer"] = "처리했습니다." });
            if (rating is { } r)
            {
                RunAsTheCitizen();
                await App.SendAsync(new RatePetitionCommand(filed.Id, r, null));
            }

            return filed.Id;
        }

        await AnsweredAsync(5);
        await AnsweredAsync(4);
        var dissatisfied = await AnsweredAsync(1);
        await AnsweredAsync(null);
        var withdrawn = await FileAsync(Grievance(institution: "6110000"));
        await App.SendAsync(new WithdrawPetitionCommand(withdrawn.Id));
        await FileAsync(Grievance(institution: "6110000")); // still open
        await FileAsync(Grievance(institution: "6260000")); // another institution's
        await CompleteAsync(await TaskAtAsync("6110000", dissatisfied), "Answer", new JsonObject { ["answer"] = "추가로 답변드립니다." });

        App.User.SignOut();
        var stats = await App.SendAsync(new GetInstitutionPetitionStatisticsQuery("6110000"));

        (stats.Petitions, stats.Open, stats.Answered, stats.AnsweredOnTime, stats.OnTimeRate, stats.Withdrawn).ShouldBe((6, 1, 4, 4, 1.0, 1));
        (stats.Rated, stats.AverageRating, stats.Dissatisfied, stats.ReopenRate).ShouldBe((3, 3.33, 1, 0.25));
        stats.Ratings.ShouldBe([1, 0, 0, 1, 1]);
        (await App.SendAsync(new GetInstitutionPetitionStatisticsQuery("6110000", To: stats.From.AddDays(-1)))).Petitions.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new GetInstitutionPetitionStatisticsQuery("9999999")));
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new GetInstitutionPetitionStatisticsQuery("6110000", stats.To, stats.From.AddDays(-1))));
    }

    [Test]
    public async Task ShouldWithholdAReportersIdentityFromTheInstitution()
    {
        var report = await FileAsync(new FilePetitionCommand("PublicInterestReport", null, "폐수 무단 방류 신고",
            "공장에서 야간에 폐수를 하천으로 무단 방류하고 있습니다. 사진 자료가 있습니다.", null, null, IsPublic: true, "010-9999-8888", null, true));
        report.Institution.Code.ShouldBe(TriageDesk); // 국민권익위원회 receives public-interest reports

        await RunAsOfficerOfAsync(TriageDesk);
        var seen = await App.SendAsync(new GetPetitionQuery(report.Id));
        seen.Petitioner.ShouldBe(new PetitionerDto("(비공개 신고자)", null, null));
        seen.IsPublic.ShouldBeFalse(); // a report is never published
        (await AsCitizenAsync(report.Id)).Petitioner.Phone.ShouldBe("010-9999-8888");
    }

    [Test]
    public async Task ShouldRevealThePetitionerToTheHandlingOfficialForAStatedPurposeAndLogIt()
    {
        var filed = await FileAsync(Grievance(institution: "6110000") with { Body = "연락은 010-5555-6666 으로 주세요. 보도블록이 깨져 위험합니다." });

        await RunAsOfficerOfAsync("6110000");
        (await App.SendAsync(new GetPetitionQuery(filed.Id))).Body.ShouldNotContain("010-5555-6666");
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new RevealPersonalDataCommand(filed.Id, " ")));
        refused.Errors.Keys.ShouldContain(k => k.Equals("purpose", StringComparison.OrdinalIgnoreCase));
        var revealed = await App.SendAsync(new RevealPersonalDataCommand(filed.Id, "회신 전화 확인"));

        revealed.Petitioner.Phone.ShouldBe("010-1234-5678");
        revealed.Body.ShouldContain("010-5555-6666");
        var reveals = await App.QueryDbAsync(db => db.PersonalDataAccessLog.Where(a => a.Action == "Reveal").ToListAsync());
        reveals.ShouldHaveSingleItem().Purpose.ShouldBe("회신 전화 확인"); // the refused attempt left nothing
        reveals[0].ActorName.ShouldBe("officer.6110000@test");
        reveals[0].SubjectId.ShouldBe(CitizenId);

        await RunAsOfficerOfAsync("1613000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new RevealPersonalDataCommand(filed.Id, "확인")));
        await RunAsOfficerOfAsync("6110000");
        await App.SendAsync(new ConvertToPublicInterestReportCommand(filed.Id));
        (await Should.ThrowAsync<ConflictException>(() => App.SendAsync(new RevealPersonalDataCommand(filed.Id, "확인")))).Rule.ShouldBe("ReporterProtected");
    }

    [Test]
    public async Task ShouldLetTheInstitutionConvertAPetitionIntoAPublicInterestReport()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));

        await RunAsOfficerOfAsync("1613000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ConvertToPublicInterestReportCommand(filed.Id)));
        await RunAsOfficerOfAsync("6110000");
        await App.SendAsync(new ConvertToPublicInterestReportCommand(filed.Id));

        var seen = await App.SendAsync(new GetPetitionQuery(filed.Id));
        seen.Kind.ShouldBe("PublicInterestReport");
        seen.Petitioner.Phone.ShouldBeNull();
        seen.Timeline[^1].Event.ShouldBe("Converted");
        (await Should.ThrowAsync<EPeople.Domain.DomainException>(() => App.SendAsync(new ConvertToPublicInterestReportCommand(filed.Id)))).Rule.ShouldBe("AlreadyPublicInterestReport");
        (await TaskAtAsync("6110000", filed.Id)).Actions.ShouldContain("Answer"); // the handling goes on
    }

    [Test]
    public async Task ShouldExtendTheDeadlineOnceAndASecondTimeOnlyWithConsent()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        var due = filed.DueAt!.Value;
        await RunAsOfficerOfAsync("6110000");

        (await Should.ThrowAsync<EPeople.Domain.DomainException>(() => App.SendAsync(new ExtendPetitionCommand(filed.Id, "현장 조사 필요", due.AddDays(30))))).Rule.ShouldBe("ExtensionTooLong");
        var extended = await App.SendAsync(new ExtendPetitionCommand(filed.Id, "현장 조사 필요", due.AddDays(5)));

        extended.DueAt.ShouldBe(due.AddDays(5));
        var task = await TaskAtAsync("6110000", filed.Id);
        task.DueAt.ShouldBe(due.AddDays(5));
        task.DueExplanationKo.ShouldBe("처리기한 연장 (사유: 현장 조사 필요)");
        var timers = await App.QueryDbAsync(db => db.WorkflowTimers.Where(t => t.BookmarkId == task.Id).Select(t => t.FireAt).ToListAsync());
        timers.ShouldContain(due.AddDays(5)); // the escalation moved with the deadline
        (await Should.ThrowAsync<EPeople.Domain.DomainException>(() => App.SendAsync(new ExtendPetitionCommand(filed.Id, "추가 검토", due.AddDays(8))))).Rule.ShouldBe("ExtensionLimit");
        (await App.SendAsync(new ExtendPetitionCommand(filed.Id, "추가 검토", due.AddDays(8), PetitionerConsented: true))).DueAt.ShouldBe(due.AddDays(8));

        await RunAsOfficerOfAsync("1613000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ExtendPetitionCommand(filed.Id, "x", due.AddDays(9), true)));
        RunAsTheCitizen();
        var petition = await App.SendAsync(new GetPetitionQuery(filed.Id));
        petition.Timeline.Count(e => e.Event == "Extended").ShouldBe(2);
        (await App.SendAsync(new EPeople.Application.Petitions.Notices.ListMyNoticesQuery())).Items.Count(n => n.Kind == "Extended").ShouldBe(2);
    }

    [Test]
    public async Task ShouldStopTheClockForASupplementAndMoveTheDeadlineByThePause()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        var due = filed.DueAt!.Value;
        await RunAsOfficerOfAsync("6110000");

        var requested = await App.SendAsync(new RequestSupplementCommand(filed.Id, "사진을 첨부해 주세요.", App.Clock.GetUtcNow().AddDays(10)));
        requested.Status.ShouldBe("AwaitingSupplement");
        (await TaskAtAsync("6110000", filed.Id)).DueAt.ShouldBeNull(); // the clock stands still
        (await App.QueryDbAsync(db => db.WorkflowTimers.CountAsync())).ShouldBe(0);

        App.Clock.Advance(TimeSpan.FromDays(3));
        var asked = await AsCitizenAsync(filed.Id);
        (asked.SupplementRequest, asked.SupplementDueAt, asked.IsMine).ShouldBe(("사진을 첨부해 주세요.", App.Clock.GetUtcNow().AddDays(7), true));
        var provided = await App.SendAsync(new ProvideSupplementCommand(filed.Id, "사진 3장을 첨부했습니다."));
        (await AsCitizenAsync(filed.Id)).SupplementRequest.ShouldBeNull(); // answered: nothing is asked any more

        provided.Status.ShouldBe("InProgress");
        provided.DueAt.ShouldBe(due.AddDays(3));
        (await TaskAtAsync("6110000", filed.Id)).DueAt.ShouldBe(due.AddDays(3));
        RunAsTheCitizen();
        (await App.SendAsync(new EPeople.Application.Petitions.Notices.ListMyNoticesQuery())).Items.ShouldContain(n => n.Kind == "SupplementRequested");
    }

    [Test]
    public async Task ShouldCloseAPetitionWhoseSupplementDidNotArriveAndAllowOnlyTwoRequests()
    {
        var filed = await FileAsync(Grievance(institution: "6110000"));
        await RunAsOfficerOfAsync("6110000");
        await App.SendAsync(new RequestSupplementCommand(filed.Id, "주소를 알려 주세요.", App.Clock.GetUtcNow().AddDays(1)));
        RunAsTheCitizen();
        await App.SendAsync(new ProvideSupplementCommand(filed.Id, "서울시 강남구입니다."));
        await RunAsOfficerOfAsync("6110000");
        await App.SendAsync(new RequestSupplementCommand(filed.Id, "상세 주소가 필요합니다.", App.Clock.GetUtcNow().AddDays(1)));
        App.Clock.Advance(TimeSpan.FromHours(1));
        RunAsTheCitizen();
        await App.SendAsync(new ProvideSupplementCommand(filed.Id, "역삼동입니다."));
        await RunAsOfficerOfAsync("6110000");
        (await Should.ThrowAsync<EPeople.Domain.DomainException>(() => App.SendAsync(new RequestSupplementCommand(filed.Id, "또", App.Clock.GetUtcNow().AddDays(1))))).Rule.ShouldBe("SupplementLimit");

        var other = await FileAsync(Grievance(institution: "6110000"));
        await RunAsOfficerOfAsync("6110000");
        await App.SendAsync(new RequestSupplementCommand(other.Id, "사진을 첨부해 주세요.", App.Clock.GetUtcNow().AddDays(1)));
        (await App.ExecuteAsync<SupplementDeadlines, int>(d => d.CloseOverdueAsync(50, CancellationToken.None))).ShouldBe(0); // not due yet
        App.Clock.Advance(TimeSpan.FromDays(2));
        (await App.ExecuteAsync<SupplementDeadlines, int>(d => d.CloseOverdueAsync(50, CancellationToken.None))).ShouldBe(1);

        var closed = await AsCitizenAsync(other.Id);
        closed.Status.ShouldBe("Closed");
        closed.ClosureReason!.ShouldStartWith("보완 요청 기한 내 미제출");
        (await App.QueryDbAsync(db => db.WorkflowInstances.Where(i => i.CorrelationId == other.Id.ToString()).Select(i => i.Status).SingleAsync())).ShouldBe("Completed");
        await RunAsOfficerOfAsync("6110000");
        (await App.SendAsync(new ListTasksQuery())).Items.ShouldNotContain(t => t.CorrelationId == other.Id.ToString());
    }

    [Test]
    public async Task ShouldSendEachKindToTheDepartmentTheInstitutionsIntakeRulesName()
    {
        await App.RunAsInstitutionAdminAsync("6110000");
        var roads = await App.SendAsync(new EPeople.Application.Institutions.AddDepartmentCommand("6110000", "도로관리과", "Road Management Division"));
        var welfare = await App.SendAsync(new EPeople.Application.Institutions.AddDepartmentCommand("6110000", "복지정책과", "Welfare Policy Division"));
        var rules = await App.SendAsync(new EPeople.Application.Institutions.SetIntakeRulesCommand("6110000", [
            new("CivilPetition", "Grievance", roads.Id),
            new("CivilPetition", null, welfare.Id),
        ]));
        rules.Count.ShouldBe(2);
        await App.RunAsInstitutionAdminAsync("6260000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new EPeople.Application.Institutions.SetIntakeRulesCommand("6110000", [])));

        var grievance = await FileAsync(Grievance(institution: "6110000"));
        var question = await FileAsync(Grievance(institution: "6110000") with { Subtype = "Question" });

        grievance.Department.ShouldBe("도로관리과");
        question.Department.ShouldBe("복지정책과");
        App.User.Set("roads.officer@test", [Roles.Official], await App.InstitutionIdAsync("6110000"), roads.Id, "Officer");
        var mine = await App.SendAsync(new ListTasksQuery(TaskScope.Department));
        mine.Items.ShouldHaveSingleItem().CorrelationId.ShouldBe(grievance.Id.ToString());

        // Transferred in from elsewhere, it lands in the same department.
        var elsewhere = await FileAsync(Grievance(institution: "1613000"));
        await CompleteAsync(await TaskAtAsync("1613000", elsewhere.Id), "Transfer", new JsonObject { ["institutionCode"] = "6110000", ["reason"] = "서울시 도로" });
        (await AsCitizenAsync(elsewhere.Id)).Department.ShouldBe("도로관리과");
    }
}
