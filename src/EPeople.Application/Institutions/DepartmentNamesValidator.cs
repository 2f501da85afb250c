using EPeople.Domain.Institutions;
using FluentValidation;

namespace EPeople.Application.Institutions;

/// <summary>A department's names, shared by adding and renaming one.</summary>
public interface IDepartmentNames
{
    string? NameKo { get; }
    string? NameEn { get; }
}

internal abstract class DepartmentNamesValidator<T> : AbstractValidator<T>
    where T : IDepartmentNames
{
    protected DepartmentNamesValidator()
    {
        RuleFor(c => c.NameKo).NotEmpty().WithMessage("Enter the department's Korean name.")
            .MaximumLength(InstitutionNames.MaxLength);
        RuleFor(c => c.NameEn).NotEmpty().WithMessage("Enter the department's English name.")
            .MaximumLength(InstitutionNames.MaxLength);
    }
}
