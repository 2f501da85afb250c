using EPeople.Application.Abstractions;
using EPeople.Application.Petitions;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// The groups holding at least one petition the official's institution has, most recently changed first (keyset paging:
/// pass <c>Next</c> as <c>After</c>).
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record ListPetitionGroupsQuery(string? Kind = null, string? After = null, int Limit = 50) : IQuery<PetitionGroupPage>;

internal sealed class ListPetitionGroupsQueryValidator : AbstractValidator<ListPetitionGroupsQuery>
{
    public ListPetitionGroupsQueryValidator()
    {
        RuleFor(q => q.Kind).IsEnumName(typeof(PetitionGroupKind)).When(q => q.Kind is not null)
            .WithMessage($"Kind must be one of {string.Join(", ", Enum.GetNames<PetitionGroupKind>())}.");
        RuleFor(q => q.After).Must(a => PetitionCursor.TryDecode(a, out _, out _)).When(q => !string.IsNullOrEmpty(q.After))
            .WithMessage("'after' must be the 'next' value of a previous page.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
    }
}

internal sealed class ListPetitionGroupsQueryHandler(IEPeopleDbContext db, ICurrentUser user) : IQueryHandler<ListPetitionGroupsQuery, PetitionGroupPage>
{
    public async ValueTask<PetitionGroupPage> Handle(ListPetitionGroupsQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.InstitutionOfAsync(user, cancellationToken);
        // EXISTS through the member index (group, petition) and the petitions' primary key: groups are few next to petitions.
        var groups = db.PetitionGroups.AsNoTracking()
            .Where(g => db.PetitionGroupMembers.Any(m => m.GroupId == g.Id && db.Petitions.Any(p => p.Id == m.PetitionId && p.InstitutionCode == institution)));
        if (query.Kind is not null)
        {
            var kind = Enum.Parse<PetitionGroupKind>(query.Kind);
            groups = groups.Where(g => g.Kind == kind);
        }

        if (PetitionCursor.TryDecode(query.After, out var at, out var id))
        {
            groups = groups.Where(g => g.UpdatedAt < at || (g.UpdatedAt == at && g.Id.CompareTo(id) < 0));
        }

        var page = await groups.OrderByDescending(g => g.UpdatedAt).ThenByDescending(g => g.Id).Take(query.Limit + 1)
            .Select(g => new PetitionGroupSummaryDto(g.Id, g.Kind.ToString(), g.Status.ToString(), g.RepresentativeTitle,
                db.PetitionGroupMembers.Count(m => m.GroupId == g.Id), g.UpdatedAt))
            .ToListAsync(cancellationToken);
        var more = page.Count > query.Limit;
        var items = page.Take(query.Limit).ToList();
        return new PetitionGroupPage(items, more ? PetitionCursor.Encode(items[^1].UpdatedAt, items[^1].Id) : null);
    }
}
