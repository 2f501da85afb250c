using EPeople.Domain.Auditing;

namespace EPeople.Application.Calendar;

/// <summary>A day a business calendar is closed besides weekends; edited by system administrators, every change audited.</summary>
public sealed class BusinessHolidayRecord : IAudited
{
    public string CalendarId { get; set; } = "";
    public DateOnly Date { get; set; }
    public string NameKo { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>Public, Substitute, Temporary or Election.</summary>
    public string Kind { get; set; } = "Public";
}
