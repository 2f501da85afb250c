using EPeople.Application.Petitions.Notices;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class NoticeEndpoints
{
    public static RouteGroupBuilder MapNoticeEndpoints(this RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices");

        notices.MapGet("/", async (ISender sender, CancellationToken ct, Guid? before, int? limit) =>
                TypedResults.Ok(await sender.Send(new ListMyNoticesQuery(before, limit ?? 20), ct)))
            .WithSummary("My in-app notices (citizens), newest first, with the unread count");

        notices.MapPost("/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new MarkNoticeReadCommand(id), ct)))
            .WithSummary("Mark a notice as read");

        return api;
    }
}
