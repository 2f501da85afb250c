using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Auditing;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Validation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Workflows;

/// <summary>What happens to running instances of older versions when a draft is published.</summary>
public enum DefinitionMigrationMode
{
    /// <summary>They stay pinned to their version (the default, ENGINE.md §4.10).</summary>
    Leave,

    /// <summary>They move to the new version, tokens mapped node by node.</summary>
    Migrate,
}

/// <param name="NodeMap">Old node id → node id of the new version; a node id not in the map keeps its id.</param>
/// <param name="Versions">Whose running instances migrate; null: every older version.</param>
public sealed record DefinitionMigrationChoice(DefinitionMigrationMode Mode, IReadOnlyDictionary<string, string>? NodeMap = null, IReadOnlyList<int>? Versions = null);

/// <summary>A running instance that could not be moved (it stays on its version).</summary>
public sealed record MigrationFailureDto(Guid InstanceId, int FromVersion, string Message);

/// <param name="Published">False when a retried Migrate request found the draft already published and only finished the migrations.</param>
/// <param name="RemovedNodesWithLiveTokens">Node ids running instances waited at that the new version no longer has (before any migration).</param>
/// <param name="InstancesLeft">Running instances of older versions that stay on their version.</param>
public sealed record PublishResultDto(string DefinitionId, int Version, bool Published, IReadOnlyDictionary<string, int> RemovedNodesWithLiveTokens,
    DefinitionMigrationMode Mode, int InstancesMigrated, int InstancesLeft, IReadOnlyList<MigrationFailureDto> Failures);

/// <summary>A version as a file: the document (a published one carries its number, for information only) and a file name.</summary>
public sealed record DefinitionExportDto(string DefinitionId, int Version, string FileName, string Json);

/// <param name="Format">"EPeople" or "Elsa" (detected from the document).</param>
/// <param name="ReplacedDraft">True when a draft existed and was overwritten.</param>
public sealed record DraftImportResultDto(string DefinitionId, string Format, bool ReplacedDraft, ValidationResultDto Validation);

/// <param name="RestoredFrom">The published version copied into the draft.</param>
public sealed record DraftRestoreResultDto(string DefinitionId, int RestoredFrom, bool ReplacedDraft, ValidationResultDto Validation);

/// <summary>Running (Active) instances of one published version.</summary>
public sealed record RunningInstancesDto(int Version, int Instances);

/// <summary>Where running instances of a version wait at a node the draft no longer has (or has with another type).</summary>
/// <param name="CompatibleTargets">Draft nodes of the same activity type: the only nodes a token can be moved to.</param>
public sealed record StrandedNodeDto(int Version, string NodeId, string Type, int Instances, int Tokens, IReadOnlyList<string> CompatibleTargets);

/// <summary>Everything the publish dialog shows before publishing.</summary>
/// <param name="CanPublish">The draft has no errors.</param>
/// <param name="Changes">The draft against the latest published version (null when none is published yet).</param>
/// <param name="SuggestedNodeMap">Every node id running instances wait at → the same id when the draft keeps a node of that type, else null (to be chosen).</param>
public sealed record PublishPreviewDto(string DefinitionId, int? LatestVersion, ValidationResultDto Validation, bool CanPublish, DefinitionComparisonDto? Changes,
    IReadOnlyList<RunningInstancesDto> RunningInstances, IReadOnlyList<StrandedNodeDto> StrandedNodes, IReadOnlyDictionary<string, string?> SuggestedNodeMap);

/// <summary>A version (0: the draft) as a JSON document to download.</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record ExportDefinitionVersionQuery(string DefinitionId, int Version) : IQuery<DefinitionExportDto>;

/// <summary>
/// Replaces the draft with an imported document: an EPeople document (its definitionId must be this one) or an Elsa 3
/// flowchart (converted by <see cref="ElsaImporter"/>, its id rewritten to this one). The document's version is ignored.
/// </summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin)]
public sealed record ImportDefinitionDraftCommand(string DefinitionId, string? Document) : ICommand<DraftImportResultDto>;

