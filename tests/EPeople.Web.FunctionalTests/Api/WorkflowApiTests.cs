using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

public sealed class WorkflowApiTests
{
    private static string Document(string definitionId, string endStatus = "Closed") => $$"""
        { "$schema": "urn:epeople:workflow-definition:v1", "definitionId": "{{definitionId}}", "name": "API test",
          "activities": [ { "id": "start", "type": "EPeople.Receive" },
                          { "id": "end", "type": "EPeople.End", "inputs": { "status": { "expression": { "type": "Literal", "value": "{{endStatus}}" } } } } ],
          "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "end", "port": "In" } } ] }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task ShouldServeThePaletteFromTheActivityDescriptors()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);

        var palette = await client.GetFromJsonAsync<JsonElement>("/api/v1/workflows/activities");

        var task = palette.EnumerateArray().Single(a => a.GetProperty("type").GetString() == "EPeople.HumanTask");
        task.GetProperty("kind").GetString().ShouldBe("WaitState");
        task.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldContain("deadlines");
    }

    [Test]
    public async Task ShouldValidateADocumentAndNameTheProblems()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);

        var result = await (await client.PostAsync("/api/v1/workflows/validate", Json(Document("api.broken", endStatus: "Finished")))).Content.ReadFromJsonAsync<JsonElement>();

        result.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var problem = result.GetProperty("problems")[0];
        problem.GetProperty("nodeId").GetString().ShouldBe("end");
        problem.GetProperty("severity").GetString().ShouldBe("Error");
        problem.GetProperty("hint").GetString().ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task ShouldSaveADraftPublishItAndRefuseAnInvalidOne()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);

        (await client.PutAsync("/api/v1/workflows/definitions/api.flow/draft", Json(Document("api.flow")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = await (await client.PostAsync("/api/v1/workflows/definitions/api.flow/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        published.GetProperty("version").GetInt32().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/workflows/definitions")).EnumerateArray()
            .ShouldContain(d => d.GetProperty("definitionId").GetString() == "api.flow" && d.GetProperty("version").GetInt32() == 1);

        await (await client.PostAsync("/api/v1/workflows/definitions/api.flow/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.PutAsync("/api/v1/workflows/definitions/api.flow/draft", Json(Document("api.flow", endStatus: "Finished")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.PostAsync("/api/v1/workflows/definitions/api.flow/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsync("/api/v1/workflows/definitions/other.id/draft", Json(Document("api.flow")))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ShouldOpenTheDraftWhenThereIsOneElseTheLatestVersion()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        (await client.PutAsync("/api/v1/workflows/definitions/api.open/draft", Json(Document("api.open")))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/v1/workflows/definitions/api.open/publish", null)).EnsureSuccessStatusCode();

        var latest = await client.GetFromJsonAsync<JsonElement>("/api/v1/workflows/definitions/api.open/document");
        (latest.GetProperty("version").GetInt32(), latest.GetProperty("latestPublished").GetInt32()).ShouldBe((1, 1));

        (await client.PutAsync("/api/v1/workflows/definitions/api.open/draft", Json(Document("api.open", endStatus: "Withdrawn")))).EnsureSuccessStatusCode();
        var draft = await client.GetFromJsonAsync<JsonElement>("/api/v1/workflows/definitions/api.open/document");
        draft.GetProperty("version").GetInt32().ShouldBe(0);
        draft.GetProperty("json").GetString()!.ShouldContain("Withdrawn");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/workflows/definitions/api.open/document?version=1")).GetProperty("json").GetString()!.ShouldContain("Closed");
        await (await client.GetAsync("/api/v1/workflows/definitions/api.open/document?version=7")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/workflows/definitions/api.nothing/document")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ShouldLeaveDefinitionsToAnalysts()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);

        await (await client.PostAsync("/api/v1/workflows/definitions/api.flow/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync("/api/v1/workflows/validate", Json(Document("x")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
    [Test]
    public async Task ShouldExportImportRestoreAndPublishThroughTheVersionEndpoints()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        const string definitions = "/api/v1/workflows/definitions/api.versions";
        (await client.PutAsync($"{definitions}/draft", Json(Document("api.versions")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"{definitions}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var export = await client.GetAsync($"{definitions}/versions/1/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.FileName.ShouldBe("api.versions.v1.json");
        var exported = await export.Content.ReadAsStringAsync();
        var imported = await (await client.PostAsync($"{definitions}/import", Json(exported.Replace("\"Closed\"", "\"Withdrawn\"", StringComparison.Ordinal))))
            .Content.ReadFromJsonAsync<JsonElement>();
        imported.GetProperty("format").GetString().ShouldBe("EPeople");
        imported.GetProperty("validation").GetProperty("valid").GetBoolean().ShouldBeTrue();
        var preview = await client.GetFromJsonAsync<JsonElement>($"{definitions}/publish-preview");
        preview.GetProperty("canPublish").GetBoolean().ShouldBeTrue();
        preview.GetProperty("changes").GetProperty("nodes")[0].GetProperty("activityId").GetString().ShouldBe("end");
        var published = await (await client.PostAsync($"{definitions}/publish", Json("""{ "mode": "Migrate", "nodeMap": {} }""")))
            .Content.ReadFromJsonAsync<JsonElement>();
        (published.GetProperty("version").GetInt32(), published.GetProperty("mode").GetString()).ShouldBe((2, "Migrate"));
        var restored = await (await client.PostAsync($"{definitions}/versions/1/restore", null)).Content.ReadFromJsonAsync<JsonElement>();
        restored.GetProperty("restoredFrom").GetInt32().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>($"{definitions}/compare?from=1&to=0")).GetProperty("nodes").GetArrayLength().ShouldBe(0);
        await (await client.PostAsync($"{definitions}/publish", Json("""{ "mode": "Sideways" }"""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ShouldRefuseAnElsaDocumentWithCSharpListingTheReasons()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        const string elsa = """
            { "definitionId": "e1b7", "root": { "type": "Elsa.Flowchart",
              "activities": [ { "id": "begin", "type": "Elsa.Start" },
                              { "id": "check", "type": "Elsa.FlowDecision", "condition": { "expression": { "type": "CSharp", "value": "1 == 1" } } },
                              { "id": "done", "type": "Elsa.Finish" } ],
              "connections": [ { "source": { "activity": "begin", "port": "Done" }, "target": { "activity": "check", "port": "In" } },
                               { "source": { "activity": "check", "port": "True" }, "target": { "activity": "done", "port": "In" } } ] } }
            """;

        var problem = await (await client.PostAsync("/api/v1/workflows/definitions/api.elsa/import", Json(elsa))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["document"]);
        problem.GetProperty("errors").GetProperty("document")[0].GetString()!.ShouldContain("CSharp");
    }

    [Test]
    public async Task ShouldLeaveVersionChangesToAnalystsButLetOfficialsRead()
    {
        using var analyst = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        (await analyst.PutAsync("/api/v1/workflows/definitions/api.readonly/draft", Json(Document("api.readonly")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.PostAsync("/api/v1/workflows/definitions/api.readonly/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var account in new[] { DemoAccounts.SeoulOfficer, DemoAccounts.Citizen })
        {
            using var client = await WebTestSetup.SignedInAsync(account.Email, account.Password);
            await (await client.PostAsync("/api/v1/workflows/definitions/api.readonly/import", Json(Document("api.readonly")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync("/api/v1/workflows/definitions/api.readonly/versions/1/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync("/api/v1/workflows/definitions/api.readonly/publish", Json("""{ "mode": "Leave" }"""))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        using var official = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);
        (await official.GetAsync("/api/v1/workflows/definitions/api.readonly/versions/1/export")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task ShouldServeTheOperatorsIncidentListAndInstanceCancellation()
    {
        using var admin = await WebTestSetup.SignedInAsync(DemoAccounts.SystemAdmin.Email, DemoAccounts.SystemAdmin.Password);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/workflows/incidents?open=true&limit=10");
        page.GetProperty("items").ValueKind.ShouldBe(JsonValueKind.Array);
        await (await admin.PostAsync($"/api/v1/workflows/instances/{Guid.NewGuid()}/cancel", Json("""{"reason":"test","operationId":"op-1"}""")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/workflows/instances/{Guid.NewGuid()}/cancel", Json("""{"operationId":"op-1"}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsync("/api/v1/workflows/incidents/999999/retry", Json("""{"operationId":"op-1"}""")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        await (await citizen.GetAsync("/api/v1/workflows/incidents")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
