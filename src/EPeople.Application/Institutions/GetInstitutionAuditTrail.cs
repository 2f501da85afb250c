using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using EPeople.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

public sealed record AuditEntryDto(
    DateTimeOffset OccurredAt,
    string Actor,
    string? IpAddress,
    string EntityType,
    string EntityId,
    string Action,
    string? Before,
    string? After);

/// <summary>Who changed an institution (or its departments and service types), when, from where, before and after; newest first.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record GetInstitutionAuditTrailQuery(string Code, int Limit = 100) : IQuery<IReadOnlyList<AuditEntryDto>>;

internal sealed class GetInstitutionAuditTrailQueryValidator : AbstractValidator<GetInstitutionAuditTrailQuery>
{
    public GetInstitutionAuditTrailQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 500);
}

internal sealed class GetInstitutionAuditTrailQueryHandler(IEPeopleDbContext db, ICurrentUser user)
    : IQueryHandler<GetInstitutionAuditTrailQuery, IReadOnlyList<AuditEntryDto>>
{
    public async ValueTask<IReadOnlyList<AuditEntryDto>> Handle(GetInstitutionAuditTrailQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(query.Code, cancellationToken);
        user.EnsureCanManage(institution);
        var aggregateId = institution.Id.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.AggregateId == aggregateId)
            .OrderByDescending(a => a.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(a => new AuditEntryDto(
            a.OccurredAt, a.ActorName, a.IpAddress, a.EntityType, a.EntityId, a.Action.ToString(), a.Before, a.After))];
    }
}
