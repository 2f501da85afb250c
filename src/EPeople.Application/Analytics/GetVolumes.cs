using EPeople.Application.Abstractions;
using EPeople.Application.Calendar;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics;

public enum VolumeBucket
{
    Day,

    /// <summary>ISO weeks, Monday to Sunday (a bucket is named by its Monday; the first and last may be partial).</summary>
    Week,
}

public sealed record VolumePoint(DateOnly Start, int Count);

/// <param name="Key">The kind, institution code or region code ("-": no region).</param>
/// <param name="NameKo">The institution's name (institutions only).</param>
public sealed record VolumeSeries(string Key, string? NameKo, string? NameEn, int Total, IReadOnlyList<VolumePoint> Points);

/// <param name="Series">The top keys by volume in the range, largest first, each with a point per bucket (zeros included).</param>
/// <param name="Totals">All petitions per bucket.</param>
/// <param name="OtherKeys">Keys with petitions in the range beyond the top ones.</param>
public sealed record VolumesDto(
    AnalyticsDimension Dimension, VolumeBucket Bucket, DateOnly From, DateOnly To, IReadOnlyList<VolumeSeries> Series, IReadOnlyList<VolumePoint> Totals, int OtherKeys);

/// <summary>
/// Petitions filed per day or week (KST) between two dates (both included; the last 90 days by default), for the top
/// keys of one dimension — read from the daily counts, so as fresh as the last refresh.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record GetVolumesQuery(
    AnalyticsDimension Dimension = AnalyticsDimension.Kind, DateOnly? From = null, DateOnly? To = null, VolumeBucket Bucket = VolumeBucket.Day, int Top = 10)
    : IQuery<VolumesDto>;

internal sealed class GetVolumesQueryValidator : AbstractValidator<GetVolumesQuery>
{
    public GetVolumesQueryValidator()
    {
        this.DateRange(q => q.From, q => q.To);
        RuleFor(q => q.Top).InclusiveBetween(1, 50).WithMessage("Show from 1 to 50 series.");
        RuleFor(q => q.Dimension).IsInEnum();
        RuleFor(q => q.Bucket).IsInEnum();
    }
}

internal sealed class GetVolumesQueryHandler(IEPeopleDbContext db, TimeProvider clock) : IQueryHandler<GetVolumesQuery, VolumesDto>
{
    public async ValueTask<VolumesDto> Handle(GetVolumesQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = AnalyticsDays.Range(query.From, query.To, clock, 90);
        var inRange = db.AnalyticsDailyCounts.AsNoTracking().Where(c => c.Day >= from && c.Day <= to);

        // The top keys first (one grouped read over the (dimension, day) range), then only their days.
        var keyTotals = await inRange.Where(c => c.Dimension == query.Dimension)
            .GroupBy(c => c.Key)
            .Select(g => new { Key = g.Key, Total = g.Sum(c => c.Count) })
            .OrderByDescending(k => k.Total).ThenBy(k => k.Key)
            .ToListAsync(cancellationToken);
        var top = keyTotals.Take(query.Top).ToList();
        var keys = top.Select(k => k.Key).ToList();
        var days = await inRange.Where(c => c.Dimension == query.Dimension && keys.Contains(c.Key))
            .Select(c => new { c.Key, c.Day, c.Count })
            .ToListAsync(cancellationToken);
        var totals = await inRange.Where(c => c.Dimension == AnalyticsDimension.Total)
            .Select(c => new { c.Day, c.Count })
            .ToListAsync(cancellationToken);

        var names = query.Dimension == AnalyticsDimension.Institution
            ? await db.Institutions.AsNoTracking().Where(i => keys.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => (i.NameKo, i.NameEn), cancellationToken)
            : [];

        var buckets = Buckets(from, to, query.Bucket);
        var series = top.Select(k =>
        {
            var counts = days.Where(d => d.Key == k.Key).ToLookup(d => BucketOf(d.Day, query.Bucket), d => d.Count);
            var name = names.TryGetValue(k.Key, out var n) ? n : default;
            return new VolumeSeries(k.Key, name.NameKo, name.NameEn, k.Total, [.. buckets.Select(b => new VolumePoint(b, counts[b].Sum()))]);
        }).ToList();
        var totalCounts = totals.ToLookup(d => BucketOf(d.Day, query.Bucket), d => d.Count);
        return new VolumesDto(query.Dimension, query.Bucket, from, to, series, [.. buckets.Select(b => new VolumePoint(b, totalCounts[b].Sum()))],
            keyTotals.Count - top.Count);
    }

    private static DateOnly BucketOf(DateOnly day, VolumeBucket bucket) => bucket == VolumeBucket.Week ? AnalyticsDays.WeekOf(day) : day;

    private static List<DateOnly> Buckets(DateOnly from, DateOnly to, VolumeBucket bucket)
    {
        var list = new List<DateOnly>();
        for (var b = BucketOf(from, bucket); b <= to; b = b.AddDays(bucket == VolumeBucket.Week ? 7 : 1))
        {
            list.Add(b);
        }

        return list;
    }
}
