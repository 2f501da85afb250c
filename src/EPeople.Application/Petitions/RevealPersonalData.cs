using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Privacy;
using FluentValidation;
using Mediator;

namespace EPeople.Application.Petitions;

/// <summary>
/// Shows the handling official the petitioner's contact and the petition's text unmasked, for a stated purpose (to
/// call the petitioner back, to check an address). Only the institution that has the petition may; the reveal and its
/// purpose go to the personal-data access log in the same transaction. A protected reporter's identity is never shown.
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record RevealPersonalDataCommand(Guid PetitionId, string? Purpose) : ICommand<RevealedPersonalDataDto>;

/// <summary>The petitioner's contact and the petition's own words, as filed.</summary>
public sealed record RevealedPersonalDataDto(PetitionerDto Petitioner, string Title, string Body);

internal sealed class RevealPersonalDataCommandValidator : AbstractValidator<RevealPersonalDataCommand>
{
    public RevealPersonalDataCommandValidator() =>
        RuleFor(c => c.Purpose).NotEmpty().WithMessage("Say why you need to see the personal data.").MaximumLength(500);
}

internal sealed class RevealPersonalDataCommandHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RevealPersonalDataCommand, RevealedPersonalDataDto>
{
    public async ValueTask<RevealedPersonalDataDto> Handle(RevealPersonalDataCommand command, CancellationToken cancellationToken)
    {
        var (petition, _) = await db.LoadAtOfficersInstitutionAsync(user, command.PetitionId, "see the petitioner's personal data", cancellationToken);
        if (petition.IdentityProtected)
        {
            throw new ConflictException("The reporter's identity is protected by law and cannot be revealed.", "ReporterProtected");
        }

        db.PersonalDataAccessLog.Add(new PersonalDataAccess(
            clock.GetUtcNow(), user.Id, user.Name, user.IpAddress, petition.PetitionerId, $"petition:{petition.Id}", "Reveal", command.Purpose!.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        var contact = petition.Petitioner;
        return new RevealedPersonalDataDto(new PetitionerDto(contact.Name, contact.Phone, contact.Email), petition.Title, petition.Body);
    }
}
