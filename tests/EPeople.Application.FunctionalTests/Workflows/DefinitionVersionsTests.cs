using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>A definition's history and the comparison of two of its versions, the draft included (issue 7's versions panel).</summary>
public sealed class DefinitionVersionsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Id = "test.reference-petition";
    private static readonly string ReferenceJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "reference-petition.json"));

    [Test]
    public async Task ShouldListTheHistoryAndCompareTheDraftWithThePublishedVersion()
    {
        await App.ExecuteAsync<WorkflowDefinitionCatalog>(c => c.ImportSeedAsync(ReferenceJson, "test.json", CancellationToken.None));
        var draft = JsonNode.Parse(ReferenceJson)!.AsObject();
        draft["activities"]!.AsArray().OfType<JsonObject>().Single(a => (string?)a["id"] == "handle")["name"] = "민원 처리 (법률 검토 포함)";
        App.User.Set("analyst@test", [EPeople.Application.Security.Roles.Analyst]);
        await App.SendAsync(new SaveDefinitionDraftCommand(Id, draft.ToJsonString()));

        var versions = await App.SendAsync(new ListDefinitionVersionsQuery(Id));
        var comparison = await App.SendAsync(new CompareDefinitionVersionsQuery(Id, 1, 0));

        versions.Select(v => (v.Version, v.Status)).ShouldBe([(0, "Draft"), (1, "Published")]);
        versions[0].CreatedBy.ShouldBe("analyst@test");
        var changed = comparison.Nodes.ShouldHaveSingleItem();
        (changed.ActivityId, changed.Change, changed.Type).ShouldBe(("handle", "Changed", "EPeople.HumanTask"));
        changed.Fields.ShouldBe(["name"]);
        comparison.Connections.ShouldBeEmpty();
        (await App.SendAsync(new CompareDefinitionVersionsQuery(Id, 1, 1))).Nodes.ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new CompareDefinitionVersionsQuery(Id, 1, 9)));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new ListDefinitionVersionsQuery("no.such.definition")));
        App.User.Set("citizen@test", [EPeople.Application.Security.Roles.Citizen]);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListDefinitionVersionsQuery(Id)));
    }
}
