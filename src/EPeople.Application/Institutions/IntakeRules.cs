using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

public sealed record IntakeRuleInput(string? Kind, string? Subtype, Guid? DepartmentId);

public sealed record IntakeRuleDto(string Kind, string? Subtype, Guid DepartmentId, string DepartmentNameKo, string DepartmentNameEn);

/// <summary>An institution's intake rules: which department receives which kind (and civil-petition subtype); its own staff only.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record GetIntakeRulesQuery(string InstitutionCode) : IQuery<IReadOnlyList<IntakeRuleDto>>;

/// <summary>Replaces an institution's intake rules (its administrators, or system administrators); audited.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record SetIntakeRulesCommand(string InstitutionCode, IReadOnlyList<IntakeRuleInput>? Rules) : ICommand<IReadOnlyList<IntakeRuleDto>>;

internal sealed class SetIntakeRulesCommandValidator : AbstractValidator<SetIntakeRulesCommand>
{
    public SetIntakeRulesCommandValidator()
    {
        RuleFor(c => c.Rules).NotNull().WithMessage("List the rules (an empty list removes them all).");
        RuleForEach(c => c.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Kind).NotEmpty().IsEnumName(typeof(PetitionKind))
                .WithMessage($"Kind must be one of {string.Join(", ", Enum.GetNames<PetitionKind>())}.");
            rule.RuleFor(r => r.Subtype).IsEnumName(typeof(PetitionSubtype)).When(r => !string.IsNullOrEmpty(r.Subtype))
                .WithMessage($"Subtype must be one of {string.Join(", ", Enum.GetNames<PetitionSubtype>())}.");
            rule.RuleFor(r => r.Subtype).Empty().When(r => r.Kind != nameof(PetitionKind.CivilPetition))
                .WithMessage("Only civil petitions have subtypes.");
            rule.RuleFor(r => r.DepartmentId).NotNull().WithMessage("Choose the department.");
        });

        // A second rule for the same kind and subtype is reported on the later row, beside the field the user can change.
        RuleFor(c => c.Rules).Custom((rules, context) =>
        {
            var seen = new HashSet<(string?, string?)>();
            for (var i = 0; i < (rules?.Count ?? 0); i++)
            {
                var rule = rules![i];
                if (!seen.Add((rule.Kind, string.IsNullOrEmpty(rule.Subtype) ? null : rule.Subtype)))
                {
                    context.AddFailure($"Rules[{i}].Kind", "Another rule already sends this kind (and subtype) to a department.");
                }
            }
        });
    }
}

internal sealed class IntakeRulesHandler(IEPeopleDbContext db, ICurrentUser user)
    : IQueryHandler<GetIntakeRulesQuery, IReadOnlyList<IntakeRuleDto>>, ICommandHandler<SetIntakeRulesCommand, IReadOnlyList<IntakeRuleDto>>
{
    public async ValueTask<IReadOnlyList<IntakeRuleDto>> Handle(GetIntakeRulesQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(query.InstitutionCode, cancellationToken);
        // An institution's internal routing is for its own staff (and system administrators), not for other institutions'.
        if (!user.IsInRole(Roles.SystemAdmin) && user.InstitutionId != institution.Id)
        {
            throw new ForbiddenException($"Only {institution.NameKo}'s own staff may read its intake rules.");
        }

        return ToDtos(institution);
    }

    public async ValueTask<IReadOnlyList<IntakeRuleDto>> Handle(SetIntakeRulesCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(command.InstitutionCode, cancellationToken);
        user.EnsureCanManage(institution);
        EnsureActiveDepartments(institution, command.Rules!);
        institution.SetIntakeRules(command.Rules!.Select(r => (
            Enum.Parse<PetitionKind>(r.Kind!),
            string.IsNullOrEmpty(r.Subtype) ? (PetitionSubtype?)null : Enum.Parse<PetitionSubtype>(r.Subtype),
            r.DepartmentId!.Value)));
        await db.SaveChangesAsync(cancellationToken);
        return ToDtos(institution);
    }

    /// <summary>A department of another institution, or an inactive one, is a field error of its row (400), not a conflict.</summary>
    private static void EnsureActiveDepartments(Domain.Institutions.Institution institution, IReadOnlyList<IntakeRuleInput> rules)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var department = institution.FindDepartmentOrNull(rules[i].DepartmentId!.Value);
            if (department is null || !department.IsActive)
            {
                errors[$"rules[{i}].departmentId"] = [department is null
                    ? $"{institution.NameKo} has no such department."
                    : "Intake rules send petitions to active departments only."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private static List<IntakeRuleDto> ToDtos(Domain.Institutions.Institution institution) =>
    [
        .. institution.IntakeRules
            .Select(r => (Rule: r, Department: institution.FindDepartmentOrNull(r.DepartmentId)!))
            .OrderBy(x => x.Rule.Kind).ThenBy(x => x.Rule.Subtype)
            .Select(x => new IntakeRuleDto(x.Rule.Kind.ToString(), x.Rule.Subtype?.ToString(), x.Department.Id, x.Department.NameKo, x.Department.NameEn)),
    ];
}
