namespace EPeople.Domain.Petitions;

/// <summary>What a citizen sends when filing (already validated field by field).</summary>
public sealed record PetitionFiling(
    Guid PetitionerId,
    PetitionKind Kind,
    PetitionSubtype? Subtype,
    string Title,
    string Body,
    PetitionerContact Contact,
    bool IsPublic,
    string? RegionCode,
    string Language = "ko",
    bool DiscloseIdentity = false,
    Guid? ConsultationId = null);
