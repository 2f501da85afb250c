using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Infrastructure.Persistence;
using EPeople.Web.FunctionalTests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.FunctionalTests.Api;

/// <summary>POST /api/v1/workflows/simulate: a test run of a draft on a virtual clock, for analysts, writing nothing.</summary>
public sealed class WorkflowSimulationApiTests
{
    private static readonly JsonNode Civil = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Api", "civil-petition.v1.json")))!;

    private static JsonObject Body(JsonNode definition, params JsonObject[] steps) => new()
    {
        ["definition"] = definition.DeepClone(),
        ["startAt"] = "2026-12-22T10:00:00+09:00", // a Tuesday; Christmas falls within the handling period
        ["variables"] = new JsonObject { ["title"] = "보도블록 파손", ["institution"] = "6110000", ["period"] = "P7WD" },
        ["steps"] = new JsonArray([.. steps]),
    };

    private static async Task<(int Instances, int Tasks, int Timers, int History, int Outbox, int Petitions)> CountRowsAsync()
    {
        await using var scope = WebTestSetup.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
        return (await db.WorkflowInstances.CountAsync(), await db.WorkflowTasks.CountAsync(), await db.WorkflowTimers.CountAsync(),
            await db.WorkflowHistory.CountAsync(), await db.OutboxMessages.CountAsync(), await db.Petitions.CountAsync());
    }

    [Test]
    public async Task ShouldRunAScriptToTheEndForAnAnalystAndWriteNothing()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        var before = await CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/workflows/simulate", Body(Civil,
            new JsonObject { ["kind"] = "fastForward" },
            new JsonObject { ["kind"] = "action", ["node"] = "handle", ["action"] = "Answer", ["data"] = new JsonObject { ["answer"] = "보수했습니다." } },
            new JsonObject { ["kind"] = "event", ["name"] = "FeedbackSubmitted", ["payload"] = new JsonObject { ["rating"] = 5 } }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var trace = await response.Content.ReadFromJsonAsync<JsonElement>();
        (trace.GetProperty("status").GetString(), trace.GetProperty("endStatus").GetString()).ShouldBe(("Completed", "Closed"));
        trace.GetProperty("snapshotVersion").GetString()!.ShouldStartWith("draft-");
        trace.GetProperty("refusal").ValueKind.ShouldBe(JsonValueKind.Null);
        trace.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ShouldBe(["Started", "Timer", "Action", "Event"]);
        trace.GetProperty("steps")[1].GetProperty("at").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.FromHours(9)));
        trace.GetProperty("visited").EnumerateArray().Select(v => v.GetString()).ShouldBe(["receive", "handle", "feedback", "dissatisfied", "end"]);
        var notice = trace.GetProperty("notices").EnumerateArray().ShouldHaveSingleItem();
        notice.GetProperty("type").GetString().ShouldBe("workflow.task-deadline");
        (await CountRowsAsync()).ShouldBe(before); // no instance, task, timer, history, outbox row or petition
    }

    [Test]
    public async Task ShouldReportTheStepItRefusedAndStopThere()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);

        var trace = await (await client.PostAsJsonAsync("/api/v1/workflows/simulate", Body(Civil,
            new JsonObject { ["kind"] = "action", ["node"] = "handle", ["action"] = "Approve" },
            new JsonObject { ["kind"] = "fastForward" }))).Content.ReadFromJsonAsync<JsonElement>();

        var refusal = trace.GetProperty("refusal");
        refusal.GetProperty("index").GetInt32().ShouldBe(0);
        refusal.GetProperty("message").GetString()!.ShouldContain("'Approve' is not an action");
        trace.GetProperty("steps").GetArrayLength().ShouldBe(1); // only the start; the fast-forward did not run
        trace.GetProperty("openTasks")[0].GetProperty("nodeId").GetString().ShouldBe("handle");
    }

    [Test]
    public async Task ShouldRefuseAnInvalidDraftOrScriptWithTheProblemsListed()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        var broken = Civil.DeepClone();
        broken["connections"]!.AsArray().RemoveAt(0); // receive leads nowhere

        var problem = await (await client.PostAsJsonAsync("/api/v1/workflows/simulate", Body(broken))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var script = await (await client.PostAsJsonAsync("/api/v1/workflows/simulate", Body(Civil, new JsonObject { ["kind"] = "jump" })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var variables = Body(Civil);
        variables["variables"]!["colour"] = "blue";
        var undeclared = await (await client.PostAsJsonAsync("/api/v1/workflows/simulate", variables)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["json"]);
        problem.GetProperty("errors").GetProperty("json").EnumerateArray().ShouldContain(e => e.GetString()!.Contains("node 'receive'"));
        script.FieldErrors().ShouldBe(["steps[0].kind"]);
        undeclared.FieldErrors().ShouldBe(["variables"]);
    }

    [Test]
    public async Task ShouldLeaveTestRunsToAnalysts()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);

        await (await client.PostAsJsonAsync("/api/v1/workflows/simulate", Body(Civil))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
