using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>
/// The petitioner withdraws an open petition (취하): the petition and its workflow end together — the handling task
/// leaves the worklist through the workflow's interrupting PetitionWithdrawn event, in the same transaction.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record WithdrawPetitionCommand(Guid Id) : ICommand<PetitionFiledDto>;

internal sealed class WithdrawPetitionCommandHandler(IEPeopleDbContext db, ICurrentUser user, WorkflowRuntime runtime, Notices.PetitionNotifier notifier, TimeProvider clock)
    : ICommandHandler<WithdrawPetitionCommand, PetitionFiledDto>
{
    public async ValueTask<PetitionFiledDto> Handle(WithdrawPetitionCommand command, CancellationToken cancellationToken)
    {
        var petition = await db.LoadPetitionersAsync(user, command.Id, cancellationToken);

        var now = clock.GetUtcNow();
        petition.Withdraw(user.Id!.Value, now);
        await notifier.NotifyLatestAsync(petition, now, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await runtime.ExecuteAsync(petition.WorkflowInstanceId, new DeliverEventCommand(
            $"withdraw:{petition.Id}", $"withdraw:{petition.Id}", "PetitionWithdrawn", petition.Id.ToString()), cancellationToken);
        if (result.Outcome != CommandOutcome.Applied)
        {
            throw new ConflictException($"The petition's workflow did not take the withdrawal: {result.Message}", "WithdrawalRefused");
        }

        await transaction.CommitAsync(cancellationToken);
        return await db.ReceiptAsync(petition, cancellationToken);
    }
}
