using EPeople.Application.Errors;
using EPeople.Application.Petitions;
using EPeople.Web.Components.Petitions;
using static EPeople.Web.Components.Petitions.FilingWizard;

namespace EPeople.Web.ComponentTests.Petitions;

public sealed class FilingWizardTests
{
    private static readonly string[] Wrong = ["wrong"];

    private static ErrorReport Refusal(params string[] fields) =>
        new(400, "validation", "Invalid", "", fields.ToDictionary(f => f, _ => Wrong));

    [Test]
    public void ShouldNotLeaveAStepThatLacksWhatItAsksFor()
    {
        var wizard = new FilingWizard();

        wizard.Next().ShouldBeFalse();
        wizard.Missing().ShouldBe(["Wizard_NeedKind"]);
        wizard.ChooseKind("CivilPetition");
        wizard.Missing().ShouldBe(["Wizard_NeedSubtype"]);
        wizard.Subtype = "Grievance";
        wizard.Next().ShouldBeTrue();
        wizard.Current.ShouldBe(WizardStep.Institution);
        wizard.Next().ShouldBeTrue();

        wizard.Title = "짧음";
        wizard.Body = "너무 짧은 내용";
        wizard.Missing().ShouldBe(["Wizard_NeedTitle", "Wizard_NeedBody"]);
        wizard.Title = "보도블록 파손 신고";
        wizard.Body = "집 앞 보도블록이 깨져서 넘어질 위험이 큽니다.";
        wizard.Next().ShouldBeTrue();
        wizard.Missing().ShouldBe(["Wizard_NeedConsent"]);
        wizard.Consent = true;
        wizard.Next().ShouldBeTrue();
        wizard.Current.ShouldBe(WizardStep.Review);
        wizard.Next().ShouldBeFalse(); // the review is submitted, not passed
    }

    [Test]
    public void ShouldAskForAConsultationOnlyForPolicyEngagementAndForgetTheOldKindsChoices()
    {
        var wizard = new FilingWizard();
        wizard.ChooseKind("CivilPetition");
        wizard.Subtype = "Question";

        wizard.ChooseKind("PolicyEngagement");

        wizard.Subtype.ShouldBeNull();
        wizard.Missing().ShouldBe(["Wizard_NeedConsultation"]);
        wizard.ConsultationId = Guid.NewGuid();
        wizard.Missing().ShouldBeEmpty();
    }

    [Test]
    public void ShouldSendOnlyWhatBelongsToTheKindWithOneKeyForEveryAttempt()
    {
        var wizard = new FilingWizard { Subtype = "Grievance", IsPublic = true, DiscloseIdentity = true, Phone = "  ", InstitutionCode = " 6110000 " };
        wizard.ChooseKind("PublicInterestReport");
        wizard.DiscloseIdentity = true;
        wizard.IsPublic = true;

        var first = wizard.ToCommand();
        var again = wizard.ToCommand();

        (first.Kind, first.Subtype, first.IsPublic, first.DiscloseIdentity, first.ContactPhone, first.InstitutionCode, first.ConsultationId)
            .ShouldBe(("PublicInterestReport", (string?)null, false, true, (string?)null, "6110000", (Guid?)null)); // a report is never public
        again.IdempotencyKey.ShouldBe(first.IdempotencyKey);
    }

    [Test]
    public void ShouldTakeTheCitizenBackToTheFirstStepTheServerRefused()
    {
        var wizard = new FilingWizard();
        wizard.ChooseKind("CivilPetition");
        wizard.Subtype = "Grievance";
        wizard.Next();
        wizard.Next();
        wizard.Title = "보도블록 파손 신고";
        wizard.Body = "집 앞 보도블록이 깨져서 넘어질 위험이 큽니다.";
        wizard.Next();
        wizard.Consent = true;
        wizard.Next();

        wizard.Refused(Refusal("contactPhone", "institutionCode"));

        wizard.Current.ShouldBe(WizardStep.Institution);
        StepOf("body").ShouldBe(WizardStep.Content);
        StepOf("consultationId").ShouldBe(WizardStep.Kind);
    }

    [Test]
    public void ShouldEndOnTheReceipt()
    {
        var wizard = new FilingWizard();
        var receipt = new PetitionFiledDto(Guid.NewGuid(), "EP-20261130-7K3QX9A", "Received", "Reception", new InstitutionRefDto("6110000", "서울특별시"), null,
            DateTimeOffset.UtcNow.AddDays(9), "7 working days", Replayed: false);

        wizard.Filed(receipt);

        wizard.Current.ShouldBe(WizardStep.Receipt);
        wizard.Receipt.ShouldBe(receipt);
        wizard.Back();
        wizard.Current.ShouldBe(WizardStep.Receipt);
    }
}
