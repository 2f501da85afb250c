using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Auditing;
using EPeople.Domain.Institutions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

/// <summary>
/// An official as their institution's administrators see them. Names and work e-mail addresses are shown unmasked:
/// they are the institution's own staff records, not a citizen's personal data.
/// </summary>
public sealed record OfficialDto(
    Guid Id,
    string DisplayName,
    string Email,
    Guid? DepartmentId,
    string? DepartmentNameKo,
    string? DepartmentNameEn,
    string? Position);

/// <summary>The officials of an institution with their department and position, by department, heads first.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record ListOfficialsQuery(string InstitutionCode) : IQuery<IReadOnlyList<OfficialDto>>;

/// <summary>
/// Moves an official to another department of their institution and/or gives them another position; audited on the
/// institution's trail. 404 for an unknown official, 403 for another institution's, 400 for a department that is not
/// an active department of the official's institution.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record UpdateOfficialCommand(Guid OfficialId, Guid? DepartmentId, string? Position) : ICommand<OfficialDto>;

internal sealed class UpdateOfficialCommandValidator : AbstractValidator<UpdateOfficialCommand>
{
    public UpdateOfficialCommandValidator()
    {
        RuleFor(c => c.OfficialId).NotEmpty();
        RuleFor(c => c.DepartmentId).NotNull().WithMessage("Choose the department.");
        RuleFor(c => c.Position).NotEmpty().IsEnumName(typeof(Position))
            .WithMessage($"Position must be one of {string.Join(", ", Enum.GetNames<Position>())}.");
    }
}

internal sealed class OfficialsHandler(IEPeopleDbContext db, IAccountService accounts, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOfficialsQuery, IReadOnlyList<OfficialDto>>, ICommandHandler<UpdateOfficialCommand, OfficialDto>
{
    // As the auditing interceptor writes its entries: Korean readable, only the changed values.
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async ValueTask<IReadOnlyList<OfficialDto>> Handle(ListOfficialsQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(query.InstitutionCode, cancellationToken);
        user.EnsureCanManage(institution);
        var officials = await accounts.ListOfficialsAsync(institution.Id, cancellationToken);
        return
        [
            .. officials
                .Select(o => ToDto(o, institution))
                .OrderBy(o => o.DepartmentNameKo is null)
                .ThenBy(o => o.DepartmentNameKo, StringComparer.Ordinal)
                .ThenBy(o => o.Position == nameof(Position.DepartmentHead) ? 0 : 1)
                .ThenBy(o => o.DisplayName, StringComparer.Ordinal)
                .ThenBy(o => o.Email, StringComparer.Ordinal),
        ];
    }

    public async ValueTask<OfficialDto> Handle(UpdateOfficialCommand command, CancellationToken cancellationToken)
    {
        var official = await accounts.FindOfficialAsync(command.OfficialId, cancellationToken)
                       ?? throw new NotFoundException("Official", command.OfficialId);
        var institution = await db.Institutions.AsNoTracking()
                              .Include(i => i.Departments)
                              .SingleOrDefaultAsync(i => i.Id == official.InstitutionId, cancellationToken)
                          ?? throw new NotFoundException("Official", command.OfficialId);
        user.EnsureCanManage(institution);

        var department = institution.FindDepartmentOrNull(command.DepartmentId!.Value)
                         ?? throw ValidationFailedException.For("departmentId", $"{institution.NameKo} has no such department.");
        if (!department.IsActive && department.Id != official.DepartmentId)
        {
            throw ValidationFailedException.For("departmentId", "Officials can only be moved to an active department.");
        }

        var position = Enum.Parse<Position>(command.Position!);
        if (department.Id == official.DepartmentId && position == official.Position)
        {
            return ToDto(official, institution);
        }

        db.AuditEntries.Add(Audit(official, institution, department, position));
        await accounts.PlaceOfficialAsync(official.Id, department.Id, position, cancellationToken);
        return ToDto(official with { DepartmentId = department.Id, Position = position }, institution);
    }

    private AuditEntry Audit(OfficialAccount official, Institution institution, Department department, Position position)
    {
        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        var after = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (department.Id != official.DepartmentId)
        {
            before["Department"] = official.DepartmentId is { } old ? institution.FindDepartmentOrNull(old)?.NameKo ?? old.ToString() : null;
            after["Department"] = department.NameKo;
        }

        if (position != official.Position)
        {
            before["Position"] = official.Position?.ToString();
            after["Position"] = position.ToString();
        }

        before["Official"] = after["Official"] = official.Email;
        return new AuditEntry(
            clock.GetUtcNow(), user.Id, user.Name, user.IpAddress, "Official", official.Id.ToString(), institution.Id.ToString(),
            AuditAction.Updated, JsonSerializer.Serialize(before, AuditJson), JsonSerializer.Serialize(after, AuditJson));
    }

    private static OfficialDto ToDto(OfficialAccount official, Institution institution)
    {
        var department = official.DepartmentId is { } id ? institution.FindDepartmentOrNull(id) : null;
        return new OfficialDto(
            official.Id, official.DisplayName, official.Email, official.DepartmentId, department?.NameKo, department?.NameEn, official.Position?.ToString());
    }
}
