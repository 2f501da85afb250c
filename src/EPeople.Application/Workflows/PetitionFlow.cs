using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Calendar;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Workflows;

/// <param name="Visited">The instance has passed through it.</param>
/// <param name="Current">A token waits at it now.</param>
public sealed record FlowNodeDto(string Id, string Type, string? Name, double X, double Y, bool Visited, bool Current);

/// <param name="Taken">The instance left <see cref="From"/> through this port.</param>
public sealed record FlowWireDto(string From, string Port, string To, bool Taken);

public sealed record FlowTaskDto(string NodeId, string Title, string? InstitutionCode, DateTimeOffset? DueAt, string SlaState);

/// <summary>A petition's workflow as the instance viewer draws it: the version it runs on, the path taken, where it waits and its open tasks.</summary>
public sealed record PetitionFlowDto(string DefinitionId, int Version, string Status, IReadOnlyList<FlowNodeDto> Nodes, IReadOnlyList<FlowWireDto> Wires, IReadOnlyList<FlowTaskDto> OpenTasks);

/// <summary>
/// The instance viewer's data (issue 7): for analysts and system administrators any petition; for officials and
/// institution administrators the petitions their institution holds. Nodes without a designer position are placed
/// by <see cref="DefinitionLayout"/>.
/// </summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record GetPetitionFlowQuery(Guid PetitionId) : IQuery<PetitionFlowDto>;

internal sealed class GetPetitionFlowQueryHandler(IEPeopleDbContext db, ICurrentUser user, InstitutionDirectory directory, TimeProvider clock, IBusinessCalendarProvider calendars)
    : IQueryHandler<GetPetitionFlowQuery, PetitionFlowDto>
{
    public async ValueTask<PetitionFlowDto> Handle(GetPetitionFlowQuery query, CancellationToken cancellationToken)
    {
        var petition = await db.Petitions.AsNoTracking().Where(p => p.Id == query.PetitionId)
                           .Select(p => new { p.InstitutionCode, p.WorkflowInstanceId }).SingleOrDefaultAsync(cancellationToken)
                       ?? throw new NotFoundException("Petition", query.PetitionId);
        if (!user.IsInRole(Roles.Analyst) && !user.IsInRole(Roles.SystemAdmin)
            && (user.InstitutionId is not { } mine || (await directory.ByIdAsync(mine, cancellationToken))?.Code != petition.InstitutionCode))
        {
            throw new ForbiddenException("Only the institution that has the petition, analysts and system administrators see its workflow.");
        }

        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == petition.WorkflowInstanceId, cancellationToken)
                       ?? throw new NotFoundException("Workflow instance", petition.WorkflowInstanceId);
        var json = await db.WorkflowDefinitions.AsNoTracking()
                       .Where(d => d.DefinitionId == instance.DefinitionId && d.Version == instance.DefinitionVersion).Select(d => d.Json)
                       .SingleOrDefaultAsync(cancellationToken)
                   ?? throw new NotFoundException($"Version {instance.DefinitionVersion} of workflow definition", instance.DefinitionId);
        var definition = DefinitionSerializer.Deserialize(json);

        var history = await db.WorkflowHistory.AsNoTracking()
            .Where(h => h.InstanceId == instance.Id && h.NodeId != null)
            .OrderBy(h => h.Seq)
            .Select(h => new { h.NodeId, h.Event, h.Data }).ToListAsync(cancellationToken);
        var current = InstanceStateSerializer.Deserialize(instance.State).Tokens.Select(t => t.NodeId).ToHashSet(StringComparer.Ordinal);
        var path = FlowPath.Read(definition, history.Select(h => (h.NodeId, h.Event, h.Data is null ? null : JsonNode.Parse(h.Data))), current);

        var layout = DefinitionLayout.Arrange(definition);
        var nodes = definition.Activities.Select(a =>
        {
            var (x, y) = DefinitionLayout.PositionOf(a) ?? layout[a.Id];
            return new FlowNodeDto(a.Id, a.Type, a.Name, x, y, path.IsVisited(a.Id), current.Contains(a.Id));
        }).ToList();
        var wires = definition.Connections
            .Select(c => new FlowWireDto(c.Source.Activity, c.Source.Port, c.Target.Activity, path.IsTaken(c)))
            .ToList();

        var sla = await SlaRule.NowAsync(calendars, clock, cancellationToken);
        var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instance.Id && t.IsOpen)
            .Select(t => new { t.NodeId, t.Title, t.InstitutionCode, t.DueAt }).ToListAsync(cancellationToken);
        return new PetitionFlowDto(instance.DefinitionId, instance.DefinitionVersion, instance.Status, nodes, wires,
            [.. tasks.Select(t => new FlowTaskDto(t.NodeId, t.Title, t.InstitutionCode, t.DueAt, sla.StateOf(t.DueAt)))]);
    }
}
