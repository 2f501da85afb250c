using EPeople.Workflows.Ports;
using EPeople.Application.Calendar;
using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Tasks;

/// <summary>Takes a task (it then shows in "my tasks"); refused with 409 when the revision moved on.</summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record ClaimTaskCommand(string TaskId, long ExpectedRevision) : ICommand<TaskSummaryDto>;

/// <summary>Gives a claimed task back to its department's pool.</summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record ReleaseTaskCommand(string TaskId, long ExpectedRevision) : ICommand<TaskSummaryDto>;

/// <summary>Assigns a task to another official (department heads and institution administrators).</summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record ReassignTaskCommand(string TaskId, long ExpectedRevision, string? Assignee) : ICommand<TaskSummaryDto>;

internal sealed class ReassignTaskCommandValidator : AbstractValidator<ReassignTaskCommand>
{
    public ReassignTaskCommandValidator() =>
        RuleFor(c => c.Assignee).NotEmpty().WithMessage("Name the official (e-mail) to assign the task to.").MaximumLength(256);
}

internal sealed class TaskAssignmentHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock, IEnumerable<ITaskParticipant> participants, IBusinessCalendarProvider calendars)
    : ICommandHandler<ClaimTaskCommand, TaskSummaryDto>, ICommandHandler<ReleaseTaskCommand, TaskSummaryDto>, ICommandHandler<ReassignTaskCommand, TaskSummaryDto>
{
    public ValueTask<TaskSummaryDto> Handle(ClaimTaskCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(command.TaskId, command.ExpectedRevision, "Claimed", claimedBy: user.Name, assignee: null, headOnly: false, cancellationToken);

    public ValueTask<TaskSummaryDto> Handle(ReleaseTaskCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(command.TaskId, command.ExpectedRevision, "Available", claimedBy: null, assignee: null, headOnly: false, cancellationToken);

    public ValueTask<TaskSummaryDto> Handle(ReassignTaskCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(command.TaskId, command.ExpectedRevision, "Available", claimedBy: null, assignee: command.Assignee, headOnly: true, cancellationToken);

    private async ValueTask<TaskSummaryDto> ChangeAsync(
        string taskId, long expectedRevision, string status, string? claimedBy, string? assignee, bool headOnly, CancellationToken ct)
    {
        var officer = await db.OfficerAsync(user, ct);
        var task = await db.LoadTaskAsync(taskId, officer, ct);
        if (headOnly && !officer.IsHeadOrAdmin)
        {
            throw new Errors.ForbiddenException("Only a department head or an institution administrator reassigns tasks.");
        }

        // Claiming a case's task also tells the case (a petition is then taken up), in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.WorkflowTasks
            .Where(t => t.Id == taskId && t.Revision == expectedRevision && t.IsOpen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, status)
                .SetProperty(t => t.ClaimedBy, claimedBy)
                .SetProperty(t => t.Assignee, t => assignee ?? t.Assignee)
                .SetProperty(t => t.Revision, t => t.Revision + 1), ct);
        var current = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        if (changed == 0)
        {
            throw TaskAccess.Stale(current);
        }

        if (claimedBy is not null)
        {
            foreach (var participant in participants)
            {
                if (await participant.HandlesAsync(task, ct))
                {
                    await participant.OnClaimedAsync(task, officer, ct);
                    await db.SaveChangesAsync(ct);
                    break;
                }
            }
        }

        await transaction.CommitAsync(ct);
        return current.ToSummary(await SlaRule.NowAsync(calendars, clock, ct));
    }
}
