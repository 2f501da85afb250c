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
        var petition = await db.Petitions.Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
                       ?? throw new NotFoundException("Petition", command.Id);
        var institution = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.Code).SingleOrDefaultAsync(cancellationToken);
        if (institution != petition.InstitutionCode)
        {
            throw new ForbiddenException("Only the institution that has the petition can convert it.");
        }

        petition.ConvertToPublicInterestReport(institution, user.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Institutions.Where(i => i.Code == institution).Select(i => i.NameKo).SingleAsync(cancellationToken);
        return new PetitionFiledDto(petition.Id, petition.ReceiptNumber, petition.Status.ToString(), petition.Stage.ToString(),
            new InstitutionRefDto(institution, name), petition.Department, petition.DueAt, null, Replayed: false);
    }
}
