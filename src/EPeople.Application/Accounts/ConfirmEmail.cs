using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using FluentValidation;
using Mediator;

namespace EPeople.Application.Accounts;

public sealed record ConfirmEmailCommand(Guid UserId, string? Code) : ICommand<bool>;

internal sealed class ConfirmEmailCommandValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Code).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class ConfirmEmailCommandHandler(IAccountService accounts) : ICommandHandler<ConfirmEmailCommand, bool>
{
    public async ValueTask<bool> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken) =>
        await accounts.ConfirmEmailAsync(command.UserId, command.Code!)
            ? true
            : throw ValidationFailedException.For("code", "This confirmation link is invalid or has expired.");
}
