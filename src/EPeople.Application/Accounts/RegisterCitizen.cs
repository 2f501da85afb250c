using System.Net;
using EPeople.Application.Abstractions;
using EPeople.Application.Outbox;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Accounts;

/// <summary>A citizen signs up; the account can sign in once the e-mail address is confirmed through the link sent.</summary>
public sealed record RegisterCitizenCommand(string? Email, string? Password, string? DisplayName) : ICommand<Guid>;

internal sealed class RegisterCitizenCommandValidator : AbstractValidator<RegisterCitizenCommand>
{
    public RegisterCitizenCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(AccountRules.MinPasswordLength)
            .WithMessage($"Use at least {AccountRules.MinPasswordLength} characters.")
            .MaximumLength(AccountRules.MaxPasswordLength);
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter your name.").MaximumLength(50);
    }
}

internal sealed class RegisterCitizenCommandHandler(IAccountService accounts, IOptions<PublicSiteOptions> site)
    : ICommandHandler<RegisterCitizenCommand, Guid>
{
    public async ValueTask<Guid> Handle(RegisterCitizenCommand command, CancellationToken cancellationToken) =>
        await accounts.RegisterCitizenAsync(
            command.Email!.Trim(), command.Password!, command.DisplayName!.Trim(),
            (userId, code) => ConfirmationEmail(command.Email.Trim(), command.DisplayName.Trim(), userId, code),
            cancellationToken);

    private EmailMessage ConfirmationEmail(string email, string name, Guid userId, string code)
    {
        var link = $"{site.Value.BaseUrl.TrimEnd('/')}/account/confirm-email?userId={userId}&code={Uri.EscapeDataString(code)}";
        var htmlName = WebUtility.HtmlEncode(name);
        return new EmailMessage(
            email,
            "[국민신문고 EPeople] 이메일 주소를 확인해 주세요 / Confirm your e-mail address",
            $"{name}님, 아래 주소를 열어 가입을 마쳐 주세요.\nHello {name}, open this link to finish signing up:\n{link}\n",
            $"<p>{htmlName}님, 아래 링크를 눌러 가입을 마쳐 주세요.<br>Hello {htmlName}, follow this link to finish signing up:</p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>");
    }
}
