using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>
/// An official of the institution that has the petition asks the petitioner for missing information by a date (at most
/// twice): the statutory clock stops (the handling task loses its due date and deadlines) and the petitioner is told.
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record RequestSupplementCommand(Guid Id, string? Request, DateTimeOffset? DueAt) : ICommand<PetitionFiledDto>;

/// <summary>The petitioner replies to a supplement request: the clock runs again with the deadline moved by the pause.</summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record ProvideSupplementCommand(Guid Id, string? Reply) : ICommand<PetitionFiledDto>;

internal sealed class RequestSupplementCommandValidator : AbstractValidator<RequestSupplementCommand>
{
    public RequestSupplementCommandValidator()
    {
        RuleFor(c => c.Request).NotEmpty().WithMessage("Say what the petitioner should supply.").MaximumLength(2000);
        RuleFor(c => c.DueAt).NotNull().WithMessage("Give the date the supplement is due.");
    }
}

internal sealed class ProvideSupplementCommandValidator : AbstractValidator<ProvideSupplementCommand>
{
    public ProvideSupplementCommandValidator() =>
        RuleFor(c => c.Reply).NotEmpty().WithMessage("Write the supplement.").MaximumLength(10_000);
}

internal sealed class SupplementsHandler(IEPeopleDbContext db, ICurrentUser user, WorkflowRuntime runtime, Notices.PetitionNotifier notifier, TimeProvider clock)
    : ICommandHandler<RequestSupplementCommand, PetitionFiledDto>, ICommandHandler<ProvideSupplementCommand, PetitionFiledDto>
{
    public async ValueTask<PetitionFiledDto> Handle(RequestSupplementCommand command, CancellationToken cancellationToken)
    {
        var (petition, institution) = await db.LoadAtOfficersInstitutionAsync(user, command.Id, "ask for a supplement", cancellationToken);
        var now = clock.GetUtcNow();
        petition.RequestSupplement(institution, command.Request!, command.DueAt!.Value, user.Name, now);
        await notifier.NotifyLatestAsync(petition, now, cancellationToken);
        await RescheduleAsync(petition, $"supplement-request:{petition.Id}:{petition.SupplementCount}", null, cancellationToken);
        return await db.ReceiptAsync(petition, cancellationToken);
    }

    public async ValueTask<PetitionFiledDto> Handle(ProvideSupplementCommand command, CancellationToken cancellationToken)
    {
        var petition = await db.LoadPetitionersAsync(user, command.Id, cancellationToken);
        petition.ProvideSupplement(user.Id!.Value, command.Reply!, clock.GetUtcNow());
        await RescheduleAsync(petition, $"supplement-reply:{petition.Id}:{petition.SupplementCount}", petition.DueAt, cancellationToken);
        return await db.ReceiptAsync(petition, cancellationToken);
    }

    /// <summary>Moves the open handling task's due date (null: paused) in the same transaction as the petition.</summary>
    private async Task RescheduleAsync(Petition petition, string operationId, DateTimeOffset? due, CancellationToken cancellationToken)
    {
        var task = await db.HandlingTaskIdAsync(petition, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await runtime.ExecuteAsync(petition.WorkflowInstanceId, new ResumeBookmarkCommand(operationId, task, HumanTaskActivity.RescheduleSignal, new JsonObject
        {
            ["due"] = due?.ToString("O"),
            ["explanationKo"] = due is null ? "보완 요청으로 처리기한 정지" : petition.DueExplanationKo,
            ["explanationEn"] = due is null ? "Clock stopped while a supplement is awaited" : petition.DueExplanationEn,
        }, user.Name), cancellationToken);
        if (result.Outcome != CommandOutcome.Applied)
        {
            throw new ConflictException($"The handling task did not take the change: {result.Message}", "RescheduleRefused");
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
