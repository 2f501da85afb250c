using FluentValidation;

namespace EPeople.Application.Accounts;

internal static class AccountRules
{
    public const int MinPasswordLength = 8;

    /// <summary>Long pass-phrases are welcome (ASVS 6.2.9); composition rules are not imposed (ASVS 6.2.5).</summary>
    public const int MaxPasswordLength = 128;

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter your e-mail address.")
            .MaximumLength(254)
            .EmailAddress().WithMessage("Enter a valid e-mail address.");
}
