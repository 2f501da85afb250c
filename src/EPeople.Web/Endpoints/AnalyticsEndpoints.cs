using EPeople.Application.Analytics;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Analytics.Grouping;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class AnalyticsEndpoints
{
    public sealed record CloseAlertRequest(string? Reason, string? Note);

    public static RouteGroupBuilder MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Analytics");

        analytics.MapGet("/volumes", async (ISender sender, CancellationToken ct, AnalyticsDimension dimension = AnalyticsDimension.Kind,
                    DateOnly? from = null, DateOnly? to = null, VolumeBucket bucket = VolumeBucket.Day, int top = 10) =>
                TypedResults.Ok(await sender.Send(new GetVolumesQuery(dimension, from, to, bucket, top), ct)))
            .WithSummary("Petitions filed per day or week (KST) for the top keys of a dimension (Kind, Institution, Region), from the daily counts (analysts)");

        analytics.MapGet("/hourly", async (ISender sender, CancellationToken ct, string? institution = null, int hours = 48) =>
                TypedResults.Ok(await sender.Send(new GetHourlyVolumesQuery(institution, hours), ct)))
            .WithSummary("Petitions filed per hour (KST) over the last full hours, for one institution or all, beside the usual count for that hour of that weekday (the four weeks before) and whether it is unusual (analysts)");

        analytics.MapGet("/league", async (ISender sender, CancellationToken ct, DateOnly? from = null, DateOnly? to = null,
                    LeagueSort sort = LeagueSort.Petitions, bool descending = true, int take = 100) =>
                TypedResults.Ok(await sender.Send(new GetLeagueTableQuery(from, to, sort, descending, take), ct)))
            .WithSummary("The per-institution league table: on-time rate, average processing days, satisfaction, reopen rate (analysts)");

        analytics.MapGet("/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAnalyticsStatusQuery(), ct)))
            .WithSummary("When the daily counts were last refreshed, and how (analysts)");

        analytics.MapPost("/recompute", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecomputeAnalyticsCommand(), ct)))
            .WithSummary("Recompute every daily count now; returns the rows, the petitions counted and the duration (system administrators)");

        analytics.MapGet("/alerts", async (ISender sender, CancellationToken ct, string? status = null, string? institution = null, string? after = null, int limit = 50) =>
                TypedResults.Ok(await sender.Send(new ListAnalyticsAlertsQuery(status, institution, after, limit), ct)))
            .WithSummary("The burst alerts, newest raised first, with a 28-day sparkline of the leading term; status=Open|Acknowledged|Closed, "
                         + "institution=<7-digit code> (the alerts with petitions of it); keyset paging with 'next' (analysts)");

        // An alert id holds a slash (2019-03-05/미세먼지): send it URL-encoded (%2F); the route value keeps %2F encoded.
        analytics.MapPost("/alerts/{id}/acknowledge", async (ISender sender, CancellationToken ct, string id) =>
                TypedResults.Ok(await sender.Send(new AcknowledgeAnalyticsAlertCommand(Uri.UnescapeDataString(id)), ct)))
            .WithSummary("Mark a burst alert as acknowledged (analysts, system administrators; idempotent)");

        analytics.MapPost("/alerts/{id}/close", async (ISender sender, CancellationToken ct, string id, CloseAlertRequest r) =>
                TypedResults.Ok(await sender.Send(new CloseAnalyticsAlertCommand(Uri.UnescapeDataString(id), r.Reason, r.Note), ct)))
            .WithSummary("Close a burst alert, open or acknowledged: reason Resolved (opens again if the topic bursts on a later day) or NotRelevant, "
                         + "optional note (analysts, system administrators; closing a closed alert returns it unchanged)");

        analytics.MapGet("/groups", async (ISender sender, CancellationToken ct, string? kind = null, int limit = 20) =>
                TypedResults.Ok(await sender.Send(new ListLatestPetitionGroupsQuery(kind, limit), ct)))
            .WithSummary("The most recently changed repeated, duplicate and mass groups of every institution: kind, institution, members (analysts)");

        return api;
    }
}
