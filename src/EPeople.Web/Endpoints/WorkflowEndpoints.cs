using System.Text.Json;
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

        workflows.MapPost("/validate", async (JsonElement document, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ValidateDefinitionQuery(document.GetRawText()), ct)))
            .WithSummary("Validate a definition document (the rules of start-up, import and publishing)");

        workflows.MapPut("/definitions/{definitionId}/draft", async (string definitionId, JsonElement document, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveDefinitionDraftCommand(definitionId, document.GetRawText()), ct)))
            .WithSummary("Save the draft of a definition; returns its validation");

        workflows.MapPost("/definitions/{definitionId}/publish", async (string definitionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PublishDefinitionCommand(definitionId), ct)))
            .WithSummary("Publish the draft as the next version (409 while it has errors)");

        return api;
    }
}
