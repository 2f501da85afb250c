using EPeople.Domain.Petitions;

namespace EPeople.Application.Petitions.Routing;

/// <summary>What the router sees of a petition being filed.</summary>
public sealed record RoutingRequest(PetitionKind Kind, PetitionSubtype? Subtype, string Title, string Body, string? InstitutionCode, string? RegionCode);

/// <summary>Where a petition could go, how sure the router is (0–1) and why, for an official to check.</summary>
public sealed record RoutingDecision(string InstitutionCode, double Confidence, RoutingReason Reason);

/// <summary>The router's answer: institutions best first (rules before the model), each at most once; empty when nothing applies.</summary>
public sealed record RoutingResult(IReadOnlyList<RoutingDecision> Ranked)
{
    public static RoutingResult None { get; } = new([]);

    public RoutingDecision? Best => Ranked.Count > 0 ? Ranked[0] : null;
}

/// <summary>
/// The routing seam: rules (<see cref="RuleBasedPetitionRouter"/>) and the learned model (<see cref="LearnedPetitionRouter"/>).
/// The caller applies the kind's confidence threshold: below it, or when the best is the triage desk itself, the
/// petition goes to the triage desk with the suggestions.
/// </summary>
public interface IPetitionRouter
{
    Task<RoutingResult> RouteAsync(RoutingRequest request, CancellationToken cancellationToken);
}
