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
    public async Task ShouldLeaveDefinitionsToAnalysts()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);

        await (await client.PostAsync("/api/v1/workflows/definitions/api.flow/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync("/api/v1/workflows/validate", Json(Document("x")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
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
