using EPeople.Domain.Institutions;
using FluentValidation;

namespace EPeople.Application.Institutions;

/// <summary>The input rules shared by creating and updating an institution.</summary>
internal abstract class InstitutionDetailsValidator<T> : AbstractValidator<T>
    where T : IInstitutionDetails
{
    protected InstitutionDetailsValidator()
    {
        RuleFor(c => c.NameKo).NotEmpty().WithMessage("Enter the Korean name.")
            .MaximumLength(InstitutionNames.MaxLength);
        RuleFor(c => c.NameEn).NotEmpty().WithMessage("Enter the English name.")
            .MaximumLength(InstitutionNames.MaxLength);
        RuleFor(c => c.Kind).NotEmpty().WithMessage("Choose the kind of institution.")
            .Must(k => Enum.TryParse<InstitutionKind>(k, ignoreCase: false, out _))
            .When(c => !string.IsNullOrEmpty(c.Kind))
            .WithMessage($"Kind must be one of: {string.Join(", ", Enum.GetNames<InstitutionKind>())}.");
        RuleFor(c => c.ParentCode).Must(InstitutionCode.IsValid)
            .When(c => !string.IsNullOrEmpty(c.ParentCode))
            .WithMessage("The parent code must be 7 digits.");
        RuleFor(c => c.RegionCode).Must(RegionCode.IsValid)
            .When(c => !string.IsNullOrEmpty(c.RegionCode))
            .WithMessage("The region code must be 2 digits (province) or 5 digits (city, county or district).");
        When(c => c.Contact is not null, () =>
        {
            RuleFor(c => c.Contact!.Phone).MaximumLength(40)
                .Matches(@"^[0-9+\-() ]*$").WithMessage("A phone number may hold digits, spaces, +, - and brackets only.");
            RuleFor(c => c.Contact!.Email).MaximumLength(254).EmailAddress()
                .When(c => !string.IsNullOrEmpty(c.Contact!.Email));
            RuleFor(c => c.Contact!.Website).MaximumLength(300)
                .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .When(c => !string.IsNullOrEmpty(c.Contact!.Website))
                .WithMessage("The website must be an absolute http(s) address.");
            RuleFor(c => c.Contact!.Address).MaximumLength(300);
        });
    }
}
