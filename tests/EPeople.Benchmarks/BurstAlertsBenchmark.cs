using System.Globalization;
using EPeople.Application.Analytics;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Security;
using EPeople.Infrastructure.Identity;
using EPeople.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using static EPeople.Benchmarks.AnalyticsBenchmark;
using static EPeople.Benchmarks.WorklistBenchmark;

namespace EPeople.Benchmarks;

/// <summary>
/// The product's burst-alerts step (<see cref="BurstAlertsStep"/>) at the analytics benchmark's scale, called as
/// <see cref="AnalyticsRefresh"/> calls it (a DI scope, the step's RunAsync with the refresh it reports): (a) the daily
/// run, one new completed Korean day; (b) the hourly peek at 23:00 KST of the day under way, its petitions so far tested.
/// Each first as on a new database (nothing saved: the 84 days before are read too), then from the days saved by an
/// earlier run (a' and b', the steady state: the detector restored, only the new day's petitions read). The clock is the refresh's CountedUntil and
/// the step's two watermarks, set before each run. Anchor: T-B restricted to the window the step reads (the words of every title
/// counted per Korean day and word, in SQL), and beside it the same over title and body (the step reads both), in
/// anchor / step / anchor order. One new topic is filed on each analysed day (a burst of <see cref="BurstSize"/>
/// petitions) and the busiest institutions get staff to e-mail, so the step stores alerts and fills the outbox; alerts
/// and their e-mails are deleted before each run, so every run stores them anew.
/// </summary>
internal static class BurstAlertsBenchmark
{
    private const int BurstSize = 120;
    private const int HourUnderWay = 23;


    private static readonly DateTimeOffset Parked = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="SavedUntil">
    /// The last day the detector saved before the run (<see cref="BurstDayRecord"/>), so the step reads only the petitions
    /// after it (<see cref="From"/>): a scheduled run's steady state. Null for the first run on a database: nothing saved,
    /// the 84 days before the first new day read once.
    /// </param>
    private sealed record Run(string Label, DateTimeOffset From, DateTimeOffset Until, DateTimeOffset DailyMark, DateTimeOffset HourMark,
        DailyCountsRefreshed Refresh, string Goal, DateOnly? SavedUntil = null);

    /// <summary>Both watermarks of the step in the far future: a refresh of the counts then runs the step as two reads and nothing else.</summary>
    public static Task ParkAsync(NpgsqlConnection db) => MarkAsync(db, Parked, Parked);