/// <summary>Rolls back: copies a published version into a new draft (replacing the current one); the published version is untouched.</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin)]
public sealed record RestoreDefinitionVersionCommand(string DefinitionId, int Version) : ICommand<DraftRestoreResultDto>;

/// <summary>The draft's validation, its changes and which running instances it would strand (ENGINE.md §4.11 item 13).</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record GetPublishPreviewQuery(string DefinitionId) : IQuery<PublishPreviewDto>;

internal sealed class PublishDefinitionCommandValidator : AbstractValidator<PublishDefinitionCommand>
{
    public PublishDefinitionCommandValidator() =>
        RuleFor(c => c.Migration!.Mode).IsInEnum().When(c => c.Migration is not null).WithMessage("Choose Leave or Migrate.");
}

/// <summary>
/// Export, import, roll back, preview and publish with migration. Publishing commits the new version and its audit entry in
/// one transaction; the migrations run afterwards, one engine command per instance, each in its own transaction. One
/// transaction for all would hold every instance row of the definition for the whole run, and the runtime re-applies a
/// command that lost a race only outside an ambient transaction (<see cref="IWorkflowStore.InAmbientTransaction"/>): a
/// single task action finishing meanwhile would abort the publication on PostgreSQL. Each migration has the operation id
/// <c>migrate:{instance}:v{version}</c>, so repeating the request (it then finds the draft published and only finishes the
/// migrations) moves no instance twice; an instance that cannot be moved stays on its version and is reported.
/// </summary>
internal sealed class DefinitionPublishingHandler(
    IEPeopleDbContext db, WorkflowDefinitionCatalog catalog, DefinitionValidator validator, WorkflowRuntime runtime, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ExportDefinitionVersionQuery, DefinitionExportDto>,
      ICommandHandler<ImportDefinitionDraftCommand, DraftImportResultDto>,
      ICommandHandler<RestoreDefinitionVersionCommand, DraftRestoreResultDto>,
      IQueryHandler<GetPublishPreviewQuery, PublishPreviewDto>,
      ICommandHandler<PublishDefinitionCommand, PublishResultDto>
{
    private const string DraftEntity = "WorkflowDefinitionDraft";
    private const string VersionEntity = "WorkflowDefinitionVersion";

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async ValueTask<DefinitionExportDto> Handle(ExportDefinitionVersionQuery query, CancellationToken cancellationToken)
    {
        var definition = await LoadAsync(query.DefinitionId, query.Version, cancellationToken);
        var json = DefinitionSerializer.Serialize(definition with { Version = query.Version == 0 ? null : query.Version });
        var fileName = $"{query.DefinitionId}.{(query.Version == 0 ? "draft" : $"v{query.Version}")}.json";
        return new DefinitionExportDto(query.DefinitionId, query.Version, fileName, json);
    }

    public async ValueTask<DraftImportResultDto> Handle(ImportDefinitionDraftCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Document))
        {
            throw ValidationFailedException.For("json", "Send the definition document.");
        }

        var isElsa = IsElsa(command.Document);
        WorkflowDefinition definition;
        if (isElsa)
        {
            var imported = ElsaImporter.Import(command.Document);
            if (!imported.Succeeded)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["document"] = [.. imported.Rejections] });
            }

            // Elsa's ids are opaque (often GUIDs) and never ours: the flow always becomes the draft of this definition.
            definition = imported.Definition! with { DefinitionId = command.DefinitionId };
        }
        else
        {
            try
            {
                definition = DefinitionSerializer.Deserialize(command.Document);
            }
            catch (DefinitionFormatException ex)
            {
                throw ValidationFailedException.For("json", ex.Message);
            }

            // An EPeople document names its definition: another id is most likely the wrong file, so it is refused, not rewritten.
            if (definition.DefinitionId != command.DefinitionId)
            {
                throw ValidationFailedException.For("definitionId", $"The document is '{definition.DefinitionId}', not '{command.DefinitionId}'.");
            }
        }

        definition = definition with { Version = null };
        var report = validator.Validate(DefinitionSerializer.Serialize(definition));
        var replaced = await HasDraftAsync(command.DefinitionId, cancellationToken);
        db.AuditEntries.Add(Audit(DraftEntity, command.DefinitionId, command.DefinitionId, replaced ? AuditAction.Updated : AuditAction.Created,
            new { source = isElsa ? "Elsa import" : "import", hash = DefinitionSerializer.ContentHash(definition), valid = report.IsValid }));
        await catalog.SaveDraftAsync(definition, user.Name, cancellationToken); // one SaveChanges: the draft and its audit entry
        return new DraftImportResultDto(command.DefinitionId, isElsa ? "Elsa" : "EPeople", replaced, new ValidationResultDto(report.IsValid, report.Problems));
    }

    public async ValueTask<DraftRestoreResultDto> Handle(RestoreDefinitionVersionCommand command, CancellationToken cancellationToken)
    {
        if (command.Version <= 0)
        {
            throw ValidationFailedException.For("version", "Choose a published version to restore.");
        }

        var definition = await LoadAsync(command.DefinitionId, command.Version, cancellationToken);
        var report = validator.Validate(DefinitionSerializer.Serialize(definition));
        var replaced = await HasDraftAsync(command.DefinitionId, cancellationToken);
        db.AuditEntries.Add(Audit(DraftEntity, command.DefinitionId, command.DefinitionId, replaced ? AuditAction.Updated : AuditAction.Created,
            new { source = $"restore of version {command.Version}", hash = DefinitionSerializer.ContentHash(definition), valid = report.IsValid }));
        await catalog.SaveDraftAsync(definition, user.Name, cancellationToken);
        return new DraftRestoreResultDto(command.DefinitionId, command.Version, replaced, new ValidationResultDto(report.IsValid, report.Problems));
    }

    public async ValueTask<PublishPreviewDto> Handle(GetPublishPreviewQuery query, CancellationToken cancellationToken)
    {
        var json = await DraftJsonAsync(query.DefinitionId, cancellationToken)
                   ?? throw new NotFoundException("Draft of workflow definition", query.DefinitionId);
        var report = validator.Validate(json);
        WorkflowDefinition? draft;
        try
        {
            draft = DefinitionSerializer.Deserialize(json);
        }
        catch (DefinitionFormatException)
        {
            draft = null; // the validation report says why
        }

        var latest = await catalog.GetLatestAsync(query.DefinitionId, cancellationToken);
        var running = await RunningAsync(query.DefinitionId, null, cancellationToken);
        var sources = await PublishedAsync(query.DefinitionId, running.Select(r => r.Version), cancellationToken);
        var waiting = Waiting(running, sources);
        var stranded = draft is null
            ? []
            : waiting.Where(w => !Compatible(draft.FindActivity(w.NodeId), w.Type))
                .Select(w => new StrandedNodeDto(w.Version, w.NodeId, w.Type, w.Instances, w.Tokens,
                    [.. draft.Activities.Where(a => a.Type == w.Type).Select(a => a.Id)]))
                .ToList();
        // The same id where the draft keeps a node of the same type for every version waiting there; null: to be chosen.
        var suggested = new SortedDictionary<string, string?>(waiting.GroupBy(w => w.NodeId).ToDictionary(
            g => g.Key, g => draft is not null && g.All(w => Compatible(draft.FindActivity(w.NodeId), w.Type)) ? g.Key : null), StringComparer.Ordinal);

        return new PublishPreviewDto(query.DefinitionId, latest?.Version, new ValidationResultDto(report.IsValid, report.Problems), report.IsValid,
            latest is null || draft is null ? null : DefinitionVersionsHandler.Comparison(query.DefinitionId, latest.Version ?? 0, 0, DefinitionDiff.Between(latest, draft)),
            [.. running.GroupBy(r => r.Version).OrderBy(g => g.Key).Select(g => new RunningInstancesDto(g.Key, g.Count()))],
            stranded, suggested);
    }

    public async ValueTask<PublishResultDto> Handle(PublishDefinitionCommand command, CancellationToken cancellationToken)
    {
        var choice = command.Migration ?? new DefinitionMigrationChoice(DefinitionMigrationMode.Leave);
        var map = choice.NodeMap ?? new Dictionary<string, string>();
        var migrate = choice.Mode == DefinitionMigrationMode.Migrate;
        var json = await DraftJsonAsync(command.DefinitionId, cancellationToken);
        if (json is null)
        {
            // A repeated publish-and-migrate (a time-out, a double click) finds its draft already published: it finishes the
            // migrations to the latest version instead; the operation ids keep instances already moved from moving again.
            if (migrate && await catalog.GetLatestAsync(command.DefinitionId, cancellationToken) is { Version: { } current } latest)
            {
                var selected = await RunningAsync(command.DefinitionId, Selected(choice, current), cancellationToken);
                await CheckPlanAsync(command.DefinitionId, latest, selected, map, cancellationToken);
                var resumed = await MigrateAsync(command.DefinitionId, latest, current, choice, map, cancellationToken);
                return resumed with { Published = false };
            }

            throw new NotFoundException("Draft of workflow definition", command.DefinitionId);
        }

        try
        {
            var report = validator.Validate(json);
            if (!report.IsValid)
            {
                throw new DefinitionRejectedException(command.DefinitionId, [.. report.Errors]);
            }

            var draft = DefinitionSerializer.Deserialize(json);
            var removed = await catalog.RemovedNodesWithLiveTokensAsync(draft, cancellationToken);
            var latestVersion = await db.WorkflowDefinitions.Where(d => d.DefinitionId == command.DefinitionId && d.Version > 0)
                .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            if (migrate)
            {
                var selected = await RunningAsync(command.DefinitionId, Selected(choice, latestVersion + 1), cancellationToken);
                await CheckPlanAsync(command.DefinitionId, draft, selected, map, cancellationToken);
            }

            int version;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                version = await catalog.PublishDraftAsync(command.DefinitionId, user.Name, cancellationToken);
                db.AuditEntries.Add(Audit(VersionEntity, $"{command.DefinitionId}:v{version}", command.DefinitionId, AuditAction.Created, new
                {
                    definitionId = command.DefinitionId, version, hash = DefinitionSerializer.ContentHash(draft), migration = choice.Mode.ToString(),
                    nodeMap = migrate ? map : null, versions = migrate ? choice.Versions : null, removedNodesWithLiveTokens = removed,
                }));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (!migrate)
            {
                var left = await db.WorkflowInstances.CountAsync(
                    i => i.DefinitionId == command.DefinitionId && i.Status == "Active" && i.DefinitionVersion < version, cancellationToken);
                return new PublishResultDto(command.DefinitionId, version, true, removed, choice.Mode, 0, left, []);
            }

            var published = (await PublishedAsync(command.DefinitionId, [version], cancellationToken))[version];
            return (await MigrateAsync(command.DefinitionId, published, version, choice, map, cancellationToken)) with { RemovedNodesWithLiveTokens = removed };
        }
        catch (DefinitionRejectedException ex)
        {
            throw new ConflictException($"The draft has {ex.Problems.Count} error(s) and cannot be published: {string.Join(" / ", ex.Problems.Take(5))}", "DefinitionInvalid");
        }
    }

    /// <summary>Moves every running instance of the chosen older versions to <paramref name="target"/>, one engine command each, and audits the outcome.</summary>
    private async Task<PublishResultDto> MigrateAsync(string definitionId, WorkflowDefinition target, int version, DefinitionMigrationChoice choice,
        IReadOnlyDictionary<string, string> map, CancellationToken cancellationToken)
    {
        // Read again after publishing: an instance started on the old version meanwhile is moved too (or reported).
        var selected = await RunningAsync(definitionId, Selected(choice, version), cancellationToken);
        var migrated = 0;
        var failures = new List<MigrationFailureDto>();
        foreach (var instance in selected)
        {
            try
            {
                var result = await runtime.ExecuteAsync(instance.Id, new MigrateCommand($"migrate:{instance.Id}:v{version}", target, map, user.Name), cancellationToken);
                if (result.Outcome == CommandOutcome.Rejected)
                {
                    failures.Add(new MigrationFailureDto(instance.Id, instance.Version, result.Message ?? "The engine refused the migration."));
                }
                else if (result.Outcome == CommandOutcome.Applied)
                {
                    migrated++;
                }
            }
            catch (WorkflowConflictException ex)
            {
                failures.Add(new MigrationFailureDto(instance.Id, instance.Version, ex.Message));
            }
        }

        var left = await db.WorkflowInstances.CountAsync(
            i => i.DefinitionId == definitionId && i.Status == "Active" && i.DefinitionVersion < version, cancellationToken);
        db.AuditEntries.Add(Audit(VersionEntity, $"{definitionId}:v{version}", definitionId, AuditAction.Updated, new
        {
            definitionId, version, migration = nameof(DefinitionMigrationMode.Migrate), nodeMap = map, versions = choice.Versions,
            instancesMigrated = migrated, instancesLeft = left, failures = failures.Select(f => new { f.InstanceId, f.FromVersion, f.Message }),
        }));
        await db.SaveChangesAsync(cancellationToken);
        return new PublishResultDto(definitionId, version, true, new Dictionary<string, int>(), DefinitionMigrationMode.Migrate, migrated, left, failures);
    }

    /// <summary>
    /// Refuses a migration plan before anything is published: every mapped target must be a node of the new version with the
    /// type of the node it replaces (400), and every node a selected instance waits at must exist in the new version or be mapped (409).
    /// </summary>
    private async Task CheckPlanAsync(string definitionId, WorkflowDefinition candidate, IReadOnlyList<RunningInstance> selected,
        IReadOnlyDictionary<string, string> map, CancellationToken cancellationToken)
    {
        foreach (var (from, to) in map)
        {
            if (string.IsNullOrWhiteSpace(to) || candidate.FindActivity(to) is null)
            {
                throw ValidationFailedException.For("nodeMap", $"'{from}' is mapped to '{to}', which the new version does not have.");
            }
        }

        var sources = await PublishedAsync(definitionId, selected.Select(s => s.Version), cancellationToken);
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in Waiting(selected, sources))
        {
            if (map.TryGetValue(node.NodeId, out var to))
            {
                var target = candidate.FindActivity(to)!;
                if (!Compatible(target, node.Type))
                {
                    throw ValidationFailedException.For("nodeMap",
                        $"'{node.NodeId}' ({node.Type}) cannot move to '{to}' ({target.Type}): a waiting token moves only to a node of the same type.");
                }
            }
            else if (!Compatible(candidate.FindActivity(node.NodeId), node.Type))
            {
                unmapped.Add($"'{node.NodeId}' (v{node.Version}, {node.Instances})");
            }
        }

        if (unmapped.Count > 0)
        {
            throw new ConflictException(
                $"Running instances wait at nodes the new version no longer has; map each to a node of the same type, or leave the instances on their version: {string.Join(", ", unmapped)}.",
                "MigrationMapIncomplete");
        }
    }

    private sealed record RunningInstance(Guid Id, int Version, string State);

    private sealed record WaitingNode(int Version, string NodeId, string Type, int Instances, int Tokens);

    private static bool Compatible(ActivityNode? target, string type) => target is not null && target.Type == type;

    private static Func<int, bool> Selected(DefinitionMigrationChoice choice, int newVersion)
    {
        if (choice.Versions?.Any(v => v <= 0 || v >= newVersion) == true)
        {
            throw ValidationFailedException.For("versions", $"Only versions 1 to {newVersion - 1} can be migrated to version {newVersion}.");
        }

        return v => v < newVersion && (choice.Versions is null || choice.Versions.Contains(v));
    }

    /// <summary>Per (version, node): how many running instances and tokens wait there, with the node's type in that version.</summary>
    private static List<WaitingNode> Waiting(IReadOnlyList<RunningInstance> running, Dictionary<int, WorkflowDefinition> sources) =>
    [
        .. running
            .SelectMany(r => InstanceStateSerializer.Deserialize(r.State).Tokens.Select(t => (r.Id, r.Version, t.NodeId)))
            .GroupBy(t => (t.Version, t.NodeId))
            .OrderBy(g => g.Key.Version).ThenBy(g => g.Key.NodeId, StringComparer.Ordinal)
            .Select(g => new WaitingNode(g.Key.Version, g.Key.NodeId,
                sources.TryGetValue(g.Key.Version, out var source) ? source.FindActivity(g.Key.NodeId)?.Type ?? "" : "",
                g.Select(t => t.Id).Distinct().Count(), g.Count())),
    ];

    private async Task<List<RunningInstance>> RunningAsync(string definitionId, Func<int, bool>? versions, CancellationToken cancellationToken)
    {
        var rows = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.Status == "Active")
            .OrderBy(i => i.CreatedAt)
            .Select(i => new RunningInstance(i.Id, i.DefinitionVersion, i.State))
            .ToListAsync(cancellationToken);
        return versions is null ? rows : [.. rows.Where(r => versions(r.Version))];
    }

    private async Task<Dictionary<int, WorkflowDefinition>> PublishedAsync(string definitionId, IEnumerable<int> versions, CancellationToken cancellationToken)
    {
        var wanted = versions.Distinct().ToList();
        var rows = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Version > 0 && wanted.Contains(d.Version))
            .Select(d => new { d.Version, d.Json })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Version, r => DefinitionSerializer.Deserialize(r.Json) with { Version = r.Version });
    }

    private async Task<WorkflowDefinition> LoadAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var json = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.Version == version)
                       .Select(d => d.Json).SingleOrDefaultAsync(cancellationToken)
                   ?? throw new NotFoundException(version == 0 ? "Draft of workflow definition" : $"Version {version} of workflow definition", definitionId);
        return DefinitionSerializer.Deserialize(json);
    }

    private Task<string?> DraftJsonAsync(string definitionId, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.Version == 0).Select(d => d.Json).SingleOrDefaultAsync(cancellationToken);

    private Task<bool> HasDraftAsync(string definitionId, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == definitionId && d.Version == 0, cancellationToken);

    /// <summary>An Elsa document has a <c>root</c> activity or Elsa activity types; anything else is read as ours.</summary>
    private static bool IsElsa(string document)
    {
        try
        {
            if (JsonNode.Parse(document) is not JsonObject json)
            {
                return false;
            }

            static bool ElsaType(JsonNode? node) => node?["type"] is JsonValue v && v.TryGetValue<string>(out var type) && type.StartsWith("Elsa.", StringComparison.Ordinal);
            return json["root"] is JsonObject || ElsaType(json) || (json["activities"] as JsonArray ?? []).Any(ElsaType);
        }
        catch (JsonException)
        {
            return false; // the EPeople parser reports where the JSON breaks
        }
    }

    private AuditEntry Audit(string entityType, string entityId, string definitionId, AuditAction action, object after) =>
        new(clock.GetUtcNow(), user.Id, user.Name, user.IpAddress, entityType, entityId, definitionId, action, null, JsonSerializer.Serialize(after, AuditJson));
}
