using System.Security.Claims;
using EPeople.Application.Abstractions;
using FluentValidation;
using Mediator;

namespace EPeople.Application.Accounts;

/// <summary>Checks credentials and returns the principal to issue a token or cookie for; 401 when they do not match.</summary>
public sealed record LogInCommand(string? Email, string? Password) : ICommand<ClaimsPrincipal>;

internal sealed class LogInCommandValidator : AbstractValidator<LogInCommand>
{
    public LogInCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(AccountRules.MaxPasswordLength);
    }
}

internal sealed class LogInCommandHandler(IAccountService accounts) : ICommandHandler<LogInCommand, ClaimsPrincipal>
{
    public async ValueTask<ClaimsPrincipal> Handle(LogInCommand command, CancellationToken cancellationToken) =>
        await accounts.CheckCredentialsAsync(command.Email!.Trim(), command.Password!)
        // One message for every reason (unknown e-mail, wrong password, unconfirmed, locked): no account enumeration.
        ?? throw new UnauthorizedAccessException("The e-mail address or password is wrong, or the account is not yet confirmed.");
}
