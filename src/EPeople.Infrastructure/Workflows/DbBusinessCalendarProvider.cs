using System.Collections.Concurrent;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Infrastructure.Workflows;

/// <summary>
/// Business calendars read from <c>business_holidays</c> and kept for a minute; an edit on this node drops the copy
/// at once, other nodes pick it up within the minute (due dates already computed are not moved).
/// </summary>
internal sealed class DbBusinessCalendarProvider(IServiceScopeFactory scopes, TimeProvider clock) : IBusinessCalendarProvider
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (BusinessCalendar Calendar, DateTimeOffset LoadedAt)> _cache = new(StringComparer.Ordinal);

    public async Task<BusinessCalendar> GetAsync(string calendarId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(calendarId, out var cached) && now - cached.LoadedAt < Freshness)
        {
            return cached.Calendar;
        }

        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().BusinessHolidays.AsNoTracking()
            .Where(h => h.CalendarId == calendarId)
            .ToListAsync(cancellationToken);
        var calendar = new BusinessCalendar(calendarId, rows.Select(h => new Holiday(h.Date, h.NameKo, h.NameEn, h.Kind)));
        _cache[calendarId] = (calendar, now);
        return calendar;
    }

    public void Invalidate(string calendarId) => _cache.TryRemove(calendarId, out _);
}
