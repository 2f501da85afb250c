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

    /// <summary>The kind of petition a definition runs, or null for a workflow that is not a petition's.</summary>
    public static PetitionKind? KindOf(string? definitionId) =>
        definitionId is not null && KindsByDefinition.TryGetValue(definitionId, out var kind) ? kind : null;

    private static readonly Dictionary<string, PetitionKind> KindsByDefinition =
        Enum.GetValues<PetitionKind>().ToDictionary(DefinitionId, StringComparer.Ordinal);

    /// <summary>True for the definitions of petitions (their instances' correlation id is the petition id).</summary>
    public static bool IsPetitionDefinition(string definitionId) => definitionId.StartsWith("petition.", StringComparison.Ordinal);
}
