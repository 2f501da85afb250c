using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

/// <summary>The institution the signed-in official, administrator or analyst belongs to; null for anyone else.</summary>
[Authorize]
public sealed record GetMyInstitutionQuery : IQuery<InstitutionSummaryDto?>;

internal sealed class GetMyInstitutionQueryHandler(IEPeopleDbContext db, ICurrentUser user) : IQueryHandler<GetMyInstitutionQuery, InstitutionSummaryDto?>
{
    public async ValueTask<InstitutionSummaryDto?> Handle(GetMyInstitutionQuery query, CancellationToken cancellationToken)
    {
        if (user.InstitutionId is not { } id)
        {
            return null;
        }

        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null)
        {
            return null;
        }

        var parentCode = institution.ParentId is { } parentId
            ? await db.Institutions.Where(p => p.Id == parentId).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        return institution.ToSummary(parentCode);
    }
}
