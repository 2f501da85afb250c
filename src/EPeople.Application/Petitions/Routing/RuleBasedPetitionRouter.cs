using EPeople.Application.Institutions;
using EPeople.Domain.Institutions;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Petitions.Routing;

/// <summary>
/// Rules, most certain first: the institution the citizen chose (and nothing else); an administrator's keyword rule;
/// the local government of the region given (a 5-digit municipality code, else its province); the institution
/// configured for the kind. Every rule that applies is listed, so the triage desk sees them all.
/// </summary>
public sealed class RuleBasedPetitionRouter(InstitutionDirectory directory, RoutingKeywordRuleBook keywordRules, IOptions<PetitionOptions> options) : IPetitionRouter
{
    public async Task<RoutingResult> RouteAsync(RoutingRequest request, CancellationToken cancellationToken)
    {
        if (request.InstitutionCode is { Length: > 0 } chosen)
        {
            return new RoutingResult([new RoutingDecision(chosen, 1.0, new RoutingReason(RoutingReasonKind.Chosen))]);
        }

        var ranked = new List<RoutingDecision>();
        if (await keywordRules.MatchAsync(request.Kind, request.Title, request.Body, cancellationToken) is { } rule
            && await ActiveAsync(i => i.Code == rule.InstitutionCode, cancellationToken) is { } byKeyword)
        {
            ranked.Add(new RoutingDecision(byKeyword, 0.95, new RoutingReason(RoutingReasonKind.Keyword, rule.Keyword)));
        }

        if (request.RegionCode is { Length: > 0 } region)
        {
            if (region.Length == 5 && await ActiveAsync(i => i.RegionCode == region && i.Kind == InstitutionKind.LocalGovernment, cancellationToken) is { } municipality)
            {
                ranked.Add(new RoutingDecision(municipality, 0.9, new RoutingReason(RoutingReasonKind.Municipality, region)));
            }

            var province = region[..2];
            if (await ActiveAsync(i => i.RegionCode == province && i.Kind == InstitutionKind.MetropolitanGovernment, cancellationToken) is { } provincial)
            {
                ranked.Add(new RoutingDecision(provincial, 0.85, new RoutingReason(RoutingReasonKind.Province, province)));
            }
        }

        if (options.Value.KindInstitutions.TryGetValue(request.Kind.ToString(), out var byKind)
            && await ActiveAsync(i => i.Code == byKind, cancellationToken) is { } institution)
        {
            ranked.Add(new RoutingDecision(institution, 0.8, new RoutingReason(RoutingReasonKind.Kind, request.Kind.ToString())));
        }

        return new RoutingResult([.. ranked.DistinctBy(d => d.InstitutionCode)]);
    }

    private async Task<string?> ActiveAsync(Func<Institution, bool> filter, CancellationToken cancellationToken) =>
        (await directory.ByCodeAsync(cancellationToken)).Values.Where(i => i.IsActive).Where(filter).OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => i.Code).FirstOrDefault();
}
