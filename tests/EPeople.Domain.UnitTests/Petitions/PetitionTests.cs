using EPeople.Domain.Petitions;

namespace EPeople.Domain.UnitTests.Petitions;

public sealed class PetitionTests
{
    private const string Triage = "1140100";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Citizen = Guid.NewGuid();

    private static Petition Grievance(string institution = "6110000", bool triage = false) => Petition.File(
        new PetitionFiling(Citizen, PetitionKind.CivilPetition, PetitionSubtype.Grievance, " 도로 파손 신고 ", "집 앞 도로가 크게 파손되어 보행이 위험합니다.",
            new PetitionerContact("김민준", "010-1234-5678", null), IsPublic: false, "11"),
        "EP-20261130-7K3QX9A", institution, triage, null, Now);

    [Test]
    public void ShouldStartAtReceptionWithTheFilingOnItsTimeline()
    {
        var petition = Grievance();

        petition.Status.ShouldBe(PetitionStatus.Received);
        petition.Stage.ShouldBe(PetitionStage.Reception);
        petition.Title.ShouldBe("도로 파손 신고");
        petition.Events.ShouldHaveSingleItem().Kind.ShouldBe(PetitionEventKind.Filed);
        Grievance(Triage, triage: true).Status.ShouldBe(PetitionStatus.InTriage);
    }

    [Test]
    public void ShouldRequireASubtypeOnlyForCivilPetitions()
    {
        Should.Throw<DomainException>(() => Petition.File(
            new PetitionFiling(Citizen, PetitionKind.CivilPetition, null, "제목입니다", "본문입니다 본문입니다 본문입니다", PetitionerContact.None, false, null),
            "r", "6110000", false, null, Now)).Rule.ShouldBe("SubtypeRequired");
        Should.Throw<DomainException>(() => Petition.File(
            new PetitionFiling(Citizen, PetitionKind.WasteReport, PetitionSubtype.Other, "제목입니다", "본문입니다 본문입니다 본문입니다", PetitionerContact.None, false, null),
            "r", "6110000", false, null, Now)).Rule.ShouldBe("SubtypeNotAllowed");
    }

    [Test]
    public void ShouldMoveToTransferThenResult()
    {
        var petition = Grievance();
        petition.Accept("6110000", "officer", Now);

        var destination = petition.Transfer("6110000", "1613000", "국토교통부 소관", Triage, "officer", Now.AddHours(1));
        destination.ShouldBe("1613000");
        petition.Stage.ShouldBe(PetitionStage.Transfer);
        petition.Status.ShouldBe(PetitionStatus.Received);

        petition.GiveAnswer("1613000", "보수 공사를 예약했습니다.", isPublic: true, "molit", Now.AddDays(2));
        petition.Stage.ShouldBe(PetitionStage.Result);
        petition.Events.Select(e => e.Stage).ShouldBe([PetitionStage.Reception, PetitionStage.Reception, PetitionStage.Transfer, PetitionStage.Result]);
    }

    [Test]
    public void ShouldSendABouncedOrOverTransferredPetitionToTheTriageDesk()
    {
        var petition = Grievance();
        petition.Transfer("6110000", "1613000", "소관 아님", Triage, "seoul", Now);

        // Sent back where it came from: ping-pong stops at the triage desk.
        petition.Transfer("1613000", "6110000", "서울시 소관", Triage, "molit", Now).ShouldBe(Triage);
        petition.Status.ShouldBe(PetitionStatus.InTriage);

        var many = Grievance();
        many.Transfer("6110000", "1613000", "a", Triage, "x", Now);
        many.Transfer("1613000", "1352000", "b", Triage, "x", Now);
        many.Transfer("1352000", "1741000", "c", Triage, "x", Now);
        many.Transfer("1741000", "1051000", "d", Triage, "x", Now).ShouldBe(Triage); // the fourth hop
    }

