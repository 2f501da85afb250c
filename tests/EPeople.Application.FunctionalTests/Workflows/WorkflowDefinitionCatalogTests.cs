using System.Text.Json.Nodes;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Workflows;

public sealed class WorkflowDefinitionCatalogTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly string ReferenceJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "reference-petition.json"));

    private static string Changed(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(ReferenceJson)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    private Task<DefinitionImportOutcome> ImportAsync(string json) =>
        App.ExecuteAsync<WorkflowDefinitionCatalog, DefinitionImportOutcome>(c => c.ImportSeedAsync(json, "test.json", CancellationToken.None));

    [Test]
    public async Task ShouldPublishNewContentAsTheNextVersionAndSkipKnownContent()
    {
        var first = await ImportAsync(ReferenceJson);
        var again = await ImportAsync(Changed(d => d["version"] = 42)); // the file's own version is never trusted
        var changed = await ImportAsync(Changed(d => d["name"] = "Renamed"));

        first.ShouldBe(first with { Action = DefinitionImportAction.Published, Version = 1 });
        again.Action.ShouldBe(DefinitionImportAction.Unchanged);
        again.Version.ShouldBe(1);
        changed.Action.ShouldBe(DefinitionImportAction.Published);
        changed.Version.ShouldBe(2);
        var rows = await App.QueryDbAsync(db => db.WorkflowDefinitions.Where(d => d.DefinitionId == "test.reference-petition").OrderBy(d => d.Version).ToListAsync());
        rows.Select(r => (r.Version, r.IsLatest, r.Status)).ShouldBe([(1, false, "Published"), (2, true, "Published")]);
        JsonNode.Parse(rows[0].Json)!.AsObject().ContainsKey("version").ShouldBeFalse(); // the number lives in the row, not the document
    }

    [Test]
    public async Task ShouldRefuseAnInvalidDefinitionWithTheValidatorsReport()
    {
        var ex = await Should.ThrowAsync<DefinitionRejectedException>(() => ImportAsync(Changed(d => d["activities"]!.AsArray().RemoveAt(0))));

        ex.Problems.ShouldContain(p => p.Rule == "single-start");
        (await App.QueryDbAsync(db => db.WorkflowDefinitions.CountAsync(d => !d.DefinitionId.StartsWith("petition.")))).ShouldBe(0);
    }

    [Test]
    public async Task ShouldKeepASeedAsADraftWhenTheDesignerPublishedALaterVersion()
    {
        await ImportAsync(ReferenceJson);
        await App.ExecuteAsync<WorkflowDefinitionCatalog>(async c =>
        {
            await c.SaveDraftAsync(DefinitionSerializer.Deserialize(Changed(d => d["name"] = "Designer edit")), "analyst@test", CancellationToken.None);
            (await c.PublishDraftAsync("test.reference-petition", "analyst@test", CancellationToken.None)).ShouldBe(2);
        });

        var seeded = await ImportAsync(Changed(d => d["name"] = "Shipped edit"));

        seeded.Action.ShouldBe(DefinitionImportAction.Drafted);
        var rows = await App.QueryDbAsync(db => db.WorkflowDefinitions.Where(d => d.DefinitionId == "test.reference-petition").OrderBy(d => d.Version).Select(d => new { d.Version, d.Status, d.CreatedBy }).ToListAsync());
        rows.Select(r => (r.Version, r.Status)).ShouldBe([(0, "Draft"), (1, "Published"), (2, "Published")]);
    }

    [Test]
    public async Task ShouldReportRemovedNodesThatRunningInstancesWaitAt()
    {
        await ImportAsync(ReferenceJson);
        var definition = await App.ExecuteAsync<WorkflowDefinitionCatalog, WorkflowDefinition?>(c => c.GetLatestAsync("test.reference-petition", CancellationToken.None));
        await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(definition!, new StartCommand("start-a", Guid.NewGuid(), "petition-a")));

        var candidate = DefinitionSerializer.Deserialize(Changed(d =>
        {
            foreach (var node in d["activities"]!.AsArray().Where(a => (string?)a!["id"] == "handle"))
            {
                node!["id"] = "handle2";
            }
        }));
        var removed = await App.ExecuteAsync<WorkflowDefinitionCatalog, IReadOnlyDictionary<string, int>>(c => c.RemovedNodesWithLiveTokensAsync(candidate, CancellationToken.None));

        removed.ShouldBe(new Dictionary<string, int> { ["handle"] = 1 });
    }
}
