using EPeople.Application.Abstractions;
using Mediator;

namespace EPeople.Application.Institutions;

/// <summary>One institution with its departments and service types. The directory is public.</summary>
public sealed record GetInstitutionQuery(string Code) : IQuery<InstitutionDetailsDto>;

internal sealed class GetInstitutionQueryHandler(IEPeopleDbContext db) : IQueryHandler<GetInstitutionQuery, InstitutionDetailsDto>
{
    public async ValueTask<InstitutionDetailsDto> Handle(GetInstitutionQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(query.Code, cancellationToken);
        return await db.ToDetailsAsync(institution, cancellationToken);
    }
}
