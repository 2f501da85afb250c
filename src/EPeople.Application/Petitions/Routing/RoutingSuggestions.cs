using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions.Routing;

/// <param name="Reason">Why, in English.</param>
/// <param name="ReasonKind">Why, in parts (<see cref="RoutingReasonKind"/>), with the rule's detail and the model's strongest terms.</param>
public sealed record RoutingSuggestionDto(int Rank, InstitutionRefDto Institution, double Confidence, string Reason, string ReasonKind, string? ReasonDetail, IReadOnlyList<string> Terms);

/// <summary>
/// What the router suggested when the petition was filed, best first: for the institution that has the petition
/// (the triage desk routing it by hand) and system administrators.
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin + "," + Roles.SystemAdmin)]
public sealed record GetRoutingSuggestionsQuery(Guid PetitionId) : IQuery<IReadOnlyList<RoutingSuggestionDto>>;

internal sealed class GetRoutingSuggestionsQueryHandler(IEPeopleDbContext db, ICurrentUser user, InstitutionDirectory directory)
    : IQueryHandler<GetRoutingSuggestionsQuery, IReadOnlyList<RoutingSuggestionDto>>
{
    public async ValueTask<IReadOnlyList<RoutingSuggestionDto>> Handle(GetRoutingSuggestionsQuery query, CancellationToken cancellationToken)
    {
        var holder = await db.Petitions.AsNoTracking().Where(p => p.Id == query.PetitionId).Select(p => p.InstitutionCode).SingleOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException("Petition", query.PetitionId);
        if (!user.IsInRole(Roles.SystemAdmin)
            && (user.InstitutionId is not { } mine || (await directory.ByIdAsync(mine, cancellationToken))?.Code != holder))
        {
            throw new ForbiddenException("Only the institution that has the petition sees its routing suggestions.");
        }

        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var suggestions = await db.RoutingSuggestions.AsNoTracking().Where(s => s.PetitionId == query.PetitionId).OrderBy(s => s.Rank).ToListAsync(cancellationToken);
        var result = new List<RoutingSuggestionDto>(suggestions.Count);
        foreach (var s in suggestions)
        {
            result.Add(new RoutingSuggestionDto(s.Rank, new InstitutionRefDto(s.InstitutionCode, await directory.NameAsync(s.InstitutionCode, english, cancellationToken)), s.Confidence,
                s.Reason, s.ReasonKind.ToString(), s.ReasonDetail, s.ReasonTerms?.Split(", ") ?? []));
        }

        return result;
    }
}