    /// <summary>Runs both cases <paramref name="runs"/> times each, A/B/A, and returns the summary's lines.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(BenchmarkHost host, NpgsqlConnection db, int firstNumber, int institutionCount, int runs)
    {
        var loadAtStart = WorklistBenchmark.Load();
        var settle = host.Services.GetRequiredService<IOptions<AnalyticsOptions>>().Value.SettleMinutes;
        // Two and three days ago (KST): wholly within the loaded year whatever the hour, and nothing loaded after them.
        var underWay = AnalyticsDays.KoreaDay(DateTimeOffset.UtcNow).AddDays(-2);
        var newDay = underWay.AddDays(-1);
        var start = AnalyticsDays.StartOf(underWay);
        var hourEnd = start.AddHours(HourUnderWay);
        // Settled one minute into the next day: the day is complete and no hour of the next one is.
        var daily = new DailyCountsRefreshed(false, newDay, start.AddMinutes(settle + 1));
        // Settled one minute after 23:00 of the day under way, the hours before it already peeked at.
        var hourly = new DailyCountsRefreshed(false, underWay, hourEnd.AddMinutes(settle + 1));
        Run[] cases =
        [
            new("(a) Daily run, first on the database: one new completed day after the 84 before it", AnalyticsDays.StartOf(newDay.AddDays(-84)), start,
                AnalyticsDays.StartOf(newDay), Parked, daily, "once per database"),
            new("(a') Daily run from the saved days: the new day only", AnalyticsDays.StartOf(newDay), start,
                AnalyticsDays.StartOf(newDay), Parked, daily, "ratio reported", SavedUntil: newDay.AddDays(-1)),
            new($"(b) Hourly peek, first on the database: the day under way up to {HourUnderWay}:00 KST after the 84 days before it",
                AnalyticsDays.StartOf(underWay.AddDays(-84)), hourEnd, start, hourEnd.AddHours(-1), hourly, "once per database"),
            new($"(b') Hourly peek from the saved days: the day under way up to {HourUnderWay}:00 KST only", start, hourEnd,
                start, hourEnd.AddHours(-1), hourly, "≤ 2 % of the 15-min job interval (18 s)", SavedUntil: newDay),
        ];

        await FileBurstsAsync(db, firstNumber, institutionCount, (newDay, "폐배터리 재활용 공장 화재 유독가스 주민 피해 보상 요구"), (underWay, "초등학교 급식 집단 식중독 원인 규명 촉구"));
        var staff = await StaffAsync(host, db);
        Console.WriteLine(F($"  burst alerts: new day {newDay:yyyy-MM-dd}, day under way {underWay:yyyy-MM-dd} (KST), {BurstSize} petitions of one new topic filed on each; staff to e-mail: {staff}; load {loadAtStart}"));

        var lines = new List<string>
        {
            F($"Burst-alerts step (BurstAlertsStep.RunAsync, product DI scope), {runs} × anchor / EPeople / anchor per case, medians; each run stores its alerts anew:"),
            "| Case (window the step reads) | Anchor T-B over the window: titles; titles + bodies | EPeople | Ratio | Goal |",
            "|---|---|---|---|---|",
        };
        var notes = new List<string>();
        foreach (var run in cases)
        {
            var parameters = new (string, object)[] { ("from", run.From), ("until", run.Until) };
            var inWindow = await ScalarAsync(db, F($"SELECT count(*) FROM petitions WHERE filed_at >= '{run.From:O}' AND filed_at < '{run.Until:O}'"));
            await ExecuteAsync(db, Anchor("title"), parameters); // warm-up: the window's pages in the cache
            var (titles, bodies, step) = (new List<double>(), new List<double>(), new List<double>());
            long peak = 0;
            var (alerts, emails) = (0L, 0L);
            if (run.SavedUntil is { } savedUntil)
            {
                // The days before saved as a run would have saved them: one untimed first run, then the days after taken away.
                await ExecuteAsync(db, "DELETE FROM analytics_burst_days");
                await MarkAsync(db, AnalyticsDays.StartOf(savedUntil.AddDays(1 - 10)), Parked);
                await RunStepAsync(host, new DailyCountsRefreshed(false, savedUntil, AnalyticsDays.StartOf(savedUntil.AddDays(1)).AddMinutes(settle + 1)));
            }

            for (var i = 0; i < runs; i++)
            {
                var loadBefore = WorklistBenchmark.Load();
                titles.Add(await TimeAsync(() => ExecuteAsync(db, Anchor("title"), parameters)));
                bodies.Add(await TimeAsync(() => ExecuteAsync(db, Anchor("title || ' ' || body"), parameters)));
                await ExecuteAsync(db, "DELETE FROM analytics_alerts; DELETE FROM outbox WHERE idempotency_key LIKE 'analytics-alert:%'");
                await ExecuteAsync(db, run.SavedUntil is { } kept ? F($"DELETE FROM analytics_burst_days WHERE day > '{kept:yyyy-MM-dd}'") : "DELETE FROM analytics_burst_days");
                await MarkAsync(db, run.DailyMark, run.HourMark);
                using (var sampler = new MemorySampler())
                {
                    step.Add(await TimeAsync(() => RunStepAsync(host, run.Refresh)));
                    peak = Math.Max(peak, sampler.Stop());
                }

                alerts = await ScalarAsync(db, "SELECT count(*) FROM analytics_alerts");
                emails = await ScalarAsync(db, "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'analytics-alert:%'");
                titles.Add(await TimeAsync(() => ExecuteAsync(db, Anchor("title"), parameters)));
                bodies.Add(await TimeAsync(() => ExecuteAsync(db, Anchor("title || ' ' || body"), parameters)));
                Console.WriteLine(F($"  {run.Label[..4]} run {i + 1}: T-B {titles[^2]:0.000} s (+ bodies {bodies[^2]:0.000} s) / EPeople {step[^1]:0.000} s ({alerts} alerts, {emails} e-mails) / T-B {titles[^1]:0.000} s (+ bodies {bodies[^1]:0.000} s); load {loadBefore} → {WorklistBenchmark.Load()}"));
            }

            var marks = await ScalarTextAsync(db, $"SELECT string_agg(name || ' ' || to_char(counted_until AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI'), ', ' ORDER BY name) FROM analytics_watermarks WHERE name IN ('{BurstAlertsStep.Watermark}', '{BurstAlertsStep.HourWatermark}')");
            var ids = await ScalarTextAsync(db, "SELECT string_agg(id, ', ' ORDER BY id) FROM analytics_alerts");
            var (tb, withBodies, ep) = (Median(titles), Median(bodies), Median(step));
            lines.Add(F($"| {run.Label} ({run.From.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm} – {run.Until.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm} KST, {inWindow:N0} petitions) | T-B {tb:0.000} s; {withBodies:0.000} s | {ep:0.000} s; {alerts} alerts stored, {emails} e-mails enqueued; peak managed memory {peak / 1024.0 / 1024.0:0.0} MB | {ep / tb:0.00} × T-B ({ep / withBodies:0.00} × with bodies) | {run.Goal} |"));
            var saved = await ScalarTextAsync(db, "SELECT count(*) || ' days, ' || coalesce(sum(length(counts) + length(state)) / 1024, 0) || ' KB' FROM analytics_burst_days");
            notes.Add(F($"{run.Label[..4]}: saved detector days after the run: {saved}; watermarks after the run (KST): {marks}; alerts: {ids}"));
        }

        await ParkAsync(db);
        lines.AddRange(notes);
        lines.Add(F($"Goal for the peak managed memory during the step: ≤ 512 MB (G5). Load at the start of the burst-alerts phase {loadAtStart}, at its end {WorklistBenchmark.Load()}."));
        return lines;
    }

