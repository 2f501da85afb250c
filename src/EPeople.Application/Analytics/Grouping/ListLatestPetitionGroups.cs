using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// A group as the analysts' dashboard lists it, across institutions: its kind, where it is (the institution of a
/// repeated or mass group; a duplicate group spans <see cref="Institutions"/> institutions), its members, its masked title.
/// </summary>
public sealed record LatestPetitionGroupDto(
    Guid Id, string Kind, string Status, string? InstitutionCode, string? InstitutionNameKo, string? InstitutionNameEn, int Institutions,
    int MemberCount, string RepresentativeTitle, DateTimeOffset UpdatedAt);

/// <summary>The most recently changed groups of every institution (analysts, system administrators); no filer is shown.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record ListLatestPetitionGroupsQuery(string? Kind = null, int Limit = 20) : IQuery<IReadOnlyList<LatestPetitionGroupDto>>;

internal sealed class ListLatestPetitionGroupsQueryValidator : AbstractValidator<ListLatestPetitionGroupsQuery>
{
    public ListLatestPetitionGroupsQueryValidator()
    {
        RuleFor(q => q.Kind).IsEnumName(typeof(PetitionGroupKind)).When(q => q.Kind is not null)
            .WithMessage($"Kind must be one of {string.Join(", ", Enum.GetNames<PetitionGroupKind>())}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
    }
}

internal sealed class ListLatestPetitionGroupsQueryHandler(IEPeopleDbContext db) : IQueryHandler<ListLatestPetitionGroupsQuery, IReadOnlyList<LatestPetitionGroupDto>>
{
    public async ValueTask<IReadOnlyList<LatestPetitionGroupDto>> Handle(ListLatestPetitionGroupsQuery query, CancellationToken cancellationToken)
    {
        var groups = db.PetitionGroups.AsNoTracking();
        if (query.Kind is not null)
        {
            var kind = Enum.Parse<PetitionGroupKind>(query.Kind);
            groups = groups.Where(g => g.Kind == kind);
        }

        var page = await groups.OrderByDescending(g => g.UpdatedAt).ThenByDescending(g => g.Id).Take(query.Limit)
            .Select(g => new
            {
                g.Id, g.Kind, g.Status, g.InstitutionCode, g.RepresentativeTitle, g.UpdatedAt,
                Members = db.PetitionGroupMembers.Count(m => m.GroupId == g.Id),
                Institutions = (from m in db.PetitionGroupMembers
                                join p in db.Petitions on m.PetitionId equals p.Id
                                where m.GroupId == g.Id
                                select p.InstitutionCode).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        var codes = page.Where(g => g.InstitutionCode is not null).Select(g => g.InstitutionCode!).Distinct().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => new { i.Code, i.NameKo, i.NameEn })
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        return [.. page.Select(g =>
        {
            var name = g.InstitutionCode is { } code ? names.GetValueOrDefault(code) : null;
            return new LatestPetitionGroupDto(g.Id, g.Kind.ToString(), g.Status.ToString(), g.InstitutionCode, name?.NameKo, name?.NameEn,
                g.Institutions, g.Members, g.RepresentativeTitle, g.UpdatedAt);
        })];
    }
}
