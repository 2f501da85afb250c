using EPeople.Application.Analytics;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Analytics");

        analytics.MapGet("/volumes", async (ISender sender, CancellationToken ct, AnalyticsDimension dimension = AnalyticsDimension.Kind,
                    DateOnly? from = null, DateOnly? to = null, VolumeBucket bucket = VolumeBucket.Day, int top = 10) =>
                TypedResults.Ok(await sender.Send(new GetVolumesQuery(dimension, from, to, bucket, top), ct)))
            .WithSummary("Petitions filed per day or week (KST) for the top keys of a dimension (Kind, Institution, Region), from the daily counts (analysts)");

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

        return api;
    }
}
