using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Workflows;

public sealed record IncidentDto(long Id, Guid InstanceId, string DefinitionId, int DefinitionVersion, string CorrelationId, string NodeId, string TokenId,
    string Kind, string Message, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt);

public sealed record IncidentPage(IReadOnlyList<IncidentDto> Items, long? Next);

public sealed record OperatorActionDto(Guid InstanceId, string Outcome, string InstanceStatus, bool HasIncidents, string? Message);

/// <summary>
/// The operators' incident list (newest first): tokens the engine parked because a script failed, a step budget ran
/// out or an assignment could not be resolved. Keyset-paged on (resolved_at, id) so open incidents come from the index.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record ListIncidentsQuery(bool Open = true, long? Before = null, int Limit = 50) : IQuery<IncidentPage>;

/// <summary>Re-runs the parked token of an incident once its cause is fixed (a corrected definition, a restored institution).</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record RetryIncidentRequest(long IncidentId, string? OperationId) : ICommand<OperatorActionDto>;

/// <summary>Cancels a workflow instance: open tasks leave the worklists, pending timers are dropped, nothing further runs.</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record CancelInstanceRequest(Guid InstanceId, string? Reason, string? OperationId) : ICommand<OperatorActionDto>;

internal sealed class ListIncidentsQueryValidator : AbstractValidator<ListIncidentsQuery>
{
    public ListIncidentsQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200);
}

internal sealed class RetryIncidentRequestValidator : AbstractValidator<RetryIncidentRequest>
{
    public RetryIncidentRequestValidator() =>
        RuleFor(c => c.OperationId).NotEmpty().WithMessage("Send an operation id (a new one per intended retry).").MaximumLength(150);
}

internal sealed class CancelInstanceRequestValidator : AbstractValidator<CancelInstanceRequest>
{
    public CancelInstanceRequestValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the instance is cancelled.").MaximumLength(500);
        RuleFor(c => c.OperationId).NotEmpty().WithMessage("Send an operation id (a new one per intended cancellation).").MaximumLength(150);
    }
}

internal sealed class IncidentsHandler(IEPeopleDbContext db, WorkflowRuntime runtime, ICurrentUser user)
    : IQueryHandler<ListIncidentsQuery, IncidentPage>,
      ICommandHandler<RetryIncidentRequest, OperatorActionDto>,
      ICommandHandler<CancelInstanceRequest, OperatorActionDto>
{
    public async ValueTask<IncidentPage> Handle(ListIncidentsQuery query, CancellationToken cancellationToken)
    {
        var incidents = query.Open
            ? db.WorkflowIncidents.AsNoTracking().Where(i => i.ResolvedAt == null)
            : db.WorkflowIncidents.AsNoTracking().Where(i => i.ResolvedAt != null);
        if (query.Before is { } before)
        {
            incidents = incidents.Where(i => i.Id < before);
        }

        var rows = await incidents.OrderByDescending(i => i.Id).Take(query.Limit + 1)
            .Join(db.WorkflowInstances, i => i.InstanceId, w => w.Id, (i, w) => new IncidentDto(
                i.Id, i.InstanceId, w.DefinitionId, w.DefinitionVersion, w.CorrelationId, i.NodeId, i.TokenId, i.Kind, i.Message, i.CreatedAt, i.ResolvedAt))
            .ToListAsync(cancellationToken);
        var page = rows.OrderByDescending(r => r.Id).Take(query.Limit).ToList();
        return new IncidentPage(page, rows.Count > query.Limit ? page[^1].Id : null);
    }

    public async ValueTask<OperatorActionDto> Handle(RetryIncidentRequest command, CancellationToken cancellationToken)
    {
        var incident = await db.WorkflowIncidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == command.IncidentId, cancellationToken)
                       ?? throw new NotFoundException("Incident", command.IncidentId);
        var operationId = $"retry:{command.OperationId}";
        if (incident.ResolvedAt is not null && !await runtime.HasProcessedAsync(operationId, cancellationToken))
        {
            throw new ConflictException($"Incident {incident.Id} was already resolved at {incident.ResolvedAt:u}.", "IncidentResolved");
        }

        var result = await runtime.ExecuteAsync(incident.InstanceId, new RetryIncidentCommand(operationId, incident.TokenId, user.Name), cancellationToken);
        return ToDto(incident.InstanceId, result);
    }

    public async ValueTask<OperatorActionDto> Handle(CancelInstanceRequest command, CancellationToken cancellationToken)
    {
        var status = await db.WorkflowInstances.Where(i => i.Id == command.InstanceId).Select(i => i.Status).SingleOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException("Workflow instance", command.InstanceId);
        var operationId = $"cancel:{command.OperationId}";
        if (status != nameof(InstanceStatus.Active) && !await runtime.HasProcessedAsync(operationId, cancellationToken))
        {
            throw new ConflictException($"The instance is {status}; only a running instance can be cancelled.", "InstanceNotRunning");
        }

        var result = await runtime.ExecuteAsync(command.InstanceId, new CancelCommand(operationId, command.Reason!, user.Name), cancellationToken);
        return ToDto(command.InstanceId, result);
    }

    private static OperatorActionDto ToDto(Guid instanceId, CommandResult result) =>
        new(instanceId, result.Outcome.ToString(), result.State.Status.ToString(), result.State.HasIncidents, result.Message);
}
