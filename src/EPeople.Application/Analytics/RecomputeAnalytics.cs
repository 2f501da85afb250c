using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics;

/// <summary>Recomputes every daily count from the petitions now, instead of waiting for the incremental job (system administrators).</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record RecomputeAnalyticsCommand : ICommand<AnalyticsRunDto>;

/// <summary>When the daily counts were last refreshed, and how (null fields: never).</summary>
public sealed record AnalyticsStatusDto(DateTimeOffset? CountedUntil, DateTimeOffset? LastRunAt, string? LastRunKind, double? LastRunSeconds, int? LastRunRows);

/// <summary>Where the daily counts stand (analysts and system administrators).</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record GetAnalyticsStatusQuery : IQuery<AnalyticsStatusDto>;

internal sealed class RecomputeAnalyticsHandler(AnalyticsRefresh refresh, IEPeopleDbContext db)
    : ICommandHandler<RecomputeAnalyticsCommand, AnalyticsRunDto>, IQueryHandler<GetAnalyticsStatusQuery, AnalyticsStatusDto>
{
    public async ValueTask<AnalyticsRunDto> Handle(RecomputeAnalyticsCommand command, CancellationToken cancellationToken) =>
        await refresh.RecomputeAsync(null, cancellationToken);

    public async ValueTask<AnalyticsStatusDto> Handle(GetAnalyticsStatusQuery query, CancellationToken cancellationToken)
    {
        var mark = await db.AnalyticsWatermarks.AsNoTracking().SingleOrDefaultAsync(w => w.Name == AnalyticsWatermarkRecord.DailyCounts, cancellationToken);
        return mark is null
            ? new AnalyticsStatusDto(null, null, null, null, null)
            : new AnalyticsStatusDto(mark.CountedUntil, mark.LastRunAt, mark.LastRunKind, mark.LastRunSeconds, mark.LastRunRows);
    }
}
