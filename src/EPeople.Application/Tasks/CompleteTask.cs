using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
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

internal sealed class CompleteTaskCommandHandler(IEPeopleDbContext db, ICurrentUser user, WorkflowRuntime runtime)
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

        var result = await runtime.ExecuteAsync(task.InstanceId, new ResumeBookmarkCommand(operationId, task.Id, command.Action, command.Data, user.Name), cancellationToken);
        return result.Outcome switch
        {
            CommandOutcome.Applied => new TaskCompletedDto(task.Id, command.Action!, result.State.Status.ToString(), Replayed: false),
            CommandOutcome.Rejected => throw ValidationFailedException.For("action", result.Message ?? "This action is not offered."),
            _ => throw TaskAccess.Stale(await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, cancellationToken)),
        };
    }

    private async Task<string> InstanceStatusAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync(cancellationToken);
}
