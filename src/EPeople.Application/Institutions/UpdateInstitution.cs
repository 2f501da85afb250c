using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

/// <summary>
/// Changes an institution's names, kind, region, contact and parent. Institution administrators may edit
/// their own institution's names, region and contact; the kind and the place in the hierarchy are the
/// system administrator's. <see cref="ExpectedVersion"/>, when given, refuses to overwrite a newer change.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record UpdateInstitutionCommand(
    string Code,
    string? NameKo,
    string? NameEn,
    string? Kind,
    string? ParentCode = null,
    string? RegionCode = null,
    ContactDto? Contact = null,
    long? ExpectedVersion = null) : ICommand<InstitutionDetailsDto>, IInstitutionDetails;

internal sealed class UpdateInstitutionCommandValidator : InstitutionDetailsValidator<UpdateInstitutionCommand>
{
    public UpdateInstitutionCommandValidator() =>
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).When(c => c.ExpectedVersion.HasValue);
}

internal sealed class UpdateInstitutionCommandHandler(IEPeopleDbContext db, ICurrentUser user)
    : ICommandHandler<UpdateInstitutionCommand, InstitutionDetailsDto>
{
    public async ValueTask<InstitutionDetailsDto> Handle(UpdateInstitutionCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(command.Code, cancellationToken);
        user.EnsureCanManage(institution);
        if (command.ExpectedVersion is { } expected && expected != institution.Version)
        {
            throw new ConflictException(
                $"{institution.NameKo} was changed by someone else (version {institution.Version}, you had {expected}). Reload and try again.",
                "StaleVersion");
        }

        var kind = command.ParsedKind();
        Institution? parent = null;
        if (!string.IsNullOrEmpty(command.ParentCode))
        {
            parent = await db.Institutions.SingleOrDefaultAsync(i => i.Code == command.ParentCode, cancellationToken)
                     ?? throw ValidationFailedException.For("parentCode", $"No institution has code {command.ParentCode}.");
        }

        var movesOrRekinds = parent?.Id != institution.ParentId || kind != institution.Kind;
        if (movesOrRekinds && !user.IsInRole(Roles.SystemAdmin))
        {
            throw new ForbiddenException("Only a system administrator changes an institution's kind or parent.");
        }

        if (parent?.Id != institution.ParentId)
        {
            var ancestry = parent is null ? [] : await db.AncestorsOfAsync(parent, cancellationToken);
            institution.MoveUnder(parent, ancestry);
        }

        institution.UpdateDetails(command.Names(), kind, command.Region(), command.ToContact());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDetailsAsync(institution, cancellationToken);
    }
}
