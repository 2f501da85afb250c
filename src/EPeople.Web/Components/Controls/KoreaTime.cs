using System.Globalization;

namespace EPeople.Web.Components.Controls;

/// <summary>Times are stored in UTC and shown in Korea Standard Time (UTC+9, no daylight saving).</summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static string Format(DateTimeOffset utc) =>
        utc.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " KST";

    /// <summary>The end of a working day (18:00 KST), which is when statutory periods end: a date an official picks means "by then".</summary>
    public static DateTimeOffset EndOfWorkingDay(DateOnly day) => new(day.ToDateTime(new TimeOnly(18, 0)), Offset);
}
