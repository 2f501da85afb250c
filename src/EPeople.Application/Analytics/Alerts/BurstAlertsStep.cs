using System.Globalization;
using System.Net;
using System.Text.Json;
using EPeople.Application.Abstractions;
using EPeople.Application.Analytics.Bursts;
using EPeople.Application.Outbox;
using EPeople.Application.Security;
using EPeople.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Analytics.Alerts;

/// <summary>
/// Runs the burst detector after the daily counts, once per completed Korean day (KST) and once per completed hour of
/// the day under way: the detector is restored as it was after the last day it added (<see cref="BurstDayRecord"/>: that
/// day's state and the baseline's daily key counts, saved by earlier runs), then it adds the new days, then peeks at
/// today's petitions up to the last full hour (<see cref="BurstDetector.Peek"/>), so a burst is raised within the hour
/// and confirmed or extended when the day is over. Only petitions filed after the last saved day are read: the first run
/// on a database (or after the detector's options change) reads the <see cref="BurstOptions.LongBaselineDays"/> days
/// before the first new day once, to build the baseline and the topic memory. The alerts raised or extended are upserted
/// by id (an extended alert keeps its row; one raised within the day and led by another term by its end keeps its row
/// too), and each newly stored alert puts one e-mail per concerned
/// institution in the outbox — all in one transaction with the step's own watermarks, so a run that fails leaves nothing
/// half-done and the next run repeats it. Petitions are streamed in filing order, one day in memory at a time.
/// </summary>
public sealed class BurstAlertsStep(IEPeopleDbContext db, IAccountService accounts, IOptions<AnalyticsOptions> options, TimeProvider clock)
    : IAfterDailyCountsStep
{
    /// <summary>The step's row in analytics_watermarks: the start of the first day not yet analysed.</summary>
    public const string Watermark = "burst-alerts";

    /// <summary>The step's row for the day under way: the end of the last hour whose petitions were tested.</summary>
    public const string HourWatermark = "burst-alerts-hour";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly BurstOptions Options = new();

    public string Name => "bursts";

    public async Task RunAsync(DailyCountsRefreshed refresh, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // A day is complete once the settling time after its end has passed: no filing of it is still being committed.
        // The same goes for an hour of the day under way, which is looked at as soon as it is over.
        var settled = refresh.CountedUntil.AddMinutes(-options.Value.SettleMinutes);
        var lastComplete = AnalyticsDays.KoreaDay(settled).AddDays(-1);
        var today = lastComplete.AddDays(1);
        var hourEnd = AnalyticsDays.StartOf(today).AddHours(Math.Floor((settled - AnalyticsDays.StartOf(today)).TotalHours));
        var mark = await db.AnalyticsWatermarks.SingleOrDefaultAsync(w => w.Name == Watermark, cancellationToken);
        var hourMark = await db.AnalyticsWatermarks.SingleOrDefaultAsync(w => w.Name == HourWatermark, cancellationToken);
        // The first run looks back as far as a topic stays open, so a burst of the last days is not missed.
        var firstNew = mark?.CountedUntil is { } done ? AnalyticsDays.KoreaDay(done) : lastComplete.AddDays(1 - Options.TopicMemoryDays);
        var newDays = firstNew <= lastComplete;
        var newHour = hourEnd > AnalyticsDays.StartOf(today) && !(hourMark?.CountedUntil >= hourEnd);
        if (!newDays && !newHour)
        {
            return;
        }

        var found = await DetectAsync(newDays ? firstNew : today, lastComplete, newHour ? hourEnd : null, cancellationToken);
        var now = clock.GetUtcNow();
        var raised = await UpsertAsync(found, now, cancellationToken);
        await NotifyAsync(raised, now, cancellationToken);

        if (newDays)
        {
            Advance(mark ??= Add(Watermark), AnalyticsDays.StartOf(today), refresh, found.Count, now);
        }

        if (newHour)
        {
            Advance(hourMark ??= Add(HourWatermark), hourEnd, refresh, found.Count, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private AnalyticsWatermarkRecord Add(string name)
    {
        var mark = new AnalyticsWatermarkRecord { Name = name };
        db.AnalyticsWatermarks.Add(mark);
        return mark;
    }

    private static void Advance(AnalyticsWatermarkRecord mark, DateTimeOffset until, DailyCountsRefreshed refresh, int rows, DateTimeOffset now)
    {
        mark.CountedUntil = until;
        mark.LastRunAt = now;
        mark.LastRunKind = refresh.Full ? "full" : "incremental";
        mark.LastRunRows = rows;
    }

    /// <summary>
    /// The latest state of every alert raised or extended from <paramref name="firstNew"/> on, with its sparkline; with
    /// <paramref name="hourEnd"/>, also what today's petitions so far would raise or extend (<see cref="BurstDetector.Peek"/>).
    /// The detector is restored from the saved days before <paramref name="firstNew"/> (<see cref="RestoreAsync"/>), so only
    /// the petitions filed after the last saved day are read; each complete day added is saved in turn.
    /// </summary>
    private async Task<Dictionary<string, (BurstAlert Alert, IReadOnlyList<int> Series)>> DetectAsync(
        DateOnly firstNew, DateOnly lastComplete, DateTimeOffset? hourEnd, CancellationToken cancellationToken)
    {
        var today = lastComplete.AddDays(1);
        var (detector, fromDay) = await RestoreAsync(firstNew, cancellationToken);
        var from = AnalyticsDays.StartOf(fromDay);
        var until = hourEnd ?? AnalyticsDays.StartOf(today);
        var rows = db.Petitions.AsNoTracking()
            .Where(p => p.FiledAt >= from && p.FiledAt < until)
            .OrderBy(p => p.FiledAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.FiledAt, p.Kind, p.Title, p.Body, p.InstitutionCode, p.RegionCode })
            .AsAsyncEnumerable();

        var found = new Dictionary<string, (BurstAlert, IReadOnlyList<int>)>(StringComparer.Ordinal);
        var saved = new List<BurstDayRecord>();
        var now = clock.GetUtcNow();
        var batch = new List<BurstPetition>();
        DateOnly? batchDay = null;

        void Flush()
        {
            if (batchDay is not { } day)
            {
                return;
            }

            var result = day == today ? detector.Peek(day, batch) : detector.Add(day, batch);
            if (day != today)
            {
                saved.Add(BurstDayRecord.Of(detector.CountsOn(day)!, detector.State()!, Fingerprint, now));
            }

            if (day >= firstNew)
            {
                foreach (var alert in result.Raised.Concat(result.Extended))
                {
                    found[alert.Id] = (alert, Series(detector, alert, day == today ? batch : null));
                }
            }

            batch = [];
        }

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var day = AnalyticsDays.KoreaDay(row.FiledAt);
            if (day != batchDay)
            {
                Flush();
                batchDay = day;
            }

            batch.Add(new BurstPetition(row.Id.ToString(), day, row.Title + "\n" + row.Body,
                Category: row.Kind.ToString(), Institution: row.InstitutionCode, Region: row.RegionCode));
        }

        Flush();
        await SaveDaysAsync(saved, lastComplete, cancellationToken);
        return found;
    }

    private static readonly string Fingerprint = BurstDayRecord.FingerprintOf(Options);

    /// <summary>
    /// The detector as it was after the latest saved day before <paramref name="firstNew"/>, from that day's state and the
    /// counts of the baseline's days up to it, and the first day whose petitions are still to be read (the day after). With
    /// no such day (the first run, or options changed), a fresh detector and the first day of the baseline window before
    /// <paramref name="firstNew"/>: the petitions of those days are read and their days saved, once.
    /// </summary>
    private async Task<(BurstDetector Detector, DateOnly FromDay)> RestoreAsync(DateOnly firstNew, CancellationToken cancellationToken)
    {
        var window = firstNew.AddDays(-Options.LongBaselineDays);
        var latest = await db.AnalyticsBurstDays.AsNoTracking()
            .Where(d => d.Fingerprint == Fingerprint && d.Day >= window && d.Day < firstNew)
            .OrderByDescending(d => d.Day).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return (new BurstDetector(Options), window);
        }

        var since = latest.Day.AddDays(1 - Options.LongBaselineDays);
        var days = await db.AnalyticsBurstDays.AsNoTracking()
            .Where(d => d.Fingerprint == Fingerprint && d.Day >= since && d.Day <= latest.Day)
            .Select(d => new { d.Day, d.Total, d.Counts }).ToListAsync(cancellationToken);
        var counts = days.Select(d => BurstDayRecord.ReadCounts(d.Day, d.Total, d.Counts));
        return (BurstDetector.Restore(Options, latest.ReadState(), counts), latest.Day.AddDays(1));
    }

    /// <summary>
    /// Saves the complete days this run added (over rows of the same days, such as those of other options), and lets go of
    /// the days no run will need again: older than the baseline window before the last complete day, with a margin. Only
    /// tracked: the step's one save writes them with its watermarks.
    /// </summary>
    private async Task SaveDaysAsync(List<BurstDayRecord> saved, DateOnly lastComplete, CancellationToken cancellationToken)
    {
        var keepFrom = lastComplete.AddDays(-Options.LongBaselineDays - Options.TopicMemoryDays);
        var days = saved.Select(d => d.Day).ToList();
        var stored = await db.AnalyticsBurstDays.Where(d => days.Contains(d.Day) || d.Day < keepFrom).ToDictionaryAsync(d => d.Day, cancellationToken);
        foreach (var day in saved)
        {
            if (stored.Remove(day.Day, out var row))
            {
                (row.Fingerprint, row.Total, row.Counts, row.State, row.SavedAt) = (day.Fingerprint, day.Total, day.Counts, day.State, day.SavedAt);
            }
            else
            {
                db.AnalyticsBurstDays.Add(day);
            }
        }

        db.AnalyticsBurstDays.RemoveRange(stored.Values.Where(d => d.Day < keepFrom));
    }

    /// <summary>
    /// The sparkline of an alert's leading key up to its last day; the day under way is not in the detector, so its
    /// petitions so far (<paramref name="today"/>) are counted for the last point.
    /// </summary>
    private static IReadOnlyList<int> Series(BurstDetector detector, BurstAlert alert, List<BurstPetition>? today) =>
        today is null
            ? detector.Series(alert.Keys[0], alert.LastSeenOn, AnalyticsAlertRecord.SeriesDays)
            : [.. detector.Series(alert.Keys[0], alert.LastSeenOn.AddDays(-1), AnalyticsAlertRecord.SeriesDays - 1), detector.CountOf(alert.Keys[0], today)];

    /// <summary>Inserts the new alerts and updates the extended ones; returns those inserted.</summary>
    private async Task<List<AnalyticsAlertRecord>> UpsertAsync(
        Dictionary<string, (BurstAlert Alert, IReadOnlyList<int> Series)> found, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return [];
        }

        var ids = found.Keys.ToList();
        var existing = await db.AnalyticsAlerts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        // Example titles are read back from the petitions (the detector saw title and body) and masked before they are stored.
        var exampleIds = found.Values.SelectMany(f => f.Alert.Examples).Select(e => Guid.Parse(e.Id)).Distinct().ToList();
        var titles = await db.Petitions.AsNoTracking().Where(p => exampleIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id.ToString(), p => p.Title, cancellationToken);

        // An alert raised within a day may be led by another term once the whole day is in (or a replay starting on
        // another day may name it otherwise): a stored alert of the same day about the same topic is that alert.
        var unmatchedDays = found.Where(f => !existing.ContainsKey(f.Key)).Select(f => f.Value.Alert.RaisedOn).Distinct().ToList();
        var sameDays = unmatchedDays.Count == 0 ? []
            : (await db.AnalyticsAlerts.Where(a => unmatchedDays.Contains(a.RaisedOn)).ToListAsync(cancellationToken))
                .Where(a => !found.ContainsKey(a.Id)).ToList();

        var inserted = new List<AnalyticsAlertRecord>();
        var written = new List<AnalyticsAlertRecord>();
        foreach (var (id, (alert, series)) in found.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!existing.TryGetValue(id, out var record) && sameDays.Find(r => SameTopic(r, alert)) is { } renamed)
            {
                sameDays.Remove(renamed);
                record = renamed;
            }

            if (record is null)
            {
                record = new AnalyticsAlertRecord { Id = id, CreatedAt = now };
                db.AnalyticsAlerts.Add(record);
                inserted.Add(record);
            }

            written.Add(record);
            AlertLifecycle.OnDetected(record, alert.LastSeenOn, now);
            record.RaisedOn = alert.RaisedOn;
            record.LastSeenOn = alert.LastSeenOn;
            record.Days = alert.Days;
            record.Terms = JsonSerializer.Serialize(alert.Terms, Json);
            record.Count = alert.Count;
            record.Expected = alert.Expected;
            record.Growth = alert.Growth;
            record.PValue = alert.PValue;
            record.Score = alert.Score;
            record.TotalCount = alert.TotalCount;
            record.Examples = JsonSerializer.Serialize(
                alert.Examples.Select(e => new AlertExample(e.Id, e.FiledOn, PersonalDataMask.Text(titles.GetValueOrDefault(e.Id, "")))).ToList(), Json);
            record.Institutions = JsonSerializer.Serialize(
                alert.Institutions.Where(s => !string.IsNullOrEmpty(s.Name)).Select(s => new AlertInstitution(s.Name, s.Count)).ToList(), Json);
            record.Series = JsonSerializer.Serialize(series, Json);
            record.UpdatedAt = now;
        }

        await AlertInstitutionIndex.SyncAsync(db, written, cancellationToken);
        return inserted;
    }

    /// <summary>Whether a stored alert of the same day is the detector's alert under another name: same kind, a leading term in common.</summary>
    private static bool SameTopic(AnalyticsAlertRecord stored, BurstAlert alert)
    {
        if (BurstAlert.KindOfId(stored.Id) != alert.Kind)
        {
            return false;
        }

        if (alert.Kind != "topic")
        {
            return stored.Id.EndsWith("/" + alert.Keys[0], StringComparison.Ordinal);
        }

        var terms = JsonSerializer.Deserialize<List<string>>(stored.Terms, Json) ?? [];
        return alert.Terms.Take(3).Any(t => terms.Take(3).Any(s => BurstDetector.SameWord(s, t)));
    }

    /// <summary>
    /// One e-mail per institution concerned by a new alert, to its analysts, or to its institution administrators when it
    /// has no analyst; keyed by alert and institution, so a repeated run never sends it twice.
    /// </summary>
    private async Task NotifyAsync(List<AnalyticsAlertRecord> raised, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notices = raised
            .SelectMany(a => JsonSerializer.Deserialize<List<AlertInstitution>>(a.Institutions, Json)!.Select(i => (Alert: a, Institution: i)))
            .Select(n => (n.Alert, n.Institution, Key: NoticeKey(n.Alert.Id, n.Institution.Code)))
            .ToList();
        if (notices.Count == 0)
        {
            return;
        }

        var keys = notices.Select(n => n.Key).ToList();
        var sent = (await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var codes = notices.Select(n => n.Institution.Code).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code))
            .Select(i => new { i.Id, i.Code, i.NameKo, i.NameEn }).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        var recipients = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (alert, institution, key) in notices)
        {
            if (sent.Contains(key) || !institutions.TryGetValue(institution.Code, out var known))
            {
                continue;
            }

            if (!recipients.TryGetValue(institution.Code, out var to))
            {
                to = await accounts.StaffEmailsAsync(known.Id, Roles.Analyst, cancellationToken);
                if (to.Count == 0)
                {
                    to = await accounts.StaffEmailsAsync(known.Id, Roles.InstitutionAdmin, cancellationToken);
                }

                recipients[institution.Code] = to;
            }

            if (to.Count > 0)
            {
                db.EnqueueEmail(Email(alert, (known.NameKo, known.NameEn), institution.Count, to), key, now);
            }
        }
    }

    public static string NoticeKey(string alertId, string institutionCode) => $"analytics-alert:{alertId}:{institutionCode}";

    private static EmailMessage Email(AnalyticsAlertRecord alert, (string Ko, string En) institution, int petitions, IReadOnlyList<string> to)
    {
        var terms = string.Join(", ", JsonSerializer.Deserialize<List<string>>(alert.Terms, Json)!.Take(3));
        var kind = BurstAlert.KindOfId(alert.Id);
        // A volume alert is about its category, institution or region, not about terms: an institution by its name.
        var (aboutKo, aboutEn) = kind switch
        {
            "topic" => ($"'{terms}' 관련 민원이", $"Petitions about '{terms}'"),
            "institution" => ($"{institution.Ko} 소관 민원이 주제와 관계없이", $"Petitions for {institution.En}, on no one subject,"),
            "region" => ($"지역 {terms}의 민원이 주제와 관계없이", $"Petitions from region {terms}, on no one subject,"),
            _ => ($"'{terms}' 분야 민원이 주제와 관계없이", $"Petitions of the kind '{terms}', on no one subject,"),
        };
        var ko = string.Create(CultureInfo.InvariantCulture,
            $"{alert.RaisedOn:yyyy-MM-dd}에 {aboutKo} 급증했습니다: {alert.Count}건 (예상 {alert.Expected:0.#}건, {alert.Growth:0.#}배). {institution.Ko} 소관 {petitions}건. 분석 화면(/analytics)에서 확인하십시오.");
        var en = string.Create(CultureInfo.InvariantCulture,
            $"{aboutEn} surged on {alert.RaisedOn:yyyy-MM-dd}: {alert.Count} (expected {alert.Expected:0.#}, {alert.Growth:0.#}×); {petitions} for {institution.En}. See /analytics.");
        var text = ko + "\n\n" + en;
        var html = "<p>" + WebUtility.HtmlEncode(ko) + "</p><p>" + WebUtility.HtmlEncode(en) + "</p>";
        var subject = kind == "topic" ? $"[EPeople] 급증 주제 / Rising topic: {terms}"
            : $"[EPeople] 민원 급증 / Petition surge: {(kind == "institution" ? institution.Ko : terms)}";
        return new EmailMessage(string.Join(", ", to), subject, text, html);
    }
}
