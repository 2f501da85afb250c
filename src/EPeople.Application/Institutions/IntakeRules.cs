using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

public sealed record IntakeRuleInput(string? Kind, string? Subtype, Guid? DepartmentId);

public sealed record IntakeRuleDto(string Kind, string? Subtype, Guid DepartmentId, string DepartmentNameKo, string DepartmentNameEn);

/// <summary>An institution's intake rules: which department receives which kind (and civil-petition subtype).</summary>
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
            rule.RuleFor(r => r.DepartmentId).NotNull().WithMessage("Choose the department.");
        });
    }
}

internal sealed class IntakeRulesHandler(IEPeopleDbContext db, ICurrentUser user)
    : IQueryHandler<GetIntakeRulesQuery, IReadOnlyList<IntakeRuleDto>>, ICommandHandler<SetIntakeRulesCommand, IReadOnlyList<IntakeRuleDto>>
{
    public async ValueTask<IReadOnlyList<IntakeRuleDto>> Handle(GetIntakeRulesQuery query, CancellationToken cancellationToken) =>
        ToDtos(await db.LoadAggregateAsync(query.InstitutionCode, cancellationToken));

    public async ValueTask<IReadOnlyList<IntakeRuleDto>> Handle(SetIntakeRulesCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(command.InstitutionCode, cancellationToken);
        user.EnsureCanManage(institution);
        institution.SetIntakeRules(command.Rules!.Select(r => (
            Enum.Parse<PetitionKind>(r.Kind!),
            string.IsNullOrEmpty(r.Subtype) ? (PetitionSubtype?)null : Enum.Parse<PetitionSubtype>(r.Subtype),
            r.DepartmentId!.Value)));
        await db.SaveChangesAsync(cancellationToken);
        return ToDtos(institution);
    }

    private static List<IntakeRuleDto> ToDtos(Domain.Institutions.Institution institution) =>
    [
        .. institution.IntakeRules
            .Select(r => (Rule: r, Department: institution.FindDepartmentOrNull(r.DepartmentId)!))
            .OrderBy(x => x.Rule.Kind).ThenBy(x => x.Rule.Subtype)
            .Select(x => new IntakeRuleDto(x.Rule.Kind.ToString(), x.Rule.Subtype?.ToString(), x.Department.Id, x.Department.NameKo, x.Department.NameEn)),
    ];
}
