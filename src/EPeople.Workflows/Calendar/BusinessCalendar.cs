using System.Globalization;
using System.Text.Json;

namespace EPeople.Workflows.Calendar;

/// <summary>
/// Korean government working time: Monday to Friday, 09:00–12:00 and 13:00–18:00 KST (8 hours a day), except the
/// holidays given as data. Computes statutory due dates (Civil Petitions Act counting, DOMAIN.md A2) with an
/// explanation of how each was counted.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>Korea Standard Time: UTC+9 all year (no daylight saving).</summary>
    public static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    /// <summary>Working hours in a day.</summary>
    public const int HoursPerDay = 8;

    private static readonly (TimeOnly From, TimeOnly To)[] Periods =
        [(new TimeOnly(9, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(18, 0))];

    private readonly Dictionary<DateOnly, Holiday> _holidays;
    private readonly HashSet<int> _years;

    /// <summary>Creates a calendar from its holidays (weekends are always closed).</summary>
    public BusinessCalendar(string id, IEnumerable<Holiday> holidays)
    {
        Id = id;
        _holidays = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First());
        _years = [.. _holidays.Keys.Select(d => d.Year)];
    }

    /// <summary>The calendar's id, as definitions name it in <c>settings.calendar</c>.</summary>
    public string Id { get; }

    /// <summary>The holidays, in date order.</summary>
    public IEnumerable<Holiday> Holidays => _holidays.Values.OrderBy(h => h.Date);

    /// <summary>Reads the calendar file format of <c>samples/holidays-kr.json</c>.</summary>
    public static BusinessCalendar FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var holidays = root.GetProperty("holidays").EnumerateArray().Select(h => new Holiday(
            DateOnly.ParseExact(h.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            h.GetProperty("nameKo").GetString()!,
            h.GetProperty("nameEn").GetString()!,
            h.GetProperty("kind").GetString()!));
        return new BusinessCalendar(root.GetProperty("calendar").GetString()!, holidays);
    }

    /// <summary>True when holiday data is loaded for the year (outside it only weekends are known to be closed).</summary>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>The holiday on a day, or null.</summary>
    public Holiday? HolidayOn(DateOnly day) => _holidays.GetValueOrDefault(day);

    /// <summary>Monday to Friday and not a holiday.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.ContainsKey(day);

    /// <summary>The instant <paramref name="hours"/> working hours after <paramref name="start"/> (a start outside working hours waits for the next opening).</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        var remaining = TimeSpan.FromHours(hours);
        var t = start.ToOffset(KoreaOffset);
        for (var guard = 0; guard < 5000; guard++)
        {
            var day = DateOnly.FromDateTime(t.DateTime);
            if (IsWorkingDay(day))
            {
                foreach (var (from, to) in Periods)
                {
                    var periodStart = At(day, from);
                    var periodEnd = At(day, to);
                    if (t >= periodEnd)
                    {
                        continue;
                    }

                    if (t < periodStart)
                    {
                        t = periodStart;
                    }

                    var available = periodEnd - t;
                    if (remaining <= available)
                    {
                        return (t + remaining).ToUniversalTime();
                    }

                    remaining -= available;
                    t = periodEnd;
                }
            }

            t = At(day.AddDays(1), TimeOnly.MinValue);
        }

        throw new InvalidOperationException("The working-hours computation did not end; the calendar has no working days.");
    }

    /// <summary>The working day <paramref name="count"/> working days before (negative) or after (positive) a day.</summary>
    public DateOnly ShiftWorkingDays(DateOnly day, int count)
    {
        var step = Math.Sign(count);
        for (var left = Math.Abs(count); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// When a period that starts at <paramref name="receivedAt"/> ends, counted the statutory way:
    /// <list type="bullet">
    /// <item>working days of 5 or fewer run in working hours from receipt, 8 hours a day;</item>
    /// <item>6 working days or more run in days, counting the day of receipt, and end at 18:00 of the last day;</item>
    /// <item>weeks, months and years run on the calendar, and a period ending on a closed day ends on the next working day;</item>
    /// <item>plain days and hours (<c>P14D</c>, <c>PT2H</c>) are elapsed time.</item>
    /// </list>
    /// </summary>
    public DueDate DueAfter(DateTimeOffset receivedAt, WorkflowDuration duration)
    {
        var received = receivedAt.ToOffset(KoreaOffset);
        var receivedText = Format(received);
        switch (duration.Unit)
        {
            case DurationUnit.WorkingDays when duration.Amount <= 5:
            {
                var hours = duration.Amount * HoursPerDay;
                var at = AddWorkingHours(receivedAt, hours);
                return Explain(at, "WorkingHours", received,
                    $"{duration.Amount}일 이하의 기간은 접수 시각({receivedText})부터 근무시간으로 계산합니다(1일 = 8시간, 모두 {hours}시간). 토·일요일과 공휴일, 점심시간(12~13시)은 제외합니다.",
                    $"Periods of 5 days or fewer run in working hours from receipt ({receivedText}): {duration.Amount} × 8 = {hours} hours, excluding Saturdays, Sundays, holidays and the 12:00–13:00 break.");
            }

            case DurationUnit.WorkingDays:
            {
                var first = DateOnly.FromDateTime(received.DateTime);
                var firstCounted = IsWorkingDay(first) ? first : ShiftWorkingDays(first, 1);
                var last = ShiftWorkingDays(firstCounted, duration.Amount - 1);
                var at = At(last, Periods[^1].To).ToUniversalTime();
                return Explain(at, "WorkingDays", received,
                    $"6일 이상의 기간은 일 단위로 계산하며 첫날({firstCounted:yyyy-MM-dd})을 산입합니다. 토·일요일과 공휴일을 빼고 {duration.Amount}번째 근무일({last:yyyy-MM-dd}) 18:00에 끝납니다.",
                    $"Periods of 6 days or more run in days, counting the first day ({firstCounted:yyyy-MM-dd}) and skipping Saturdays, Sundays and holidays: they end at 18:00 on working day {duration.Amount} ({last:yyyy-MM-dd}).");
            }

            case DurationUnit.WorkingHours:
            {
                var at = AddWorkingHours(receivedAt, duration.Amount);
                return Explain(at, "WorkingHours", received,
                    $"접수 시각({receivedText})부터 근무시간 {duration.Amount}시간(평일 09~12시, 13~18시)으로 계산합니다.",
                    $"{duration.Amount} working hours from receipt ({receivedText}), counting 09:00–12:00 and 13:00–18:00 on working days.");
            }

            case DurationUnit.CalendarPeriod:
            {
                var end = received.AddMonths(duration.Months).AddDays(duration.Days) + duration.Elapsed;
                var lastDay = DateOnly.FromDateTime(end.DateTime);
                var moved = !IsWorkingDay(lastDay);
                var endDay = moved ? ShiftWorkingDays(lastDay, 1) : lastDay;
                var at = At(endDay, Periods[^1].To).ToUniversalTime();
                return Explain(at, "CalendarPeriod", received,
                    $"주·월·년 단위 기간은 달력으로 계산합니다({duration.Text}). " + (moved ? $"마지막 날({lastDay:yyyy-MM-dd})이 휴일이어서 다음 근무일({endDay:yyyy-MM-dd}) 18:00에 끝납니다." : $"{endDay:yyyy-MM-dd} 18:00에 끝납니다."),
                    $"Weeks, months and years run on the calendar ({duration.Text}). " + (moved ? $"The last day ({lastDay:yyyy-MM-dd}) is a closed day, so the period ends at 18:00 on the next working day ({endDay:yyyy-MM-dd})." : $"It ends at 18:00 on {endDay:yyyy-MM-dd}."));
            }

            default:
            {
                var at = (received + duration.Elapsed).ToUniversalTime();
                return Explain(at, "Elapsed", received,
                    $"접수 시각({receivedText})부터 경과 시간 {duration.Text}로 계산합니다(휴일 포함).",
                    $"{duration.Text} of elapsed time from receipt ({receivedText}), holidays included.");
            }
        }
    }

    /// <summary>Moves an instant by a duration, forwards or backwards (for deadlines such as <c>due-P1WD</c>).</summary>
    public DateTimeOffset Shift(DateTimeOffset at, WorkflowDuration duration, int sign)
    {
        if (sign > 0)
        {
            return DueAfter(at, duration).At;
        }

        var local = at.ToOffset(KoreaOffset);
        return duration.Unit switch
        {
            DurationUnit.WorkingDays => new DateTimeOffset(
                ShiftWorkingDays(DateOnly.FromDateTime(local.DateTime), -duration.Amount).ToDateTime(TimeOnly.FromDateTime(local.DateTime)), KoreaOffset).ToUniversalTime(),
            DurationUnit.WorkingHours => SubtractWorkingHours(local, duration.Amount),
            DurationUnit.CalendarPeriod => (local.AddMonths(-duration.Months).AddDays(-duration.Days) - duration.Elapsed).ToUniversalTime(),
            _ => (local - duration.Elapsed).ToUniversalTime(),
        };
    }

    private DateTimeOffset SubtractWorkingHours(DateTimeOffset local, int hours)
    {
        var remaining = TimeSpan.FromHours(hours);
        var t = local;
        for (var guard = 0; guard < 5000; guard++)
        {
            var day = DateOnly.FromDateTime(t.DateTime);
            if (IsWorkingDay(day))
            {
                foreach (var (from, to) in Periods.Reverse())
                {
                    var periodStart = At(day, from);
                    var periodEnd = At(day, to);
                    if (t <= periodStart)
                    {
                        continue;
                    }

                    if (t > periodEnd)
                    {
                        t = periodEnd;
                    }

                    var available = t - periodStart;
                    if (remaining <= available)
                    {
                        return (t - remaining).ToUniversalTime();
                    }

                    remaining -= available;
                    t = periodStart;
                }
            }

            t = At(day.AddDays(-1), new TimeOnly(23, 59, 59));
        }

        throw new InvalidOperationException("The working-hours computation did not end; the calendar has no working days.");
    }

    private DueDate Explain(DateTimeOffset at, string rule, DateTimeOffset received, string ko, string en)
    {
        var from = DateOnly.FromDateTime(received.DateTime);
        var to = DateOnly.FromDateTime(at.ToOffset(KoreaOffset).DateTime);
        var skipped = _holidays.Values.Where(h => h.Date >= from && h.Date <= to && h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .OrderBy(h => h.Date).ToList();
        var dueText = Format(at.ToOffset(KoreaOffset));
        if (skipped.Count > 0)
        {
            ko += $" 제외한 공휴일: {string.Join(", ", skipped.Select(h => $"{h.Date:MM-dd} {h.NameKo}"))}.";
            en += $" Holidays skipped: {string.Join(", ", skipped.Select(h => $"{h.Date:MM-dd} {h.NameEn}"))}.";
        }

        var uncovered = Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !Covers(y)).ToList();
        if (uncovered.Count > 0)
        {
            ko += $" 주의: {string.Join(", ", uncovered)}년 공휴일 자료가 없어 주말만 제외했습니다.";
            en += $" Note: no holiday data for {string.Join(", ", uncovered)}, so only weekends were skipped.";
        }

        return new DueDate(at, rule, $"처리기한 {dueText}. {ko}", $"Due {dueText}. {en}", skipped);
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), KoreaOffset);

    private static string Format(DateTimeOffset kst) => kst.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " KST";
}
