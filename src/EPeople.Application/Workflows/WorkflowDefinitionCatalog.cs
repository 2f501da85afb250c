using EPeople.Application.Abstractions;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Validation;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Workflows;

/// <summary>
/// Definition versions (ENGINE.md §4.10): at most one draft per definition (version 0); publishing validates,
/// freezes the JSON with its content hash and assigns the next number; a published version never changes. Imports
/// never trust a document's own <c>version</c>. Shipped files are seeds: known content is skipped, new content
/// becomes the next version — or a draft when a later version was published from the designer.
/// </summary>
public sealed class WorkflowDefinitionCatalog(IEPeopleDbContext db, DefinitionValidator validator, TimeProvider clock)
{
    /// <summary>Who publishes shipped seed files.</summary>
    public const string SeedPublisher = "seed";

    /// <summary>Imports a shipped definition file.</summary>
    public async Task<DefinitionImportOutcome> ImportSeedAsync(string json, string source, CancellationToken cancellationToken)
    {
        var definition = Validated(json, source);
        var hash = DefinitionSerializer.ContentHash(definition);
        var known = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definition.DefinitionId && d.JsonSha256 == hash)
            .OrderByDescending(d => d.Version).Select(d => (int?)d.Version).FirstOrDefaultAsync(cancellationToken);
        if (known is { } version)
        {
            return new DefinitionImportOutcome(definition.DefinitionId, DefinitionImportAction.Unchanged, version, hash);
        }

        var latest = await LatestPublishedAsync(definition.DefinitionId, cancellationToken);
        if (latest is not null && latest.CreatedBy != SeedPublisher)
        {
            await SaveDraftAsync(definition, SeedPublisher, cancellationToken);
            return new DefinitionImportOutcome(definition.DefinitionId, DefinitionImportAction.Drafted, 0, hash);
        }

        var published = await PublishAsync(definition, SeedPublisher, cancellationToken);
        return new DefinitionImportOutcome(definition.DefinitionId, DefinitionImportAction.Published, published, hash);
    }

    /// <summary>Saves (or replaces) the draft of a definition; drafts may still have problems.</summary>
    public async Task SaveDraftAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken)
    {
        var draft = await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.DefinitionId == definition.DefinitionId && d.Version == 0, cancellationToken);
        var json = DefinitionSerializer.Serialize(definition with { Version = null });
        if (draft is null)
        {
            db.WorkflowDefinitions.Add(Record(definition, 0, "Draft", json, actor));
        }
        else
        {
            draft.Json = json;
            draft.JsonSha256 = DefinitionSerializer.ContentHash(definition);
            draft.Name = definition.Name ?? definition.DefinitionId;
            draft.CreatedAt = clock.GetUtcNow();
            draft.CreatedBy = actor;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publishes the draft as the next version; refuses while it has errors.</summary>
    public async Task<int> PublishDraftAsync(string definitionId, string actor, CancellationToken cancellationToken)
    {
        var draft = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == 0, cancellationToken)
                    ?? throw new Errors.NotFoundException("Draft of workflow definition", definitionId);
        var definition = Validated(draft.Json, $"The draft of {definitionId}");
        var version = await PublishAsync(definition, actor, cancellationToken);
        await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && d.Version == 0).ExecuteDeleteAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Node ids that running instances of the definition wait at but that <paramref name="candidate"/> no longer has:
    /// those instances must stay on their version or be migrated with a node map.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> RemovedNodesWithLiveTokensAsync(WorkflowDefinition candidate, CancellationToken cancellationToken)
    {
        var states = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == candidate.DefinitionId && i.Status == "Active")
            .Select(i => i.State).ToListAsync(cancellationToken);
        return states
            .SelectMany(s => InstanceStateSerializer.Deserialize(s).Tokens.Select(t => t.NodeId).Distinct())
            .Where(node => candidate.FindActivity(node) is null)
            .GroupBy(node => node)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The latest published version, or null.</summary>
    public async Task<WorkflowDefinition?> GetLatestAsync(string definitionId, CancellationToken cancellationToken)
    {
        // Only the latest version number is read each time; a published version never changes, so its parsed document
        // is kept for the life of the process (filing reads it on every petition).
        var latest = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.IsLatest && d.Version > 0)
            .Select(d => new { d.Version, d.JsonSha256 }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        if (Published.TryGetValue(latest.JsonSha256, out var cached) && cached.DefinitionId == definitionId && cached.Version == latest.Version)
        {
            return cached;
        }

        var record = await LatestPublishedAsync(definitionId, cancellationToken);
        return record is null ? null : Published[record.JsonSha256] = DefinitionSerializer.Deserialize(record.Json) with { Version = record.Version };
    }

    /// <summary>Parsed published documents by content hash (a published version is immutable).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkflowDefinition> Published = new();

    private async Task<int> PublishAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken)
    {
        var current = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definition.DefinitionId && d.Version > 0)
            .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        var version = current + 1;
        await db.WorkflowDefinitions.Where(d => d.DefinitionId == definition.DefinitionId && d.IsLatest)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, false), cancellationToken);
        var now = clock.GetUtcNow();
        var record = Record(definition, version, "Published", DefinitionSerializer.Serialize(definition with { Version = null }), actor);
        record.IsLatest = true;
        record.PublishedAt = now;
        record.PublishedBy = actor;
        db.WorkflowDefinitions.Add(record);
        // The primary key (definition, version) makes two concurrent publishes of the same number fail, not collide.
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    private Task<WorkflowDefinitionRecord?> LatestPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Version > 0)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);

    private WorkflowDefinition Validated(string json, string source)
    {
        var report = validator.Validate(json);
        if (!report.IsValid)
        {
            throw new DefinitionRejectedException(source, [.. report.Errors]);
        }

        return DefinitionSerializer.Deserialize(json);
    }

    private WorkflowDefinitionRecord Record(WorkflowDefinition definition, int version, string status, string json, string actor) => new()
    {
        DefinitionId = definition.DefinitionId,
        Version = version,
        Status = status,
        Name = definition.Name ?? definition.DefinitionId,
        Json = json,
        JsonSha256 = DefinitionSerializer.ContentHash(definition),
        SchemaVersion = WorkflowDefinition.SchemaUri,
        CreatedAt = clock.GetUtcNow(),
        CreatedBy = actor,
    };
}
