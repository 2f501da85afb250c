using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>The designer's versions panel (issue 7 items 6 and 8): export, import, roll back, publish preview, publish with a migration choice.</summary>
public sealed class DefinitionPublishingTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Id = "test.reference-petition";
    private static readonly string ReferenceJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "reference-petition.json"));

    /// <summary>A small flowchart written by hand in Elsa 3's shape: start, a two-hour delay, end.</summary>
    private const string ElsaFlow = """
        { "id": "5b8e0c1a9d7f4e21", "definitionId": "0f3a6c2e8b9d1e47", "name": "Wait two hours, then close", "version": 12,
          "variables": [ { "id": "v-note", "name": "note", "typeName": "String", "value": "" } ],
          "root": { "type": "Elsa.Flowchart", "id": "flow",
            "activities": [
              { "id": "begin", "type": "Elsa.Start", "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "id": "pause", "type": "Elsa.Delay", "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "02:00:00" } } },
              { "id": "done", "type": "Elsa.End" } ],
            "connections": [
              { "source": { "activity": "begin", "port": "Done" }, "target": { "activity": "pause", "port": "In" } },
              { "source": { "activity": "pause", "port": "Done" }, "target": { "activity": "done", "port": "In" } } ] } }
        """;

    private static string Changed(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(ReferenceJson)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    /// <summary>The reference flow with a node renamed everywhere (so it stays valid, and instances waiting at the old id are stranded).</summary>
    private static string Renamed(string from, string to) => Changed(d =>
    {
        foreach (var node in d["activities"]!.AsArray().OfType<JsonObject>().Where(a => (string?)a["id"] == from))
        {
            node["id"] = to;
        }

        foreach (var end in d["connections"]!.AsArray().OfType<JsonObject>().SelectMany(c => new[] { c["source"]!.AsObject(), c["target"]!.AsObject() }))
        {
            if ((string?)end["activity"] == from)
            {
                end["activity"] = to;
            }
        }
    });

    private async Task SeedVersionOneAsync()
    {
        await App.ExecuteAsync<WorkflowDefinitionCatalog>(c => c.ImportSeedAsync(ReferenceJson, "test.json", CancellationToken.None));
        App.User.Set("analyst@test", [Roles.Analyst]);
    }

    private async Task<Guid> StartAsync(string correlation)
    {
        var definition = await App.ExecuteAsync<WorkflowDefinitionCatalog, WorkflowDefinition?>(c => c.GetLatestAsync(Id, CancellationToken.None));
        var instanceId = Guid.NewGuid();
        await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(definition!, new StartCommand("start-" + correlation, instanceId, correlation)));
        return instanceId;
    }

    /// <summary>The instance's version and the nodes its tokens wait at (comma-separated).</summary>
    private Task<(int Version, string Nodes)> InstanceAsync(Guid instanceId) =>
        App.QueryDbAsync(async db =>
        {
            var row = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
            return (row.DefinitionVersion, string.Join(',', InstanceStateSerializer.Deserialize(row.State).Tokens.Select(t => t.NodeId)));
        });

    private Task<IReadOnlyList<int>> VersionsAsync() =>
        App.QueryDbAsync(async db => (IReadOnlyList<int>)await db.WorkflowDefinitions.Where(d => d.DefinitionId == Id).OrderBy(d => d.Version).Select(d => d.Version).ToListAsync());

    [Test]
    public async Task ShouldExportAVersionAndImportItBackAsTheDraft()
    {
        await SeedVersionOneAsync();

        var export = await App.SendAsync(new ExportDefinitionVersionQuery(Id, 1));
        export.FileName.ShouldBe("test.reference-petition.v1.json");
        var document = JsonNode.Parse(export.Json)!.AsObject();
        ((int?)document["version"]).ShouldBe(1);
        document["name"] = "Round trip";
        document["version"] = 99; // never trusted
        var imported = await App.SendAsync(new ImportDefinitionDraftCommand(Id, document.ToJsonString()));

        imported.Format.ShouldBe("EPeople");
        imported.ReplacedDraft.ShouldBeFalse();
        imported.Validation.Valid.ShouldBeTrue();
        (await VersionsAsync()).ShouldBe([0, 1]);
        var comparison = await App.SendAsync(new CompareDefinitionVersionsQuery(Id, 1, 0));
        comparison.DefinitionFields.ShouldBe(["name"]);
        comparison.Nodes.ShouldBeEmpty();
        var draft = await App.SendAsync(new ExportDefinitionVersionQuery(Id, 0));
        draft.FileName.ShouldBe("test.reference-petition.draft.json");
        JsonNode.Parse(draft.Json)!.AsObject().ContainsKey("version").ShouldBeFalse();

        var wrongId = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new ImportDefinitionDraftCommand("other.definition", export.Json)));
        wrongId.Errors.Keys.ShouldBe(["definitionId"]);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new ExportDefinitionVersionQuery(Id, 7)));
    }

    [Test]
    public async Task ShouldImportAHandMadeElsaFlowchartAsTheDraftOfTheTargetDefinition()
    {
        App.User.Set("analyst@test", [Roles.Analyst]);

        var imported = await App.SendAsync(new ImportDefinitionDraftCommand("test.from-elsa", ElsaFlow));

        imported.Format.ShouldBe("Elsa");
        imported.DefinitionId.ShouldBe("test.from-elsa");
        var draft = DefinitionSerializer.Deserialize((await App.SendAsync(new ExportDefinitionVersionQuery("test.from-elsa", 0))).Json);
        draft.DefinitionId.ShouldBe("test.from-elsa"); // Elsa's own id is rewritten
        draft.Version.ShouldBeNull();
        draft.Activities.Select(a => (a.Id, a.Type)).ShouldBe([("begin", "EPeople.Receive"), ("pause", "EPeople.Timer"), ("done", "EPeople.End")]);
        draft.Connections.Count.ShouldBe(2);
        imported.Validation.Valid.ShouldBe(!imported.Validation.Problems.Any(p => p.Severity == EPeople.Workflows.Validation.ProblemSeverity.Error));

        var csharp = ElsaFlow.Replace("{ \"id\": \"done\", \"type\": \"Elsa.End\" }",
                "{ \"id\": \"done\", \"type\": \"Elsa.FlowDecision\", \"condition\": { \"expression\": { \"type\": \"CSharp\", \"value\": \"true\" } } }", StringComparison.Ordinal);
        var rejected = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new ImportDefinitionDraftCommand("test.from-elsa", csharp)));
        rejected.Errors["document"].ShouldContain(m => m.Contains("CSharp", StringComparison.Ordinal));
        (await App.QueryDbAsync(db => db.WorkflowDefinitions.Where(d => d.DefinitionId == "test.from-elsa").Select(d => d.JsonSha256).SingleAsync()))
            .ShouldBe(DefinitionSerializer.ContentHash(draft)); // the refused import left the draft alone
    }

    [Test]
    public async Task ShouldRestoreAnOldVersionAsANewDraftWithoutTouchingIt()
    {
        await SeedVersionOneAsync();
        await App.SendAsync(new SaveDefinitionDraftCommand(Id, Changed(d => d["name"] = "Second")));
        (await App.SendAsync(new PublishDefinitionCommand(Id))).Version.ShouldBe(2);
        await App.SendAsync(new SaveDefinitionDraftCommand(Id, Changed(d => d["name"] = "Work in progress")));
        var hashOfOne = await App.QueryDbAsync(db => db.WorkflowDefinitions.Where(d => d.DefinitionId == Id && d.Version == 1).Select(d => d.JsonSha256).SingleAsync());

        var restored = await App.SendAsync(new RestoreDefinitionVersionCommand(Id, 1));

        restored.ShouldBe(restored with { RestoredFrom = 1, ReplacedDraft = true });
        restored.Validation.Valid.ShouldBeTrue();
        var comparison = await App.SendAsync(new CompareDefinitionVersionsQuery(Id, 1, 0));
        comparison.DefinitionFields.ShouldBeEmpty();
        comparison.Nodes.ShouldBeEmpty();
        comparison.Connections.ShouldBeEmpty();
        (await VersionsAsync()).ShouldBe([0, 1, 2]);
        (await App.QueryDbAsync(db => db.WorkflowDefinitions.Where(d => d.DefinitionId == Id && d.Version == 1).Select(d => d.JsonSha256).SingleAsync())).ShouldBe(hashOfOne);
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new RestoreDefinitionVersionCommand(Id, 0)));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new RestoreDefinitionVersionCommand(Id, 9)));
    }

    [Test]
    public async Task ShouldPreviewAnInstanceWaitingAtARemovedNode()
    {
        await SeedVersionOneAsync();
        await StartAsync("petition-a");
        await App.SendAsync(new SaveDefinitionDraftCommand(Id, Renamed("handle", "handle2")));

        var preview = await App.SendAsync(new GetPublishPreviewQuery(Id));

        preview.CanPublish.ShouldBeTrue(string.Join("; ", preview.Validation.Problems.Select(p => p.Message)));
        preview.LatestVersion.ShouldBe(1);
        preview.Changes!.Nodes.Select(n => (n.ActivityId, n.Change)).ShouldBe([("handle", "Removed"), ("handle2", "Added")], ignoreOrder: true);
        preview.RunningInstances.ShouldBe([new RunningInstancesDto(1, 1)]);
        var stranded = preview.StrandedNodes.ShouldHaveSingleItem();
        (stranded.Version, stranded.NodeId, stranded.Type, stranded.Instances, stranded.Tokens).ShouldBe((1, "handle", "EPeople.HumanTask", 1, 1));
        stranded.CompatibleTargets.ShouldBe(["handle2", "legal", "budget"], ignoreOrder: true);
        preview.SuggestedNodeMap.ShouldBe(new Dictionary<string, string?> { ["handle"] = null });
    }

    [Test]
    public async Task ShouldLeaveRunningInstancesOnTheirVersionAndAuditThePublication()
    {
        await SeedVersionOneAsync();
        var old = await StartAsync("petition-a");
        await App.SendAsync(new SaveDefinitionDraftCommand(Id, Renamed("handle", "handle2")));

        var result = await App.SendAsync(new PublishDefinitionCommand(Id, new DefinitionMigrationChoice(DefinitionMigrationMode.Leave)));

        (result.Version, result.Published, result.InstancesMigrated, result.InstancesLeft).ShouldBe((2, true, 0, 1));
        result.RemovedNodesWithLiveTokens.ShouldBe(new Dictionary<string, int> { ["handle"] = 1 });
        (await InstanceAsync(old)).ShouldBe((1, "handle"));
        var fresh = await StartAsync("petition-b");
        (await InstanceAsync(fresh)).ShouldBe((2, "handle2"));

        var audit = await App.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.AggregateId == Id).ToListAsync());
        var entry = audit.ShouldHaveSingleItem();
        (entry.EntityType, entry.EntityId, entry.ActorName, entry.IpAddress).ShouldBe(("WorkflowDefinitionVersion", Id + ":v2", "analyst@test", "192.0.2.10"));
        var after = JsonNode.Parse(entry.After!)!;
        ((int?)after["version"], (string?)after["migration"]).ShouldBe((2, "Leave"));
    }

    [Test]
    public async Task ShouldMigrateAWaitingInstanceToTheMappedNodeOnlyOnceWhenRetried()
    {
        await SeedVersionOneAsync();
        var instance = await StartAsync("petition-a");
        await App.SendAsync(new SaveDefinitionDraftCommand(Id, Renamed("handle", "handle2")));
        var publish = new PublishDefinitionCommand(Id, new DefinitionMigrationChoice(DefinitionMigrationMode.Migrate, new Dictionary<string, string> { ["handle"] = "handle2" }));

        var result = await App.SendAsync(publish);
        var retried = await App.SendAsync(publish);

        (result.Version, result.Published, result.InstancesMigrated, result.InstancesLeft).ShouldBe((2, true, 1, 0));
        result.Failures.ShouldBeEmpty();
        (retried.Version, retried.Published, retried.InstancesMigrated).ShouldBe((2, false, 0));
        (await InstanceAsync(instance)).ShouldBe((2, "handle2"));
        (await VersionsAsync()).ShouldBe([1, 2]);
        var target = await App.ExecuteAsync<WorkflowDefinitionCatalog, WorkflowDefinition?>(c => c.GetLatestAsync(Id, CancellationToken.None));
        var replay = await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r =>
            r.ExecuteAsync(instance, new MigrateCommand($"migrate:{instance}:v2", target!, new Dictionary<string, string> { ["handle"] = "handle2" })));
        replay.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        (await App.QueryDbAsync(db => db.WorkflowHistory.CountAsync(h => h.InstanceId == instance && h.Event == "Migrated"))).ShouldBe(1);
        var audit = await App.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.AggregateId == Id).OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => a.Action.ToString()).ShouldBe(["Created", "Updated", "Updated"]); // publication, its migrations, the retry's
        ((int?)JsonNode.Parse(audit[1].After!)!["instancesMigrated"]).ShouldBe(1);
    }

    [Test]
    public async Task ShouldRefuseAnIncompleteOrWrongNodeMapAndPublishNothing()
    {
        await SeedVersionOneAsync();
        var instance = await StartAsync("petition-a");
        await App.SendAsync(new SaveDefinitionDraftCommand(Id, Renamed("handle", "handle2")));
        PublishDefinitionCommand Migrate(Dictionary<string, string> map) => new(Id, new DefinitionMigrationChoice(DefinitionMigrationMode.Migrate, map));

        var unmapped = await Should.ThrowAsync<ConflictException>(() => App.SendAsync(Migrate(new())));
        var missing = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(Migrate(new() { ["handle"] = "nowhere" })));
        var incompatible = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(Migrate(new() { ["handle"] = "feedback" })));
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new PublishDefinitionCommand(Id,
            new DefinitionMigrationChoice(DefinitionMigrationMode.Migrate, new Dictionary<string, string> { ["handle"] = "handle2" }, [2]))));

        unmapped.Message.ShouldContain("'handle' (v1, 1)");
        missing.Errors.Keys.ShouldBe(["nodeMap"]);
        incompatible.Errors["nodeMap"].ShouldHaveSingleItem().ShouldContain("EPeople.WaitForEvent");
        (await VersionsAsync()).ShouldBe([0, 1]);
        (await InstanceAsync(instance)).ShouldBe((1, "handle"));
        (await App.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.AggregateId == Id))).ShouldBe(0);
    }

    [Test]
    public async Task ShouldLeaveEditingAndPublishingToAnalystsAndAdministrators()
    {
        await SeedVersionOneAsync();
        App.User.Set("official@test", [Roles.Official]);

        (await App.SendAsync(new ExportDefinitionVersionQuery(Id, 1))).Version.ShouldBe(1);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ImportDefinitionDraftCommand(Id, ReferenceJson)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new RestoreDefinitionVersionCommand(Id, 1)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new PublishDefinitionCommand(Id, new DefinitionMigrationChoice(DefinitionMigrationMode.Migrate))));
        App.User.Set("citizen@test", [Roles.Citizen]);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetPublishPreviewQuery(Id)));
    }
}
