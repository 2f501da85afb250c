namespace EPeople.Domain.Petitions;

/// <summary>What happened to a petition, as its timeline shows it.</summary>
public enum PetitionEventKind
{
    Filed,
    Routed,
    Accepted,
    Transferred,
    Answered,
    Rated,
    Converted,
    Extended,
    SupplementRequested,
    SupplementProvided,
    Closed,
    Withdrawn,
}
