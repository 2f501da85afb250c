using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;
using Mediator;

namespace EPeople.Application.Institutions;

[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record AddDepartmentCommand(string InstitutionCode, string? NameKo, string? NameEn)
    : ICommand<DepartmentDto>, IDepartmentNames;

internal sealed class AddDepartmentCommandValidator : DepartmentNamesValidator<AddDepartmentCommand>;

internal sealed class AddDepartmentCommandHandler(IEPeopleDbContext db, ICurrentUser user)
    : ICommandHandler<AddDepartmentCommand, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(AddDepartmentCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(command.InstitutionCode, cancellationToken);
        user.EnsureCanManage(institution);
        var department = institution.AddDepartment(new InstitutionNames(command.NameKo!, command.NameEn!));
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return new DepartmentDto(department.Id, department.NameKo, department.NameEn, department.IsActive);
    }
}
