using EPeople.Application.Petitions.Routing;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class RoutingEndpoints
{
    public sealed record KeywordRulesRequest(IReadOnlyList<KeywordRuleInput>? Rules);

    public static RouteGroupBuilder MapRoutingEndpoints(this RouteGroupBuilder api)
    {
        var routing = api.MapGroup("/routing").WithTags("Routing");

        routing.MapGet("/keyword-rules", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListKeywordRulesQuery(), ct)))
            .WithSummary("The keyword routing rules, in the order they are tried (longest keyword first)");

        routing.MapPut("/keyword-rules", async (KeywordRulesRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetKeywordRulesCommand(r.Rules), ct)))
            .WithSummary("Replace the keyword routing rules (system administrators; audited)");

        routing.MapGet("/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRouterStatusQuery(), ct)))
            .WithSummary("The model in use and every retraining run with its evaluation");

        routing.MapPost("/retrain", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetrainRouterCommand(), ct)))
            .WithSummary("Retrain the router from the answered history now (system administrators)");

        api.MapGet("/petitions/{id:guid}/routing-suggestions", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRoutingSuggestionsQuery(id), ct)))
            .WithTags("Routing")
            .WithSummary("What the router suggested for a petition, best first (the institution that has it)");

        return api;
    }
}
