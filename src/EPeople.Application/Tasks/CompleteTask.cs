using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using EPeople.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Tasks;

/// <summary>
/// Completes a task with one of its actions. The revision must be the one the official saw (409 otherwise, saying
/// who acted); the operation id makes a repeated submission (a double click, a retry) return the first result.
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record CompleteTaskCommand(string TaskId, string? Action, JsonObject? Data, long ExpectedRevision, string? OperationId) : ICommand<TaskCompletedDto>;

internal sealed class CompleteTaskCommandValidator : AbstractValidator<CompleteTaskCommand>
{
    public CompleteTaskCommandValidator()
    {
        RuleFor(c => c.Action).NotEmpty().WithMessage("Choose an action.").MaximumLength(64);
        RuleFor(c => c.OperationId).NotEmpty().WithMessage("Send an operation id (a new one per intended completion).").MaximumLength(150);
        RuleFor(c => c.ExpectedRevision).GreaterThan(0);
    }
}

internal sealed class CompleteTaskCommandHandler(IEPeopleDbContext db, ICurrentUser user, WorkflowRuntime runtime, IEnumerable<ITaskParticipant> participants)
    : ICommandHandler<CompleteTaskCommand, TaskCompletedDto>
{
    public async ValueTask<TaskCompletedDto> Handle(CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        var officer = await db.OfficerAsync(user, cancellationToken);
        var task = await db.LoadTaskAsync(command.TaskId, officer, cancellationToken);
        var operationId = $"task:{command.OperationId}";
        var replay = await db.WorkflowTasks.AnyAsync(t => t.Id == task.Id && !t.IsOpen && t.Outcome == command.Action, cancellationToken)
                     && await runtime.HasProcessedAsync(operationId, cancellationToken);
        if (replay)
        {
            return new TaskCompletedDto(task.Id, command.Action!, await InstanceStatusAsync(task.InstanceId, cancellationToken), Replayed: true);
        }

        if (!task.IsOpen || task.Revision != command.ExpectedRevision)
        {
            throw TaskAccess.Stale(task);
        }

        var participant = await ParticipantAsync(task, cancellationToken);
        if (participant is null)
        {
            return Outcome(task, command, await runtime.ExecuteAsync(task.InstanceId, new ResumeBookmarkCommand(operationId, task.Id, command.Action, command.Data, user.Name), cancellationToken));
        }

        // The case (a petition) moves with the workflow: both are written in one transaction, or neither.
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var data = await participant.OnCompletingAsync(task, command.Action!, command.Data, officer, cancellationToken);
            var result = await runtime.ExecuteAsync(task.InstanceId, new ResumeBookmarkCommand(operationId, task.Id, command.Action, data, user.Name), cancellationToken);
            var dto = Outcome(task, command, result);
            await participant.OnCompletedAsync(task, result, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return dto;
        }
        catch (Exception ex) when (ex is EPeople.Workflows.Ports.WorkflowConflictException or DbUpdateException or System.Data.Common.DbException)
        {
            // Someone acted at the same moment: a twin of this very request is answered as the first one was.
            db.ChangeTracker.Clear();
            if (await runtime.HasProcessedAsync(operationId, cancellationToken))
            {
                return new TaskCompletedDto(task.Id, command.Action!, await InstanceStatusAsync(task.InstanceId, cancellationToken), Replayed: true);
            }

            throw TaskAccess.Stale(await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, cancellationToken));
        }
    }

    private async Task<ITaskParticipant?> ParticipantAsync(WorkflowTaskRecord task, CancellationToken cancellationToken)
    {
        foreach (var participant in participants)
        {
            if (await participant.HandlesAsync(task, cancellationToken))
            {
                return participant;
            }
        }

        return null;
    }

    private TaskCompletedDto Outcome(WorkflowTaskRecord task, CompleteTaskCommand command, CommandResult result) => result.Outcome switch
    {
        CommandOutcome.Applied => new TaskCompletedDto(task.Id, command.Action!, result.State.Status.ToString(), Replayed: false),
        CommandOutcome.Rejected => throw ValidationFailedException.For("action", result.Message ?? "This action is not offered."),
        _ => throw TaskAccess.Stale(db.WorkflowTasks.AsNoTracking().Single(t => t.Id == task.Id)),
    };

    private async Task<string> InstanceStatusAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync(cancellationToken);
}
