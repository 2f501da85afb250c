namespace EPeople.Domain.Petitions;

/// <summary>What happened to a petition, as its timeline shows it.</summary>
public enum PetitionEventKind
{
    Filed,
    Routed,
    Accepted,
    Transferred,

    /// <summary>The handling institution asked this institution for its opinion (joint handling, 공동처리).</summary>
    CooperationRequested,

    /// <summary>A cooperating institution gave its opinion (for the handling institution; the citizen sees only that it did).</summary>
    OpinionGiven,

    /// <summary>A cooperating institution declined: the matter is not its own (the reason is for the handling institution).</summary>
    CooperationDeclined,

    Answered,
    Rated,
    Converted,
    Extended,
    SupplementRequested,
    SupplementProvided,
    Closed,
    Withdrawn,
}
