using EPeople.Workflows.Calendar;

namespace EPeople.Application.Analytics;

/// <summary>Korean calendar days (KST, UTC+9 all year) and the UTC instants they begin at.</summary>
public static class AnalyticsDays
{
    public static DateOnly KoreaDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(BusinessCalendar.KoreaOffset).DateTime);

    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BusinessCalendar.KoreaOffset).ToUniversalTime();

    /// <summary>The Monday of the ISO week a day is in.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The requested range, or the <paramref name="defaultDays"/> days up to today (KST).</summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to, TimeProvider clock, int defaultDays)
    {
        var end = to ?? KoreaDay(clock.GetUtcNow());
        return (from ?? end.AddDays(1 - defaultDays), end);
    }
}
