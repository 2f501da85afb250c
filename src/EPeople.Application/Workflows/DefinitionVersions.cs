using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Workflows.Definitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Workflows;

/// <param name="Version">The published number; 0 is the draft being edited.</param>
public sealed record DefinitionVersionDto(int Version, string Status, bool IsLatest, string Name, string Hash, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy);

public sealed record NodeChangeDto(string ActivityId, string Change, string Type, IReadOnlyList<string> Fields);

public sealed record ConnectionChangeDto(string SourceActivity, string SourcePort, string TargetActivity, string TargetPort, string Change);

/// <summary>What changed from one version to another, node by node (<see cref="DefinitionDiff"/>).</summary>
public sealed record DefinitionComparisonDto(string DefinitionId, int From, int To, IReadOnlyList<string> DefinitionFields,
    IReadOnlyList<NodeChangeDto> Nodes, IReadOnlyList<ConnectionChangeDto> Connections);

/// <summary>A definition's history: the draft (version 0) if any, then every published version, newest first.</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record ListDefinitionVersionsQuery(string DefinitionId) : IQuery<IReadOnlyList<DefinitionVersionDto>>;

/// <summary>Compares two versions of a definition (0: the draft), node by node.</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record CompareDefinitionVersionsQuery(string DefinitionId, int From, int To) : IQuery<DefinitionComparisonDto>;

internal sealed class DefinitionVersionsHandler(IEPeopleDbContext db)
    : IQueryHandler<ListDefinitionVersionsQuery, IReadOnlyList<DefinitionVersionDto>>, IQueryHandler<CompareDefinitionVersionsQuery, DefinitionComparisonDto>
{
    public async ValueTask<IReadOnlyList<DefinitionVersionDto>> Handle(ListDefinitionVersionsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == query.DefinitionId)
            .Select(d => new DefinitionVersionDto(d.Version, d.Status, d.IsLatest, d.Name, d.JsonSha256, d.CreatedAt, d.CreatedBy, d.PublishedAt, d.PublishedBy))
            .ToListAsync(cancellationToken);
        return rows.Count > 0
            ? [.. rows.OrderBy(r => r.Version == 0 ? 0 : 1).ThenByDescending(r => r.Version)]
            : throw new NotFoundException("Workflow definition", query.DefinitionId);
    }

    public async ValueTask<DefinitionComparisonDto> Handle(CompareDefinitionVersionsQuery query, CancellationToken cancellationToken)
    {
        var older = await LoadAsync(query.DefinitionId, query.From, cancellationToken);
        var newer = await LoadAsync(query.DefinitionId, query.To, cancellationToken);
        return Comparison(query.DefinitionId, query.From, query.To, DefinitionDiff.Between(older, newer));
    }

    /// <summary>A diff as the designer reads it (also the publish preview's).</summary>
    internal static DefinitionComparisonDto Comparison(string definitionId, int from, int to, DefinitionDiff diff) =>
        new(definitionId, from, to, diff.DefinitionFields,
            [.. diff.Nodes.Select(n => new NodeChangeDto(n.ActivityId, n.Kind.ToString(), n.Type, n.Fields))],
            [.. diff.Connections.Select(c => new ConnectionChangeDto(c.Source.Activity, c.Source.Port, c.Target.Activity, c.Target.Port, c.Kind.ToString()))]);

    private async Task<WorkflowDefinition> LoadAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var json = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.Version == version)
                       .Select(d => d.Json).SingleOrDefaultAsync(cancellationToken)
                   ?? throw new NotFoundException(version == 0 ? "Draft of workflow definition" : $"Version {version} of workflow definition", definitionId);
        return DefinitionSerializer.Deserialize(json);
    }
}
