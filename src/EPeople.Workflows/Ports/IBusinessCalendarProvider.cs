using EPeople.Workflows.Calendar;

namespace EPeople.Workflows.Ports;

/// <summary>The business calendars by id (<c>settings.calendar</c>), with holidays kept as editable data.</summary>
public interface IBusinessCalendarProvider
{
    /// <summary>The calendar as it stands now.</summary>
    Task<BusinessCalendar> GetAsync(string calendarId, CancellationToken cancellationToken);

    /// <summary>Drops a cached calendar after its holidays were edited.</summary>
    void Invalidate(string calendarId);
}

/// <summary>One calendar that never changes (tests, tools): every calendar id resolves to it.</summary>
public sealed class FixedBusinessCalendarProvider(BusinessCalendar calendar) : IBusinessCalendarProvider
{
    /// <inheritdoc />
    public Task<BusinessCalendar> GetAsync(string calendarId, CancellationToken cancellationToken) => Task.FromResult(calendar);

    /// <inheritdoc />
    public void Invalidate(string calendarId)
    {
    }
}
