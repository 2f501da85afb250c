using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>One group, for an official of an institution holding one of its members (403 otherwise, 404 for no such group).</summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record GetPetitionGroupQuery(Guid GroupId) : IQuery<PetitionGroupDto>;

internal sealed class GetPetitionGroupQueryHandler(IEPeopleDbContext db, ICurrentUser user) : IQueryHandler<GetPetitionGroupQuery, PetitionGroupDto>
{
    public async ValueTask<PetitionGroupDto> Handle(GetPetitionGroupQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.InstitutionOfAsync(user, cancellationToken);
        var (group, members) = await db.LoadGroupAsync(query.GroupId, institution, track: false, cancellationToken);
        return GroupAccess.ToDto(group, members, institution);
    }
}

/// <summary>The groups a petition belongs to, for the task page: officials of the institution that has the petition (403 otherwise).</summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record GetGroupsOfPetitionQuery(Guid PetitionId) : IQuery<IReadOnlyList<PetitionGroupDto>>;

internal sealed class GetGroupsOfPetitionQueryHandler(IEPeopleDbContext db, ICurrentUser user) : IQueryHandler<GetGroupsOfPetitionQuery, IReadOnlyList<PetitionGroupDto>>
{
    public async ValueTask<IReadOnlyList<PetitionGroupDto>> Handle(GetGroupsOfPetitionQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.InstitutionOfAsync(user, cancellationToken);
        var holder = await db.Petitions.Where(p => p.Id == query.PetitionId).Select(p => p.InstitutionCode).SingleOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException("Petition", query.PetitionId);
        if (holder != institution)
        {
            throw new ForbiddenException("Only the institution that has the petition can see its groups.");
        }

        var groups = await (from m in db.PetitionGroupMembers
                            join g in db.PetitionGroups on m.GroupId equals g.Id
                            where m.PetitionId == query.PetitionId
                            select g).AsNoTracking().ToListAsync(cancellationToken);
        var members = await GroupAccess.MembersOfAsync(db, [.. groups.Select(g => g.Id)], cancellationToken);
        return [.. groups.OrderBy(g => g.Kind).Select(g => GroupAccess.ToDto(g, [.. members.Where(m => m.GroupId == g.Id).Select(m => m.Member)], institution))];
    }
}
