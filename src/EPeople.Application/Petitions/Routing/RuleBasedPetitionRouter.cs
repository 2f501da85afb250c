using EPeople.Application.Institutions;
using EPeople.Domain.Institutions;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Petitions.Routing;

/// <summary>
/// Rules, most certain first: the institution the citizen chose; the local government of the region given (a
/// 5-digit municipality code, else its province); the institution configured for the kind. Nothing matched: no
/// decision, and the petition goes to the triage desk.
/// </summary>
internal sealed class RuleBasedPetitionRouter(InstitutionDirectory directory, IOptions<PetitionOptions> options) : IPetitionRouter
{
    public async Task<RoutingDecision?> RouteAsync(RoutingRequest request, CancellationToken cancellationToken)
    {
        if (request.InstitutionCode is { Length: > 0 } chosen)
        {
            return new RoutingDecision(chosen, 1.0, "chosen by the petitioner");
        }

        if (request.RegionCode is { Length: > 0 } region)
        {
            if (region.Length == 5 && await ActiveAsync(i => i.RegionCode == region && i.Kind == InstitutionKind.LocalGovernment, cancellationToken) is { } municipality)
            {
                return new RoutingDecision(municipality, 0.9, $"local government of region {region}");
            }

            var province = region[..2];
            if (await ActiveAsync(i => i.RegionCode == province && i.Kind == InstitutionKind.MetropolitanGovernment, cancellationToken) is { } provincial)
            {
                return new RoutingDecision(provincial, 0.85, $"provincial government of region {province}");
            }
        }

        return options.Value.KindInstitutions.TryGetValue(request.Kind.ToString(), out var byKind)
            && await ActiveAsync(i => i.Code == byKind, cancellationToken) is { } institution
            ? new RoutingDecision(institution, 0.8, $"institution receiving every {request.Kind}")
            : null;
    }

    private async Task<string?> ActiveAsync(Func<Institution, bool> filter, CancellationToken cancellationToken) =>
        (await directory.ByCodeAsync(cancellationToken)).Values.Where(i => i.IsActive).Where(filter).OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => i.Code).FirstOrDefault();
}
