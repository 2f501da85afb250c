using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;
using Mediator;

namespace EPeople.Application.Institutions;

/// <summary>Renames a department and/or deactivates it (it then receives no new work) or reactivates it.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record UpdateDepartmentCommand(string InstitutionCode, Guid DepartmentId, string? NameKo, string? NameEn, bool IsActive)
    : ICommand<DepartmentDto>, IDepartmentNames;

internal sealed class UpdateDepartmentCommandValidator : DepartmentNamesValidator<UpdateDepartmentCommand>;

internal sealed class UpdateDepartmentCommandHandler(IEPeopleDbContext db, ICurrentUser user)
    : ICommandHandler<UpdateDepartmentCommand, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(UpdateDepartmentCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(command.InstitutionCode, cancellationToken);
        user.EnsureCanManage(institution);
        var department = institution.FindDepartmentOrNull(command.DepartmentId)
                         ?? throw new NotFoundException("Department", command.DepartmentId);
        institution.RenameDepartment(department.Id, new InstitutionNames(command.NameKo!, command.NameEn!));
        institution.SetDepartmentActive(department.Id, command.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        return new DepartmentDto(department.Id, department.NameKo, department.NameEn, department.IsActive);
    }
}
