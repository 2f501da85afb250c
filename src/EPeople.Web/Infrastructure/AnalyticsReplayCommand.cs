using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EPeople.Application.Analytics.Bursts;
using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// Trend analysis on the command line (no database needed):
/// <c>analytics replay --input &lt;csv&gt; --out &lt;alerts.json&gt; [--from yyyy-mm-dd] [--to yyyy-mm-dd] [--naive] [--events &lt;csv&gt;]</c>
/// replays a national petitions CSV (<c>id,category,title,start_date,end_date,agrees</c>; the filing day is start_date)
/// day by day through the burst detector and writes the alerts as a JSON array. <c>--naive</c> runs the keyword-surge
/// baseline instead; <c>--events</c> scores the alerts against labelled events (onset,name,keyword|keyword).
/// Progress goes to standard error, the summary to standard output.
/// </summary>
internal static class AnalyticsReplayCommand
{
    private const string Usage = """
        usage: analytics replay --input <petitions.csv> --out <alerts.json> [--from <yyyy-mm-dd>] [--to <yyyy-mm-dd>] [--naive] [--events <events.csv>] [--set Name=value,...]
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>True for <c>analytics replay …</c>, which needs no database and no host.</summary>
    public static bool IsReplayCommand(string[] args) => args.Length > 1 && args[0] == "analytics" && args[1] == "replay";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1] != "replay" || !CommandLineOptions.TryParse(args.AsSpan(2), ["naive"], out var options, out var flags)
            || !options.ContainsKey("input") || !options.ContainsKey("out"))
        {
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return Replay(options, flags.Contains("naive"), output, error);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static int Replay(Dictionary<string, string> options, bool naive, TextWriter output, TextWriter error)
    {
        var watch = Stopwatch.StartNew();
        var from = DateOption(options, "from");
        var to = DateOption(options, "to");
        var rows = PetitionCsv.Read(options["input"]);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{watch.Elapsed.TotalSeconds,5:F1} s] read {rows.Count:N0} petitions from {options["input"]}"));
        var petitions = rows.Select(r => new BurstPetition(r.Id, r.StartDate, r.Title, r.Category, Support: r.Agrees)).ToList();
        var alerts = naive
            ? NaiveSurgeDetector.Replay(petitions, from, to)
            : BurstDetector.Replay(petitions, Tuned(options.GetValueOrDefault("set")), from, to, new SynchronousProgress(error, watch));
        using (var writer = new StreamWriter(options["out"], append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write(JsonSerializer.Serialize(alerts.Select(ToJson), Json));
            writer.Write('\n');
        }

        var first = from ?? (rows.Count > 0 ? rows.Min(r => r.StartDate) : default);
        var last = to ?? (rows.Count > 0 ? rows.Max(r => r.StartDate) : default);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{alerts.Count} alerts ({(naive ? "naive keyword surge" : "burst detector")}) from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, {rows.Count:N0} petitions, in {watch.Elapsed.TotalSeconds:F1} s → {options["out"]}"));
        output.WriteLine("Source: Blue House national petitions (청와대 국민청원), KOGL Type 1");
        if (options.TryGetValue("events", out var eventsPath))
        {
            using var reader = new StreamReader(eventsPath, Encoding.UTF8);
            WriteEvaluation(BurstEvaluation.Of(alerts, BurstEvaluation.ReadEvents(reader), first, last), output);
        }

        return 0;
    }

    /// <summary>
    /// The default options with some changed, for tuning: <c>--set MinGrowth=8,Significance=1e-6</c> (any numeric or
    /// true/false property of <see cref="BurstOptions"/>).
    /// </summary>
    private static BurstOptions Tuned(string? settings)
    {
        var options = new BurstOptions();
        foreach (var setting in (settings ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = setting.Split('=') is [var n, var v] ? (n, v) : throw new InvalidDataException($"--set {setting}: give name=value.");
            var property = typeof(BurstOptions).GetProperty(name) ?? throw new InvalidDataException($"--set {name}: BurstOptions has no such option.");
            options = options with { };
            property.SetValue(options, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }

        return options;
    }

    private static void WriteEvaluation(BurstEvaluation evaluation, TextWriter output)
    {
        foreach (var (labelled, caughtOn) in evaluation.Events)
        {
            var delay = caughtOn is { } day ? $"caught {day:yyyy-MM-dd} ({day.DayNumber - labelled.Onset.DayNumber:+0;-0;+0} d)" : "MISSED";
            output.WriteLine($"  {labelled.Onset:yyyy-MM-dd}  {delay,-26} {labelled.Name}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events caught within {BurstEvaluation.CatchDays} days: {evaluation.Caught}/{evaluation.Events.Count}; quiet weeks: {evaluation.QuietWeeks.Count}, alerts per quiet week max {evaluation.MaxQuietWeekAlerts}, mean {evaluation.MeanQuietWeekAlerts:F2}; total alerts {evaluation.TotalAlerts}"));
        output.WriteLine("  quiet weeks (Monday: alerts): " + string.Join(", ", evaluation.QuietWeeks.Select(w => $"{w.Monday:MM-dd}:{w.Alerts}")));
    }

    private static object ToJson(BurstAlert a) => new
    {
        id = a.Id,
        raisedOn = a.RaisedOn,
        lastSeenOn = a.LastSeenOn,
        days = a.Days,
        kind = a.Kind,
        terms = a.Terms,
        keys = a.Keys,
        count = a.Count,
        expected = Math.Round(a.Expected, 3),
        growth = double.IsFinite(a.Growth) ? Math.Round(a.Growth, 1) : (double?)null,
        pValue = a.PValue,
        score = Math.Round(a.Score, 1),
        dayTotal = a.DayTotal,
        topicCount = a.TopicCount,
        totalCount = a.TotalCount,
        examples = a.Examples.Select(e => new { id = e.Id, filedOn = e.FiledOn, title = e.Title, category = e.Category }),
        categories = a.Categories.Select(c => new { name = c.Name, count = c.Count }),
        institutions = a.Institutions.Select(c => new { name = c.Name, count = c.Count }),
        regions = a.Regions.Select(c => new { name = c.Name, count = c.Count }),
    };

    private static DateOnly? DateOption(Dictionary<string, string> options, string name) =>
        !options.TryGetValue(name, out var text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidDataException($"--{name} {text}: give a date as yyyy-mm-dd.");

    /// <summary>Reports progress on the calling thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(TextWriter error, Stopwatch watch) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine($"[{watch.Elapsed.TotalSeconds,5:F1} s] {value}");
    }
}
