using EPeople.Application.Analytics.Grouping;
using EPeople.Application.Analytics.Similarity;
using Mediator;

namespace EPeople.Web.Endpoints;

/// <summary>Petition groups (repeated, duplicate, mass) for officials, and the similar-petitions hint for citizens filing.</summary>
internal static class GroupEndpoints
{
    public sealed record AnswerGroupRequest(string? Answer, bool? IsPublic, string? OperationId);

    public static RouteGroupBuilder MapGroupEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/petitions/similar", async (string? title, string? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FindSimilarPetitionsQuery(title, body), ct)))
            .WithTags("Petitions")
            .WithSummary("Public petitions and your own earlier petitions that look like this title (and body): a hint while filing, never a refusal");

        api.MapGet("/petitions/{id:guid}/groups", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetGroupsOfPetitionQuery(id), ct)))
            .WithTags("Petition groups")
            .WithSummary("The repeated, duplicate and mass groups a petition belongs to (officials of the institution that has it)");

        var groups = api.MapGroup("/petition-groups").WithTags("Petition groups");
        groups.MapGet("/", async (string? kind, string? after, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPetitionGroupsQuery(kind, after, limit ?? 50), ct)))
            .WithSummary("Groups holding a petition of my institution, most recently changed first (kind=Repeated|Duplicate|Mass; keyset paging: pass 'next' as 'after')");

        groups.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPetitionGroupQuery(id), ct)))
            .WithSummary("One group: kind, members (filers masked; details of the members my institution holds), Art. 23 closable flag");

        groups.MapPost("/{id:guid}/answer", async (Guid id, AnswerGroupRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AnswerPetitionGroupCommand(id, r.Answer, r.IsPublic ?? false, r.OperationId), ct)))
            .WithSummary("One answer to every member my institution holds, each through its task's Answer action; the same operation id again answers nobody twice");

        groups.MapPost("/recompute", async (DateTimeOffset? filedSince, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecomputePetitionGroupsCommand(filedSince), ct)))
            .WithSummary("Apply the grouping rules again to the petitions filed since a date (system administrators)");
        return api;
    }
}
