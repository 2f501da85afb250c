using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

[Authorize(Roles = Roles.SystemAdmin)]
public sealed record CreateInstitutionCommand(
    string? Code,
    string? NameKo,
    string? NameEn,
    string? Kind,
    string? ParentCode = null,
    string? RegionCode = null,
    ContactDto? Contact = null,
    IReadOnlyList<string>? ServiceTypes = null) : ICommand<InstitutionDetailsDto>, IInstitutionDetails;

internal sealed class CreateInstitutionCommandValidator : InstitutionDetailsValidator<CreateInstitutionCommand>
{
    public CreateInstitutionCommandValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the 7-digit institution code.")
            .Must(InstitutionCode.IsValid).When(c => !string.IsNullOrEmpty(c.Code))
            .WithMessage("The institution code must be exactly 7 digits.");
        RuleForEach(c => c.ServiceTypes)
            .Must(k => Enum.TryParse<PetitionKind>(k, ignoreCase: false, out _))
            .WithMessage($"Each service type must be one of: {string.Join(", ", Enum.GetNames<PetitionKind>())}.");
    }
}

internal sealed class CreateInstitutionCommandHandler(IEPeopleDbContext db)
    : ICommandHandler<CreateInstitutionCommand, InstitutionDetailsDto>
{
    public async ValueTask<InstitutionDetailsDto> Handle(CreateInstitutionCommand command, CancellationToken cancellationToken)
    {
        if (await db.Institutions.AnyAsync(i => i.Code == command.Code, cancellationToken))
        {
            throw new ConflictException($"An institution with code {command.Code} already exists.", "DuplicateInstitutionCode");
        }

        Guid? parentId = null;
        if (!string.IsNullOrEmpty(command.ParentCode))
        {
            parentId = await db.Institutions.Where(i => i.Code == command.ParentCode).Select(i => (Guid?)i.Id)
                           .SingleOrDefaultAsync(cancellationToken)
                       ?? throw ValidationFailedException.For("parentCode", $"No institution has code {command.ParentCode}.");
        }

        var institution = Institution.Create(
            command.Code!, command.Names(), command.ParsedKind(), parentId, command.Region(), command.ToContact());
        institution.SetServiceTypes((command.ServiceTypes ?? []).Select(Enum.Parse<PetitionKind>));
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDetailsAsync(institution, cancellationToken);
    }
}
