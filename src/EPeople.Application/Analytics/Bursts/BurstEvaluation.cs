using System.Globalization;

namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// How a list of alerts fares against labelled events: an event is caught when an alert raised from the day before its
/// onset to three days after it carries one of its keywords (in a term or key). A quiet week is a Monday-to-Sunday
/// week inside the replayed period with no event onset from three days before it to its end.
/// </summary>
public sealed record BurstEvaluation(
    IReadOnlyList<(LabelledEvent Event, DateOnly? CaughtOn)> Events, IReadOnlyList<(DateOnly Monday, int Alerts)> QuietWeeks, int TotalAlerts)
{
    public const int CatchDays = 3;

    public int Caught => Events.Count(e => e.CaughtOn is not null);

    public int MaxQuietWeekAlerts => QuietWeeks.Count == 0 ? 0 : QuietWeeks.Max(w => w.Alerts);

    public double MeanQuietWeekAlerts => QuietWeeks.Count == 0 ? 0 : QuietWeeks.Average(w => w.Alerts);

    public static BurstEvaluation Of(IReadOnlyList<BurstAlert> alerts, IReadOnlyList<LabelledEvent> events, DateOnly first, DateOnly last)
    {
        var outcomes = events.OrderBy(e => e.Onset).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => (e, alerts.Where(a => a.RaisedOn >= e.Onset.AddDays(-1) && a.RaisedOn <= e.Onset.AddDays(CatchDays) && Mentions(a, e))
                .Select(a => (DateOnly?)a.RaisedOn).Min()))
            .ToList();
        var weeks = new List<(DateOnly, int)>();
        var monday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        for (; monday.AddDays(6) <= last; monday = monday.AddDays(7))
        {
            var sunday = monday.AddDays(6);
            if (!events.Any(e => e.Onset >= monday.AddDays(-CatchDays) && e.Onset <= sunday))
            {
                weeks.Add((monday, alerts.Count(a => a.RaisedOn >= monday && a.RaisedOn <= sunday)));
            }
        }

        return new BurstEvaluation(outcomes, weeks, alerts.Count);
    }

    private static bool Mentions(BurstAlert alert, LabelledEvent labelled) =>
        labelled.Keywords.Any(k => alert.Terms.Concat(alert.Keys).Any(t => t.Contains(k, StringComparison.Ordinal)));

    /// <summary>Reads <c>onset,name,keywords</c> lines (keywords separated by <c>|</c>; <c>#</c> starts a comment).</summary>
    public static List<LabelledEvent> ReadEvents(TextReader reader)
    {
        var events = new List<LabelledEvent>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("onset,", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 3 || !DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var onset))
            {
                throw new InvalidDataException($"Not an event line (onset,name,keyword|keyword): {line}");
            }

            events.Add(new LabelledEvent(onset, fields[1], fields[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        return events;
    }
}
