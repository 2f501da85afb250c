using System.Diagnostics;
using System.Globalization;
using EPeople.Application.Analytics;
using EPeople.Application.Analytics.Bursts;
using EPeople.Application.Petitions.Routing.Learning;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static EPeople.Benchmarks.WorklistBenchmark;

namespace EPeople.Benchmarks;

/// <summary>
/// Goal G5 (PERFORMANCE.md), numeric side: the full recompute of the daily counts over N petitions against anchor T-A —
/// the same daily aggregation written into a table of the same shape, plus a z-score per key of the last day against
/// the earlier ones, as one raw-SQL Npgsql command — in anchor / EPeople / anchor order, --runs times (medians);
/// the peak managed memory of this process during EPeople's recompute (sampled every 5 ms); then the incremental run
/// after about one day of new petitions, as a share of the full recompute; then the keyword side against anchor T-B, and
/// the burst-alerts step on its own (<see cref="BurstAlertsBenchmark"/>). Every refresh of the counts runs the steps hooked
/// after it (<see cref="IAfterDailyCountsStep"/>): the burst-alerts step is parked (its watermarks in the far future) while
/// the counts are timed, so those figures are the counts alone, and is timed by itself at the end.
/// </summary>
internal static class AnalyticsBenchmark
{
    private const string AnchorAggregate = """
        BEGIN;
        DELETE FROM anchor_daily_counts;
        INSERT INTO anchor_daily_counts (dimension, "key", day, count)
        SELECT CASE WHEN GROUPING(kind) = 0 THEN 'Kind' WHEN GROUPING(institution_code) = 0 THEN 'Institution'
                    WHEN GROUPING(region) = 0 THEN 'Region' ELSE 'Total' END,
               COALESCE(kind, institution_code, region, ''), day, COUNT(*)
        FROM (SELECT kind, institution_code, COALESCE(region_code, '-') AS region, CAST((filed_at AT TIME ZONE 'UTC') + interval '9 hours' AS date) AS day
              FROM petitions) p
        GROUP BY GROUPING SETS ((kind, day), (institution_code, day), (region, day), (day));
        COMMIT;
        """;

    // The last day's count of each key against the mean and standard deviation of its earlier days (days without petitions count as 0).
    private const string AnchorZScore = """
        WITH bounds AS (SELECT max(day) AS last, max(day) - min(day) AS span FROM anchor_daily_counts),
        per_key AS (
            SELECT dimension, "key",
                   COALESCE(sum(count) FILTER (WHERE day = b.last), 0) AS today,
                   sum(count) FILTER (WHERE day < b.last)::float8 / b.span AS mean,
                   sum(count::float8 * count) FILTER (WHERE day < b.last) / b.span AS mean_sq
            FROM anchor_daily_counts, bounds b GROUP BY dimension, "key", b.last, b.span)
        SELECT count(*) FROM per_key
        WHERE mean_sq - mean * mean > 0 AND (today - mean) / sqrt(mean_sq - mean * mean) > 3
        """;

    // Anchor T-B: the words of every title counted per Korean day and word, in SQL alone (PERFORMANCE.md G5). The
    // character class is spelled out: the test database's C locale would leave Hangul out of [:alnum:].
    private const string AnchorTerms = """
        BEGIN;
        DELETE FROM anchor_term_counts;
        INSERT INTO anchor_term_counts (day, term, count)
        SELECT CAST((filed_at AT TIME ZONE 'UTC') + interval '9 hours' AS date), w, count(*)
        FROM petitions, regexp_split_to_table(lower(title), '[^0-9a-z가-힣]+') AS w
        WHERE length(w) > 1
        GROUP BY 1, 2;
        COMMIT;
        """;