    [Test]
    public void ShouldRefuseWorkFromAnotherInstitutionOrOnAFinishedPetition()
    {
        var petition = Grievance();

        Should.Throw<DomainException>(() => petition.GiveAnswer("1613000", "답", true, "x", Now)).Rule.ShouldBe("NotYourPetition");
        Should.Throw<DomainException>(() => petition.Transfer("6110000", "6110000", "x", Triage, "x", Now)).Rule.ShouldBe("TransferToSelf");
        petition.CloseWithoutAnswer("6110000", "같은 내용 3회 반복", "Art. 23", "x", Now);
        petition.Stage.ShouldBe(PetitionStage.Result);
        Should.Throw<DomainException>(() => petition.GiveAnswer("6110000", "답", true, "x", Now)).Rule.ShouldBe("PetitionNotOpen");
        Should.Throw<DomainException>(() => petition.Withdraw(Citizen, Now)).Rule.ShouldBe("PetitionNotOpen");
    }

    [Test]
    public void ShouldLetOnlyThePetitionerWithdrawAnOpenPetition()
    {
        var petition = Grievance();

        Should.Throw<DomainException>(() => petition.Withdraw(Guid.NewGuid(), Now)).Rule.ShouldBe("NotThePetitioner");
        petition.Withdraw(Citizen, Now);
        petition.Status.ShouldBe(PetitionStatus.Withdrawn);
    }

    [Test]
    public void ShouldRouteFromTheTriageDeskWithoutCountingATransfer()
    {
        var petition = Grievance(Triage, triage: true);

        petition.RouteFromTriage(Triage, "1352000", null, "triage", Now);

        petition.InstitutionCode.ShouldBe("1352000");
        petition.TransferCount.ShouldBe(0);
        petition.Stage.ShouldBe(PetitionStage.Reception);
    }

    [Test]
    public void ShouldFinishOnASatisfiedRatingAndReopenForAnAdditionalAnswerOnADissatisfiedOne()
    {
        var satisfied = Grievance();
        satisfied.GiveAnswer("6110000", "답변", true, "x", Now);
        satisfied.Rate(Citizen, 4, "친절했습니다", Now.AddDays(1));
        satisfied.Status.ShouldBe(PetitionStatus.Closed);
        Should.Throw<DomainException>(() => satisfied.Rate(Citizen, 5, null, Now.AddDays(2))).Rule.ShouldBe("RatingNotOpen");

        var dissatisfied = Grievance();
        dissatisfied.GiveAnswer("6110000", "답변", true, "x", Now);
        dissatisfied.Rate(Citizen, 1, "답이 되지 않습니다", Now.AddDays(1));
        dissatisfied.Status.ShouldBe(PetitionStatus.InProgress);
        dissatisfied.Stage.ShouldBe(PetitionStage.Result);
        dissatisfied.GiveAnswer("6110000", "추가 답변", true, "x", Now.AddDays(3));
        dissatisfied.Answer.ShouldBe("답변");
        dissatisfied.AdditionalAnswer.ShouldBe("추가 답변");
        dissatisfied.Status.ShouldBe(PetitionStatus.Closed);
    }

    [Test]
    public void ShouldRefuseARatingOutsideTheWindowOrFromSomeoneElse()
    {
        var petition = Grievance();
        Should.Throw<DomainException>(() => petition.Rate(Citizen, 3, null, Now)).Rule.ShouldBe("RatingNotOpen"); // not answered yet
        petition.GiveAnswer("6110000", "답변", true, "x", Now);

        Should.Throw<DomainException>(() => petition.Rate(Guid.NewGuid(), 3, null, Now)).Rule.ShouldBe("NotThePetitioner");
        Should.Throw<DomainException>(() => petition.Rate(Citizen, 6, null, Now)).Rule.ShouldBe("RatingRange");
        Should.Throw<DomainException>(() => petition.Rate(Citizen, 3, null, Now.AddDays(15))).Rule.ShouldBe("RatingNotOpen");
        petition.CanBeRated(Now.AddDays(14)).ShouldBeTrue();
    }
}
