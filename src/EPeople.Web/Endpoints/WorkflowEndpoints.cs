using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Application.Workflows;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflow definitions");

        workflows.MapGet("/activities", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListActivityDescriptorsQuery(), ct)))
            .WithSummary("The activity palette: descriptors with inputs, ports and UI hints");

        workflows.MapGet("/definitions", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDefinitionsQuery(), ct)))
            .WithSummary("The latest published version of every definition");

        workflows.MapGet("/definitions/{definitionId}/document", async (string definitionId, int? version, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDefinitionDocumentQuery(definitionId, version), ct)))
            .WithSummary("The document the designer opens: the given version (0: the draft), or the draft if any, else the latest version");
        workflows.MapGet("/definitions/{definitionId}/versions", async (string definitionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListDefinitionVersionsQuery(definitionId), ct)))
            .WithSummary("A definition's history: its draft (version 0) if any, then every published version, newest first");
        workflows.MapGet("/definitions/{definitionId}/compare", async (string definitionId, int from, int to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompareDefinitionVersionsQuery(definitionId, from, to), ct)))
            .WithSummary("What changed between two versions (0: the draft), node by node");
        api.MapGet("/petitions/{id:guid}/flow", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPetitionFlowQuery(id), ct)))
            .WithTags("Workflow definitions")
            .WithSummary("A petition's workflow: its definition version's nodes and wires, the path taken, where it waits, its open tasks");
        workflows.MapPost("/validate", async (JsonElement document, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ValidateDefinitionQuery(document.GetRawText()), ct)))
            .WithSummary("Validate a definition document (the rules of start-up, import and publishing)");

        workflows.MapPost("/simulate", async (SimulateDefinitionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SimulateDefinitionQuery(
                    body.Definition is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } d ? d.GetRawText() : null,
                    body.StartAt, body.Variables, body.Petition, body.Steps), ct)))
            .WithSummary("Test-run a draft on a virtual clock: a script of task actions, fast-forwards and events; returns the trace. Writes and sends nothing");

        workflows.MapPut("/definitions/{definitionId}/draft", async (string definitionId, JsonElement document, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveDefinitionDraftCommand(definitionId, document.GetRawText()), ct)))
            .WithSummary("Save the draft of a definition; returns its validation");

        workflows.MapPost("/definitions/{definitionId}/publish", async (string definitionId, DefinitionMigrationChoice? migration, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PublishDefinitionCommand(definitionId, migration), ct)))
            .WithSummary("Publish the draft as the next version (409 while it has errors); optional body { mode: Leave|Migrate, nodeMap, versions }");

        workflows.MapGet("/definitions/{definitionId}/versions/{version:int}/export", async (string definitionId, int version, ISender sender, CancellationToken ct) =>
            {
                var export = await sender.Send(new ExportDefinitionVersionQuery(definitionId, version), ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(export.Json), "application/json", export.FileName);
            })
            .WithSummary("Download a version (0: the draft) as a definition document");
        workflows.MapPost("/definitions/{definitionId}/import", async (string definitionId, JsonElement document, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ImportDefinitionDraftCommand(definitionId, document.GetRawText()), ct)))
            .WithSummary("Replace the draft with an EPeople document (same definitionId) or an Elsa 3 flowchart (400 listing what cannot be imported)");
        workflows.MapPost("/definitions/{definitionId}/versions/{version:int}/restore", async (string definitionId, int version, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RestoreDefinitionVersionCommand(definitionId, version), ct)))
            .WithSummary("Roll back: copy a published version into a new draft (the published version is untouched)");
        workflows.MapGet("/definitions/{definitionId}/publish-preview", async (string definitionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPublishPreviewQuery(definitionId), ct)))
            .WithSummary("Before publishing: the draft's validation, its changes, running instances per version and the nodes they would lose");

        var operations = api.MapGroup("/workflows").WithTags("Workflow operations");

        operations.MapGet("/incidents", async (ISender sender, CancellationToken ct, bool open = true, long? before = null, int limit = 50) =>
                TypedResults.Ok(await sender.Send(new ListIncidentsQuery(open, before, limit), ct)))
            .WithSummary("Incidents (parked tokens), newest first; 'before' is the 'next' value of the previous page");

        operations.MapPost("/incidents/{id:long}/retry", async (long id, OperatorRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetryIncidentRequest(id, body.OperationId), ct)))
            .WithSummary("Re-run the parked token once its cause is fixed (system administrators)");

        operations.MapPost("/instances/{id:guid}/cancel", async (Guid id, OperatorRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelInstanceRequest(id, body.Reason, body.OperationId), ct)))
            .WithSummary("Cancel a running instance: its tasks leave the worklists and its timers are dropped (system administrators)");

        return api;
    }
}

/// <summary>The body of a test run: the definition document as edited, the virtual start time, initial variables, a petition projection, the script.</summary>
internal sealed record SimulateDefinitionRequest(JsonElement Definition, DateTimeOffset? StartAt, JsonObject? Variables, JsonObject? Petition,
    IReadOnlyList<SimulationScriptStep>? Steps);

/// <summary>The body of an operator's action: the operation id that makes a retry of the request harmless, and a reason.</summary>
internal sealed record OperatorRequest(string? OperationId, string? Reason);