    public static async Task RunAsync(BenchmarkHost host, int petitions, int runs, string titlesCsv, bool alertsOnly = false)
    {
        var institutions = await SeedInstitutionsAsync(host);
        var watch = Stopwatch.StartNew();
        await using var db = new NpgsqlConnection(host.Connection);
        await db.OpenAsync();
        await ExecuteAsync(db, """
            CREATE TABLE bench_institution AS SELECT (ord - 1)::int AS n, code FROM unnest(@codes::text[]) WITH ORDINALITY AS u(code, ord);
            CREATE UNIQUE INDEX ON bench_institution (n);
            CREATE TABLE anchor_daily_counts (LIKE analytics_daily_counts INCLUDING ALL);
            CREATE TABLE anchor_term_counts (day date NOT NULL, term text NOT NULL, count int NOT NULL);
            CREATE TABLE bench_titles (n int PRIMARY KEY, title text NOT NULL);
            """, ("codes", institutions.ToArray()));
        // Real titles (the 2019 national petitions, KOGL Type 1), so that the keyword side tokenises real Korean text.
        var titles = PetitionCsv.Read(titlesCsv).Select(r => r.Title).ToList();
        await using (var import = await db.BeginBinaryImportAsync("COPY bench_titles (n, title) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < titles.Count; i++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(i);
                await import.WriteAsync(titles[i]);
            }

            await import.CompleteAsync();
        }

        TitleCount = titles.Count;
        Console.WriteLine(F($"  {titles.Count:N0} titles from {Path.GetFileName(titlesCsv)} (Source: Blue House national petitions (청와대 국민청원), KOGL Type 1)"));
        for (var from = 1; from <= petitions; from += 100_000)
        {
            await LoadAsync(db, from, Math.Min(petitions, from + 99_999), institutions.Count, "now() - interval '1 hour' - random() * interval '365 days'");
            Console.WriteLine(F($"  loaded {Math.Min(petitions, from + 99_999):N0} / {petitions:N0} petitions ({watch.Elapsed.TotalSeconds:0} s)"));
        }

        await ExecuteAsync(db, "VACUUM ANALYZE petitions");
        Console.WriteLine(F($"  VACUUM ANALYZE done ({watch.Elapsed.TotalSeconds:0} s); petitions {await ScalarTextAsync(db, "SELECT pg_size_pretty(pg_total_relation_size('petitions'))")}"));

        await BurstAlertsBenchmark.ParkAsync(db);
        if (alertsOnly)
        {
            Console.WriteLine();
            foreach (var line in await BurstAlertsBenchmark.RunAsync(host, db, petitions + 1, institutions.Count, runs))
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(F($"load after run {WorklistBenchmark.Load()}, commit {WorklistBenchmark.Commit()}, provider PostgreSQL 15"));
            return;
        }

        var refresh = host.Services.GetRequiredService<AnalyticsRefresh>();
        await refresh.RecomputeAsync(null, CancellationToken.None); // warm-up: JIT, pools, caches
        await TimeAsync(() => ExecuteAsync(db, AnchorAggregate));

        var anchorAggregate = new List<double>();
        var anchorTotal = new List<double>();
        var full = new List<double>();
        long peak = 0;
        AnalyticsRunDto? lastFull = null;
        for (var run = 0; run < runs; run++)
        {
            foreach (var pass in (int[])[0, 1])
            {
                var aggregate = await TimeAsync(() => ExecuteAsync(db, AnchorAggregate));
                var z = await TimeAsync(() => ScalarAsync(db, AnchorZScore));
                anchorAggregate.Add(aggregate);
                anchorTotal.Add(aggregate + z);
                if (pass == 0)
                {
                    using var sampler = new MemorySampler();
                    full.Add(await TimeAsync(async () => lastFull = await refresh.RecomputeAsync(null, CancellationToken.None)));
                    peak = Math.Max(peak, sampler.Stop());
                }
            }

            Console.WriteLine(F($"  run {run + 1}: T-A {anchorTotal[^2]:0.000} s (aggregate {anchorAggregate[^2]:0.000} s) / EPeople {full[^1]:0.000} s / T-A {anchorTotal[^1]:0.000} s"));
        }

        var differences = await ScalarAsync(db, """
            SELECT count(*) FROM ((SELECT * FROM analytics_daily_counts EXCEPT SELECT * FROM anchor_daily_counts)
                                  UNION ALL (SELECT * FROM anchor_daily_counts EXCEPT SELECT * FROM analytics_daily_counts)) d
            """);

        // About one day of new petitions, filed after the watermark, then the incremental run (twice: the second changes nothing).
        var newOnes = Math.Max(1, petitions / 365);
        await LoadAsync(db, petitions + 1, petitions + newOnes, institutions.Count, "now() + random() * interval '1 minute'");
        await ExecuteAsync(db, "ANALYZE petitions");
        await Task.Delay(TimeSpan.FromSeconds(61)); // the new filings are in the past when the run starts
        AnalyticsRunDto? incremental = null;
        var incrementalSeconds = await TimeAsync(async () => incremental = await refresh.RunIncrementalAsync(CancellationToken.None));
        var again = await TimeAsync(() => refresh.RunIncrementalAsync(CancellationToken.None));
        var consistent = await ScalarAsync(db, "SELECT (SELECT sum(count) FROM analytics_daily_counts WHERE dimension = 'Total') - (SELECT count(*) FROM petitions)");

        // Keywords (T-B): anchor / EPeople / anchor, as above.
        await TimeAsync(() => ExecuteAsync(db, AnchorTerms));
        var anchorTerms = new List<double>();
        var detect = new List<double>();
        long termsPeak = 0;
        var alerts = 0;
        for (var run = 0; run < runs; run++)
        {
            anchorTerms.Add(await TimeAsync(() => ExecuteAsync(db, AnchorTerms)));
            using (var sampler = new MemorySampler())
            {
                detect.Add(await TimeAsync(async () => alerts = await DetectAsync(host.Connection)));
                termsPeak = Math.Max(termsPeak, sampler.Stop());
            }

            anchorTerms.Add(await TimeAsync(() => ExecuteAsync(db, AnchorTerms)));
            Console.WriteLine(F($"  keywords run {run + 1}: T-B {anchorTerms[^2]:0.000} s / EPeople {detect[^1]:0.000} s ({alerts} alerts) / T-B {anchorTerms[^1]:0.000} s"));
        }

        var termRows = await ScalarAsync(db, "SELECT count(*) FROM anchor_term_counts");
        var alertLines = await BurstAlertsBenchmark.RunAsync(host, db, petitions + newOnes + 1, institutions.Count, runs);
        var (tb, kw) = (Median(anchorTerms), Median(detect));
        var (ta, agg, ep) = (Median(anchorTotal), Median(anchorAggregate), Median(full));
        Console.WriteLine();
        Console.WriteLine(F($"Analytics (G5, numeric trends), {petitions:N0} petitions over 365 days, {runs} × anchor / EPeople / anchor, medians:"));
        Console.WriteLine("| Benchmark | Anchor (raw SQL) | EPeople | Ratio | Goal |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(F($"| Full recompute of the daily counts ({lastFull!.Rows:N0} rows) | T-A {ta:0.000} s (of which the aggregation {agg:0.000} s) | {ep:0.000} s | {ep / ta:0.00} × T-A ({ep / agg:0.00} × the aggregation alone) | ≤ 2 × T-A |"));
        Console.WriteLine(F($"| Peak managed memory during the recompute | — | {peak / 1024.0 / 1024.0:0.0} MB | — | ≤ 512 MB |"));
        Console.WriteLine(F($"| Incremental run after {newOnes:N0} new petitions (days from {incremental!.FromDay:yyyy-MM-dd}, {incremental.Petitions:N0} petitions recounted) | — | {incrementalSeconds:0.000} s (again: {again:0.000} s) | {incrementalSeconds / ep:P1} of the full recompute | ≤ 10 % |"));
        Console.WriteLine(F($"| Keywords: every title tokenised, counted per day and tested by the burst detector, streamed in filing order | T-B {tb:0.000} s ({termRows:N0} day-word rows) | {kw:0.000} s ({alerts} alerts) | {kw / tb:0.00} × T-B | ≤ 2 × T-B |"));
        Console.WriteLine(F($"| Peak managed memory during the keyword run | — | {termsPeak / 1024.0 / 1024.0:0.0} MB | — | ≤ 512 MB |"));
        Console.WriteLine(F($"Checks: rows differing between EPeople's counts and the anchor's: {differences}; total count − petitions after the incremental runs: {consistent}."));
        Console.WriteLine();
        foreach (var line in alertLines)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(F($"load after run {WorklistBenchmark.Load()}, commit {WorklistBenchmark.Commit()}, provider PostgreSQL 15"));
    }

    /// <summary>
    /// Petitions only (no workflow rows): a skew over the institutions, weighted kinds, 17 regions and 10 % without, most
    /// answered, some rated; the real titles cycled, or the SQL expression <paramref name="title"/> for every one.
    /// </summary>
    internal static Task LoadAsync(NpgsqlConnection db, int from, int to, int institutionCount, string filedAt, string title = "t.title") => ExecuteAsync(db, $$"""
        INSERT INTO petitions (id, receipt_number, kind, subtype, title, body, status, petitioner_id, petitioner_name, petitioner_phone,
            is_public, region_code, language, identity_protected, institution_code, filed_at, due_at, transfer_count, extension_count,
            supplement_count, answer_is_public, workflow_instance_id, version, answered_at, rating, additional_answer, closed_at)
        SELECT gen_random_uuid(), 'EA-' || lpad(to_hex(g), 10, '0'), kind, CASE kind WHEN 'CivilPetition' THEN 'Grievance' END,
            left({{title}}, 200), repeat('집 앞 보도블록이 깨져 위험합니다. ', 15),
            CASE WHEN answered THEN 'Closed' ELSE 'InProgress' END, gen_random_uuid(), '김민준', '010-1234-5678',
            g % 5 = 0, region, 'ko', false, code, filed_at, filed_at + interval '14 days', 0, 0, 0, false, gen_random_uuid(), 3,
            CASE WHEN answered THEN filed_at + answer_r * interval '20 days' END,
            CASE WHEN answered AND rating_r < 0.6 THEN 1 + floor(rating_r / 0.6 * 5)::int END,
            CASE WHEN answered AND rating_r < 0.24 AND g % 2 = 0 THEN '추가 답변입니다.' END,
            CASE WHEN answered THEN filed_at + answer_r * interval '20 days' END
        FROM (SELECT g, {{filedAt}} AS filed_at, random() < 0.85 AS answered, random() AS answer_r, random() AS rating_r, random() AS inst_r,
                     (ARRAY['CivilPetition','CivilPetition','CivilPetition','CivilPetition','NationalProposal','WasteReport','PolicyEngagement','PublicInterestReport'])[1 + floor(random() * 8)::int] AS kind,
                     (ARRAY['11','26','27','28','29','30','31','36','41','43','44','46','47','48','50','51','52', NULL, NULL])[1 + floor(random() * 19)::int] AS region
              FROM generate_series({{from}}, {{to}}) g) s
        JOIN bench_institution b ON b.n = floor(power(s.inst_r, 3) * {{institutionCount}})::int
        JOIN bench_titles t ON t.n = s.g % {{TitleCount}}
        """);

    /// <summary>How many real titles the petitions cycle through.</summary>
    private static int TitleCount { get; set; } = 1;

    /// <summary>
    /// EPeople's keyword side: every petition streamed from the database in filing order (never all at once), grouped by
    /// Korean day and fed to the burst detector, which tokenises, counts and tests each day. Returns the alerts raised.
    /// </summary>
    private static async Task<int> DetectAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, filed_at, title, institution_code, region_code FROM petitions ORDER BY filed_at", db);
        await using var reader = await command.ExecuteReaderAsync();
        var detector = new BurstDetector();
        var day = new List<BurstPetition>();
        DateOnly? current = null;
        var alerts = 0;
        while (await reader.ReadAsync())
        {
            var filed = DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(1).ToOffset(TimeSpan.FromHours(9)).DateTime);
            if (current is { } open && filed != open)
            {
                alerts += detector.Add(open, day).Raised.Count;
                day = [];
            }

            current = filed;
            day.Add(new BurstPetition(reader.GetGuid(0).ToString(), filed, reader.GetString(2), null, reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        if (current is { } last)
        {
            alerts += detector.Add(last, day).Raised.Count;
        }

        return alerts;
    }

    internal static async Task<double> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The peak of the managed heap (GC.GetTotalMemory, and the GC's own heap size at each collection) while it runs.</summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public MemorySampler()
        {
            GC.Collect();
            _sampling = Task.Run(async () =>
            {
                long peak = 0;
                while (!_stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Math.Max(GC.GetTotalMemory(false), GC.GetGCMemoryInfo().HeapSizeBytes));
                    await Task.Delay(5, CancellationToken.None);
                }

                return peak;
            });
        }

        public long Stop()
        {
            _stop.Cancel();
            return _sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();
    }
}
