using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>
/// An official of the institution that has a petition converts it into a public-interest report (DOMAIN.md A6): the
/// reporter's identity is withheld from then on. The running workflow carries on (the handling task stays open).
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record ConvertToPublicInterestReportCommand(Guid Id) : ICommand<PetitionFiledDto>;

internal sealed class ConvertToPublicInterestReportCommandHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ConvertToPublicInterestReportCommand, PetitionFiledDto>
{
    public async ValueTask<PetitionFiledDto> Handle(ConvertToPublicInterestReportCommand command, CancellationToken cancellationToken)
    {
        var (petition, institution) = await db.LoadAtOfficersInstitutionAsync(user, command.Id, "convert it", cancellationToken);

        petition.ConvertToPublicInterestReport(institution, user.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReceiptAsync(petition, cancellationToken);
    }
}
