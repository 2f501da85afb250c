using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Workflows;

/// <summary>One version of a definition as its JSON document, as the designer opens it.</summary>
/// <param name="Version">The published number; 0 is the draft.</param>
/// <param name="LatestPublished">The newest published number (0 when none is published yet).</param>
public sealed record DefinitionDocumentDto(string DefinitionId, int Version, string Status, string Json, int LatestPublished, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// A definition's document: the given version (0: the draft), or without one what the designer opens — the draft
/// when there is one, else the latest published version.
/// </summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record GetDefinitionDocumentQuery(string DefinitionId, int? Version = null) : IQuery<DefinitionDocumentDto>;

internal sealed class DefinitionDocumentsHandler(IEPeopleDbContext db) : IQueryHandler<GetDefinitionDocumentQuery, DefinitionDocumentDto>
{
    public async ValueTask<DefinitionDocumentDto> Handle(GetDefinitionDocumentQuery query, CancellationToken cancellationToken)
    {
        var versions = db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == query.DefinitionId);
        var latest = await versions.Where(d => d.Version > 0).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        var chosen = query.Version is { } version
            ? versions.Where(d => d.Version == version)
            : versions.OrderBy(d => d.Version == 0 ? 0 : 1).ThenByDescending(d => d.Version);
        var record = await chosen.FirstOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException(query.Version switch
                     {
                         null => "Workflow definition",
                         0 => "Draft of workflow definition",
                         _ => $"Version {query.Version} of workflow definition",
                     }, query.DefinitionId);
        return new DefinitionDocumentDto(record.DefinitionId, record.Version, record.Status, record.Json, latest, record.CreatedAt, record.CreatedBy);
    }
}
