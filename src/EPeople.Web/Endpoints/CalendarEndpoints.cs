using EPeople.Application.Calendar;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class CalendarEndpoints
{
    public sealed record HolidayRequest(string? NameKo, string? NameEn, string? Kind);

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Business calendar");

        calendar.MapGet("/holidays", async (int year, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListHolidaysQuery(year), ct)))
            .WithSummary("Closed days of a year besides weekends");

        calendar.MapPut("/holidays/{date}", async (DateOnly date, HolidayRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetHolidayCommand(date, r.NameKo, r.NameEn, r.Kind), ct)))
            .WithSummary("Add or rename a closed day, e.g. a temporary holiday (system administrators)");

        calendar.MapDelete("/holidays/{date}", async (DateOnly date, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RemoveHolidayCommand(date), ct)))
            .WithSummary("Remove a closed day (system administrators)");

        calendar.MapGet("/due", async (DateTimeOffset from, string? duration, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PreviewDueDateQuery(from, duration), ct)))
            .WithSummary("When a period ends on the business calendar, with the explanation of how it was counted");

        return api;
    }
}