    private static async Task RunStepAsync(BenchmarkHost host, DailyCountsRefreshed refresh)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var alertsStep = scope.ServiceProvider.GetServices<IAfterDailyCountsStep>().OfType<BurstAlertsStep>().Single();
        await alertsStep.RunAsync(refresh, null, CancellationToken.None);
    }

    /// <summary>Anchor T-B on the window: the words of <paramref name="text"/> (an SQL expression) per Korean day and word.</summary>
    private static string Anchor(string text) => $$"""
        BEGIN;
        DELETE FROM anchor_term_counts;
        INSERT INTO anchor_term_counts (day, term, count)
        SELECT CAST((filed_at AT TIME ZONE 'UTC') + interval '9 hours' AS date), w, count(*)
        FROM petitions, regexp_split_to_table(lower({{text}}), '[^0-9a-z가-힣]+') AS w
        WHERE length(w) > 1 AND filed_at >= @from AND filed_at < @until
        GROUP BY 1, 2;
        COMMIT;
        """;

    private static Task MarkAsync(NpgsqlConnection db, DateTimeOffset daily, DateTimeOffset hour) => ExecuteAsync(db, $"""
        INSERT INTO analytics_watermarks (name, counted_until, last_run_seconds, last_run_rows)
        VALUES ('{BurstAlertsStep.Watermark}', @daily, 0, 0), ('{BurstAlertsStep.HourWatermark}', @hour, 0, 0)
        ON CONFLICT (name) DO UPDATE SET counted_until = excluded.counted_until
        """, ("daily", daily), ("hour", hour));

    /// <summary>A burst of one new topic on each day: <see cref="BurstSize"/> petitions with the same title, filed over its first 20 hours.</summary>
    private static async Task FileBurstsAsync(NpgsqlConnection db, int firstNumber, int institutionCount, params (DateOnly Day, string Title)[] bursts)
    {
        foreach (var (day, title) in bursts)
        {
            await LoadAsync(db, firstNumber, firstNumber + BurstSize - 1, institutionCount,
                F($"'{AnalyticsDays.StartOf(day):O}'::timestamptz + random() * interval '20 hours'"), $"'{title}'");
            firstNumber += BurstSize;
        }

        await ExecuteAsync(db, "ANALYZE petitions");
    }

    /// <summary>An analyst for each of the three busiest institutions and an institution administrator for the fourth (the step's fallback).</summary>
    private static async Task<string> StaffAsync(BenchmarkHost host, NpgsqlConnection db)
    {
        var codes = (await ScalarTextAsync(db, "SELECT string_agg(code, ',' ORDER BY n) FROM bench_institution WHERE n < 4")).Split(',');
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var institutions = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().Institutions;
        var made = new List<string>();
        for (var i = 0; i < codes.Length; i++)
        {
            var role = i < 3 ? Roles.Analyst : Roles.InstitutionAdmin;
            var email = $"{role.ToLowerInvariant()}.{codes[i]}@bench.example";
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = email,
                InstitutionId = await institutions.Where(x => x.Code == codes[i]).Select(x => x.Id).SingleAsync(),
            };
            var created = await users.CreateAsync(user, "Bench-2026!staff");
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                throw new InvalidOperationException($"Cannot create {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            made.Add($"{role} of {codes[i]}");
        }

        return string.Join(", ", made);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
