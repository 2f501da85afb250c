using EPeople.Infrastructure.Persistence;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using EPeople.Workflows.Definitions;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>Publishes the engine's reference flow (as version 1) straight into wf_definition for the store tests.</summary>
internal static class WorkflowFixture
{
    public static WorkflowDefinition Reference { get; } =
        DefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "reference-petition.json"))) with { Version = 1 };

    public static Task PublishAsync(EPeopleDbContext db, DateTimeOffset now) => PublishAsync(db, now, Reference);

    public static async Task PublishAsync(EPeopleDbContext db, DateTimeOffset now, WorkflowDefinition definition)
    {
        db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
        {
            DefinitionId = definition.DefinitionId,
            Version = definition.Version ?? 1,
            Status = "Published",
            IsLatest = true,
            Name = definition.Name ?? "",
            Json = DefinitionSerializer.Serialize(definition),
            JsonSha256 = DefinitionSerializer.ContentHash(definition),
            SchemaVersion = WorkflowDefinition.SchemaUri,
            CreatedAt = now,
            CreatedBy = "test",
            PublishedAt = now,
            PublishedBy = "test",
        });
        await db.SaveChangesAsync();
    }
}
