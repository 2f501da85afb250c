using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using Mediator;

namespace EPeople.Application.Institutions;

/// <summary>Deactivates (no new petitions are routed to it; history stays) or reactivates an institution.</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record SetInstitutionActiveCommand(string Code, bool Active) : ICommand<InstitutionDetailsDto>;

internal sealed class SetInstitutionActiveCommandHandler(IEPeopleDbContext db)
    : ICommandHandler<SetInstitutionActiveCommand, InstitutionDetailsDto>
{
    public async ValueTask<InstitutionDetailsDto> Handle(SetInstitutionActiveCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(command.Code, cancellationToken);
        if (command.Active)
        {
            institution.Activate();
        }
        else
        {
            institution.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDetailsAsync(institution, cancellationToken);
    }
}
