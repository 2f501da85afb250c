using EPeople.Domain.Institutions;
using FluentValidation;

namespace EPeople.Application.Institutions;

/// <summary>The input rules shared by adding and renaming a department.</summary>
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
