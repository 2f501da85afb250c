using EPeople.Application.Errors;
using EPeople.Application.Petitions;

namespace EPeople.Web.Components.Petitions;

/// <summary>
/// The filing wizard's state: which step the citizen is on, what each step still lacks before "next", and where a
/// refusal from the server sends them back to. The rules themselves stay in the application's validator; these are
/// only the checks that keep a citizen from walking past an empty step. One idempotency key per wizard, so a double
/// click or a retry after a dropped connection files once.
/// </summary>
public sealed class FilingWizard
{
    public enum WizardStep { Kind, Institution, Content, Contact, Review, Receipt }

    /// <summary>The steps a citizen walks through, numbered for "step 2 of 5".</summary>
    public static readonly IReadOnlyList<WizardStep> Steps = [WizardStep.Kind, WizardStep.Institution, WizardStep.Content, WizardStep.Contact, WizardStep.Review];

    public WizardStep Current { get; private set; } = WizardStep.Kind;
    public string IdempotencyKey { get; } = Guid.NewGuid().ToString("N");

    public string? Kind { get; set; }
    public string? Subtype { get; set; }
    public Guid? ConsultationId { get; set; }
    public string? Region { get; set; }

    /// <summary>An institution the citizen chose instead of the suggestion (null: let the router decide).</summary>
    public string? InstitutionCode { get; set; }

    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool Consent { get; set; }
    public bool IsPublic { get; set; }
    public bool DiscloseIdentity { get; set; }

    public PetitionFiledDto? Receipt { get; private set; }

    /// <summary>The fields this step still lacks (resource keys of their messages), empty when the citizen may go on.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        switch (Current)
        {
            case WizardStep.Kind:
                if (string.IsNullOrEmpty(Kind))
                {
                    missing.Add("Wizard_NeedKind");
                }
                else if (Kind == "CivilPetition" && string.IsNullOrEmpty(Subtype))
                {
                    missing.Add("Wizard_NeedSubtype");
                }
                else if (Kind == "PolicyEngagement" && ConsultationId is null)
                {
                    missing.Add("Wizard_NeedConsultation");
                }

                break;
            case WizardStep.Content:
                if ((Title?.Trim().Length ?? 0) is < 5 or > 200)
                {
                    missing.Add("Wizard_NeedTitle");
                }

                if ((Body?.Trim().Length ?? 0) is < 20 or > 10_000)
                {
                    missing.Add("Wizard_NeedBody");
                }

                break;
            case WizardStep.Contact:
                if (!Consent)
                {
                    missing.Add("Wizard_NeedConsent");
                }

                break;
        }

        return missing;
    }

    public bool Next()
    {
        if (Current >= WizardStep.Review || Missing().Count > 0)
        {
            return false;
        }

        Current++;
        return true;
    }

    public void Back()
    {
        if (Current is > WizardStep.Kind and < WizardStep.Receipt)
        {
            Current--;
        }
    }

    /// <summary>Choosing another kind clears what belonged to the old one.</summary>
    public void ChooseKind(string kind)
    {
        if (kind == Kind)
        {
            return;
        }

        Kind = kind;
        Subtype = null;
        ConsultationId = null;
        DiscloseIdentity = false;
    }

    public FilePetitionCommand ToCommand() => new(
        Kind, Kind == "CivilPetition" ? Subtype : null, Title, Body, string.IsNullOrWhiteSpace(InstitutionCode) ? null : InstitutionCode.Trim(),
        string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(), IsPublic && Kind != "PublicInterestReport", Blank(Phone), Blank(Email), Consent,
        IdempotencyKey, Kind == "PublicInterestReport" && DiscloseIdentity, Kind == "PolicyEngagement" ? ConsultationId : null);

    /// <summary>The receipt: the wizard is done.</summary>
    public void Filed(PetitionFiledDto receipt)
    {
        Receipt = receipt;
        Current = WizardStep.Receipt;
    }

    /// <summary>A refusal sends the citizen back to the first step with a field in error (the messages show there).</summary>
    public void Refused(ErrorReport error)
    {
        var steps = error.Errors.Keys.Select(StepOf).ToList();
        if (steps.Count > 0)
        {
            Current = steps.Min();
        }
    }

    public static WizardStep StepOf(string field) => field switch
    {
        "kind" or "subtype" or "consultationId" => WizardStep.Kind,
        "institutionCode" or "region" => WizardStep.Institution,
        "title" or "body" => WizardStep.Content,
        "contactPhone" or "contactEmail" or "consentToPersonalData" => WizardStep.Contact,
        _ => WizardStep.Review,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
