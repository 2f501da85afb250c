using System.Text.Json.Nodes;
using EPeople.Application.Tasks;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class TaskEndpoints
{
    public sealed record RevisionRequest(long ExpectedRevision);

    public sealed record ReassignRequest(long ExpectedRevision, string? Assignee);

    public sealed record CompleteRequest(string? Action, JsonObject? Data, long ExpectedRevision, string? OperationId);

    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");

        // scope=mine|department|institution, in any case (the documented form is lower case).
        tasks.MapGet("/", async (ISender sender, CancellationToken ct, string? scope, bool? open, string? after, int? limit) =>
                TypedResults.Ok(await sender.Send(new ListTasksQuery(
                    scope is null ? TaskScope.Institution
                    : Enum.TryParse<TaskScope>(scope, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                    : throw EPeople.Application.Errors.ValidationFailedException.For("scope", "'scope' is mine, department or institution."),
                    open ?? true, after, limit ?? 50), ct)))
            .WithSummary("My, my department's or my institution's tasks, most urgent first (keyset paging: pass 'next' as 'after')");

        tasks.MapGet("/{id}", async (string id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetTaskQuery(id), ct)))
            .WithSummary("One task (officials of its institution)");

        tasks.MapPost("/{id}/claim", async (string id, RevisionRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ClaimTaskCommand(id, r.ExpectedRevision), ct)))
            .WithSummary("Take a task");

        tasks.MapPost("/{id}/release", async (string id, RevisionRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReleaseTaskCommand(id, r.ExpectedRevision), ct)))
            .WithSummary("Give a task back");

        tasks.MapPost("/{id}/reassign", async (string id, ReassignRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReassignTaskCommand(id, r.ExpectedRevision, r.Assignee), ct)))
            .WithSummary("Assign a task to another official (department heads)");

        tasks.MapPost("/{id}/complete", async (string id, CompleteRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteTaskCommand(id, r.Action, r.Data, r.ExpectedRevision, r.OperationId), ct)))
            .WithSummary("Complete a task with one of its actions; 409 on a stale revision, the same answer for a repeated operation id");

        return api;
    }
}
