using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>
/// An official of the institution that has the petition extends its deadline with a reason: the petition, its open
/// handling task (due date and deadlines moved through the engine) and the notice to the petitioner, in one transaction.
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record ExtendPetitionCommand(Guid Id, string? Reason, DateTimeOffset? NewDueAt, bool PetitionerConsented = false) : ICommand<PetitionFiledDto>;

internal sealed class ExtendPetitionCommandValidator : AbstractValidator<ExtendPetitionCommand>
{
    public ExtendPetitionCommandValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason the petitioner will read.").MaximumLength(1000);
        RuleFor(c => c.NewDueAt).NotNull().WithMessage("Give the new deadline.");
    }
}

internal sealed class ExtendPetitionCommandHandler(IEPeopleDbContext db, ICurrentUser user, WorkflowRuntime runtime, Notices.PetitionNotifier notifier, TimeProvider clock)
    : ICommandHandler<ExtendPetitionCommand, PetitionFiledDto>
{
    public async ValueTask<PetitionFiledDto> Handle(ExtendPetitionCommand command, CancellationToken cancellationToken)
    {
        var (petition, institution) = await db.LoadAtOfficersInstitutionAsync(user, command.Id, "extend its deadline", cancellationToken);

        var now = clock.GetUtcNow();
        petition.Extend(institution, command.Reason!, command.NewDueAt!.Value, command.PetitionerConsented, user.Name, now);
        var task = await db.HandlingTaskIdAsync(petition, cancellationToken);
        await notifier.NotifyLatestAsync(petition, now, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await runtime.ExecuteAsync(petition.WorkflowInstanceId, new ResumeBookmarkCommand(
            $"extend:{petition.Id}:{petition.ExtensionCount}", task, HumanTaskActivity.RescheduleSignal, new JsonObject
            {
                ["due"] = petition.DueAt!.Value.ToString("O"),
                ["explanationKo"] = petition.DueExplanationKo,
                ["explanationEn"] = petition.DueExplanationEn,
            }, user.Name), cancellationToken);
        if (result.Outcome != CommandOutcome.Applied)
        {
            throw new ConflictException($"The handling task did not take the new deadline: {result.Message}", "ExtensionRefused");
        }

        await transaction.CommitAsync(cancellationToken);
        return await db.ReceiptAsync(petition, cancellationToken);
    }
}
