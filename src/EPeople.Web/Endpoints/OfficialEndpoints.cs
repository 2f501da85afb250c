using EPeople.Application.Institutions;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class OfficialEndpoints
{
    public sealed record UpdateOfficialRequest(Guid? DepartmentId, string? Position);

    public static RouteGroupBuilder MapOfficialEndpoints(this RouteGroupBuilder api)
    {
        var officials = api.MapGroup("/officials").WithTags("Institutions");

        // The official's own institution decides who may change them (its administrators, or system administrators).
        officials.MapPut("/{id:guid}", async (Guid id, UpdateOfficialRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateOfficialCommand(id, r.DepartmentId, r.Position), ct)))
            .WithSummary("Move an official to another department of their institution and/or change their position; audited");

        return api;
    }
}
