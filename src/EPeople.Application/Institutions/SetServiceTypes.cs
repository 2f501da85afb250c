using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;

namespace EPeople.Application.Institutions;

/// <summary>Replaces the petition kinds an institution accepts.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record SetServiceTypesCommand(string InstitutionCode, IReadOnlyList<string>? ServiceTypes)
    : ICommand<InstitutionDetailsDto>;

internal sealed class SetServiceTypesCommandValidator : AbstractValidator<SetServiceTypesCommand>
{
    public SetServiceTypesCommandValidator()
    {
        RuleFor(c => c.ServiceTypes).NotNull().WithMessage("List the service types (an empty list accepts none).");
        RuleForEach(c => c.ServiceTypes)
            .Must(k => Enum.TryParse<PetitionKind>(k, ignoreCase: false, out _))
            .WithMessage($"Each service type must be one of: {string.Join(", ", Enum.GetNames<PetitionKind>())}.");
    }
}

internal sealed class SetServiceTypesCommandHandler(IEPeopleDbContext db, ICurrentUser user)
    : ICommandHandler<SetServiceTypesCommand, InstitutionDetailsDto>
{
    public async ValueTask<InstitutionDetailsDto> Handle(SetServiceTypesCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(command.InstitutionCode, cancellationToken);
        user.EnsureCanManage(institution);
        institution.SetServiceTypes(command.ServiceTypes!.Select(Enum.Parse<PetitionKind>));
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDetailsAsync(institution, cancellationToken);
    }
}
