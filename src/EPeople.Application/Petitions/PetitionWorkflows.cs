using EPeople.Domain.Petitions;

namespace EPeople.Application.Petitions;

/// <summary>Which workflow definition (in <c>workflows/</c>) runs each kind of petition.</summary>
public static class PetitionWorkflows
{
    public static string DefinitionId(PetitionKind kind) => kind switch
    {
        PetitionKind.CivilPetition => "petition.civil",
        PetitionKind.NationalProposal => "petition.national-proposal",
        PetitionKind.PolicyEngagement => "petition.policy-engagement",
        PetitionKind.WasteReport => "petition.waste-report",
        PetitionKind.PublicInterestReport => "petition.public-interest-report",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>True for the definitions of petitions (their instances' correlation id is the petition id).</summary>
    public static bool IsPetitionDefinition(string definitionId) => definitionId.StartsWith("petition.", StringComparison.Ordinal);
}
