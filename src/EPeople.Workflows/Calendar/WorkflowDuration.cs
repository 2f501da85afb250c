using System.Globalization;
using System.Text.RegularExpressions;

namespace EPeople.Workflows.Calendar;

/// <summary>How a <see cref="WorkflowDuration"/> is counted.</summary>
public enum DurationUnit
{
    /// <summary><c>P7WD</c>: working days (statutory counting, see <see cref="BusinessCalendar.DueAfter"/>).</summary>
    WorkingDays,

    /// <summary><c>PT3WH</c>: working hours (09:00–12:00 and 13:00–18:00 on working days).</summary>
    WorkingHours,

    /// <summary><c>P14D</c>, <c>PT2H</c>, <c>P1DT12H</c>: elapsed calendar time.</summary>
    Elapsed,

    /// <summary><c>P1M</c>, <c>P2W</c>, <c>P1Y</c>: calendar weeks, months or years; ends on the next working day if it falls on a closed day.</summary>
    CalendarPeriod,
}

/// <summary>
/// A duration in the grammar of definitions: <c>P{n}WD</c> working days, <c>PT{n}WH</c> working hours, ISO 8601
/// (<c>P14D</c>, <c>PT2H</c>, <c>P1DT12H30M</c>) elapsed time, and ISO weeks/months/years (<c>P2W</c>, <c>P1M</c>, <c>P1Y</c>)
/// counted on the calendar.
/// </summary>
public sealed partial record WorkflowDuration(DurationUnit Unit, int Amount, TimeSpan Elapsed, int Months, int Days)
{
    /// <summary>The text the duration was parsed from.</summary>
    public string Text { get; init; } = "";

    /// <summary>Parses a duration; false when the text is not in the grammar or not positive.</summary>
    public static bool TryParse(string? text, out WorkflowDuration duration)
    {
        duration = default!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (WorkingDaysPattern().Match(text) is { Success: true } wd)
        {
            var n = int.Parse(wd.Groups[1].Value, CultureInfo.InvariantCulture);
            duration = new WorkflowDuration(DurationUnit.WorkingDays, n, TimeSpan.Zero, 0, 0) { Text = text };
            return n > 0;
        }

        if (WorkingHoursPattern().Match(text) is { Success: true } wh)
        {
            var n = int.Parse(wh.Groups[1].Value, CultureInfo.InvariantCulture);
            duration = new WorkflowDuration(DurationUnit.WorkingHours, n, TimeSpan.Zero, 0, 0) { Text = text };
            return n > 0;
        }

        var iso = IsoPattern().Match(text);
        if (!iso.Success || text == "P" || text.EndsWith('T'))
        {
            return false;
        }

        int Part(string name) => iso.Groups[name].Success ? int.Parse(iso.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var years = Part("y");
        var months = Part("mo");
        var weeks = Part("w");
        var days = Part("d");
        var time = new TimeSpan(Part("h"), Part("mi"), Part("s"));
        if (years > 0 || months > 0 || weeks > 0)
        {
            duration = new WorkflowDuration(DurationUnit.CalendarPeriod, 0, time, years * 12 + months, weeks * 7 + days) { Text = text };
            return true;
        }

        var elapsed = TimeSpan.FromDays(days) + time;
        duration = new WorkflowDuration(DurationUnit.Elapsed, 0, elapsed, 0, 0) { Text = text };
        return elapsed > TimeSpan.Zero;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static WorkflowDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a positive duration (e.g. P7WD, PT3WH, P14D, P1M).");

    [GeneratedRegex(@"^P(\d{1,4})WD$")]
    private static partial Regex WorkingDaysPattern();

    [GeneratedRegex(@"^PT(\d{1,5})WH$")]
    private static partial Regex WorkingHoursPattern();

    [GeneratedRegex(@"^P(?:(?<y>\d{1,3})Y)?(?:(?<mo>\d{1,3})M)?(?:(?<w>\d{1,3})W)?(?:(?<d>\d{1,4})D)?(?:T(?:(?<h>\d{1,5})H)?(?:(?<mi>\d{1,5})M)?(?:(?<s>\d{1,6})S)?)?$")]
    private static partial Regex IsoPattern();
}
