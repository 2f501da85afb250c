using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Workflows;

public sealed record DefinitionSummaryDto(string DefinitionId, int Version, string Name, string Hash, DateTimeOffset? PublishedAt, string? PublishedBy, bool HasDraft);

public sealed record ValidationResultDto(bool Valid, IReadOnlyList<DefinitionProblem> Problems);


/// <summary>The activity palette: every registered activity's descriptor (inputs, ports, UI hints).</summary>
[Authorize]
public sealed record ListActivityDescriptorsQuery : IQuery<IReadOnlyList<ActivityDescriptor>>;

/// <summary>The latest published version of every definition.</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin + "," + Roles.InstitutionAdmin + "," + Roles.Official)]
public sealed record ListDefinitionsQuery : IQuery<IReadOnlyList<DefinitionSummaryDto>>;

/// <summary>Runs the validator on a document (the same rules as start-up, import and publishing).</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin)]
public sealed record ValidateDefinitionQuery(string? Json) : IQuery<ValidationResultDto>;

/// <summary>Saves the draft of a definition (drafts may still have problems; publishing may not).</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin)]
public sealed record SaveDefinitionDraftCommand(string DefinitionId, string? Json) : ICommand<ValidationResultDto>;

/// <summary>
/// Publishes the draft as the next version, reporting nodes that running instances wait at and that it removes. Without
/// <paramref name="Migration"/> (or with <see cref="DefinitionMigrationMode.Leave"/>) running instances stay on their
/// version; with <see cref="DefinitionMigrationMode.Migrate"/> they are moved to the new one (see DefinitionPublishing.cs).
/// </summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin)]
public sealed record PublishDefinitionCommand(string DefinitionId, DefinitionMigrationChoice? Migration = null) : ICommand<PublishResultDto>;

internal sealed class DefinitionSlicesHandler(IEPeopleDbContext db, WorkflowDefinitionCatalog catalog, DefinitionValidator validator, ActivityRegistry registry, ICurrentUser user)
    : IQueryHandler<ListActivityDescriptorsQuery, IReadOnlyList<ActivityDescriptor>>,
      IQueryHandler<ListDefinitionsQuery, IReadOnlyList<DefinitionSummaryDto>>,
      IQueryHandler<ValidateDefinitionQuery, ValidationResultDto>,
      ICommandHandler<SaveDefinitionDraftCommand, ValidationResultDto>
{
    public ValueTask<IReadOnlyList<ActivityDescriptor>> Handle(ListActivityDescriptorsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ActivityDescriptor>>([.. registry.Descriptors]);

    public async ValueTask<IReadOnlyList<DefinitionSummaryDto>> Handle(ListDefinitionsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.IsLatest || d.Version == 0)
            .OrderBy(d => d.DefinitionId).ThenBy(d => d.Version)
            .ToListAsync(cancellationToken);
        var drafts = rows.Where(r => r.Version == 0).Select(r => r.DefinitionId).ToHashSet(StringComparer.Ordinal);
        return [.. rows.Where(r => r.Version > 0).Select(r => new DefinitionSummaryDto(r.DefinitionId, r.Version, r.Name, r.JsonSha256, r.PublishedAt, r.PublishedBy, drafts.Contains(r.DefinitionId)))];
    }

    public ValueTask<ValidationResultDto> Handle(ValidateDefinitionQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Validate(query.Json));

    public async ValueTask<ValidationResultDto> Handle(SaveDefinitionDraftCommand command, CancellationToken cancellationToken)
    {
        var result = Validate(command.Json);
        WorkflowDefinition definition;
        try
        {
            definition = DefinitionSerializer.Deserialize(command.Json ?? "");
        }
        catch (DefinitionFormatException ex)
        {
            throw ValidationFailedException.For("json", ex.Message);
        }

        if (definition.DefinitionId != command.DefinitionId)
        {
            throw ValidationFailedException.For("definitionId", $"The document is '{definition.DefinitionId}', not '{command.DefinitionId}'.");
        }

        await catalog.SaveDraftAsync(definition, user.Name, cancellationToken);
        return result;
    }

    private ValidationResultDto Validate(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw ValidationFailedException.For("json", "Send the definition document.");
        }

        var report = validator.Validate(json);
        return new ValidationResultDto(report.IsValid, report.Problems);
    }
}
