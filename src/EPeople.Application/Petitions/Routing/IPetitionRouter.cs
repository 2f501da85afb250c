using EPeople.Domain.Petitions;

namespace EPeople.Application.Petitions.Routing;

/// <summary>What the router sees of a petition being filed.</summary>
public sealed record RoutingRequest(PetitionKind Kind, PetitionSubtype? Subtype, string Title, string Body, string? InstitutionCode, string? RegionCode);

/// <summary>Where a petition should go, how sure the router is (0–1) and why, in words an official can check.</summary>
public sealed record RoutingDecision(string InstitutionCode, double Confidence, string Reason);

/// <summary>
/// The routing seam. Today's implementation applies rules (<see cref="RuleBasedPetitionRouter"/>); the learned router
/// of a later issue implements the same interface and may fall back to the rules. The caller applies the confidence
/// threshold: below it the petition goes to the triage desk with the suggestion.
/// </summary>
public interface IPetitionRouter
{
    Task<RoutingDecision?> RouteAsync(RoutingRequest request, CancellationToken cancellationToken);
}
