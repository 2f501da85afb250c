using EPeople.Application.Abstractions;
using EPeople.Application.Analytics.Bursts;
using EPeople.Application.Security;
using EPeople.Workflows.Calendar;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics;

/// <param name="Start">The hour's start in Korea Standard Time.</param>
/// <param name="Expected">The usual count for this hour of this weekday: the mean of the same hour in the four weeks before.</param>
/// <param name="Unusual">Far above the usual: at least <see cref="GetHourlyVolumesQueryHandler.MinUnusual"/> petitions and a
/// Poisson tail probability (usual level doubled for over-dispersion) below 0.001 over the hours shown.</param>
public sealed record HourlyVolumePoint(DateTimeOffset Start, int Count, double Expected, bool Unusual);

/// <param name="Institution">The institution counted, or null for all.</param>
public sealed record HourlyVolumesDto(string? Institution, IReadOnlyList<HourlyVolumePoint> Points);

/// <summary>
/// Petitions filed per hour (KST) over the last <see cref="Hours"/> full hours, for one institution or all, each hour
/// beside the usual count for that hour of that weekday learnt from the four weeks before — the daily counts cannot
/// show a morning rush, and a Monday 10:00 is not a Sunday 03:00. Read from the petitions (index on the filing time,
/// or institution and filing time), five windows of at most a week each.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record GetHourlyVolumesQuery(string? Institution = null, int Hours = 48) : IQuery<HourlyVolumesDto>;

internal sealed class GetHourlyVolumesQueryValidator : AbstractValidator<GetHourlyVolumesQuery>
{
    public GetHourlyVolumesQueryValidator()
    {
        RuleFor(q => q.Hours).InclusiveBetween(1, 168).WithMessage("Show from 1 to 168 hours (a week).");
        RuleFor(q => q.Institution).MaximumLength(20);
    }
}

internal sealed class GetHourlyVolumesQueryHandler(IEPeopleDbContext db, TimeProvider clock) : IQueryHandler<GetHourlyVolumesQuery, HourlyVolumesDto>
{
    /// <summary>Weeks of history the usual level is learnt from.</summary>
    public const int Weeks = 4;

    /// <summary>Fewest petitions in an hour for it to be called unusual, however quiet the usual hour.</summary>
    public const int MinUnusual = 5;

    public async ValueTask<HourlyVolumesDto> Handle(GetHourlyVolumesQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hourStart = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerHour));
        var from = hourStart.AddHours(-query.Hours);
        var institution = string.IsNullOrWhiteSpace(query.Institution) ? null : query.Institution.Trim();

        // Index of each hour from the start of the window, for this week (0) and each of the weeks before.
        var counts = new int[Weeks + 1, query.Hours];
        for (var week = 0; week <= Weeks; week++)
        {
            var shift = TimeSpan.FromDays(7 * week);
            var (start, end) = (from - shift, hourStart - shift);
            var petitions = db.Petitions.AsNoTracking().Where(p => p.FiledAt >= start && p.FiledAt < end);
            if (institution is not null)
            {
                petitions = petitions.Where(p => p.InstitutionCode == institution);
            }

            await foreach (var filedAt in petitions.Select(p => p.FiledAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var hour = (int)((filedAt - start).Ticks / TimeSpan.TicksPerHour);
                if (hour >= 0 && hour < query.Hours)
                {
                    counts[week, hour]++;
                }
            }
        }

        var threshold = 0.001 / query.Hours;
        var points = new List<HourlyVolumePoint>(query.Hours);
        for (var hour = 0; hour < query.Hours; hour++)
        {
            var expected = 0.0;
            for (var week = 1; week <= Weeks; week++)
            {
                expected += counts[week, hour];
            }

            expected /= Weeks;
            var count = counts[0, hour];
            // The same floor as the burst detector's prior: an hour that was always empty is not infinitely surprising.
            var unusual = count >= MinUnusual && PoissonTail.AtLeast(count, 2 * Math.Max(expected, 0.5)) <= threshold;
            points.Add(new HourlyVolumePoint(from.AddHours(hour).ToOffset(BusinessCalendar.KoreaOffset), count, Math.Round(expected, 2), unusual));
        }

        return new HourlyVolumesDto(institution, points);
    }
}
