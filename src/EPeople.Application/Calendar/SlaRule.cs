using EPeople.Workflows.Calendar;
using EPeople.Workflows.Ports;

namespace EPeople.Application.Calendar;

/// <summary>
/// The SLA state of a deadline at one moment, as worklists and petitions show it: <c>Overdue</c> past the deadline,
/// <c>AtRisk</c> on its last working day (the deadline comes before the next working day begins, in Korea Standard
/// Time), <c>OnTime</c> before that. Holding the next working day's start makes the rule one comparison per row, so a
/// list can also filter by it in SQL; both instants are held in UTC, so they go into queries as they are (Npgsql writes
/// only UTC offsets).
/// </summary>
public sealed record SlaRule(DateTimeOffset Now, DateTimeOffset AtRiskUntil)
{
    public const string OnTime = "OnTime";
    public const string AtRisk = "AtRisk";
    public const string Overdue = "Overdue";

    /// <summary>The rule for now on the government calendar (cached by the provider, so this is cheap per request).</summary>
    public static async Task<SlaRule> NowAsync(IBusinessCalendarProvider calendars, TimeProvider clock, CancellationToken cancellationToken) =>
        At(await calendars.GetAsync(BusinessCalendars.Government, cancellationToken), clock.GetUtcNow());

    public static SlaRule At(BusinessCalendar calendar, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(BusinessCalendar.KoreaOffset).DateTime);
        var nextWorkingDay = calendar.ShiftWorkingDays(today, 1);
        return new SlaRule(now.ToUniversalTime(), new DateTimeOffset(nextWorkingDay.ToDateTime(TimeOnly.MinValue), BusinessCalendar.KoreaOffset).ToUniversalTime());
    }

    public string StateOf(DateTimeOffset? due) => due is not { } at ? OnTime : Now > at ? Overdue : at <= AtRiskUntil ? AtRisk : OnTime;
}
