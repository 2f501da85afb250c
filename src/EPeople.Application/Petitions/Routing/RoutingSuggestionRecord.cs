namespace EPeople.Application.Petitions.Routing;

/// <summary>
/// What the router proposed when a petition was filed, best first (up to three): shown to the triage desk when the
/// petition was not routed automatically, and kept for every petition so the router's record can be read against
/// where petitions were finally answered.
/// </summary>
public sealed class RoutingSuggestionRecord
{
    public Guid PetitionId { get; set; }

    /// <summary>1 for the best suggestion.</summary>
    public int Rank { get; set; }

    public string InstitutionCode { get; set; } = "";

    /// <summary>The router's confidence, 0–1.</summary>
    public double Confidence { get; set; }

    /// <summary>Why, in English (<see cref="RoutingReason.ToString"/>): the rule matched, or the model's category and strongest terms.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Why, in parts, for screens to word it in their language (<see cref="RoutingReason"/>).</summary>
    public RoutingReasonKind ReasonKind { get; set; }

    public string? ReasonDetail { get; set; }

    /// <summary>The model's strongest terms, comma-separated.</summary>
    public string? ReasonTerms { get; set; }
}
