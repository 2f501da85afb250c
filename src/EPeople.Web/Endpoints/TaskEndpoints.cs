using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.Tasks;
using EPeople.Domain.Petitions;
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
        tasks.MapGet("/", async (ISender sender, CancellationToken ct, string? scope, bool? open, string? after, int? limit, string? kind, string? sla, DateOnly? dueBy) =>
                TypedResults.Ok(await sender.Send(new ListTasksQuery(ParseScope(scope), open ?? true, after, limit ?? 50, ParseKind(kind), sla, dueBy), ct)))
            .WithSummary("My, my department's or my institution's tasks, most urgent first, by kind, SLA state (OnTime, AtRisk, Overdue) and due date (keyset paging: pass 'next' as 'after')");

        tasks.MapGet("/counts", async (ISender sender, CancellationToken ct, string? scope, string? kind) =>
                TypedResults.Ok(await sender.Send(new CountTasksQuery(ParseScope(scope), ParseKind(kind)), ct)))
            .WithSummary("How many open tasks the worklist holds in each SLA state");

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

    private static TaskScope ParseScope(string? scope) =>
        scope is null ? TaskScope.Institution
        : Enum.TryParse<TaskScope>(scope, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw ValidationFailedException.For("scope", "'scope' is mine, department or institution.");

    private static PetitionKind? ParseKind(string? kind) =>
        kind is null ? null
        : Enum.TryParse<PetitionKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _) ? parsed
        : throw ValidationFailedException.For("kind", "'kind' is one of the kinds of petition, e.g. CivilPetition.");
}
