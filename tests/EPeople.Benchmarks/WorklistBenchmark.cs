using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Seeding;
using EPeople.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EPeople.Benchmarks;

/// <summary>
/// Goal G4 (PERFORMANCE.md): the officials' worklist over a large table. Loads N petitions (each with its workflow
/// instance and one task, a few percent of them open) spread with a skew over the sample institutions, then measures
/// 8 officers paging their institution's worklist through the mediator (first page, then the following keyset pages)
/// against anchor W — pgbench running the same pages as raw keyset SQL — in anchor / EPeople / anchor order; then the
/// count badges the same way; and prints the plan of the SQL EF sends for a page.
/// </summary>
internal static class WorklistBenchmark
{
    private const int Officers = 8;
    private const int PagesPerVisit = 3;
    private const int PageSize = 50;

    /// <summary>Institution ranks by size (0 = busiest) the officers work in: half at the busiest, the rest spread down the tail.</summary>
    private static readonly int[] OfficerRanks = [0, 0, 0, 0, 10, 50, 200, 800];

    private static readonly string[] PageNames = ["first page", "second page (keyset)"];

    public static async Task RunAsync(BenchmarkHost host, int petitions, int seconds)
    {
        var institutions = await SeedInstitutionsAsync(host);
        await LoadAsync(host.Connection, petitions, institutions);
        var officers = await OfficersAsync(host, institutions);

        Console.WriteLine($"Officers' institutions (rank: code, open tasks): {string.Join("; ", officers.Select(o => $"{o.Rank}: {o.Code}, {o.OpenTasks}"))}");
        await MeasureAsync(host, officers, TimeSpan.FromSeconds(3), ListVisitAsync); // warm-up: JIT, pools, caches

        // ---- Worklist pages ----
        var pageScripts = await PageAnchorsAsync(host.Connection, officers);
        var w1 = await Pgbench.RunAsync(host.Server.BinDirectory, host.Server.Port, "bench", pageScripts, Officers, seconds);
        var pages = await MeasureAsync(host, officers, TimeSpan.FromSeconds(seconds), ListVisitAsync);
        var w2 = await Pgbench.RunAsync(host.Server.BinDirectory, host.Server.Port, "bench", pageScripts, Officers, seconds);

        // ---- Count badges ----
        await MeasureAsync(host, officers, TimeSpan.FromSeconds(2), CountAsync);
        var countScripts = officers.Select(o => o.Code).Distinct().Select(CountAnchor).ToList();
        var c1 = await Pgbench.RunAsync(host.Server.BinDirectory, host.Server.Port, "bench", countScripts, Officers, seconds);
        var counts = await MeasureAsync(host, officers, TimeSpan.FromSeconds(seconds), CountAsync);
        var c2 = await Pgbench.RunAsync(host.Server.BinDirectory, host.Server.Port, "bench", countScripts, Officers, seconds);

        var (p, c) = (Percentiles(pages.Latencies), Percentiles(counts.Latencies));
        var (wp95, cp95) = ((w1.P95Ms + w2.P95Ms) / 2, (c1.P95Ms + c2.P95Ms) / 2);
        Console.WriteLine();
        Console.WriteLine(F($"Worklist, {petitions:N0} petitions, {Officers} officers, {seconds} s each, anchor / EPeople / anchor:"));
        Console.WriteLine("| Benchmark | Anchor (raw SQL, pgbench) p50 / p95 / p99 | EPeople p50 / p95 / p99 | Gap | Goal |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(F($"| Worklist page (institution scope, first + keyset pages, {PageSize} rows) | W1 {w1.P50Ms:0.00} / {w1.P95Ms:0.00} / {w1.P99Ms:0.00} ms ({w1.Tps:0} tx/s); W2 {w2.P50Ms:0.00} / {w2.P95Ms:0.00} / {w2.P99Ms:0.00} ms ({w2.Tps:0} tx/s) | {p.P50:0.00} / {p.P95:0.00} / {p.P99:0.00} ms ({pages.Count / pages.Elapsed.TotalSeconds:0} pages/s, {pages.Errors} errors) | p95 − W p95 = {p.P95 - wp95:+0.00;-0.00} ms | ≤ +10 ms (G4) |"));
        Console.WriteLine(F($"| Count badges (3 SLA-state counts) | C1 {c1.P50Ms:0.00} / {c1.P95Ms:0.00} / {c1.P99Ms:0.00} ms ({c1.Tps:0} tx/s); C2 {c2.P50Ms:0.00} / {c2.P95Ms:0.00} / {c2.P99Ms:0.00} ms ({c2.Tps:0} tx/s) | {c.P50:0.00} / {c.P95:0.00} / {c.P99:0.00} ms ({counts.Count / counts.Elapsed.TotalSeconds:0}/s, {counts.Errors} errors) | p95 − C p95 = {c.P95 - cp95:+0.00;-0.00} ms | p95 ≤ 10 ms (G4) |"));

        await ExplainAsync(host, officers[0]);
        Console.WriteLine(F($"load after run {Load()}, commit {Commit()}, provider PostgreSQL 15"));
    }

    private sealed record Officer(ActingUser.Identity Identity, string Code, int Rank, long OpenTasks);

    private sealed record Measured(List<double> Latencies, int Errors, TimeSpan Elapsed)
    {
        public int Count => Latencies.Count;
    }

    internal static async Task<List<string>> SeedInstitutionsAsync(BenchmarkHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InstitutionSeeder>()
            .SeedAsync(Path.Combine(AppContext.BaseDirectory, "samples", "institutions.csv"), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();

        // The busiest first (Seoul), then the rest in a fixed order; petitions go to rank n with a skew towards the top.
        var codes = await db.Institutions.Select(i => i.Code).OrderBy(c => c).ToListAsync();
        codes.Remove("6110000");
        return ["6110000", .. codes];
    }

    /// <summary>
    /// Bulk load in batches of 100,000: a staging table draws each petition's institution, kind, openness and dates once,
    /// then the petition, its instance and its task are inserted from it. About 7% of tasks are open, due from 10 days
    /// ago to 20 days ahead; the rest are closed, filed over the last two years.
    /// </summary>
    private static async Task LoadAsync(string connectionString, int petitions, List<string> institutions)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await ExecuteAsync(db, """
            CREATE TABLE bench_institution AS SELECT (ord - 1)::int AS n, code FROM unnest(@codes::text[]) WITH ORDINALITY AS u(code, ord);
            CREATE UNIQUE INDEX ON bench_institution (n);
            """, ("codes", institutions.ToArray()));
        var institutionCount = await ScalarAsync(db, "SELECT count(*) FROM bench_institution");
        const int batch = 100_000;
        var watch = Stopwatch.StartNew();
        for (var from = 1; from <= petitions; from += batch)
        {
            var to = Math.Min(petitions, from + batch - 1);
            await ExecuteAsync(db, $$"""
                BEGIN;
                CREATE TEMP TABLE stage ON COMMIT DROP AS
                SELECT g, pid, iid, tid, b.code, kind, is_open, claimed,
                       CASE WHEN is_open THEN now() - filed_r * interval '25 days' ELSE now() - interval '30 days' - filed_r * interval '700 days' END AS filed_at,
                       CASE WHEN is_open THEN date_trunc('minute', now() + (due_r * 30 - 10) * interval '1 day') ELSE now() - interval '20 days' - filed_r * interval '700 days' END AS due_at
                FROM (SELECT g, gen_random_uuid() AS pid, gen_random_uuid() AS iid, replace(gen_random_uuid()::text, '-', '') AS tid, random() AS inst_r,
                             (ARRAY['CivilPetition','CivilPetition','CivilPetition','CivilPetition','NationalProposal','WasteReport','PolicyEngagement','PublicInterestReport'])[1 + floor(random() * 8)::int] AS kind,
                             random() < 0.07 AS is_open, random() < 0.25 AS claimed, random() AS due_r, random() AS filed_r
                      FROM generate_series({{from}}, {{to}}) g) s
                JOIN bench_institution b ON b.n = floor(power(s.inst_r, 3) * {{institutionCount}})::int;
                INSERT INTO petitions (id, receipt_number, kind, subtype, title, body, status, petitioner_id, petitioner_name, petitioner_phone,
                    is_public, region_code, language, identity_protected, institution_code, filed_at, due_at, due_explanation_ko, due_explanation_en,
                    transfer_count, extension_count, supplement_count, answer_is_public, workflow_instance_id, version, answered_at, closed_at)
                SELECT pid, 'EP-' || to_char(filed_at, 'YYYYMMDD') || '-' || lpad(to_hex(g), 8, '0'), kind,
                    CASE kind WHEN 'CivilPetition' THEN 'Grievance' END, '보도블록 파손 신고 ' || g, repeat('집 앞 보도블록이 깨져 위험합니다. ', 15),
                    CASE WHEN is_open THEN 'InProgress' ELSE 'Closed' END, gen_random_uuid(), '김민준', '010-1234-5678',
                    g % 5 = 0, '11680', 'ko', false, code, filed_at, due_at, repeat('가', 60), repeat('a', 120),
                    0, 0, 0, false, iid, 3, CASE WHEN NOT is_open THEN due_at - interval '1 day' END, CASE WHEN NOT is_open THEN due_at END
                FROM stage;
                INSERT INTO wf_instance (id, definition_id, definition_version, correlation_id, status, has_incidents, state, version, created_at, updated_at, completed_at)
                SELECT iid, 'petition.' || CASE kind WHEN 'CivilPetition' THEN 'civil' WHEN 'NationalProposal' THEN 'national-proposal' WHEN 'WasteReport' THEN 'waste-report'
                        WHEN 'PolicyEngagement' THEN 'policy-engagement' ELSE 'public-interest-report' END,
                    1, pid::text, CASE WHEN is_open THEN 'Active' ELSE 'Completed' END, false, repeat('{"token":"handle"}', 60), 4, filed_at, filed_at,
                    CASE WHEN NOT is_open THEN due_at END
                FROM stage;
                INSERT INTO wf_task (id, instance_id, correlation_id, definition_id, node_id, kind, title, institution_code, position, claimed_by, actions,
                    is_open, status, priority, due_at, due_explanation_ko, due_explanation_en, escalated, outcome, completed_by, created_at, closed_at, revision)
                SELECT tid, iid, pid::text, 'petition.' || CASE kind WHEN 'CivilPetition' THEN 'civil' WHEN 'NationalProposal' THEN 'national-proposal' WHEN 'WasteReport' THEN 'waste-report'
                        WHEN 'PolicyEngagement' THEN 'policy-engagement' ELSE 'public-interest-report' END,
                    'handle', 'Task', '민원 처리: 보도블록 파손 신고 ' || g, code, 'Officer',
                    CASE WHEN is_open AND claimed THEN 'officer' || (g % 20) || '.' || code || '@bench.example' END,
                    '["Answer","Transfer","RequestSupplement","Extend"]', is_open,
                    CASE WHEN NOT is_open THEN 'Completed' WHEN claimed THEN 'Claimed' ELSE 'Available' END, 3, due_at, repeat('가', 60), repeat('a', 120),
                    is_open AND due_at < now(), CASE WHEN NOT is_open THEN 'Answer' END, CASE WHEN NOT is_open THEN 'officer@bench.example' END,
                    filed_at, CASE WHEN NOT is_open THEN due_at END, CASE WHEN is_open THEN 1 ELSE 3 END
                FROM stage;
                COMMIT;
                """);
            Console.WriteLine(F($"  loaded {to:N0} / {petitions:N0} petitions ({watch.Elapsed.TotalSeconds:0} s)"));
        }

        foreach (var table in (string[])["petitions", "wf_instance", "wf_task"])
        {
            await ExecuteAsync(db, $"VACUUM ANALYZE {table}"); // one statement per command: VACUUM refuses a batch
        }

        Console.WriteLine(F($"  VACUUM ANALYZE done ({watch.Elapsed.TotalSeconds:0} s); open tasks: {await ScalarAsync(db, "SELECT count(*) FROM wf_task WHERE is_open"):N0}; wf_task {await ScalarTextAsync(db, "SELECT pg_size_pretty(pg_total_relation_size('wf_task'))")}, petitions {await ScalarTextAsync(db, "SELECT pg_size_pretty(pg_total_relation_size('petitions'))")}"));
    }

    private static async Task<List<Officer>> OfficersAsync(BenchmarkHost host, List<string> codes)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
        var officers = new List<Officer>();
        for (var i = 0; i < OfficerRanks.Length; i++)
        {
            var code = codes[Math.Min(OfficerRanks[i], codes.Count - 1)];
            var institutionId = await db.Institutions.Where(x => x.Code == code).Select(x => x.Id).SingleAsync();
            var open = await db.WorkflowTasks.LongCountAsync(t => t.InstitutionCode == code && t.IsOpen);
            officers.Add(new Officer(new ActingUser.Identity(Guid.NewGuid(), $"officer{i}.{code}@bench.example", new HashSet<string> { Roles.Official }, institutionId),
                code, OfficerRanks[i], open));
        }

        return officers;
    }

    /// <summary>One visit: the first page, then the following pages while there are any, up to three pages.</summary>
    private static async Task ListVisitAsync(IServiceProvider services, List<double> latencies)
    {
        string? after = null;
        for (var page = 0; page < PagesPerVisit; page++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListTasksQuery(TaskScope.Institution, After: after, Limit: PageSize));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if ((after = result.Next) is null)
            {
                return;
            }
        }
    }

    private static async Task CountAsync(IServiceProvider services, List<double> latencies)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CountTasksQuery(TaskScope.Institution));
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Each officer a client acting as that official, repeating <paramref name="visit"/> until the time is up.</summary>
    private static async Task<Measured> MeasureAsync(BenchmarkHost host, List<Officer> officers, TimeSpan duration, Func<IServiceProvider, List<double>, Task> visit)
    {
        var all = new ConcurrentBag<List<double>>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(officers.Select(officer => Task.Run(async () =>
        {
            ActingUser.Become(officer.Identity);
            var latencies = new List<double>();
            while (watch.Elapsed < duration)
            {
                try
                {
                    await visit(host.Services, latencies);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.WriteLine($"  first error: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }

            all.Add(latencies);
        })));
        return new Measured([.. all.SelectMany(l => l).Order()], errors, watch.Elapsed);
    }

    /// <summary>
    /// Anchor W: for each officer, the pages a visit reads (first page, then keyset pages from the real cursors) as raw
    /// SQL with the same filter, order and limit (page size + 1, as EPeople asks), all the task's columns, each page a
    /// pgbench script chosen at random.
    /// </summary>
    private static async Task<List<string>> PageAnchorsAsync(string connectionString, List<Officer> officers)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var scripts = new List<string>();
        foreach (var officer in officers)
        {
            string? cursor = null;
            for (var page = 0; page < PagesPerVisit; page++)
            {
                var sql = $"""
                    SELECT * FROM wf_task
                    WHERE institution_code = '{officer.Code}' AND is_open{cursor}
                    ORDER BY due_at, id LIMIT {PageSize + 1};
                    """;
                scripts.Add(sql);
                await using var command = new NpgsqlCommand($"SELECT due_at, id FROM ({sql.TrimEnd(';', '\n')}) p ORDER BY due_at, id OFFSET {PageSize - 1} LIMIT 2", db);
                await using var reader = await command.ExecuteReaderAsync();
                if (!await reader.ReadAsync())
                {
                    break;
                }

                var (due, id) = (reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1));
                if (!await reader.ReadAsync())
                {
                    break; // no row after this page: EPeople offers no next page either
                }

                cursor = F($" AND (due_at, id) > ('{due.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00', '{id}')");
            }
        }

        return scripts;
    }

    /// <summary>Anchor C: the three SLA-state counts of an institution's open tasks, as one pgbench transaction.</summary>
    private static string CountAnchor(string code) => $"""
        SELECT count(*) FROM wf_task WHERE institution_code = '{code}' AND is_open AND due_at < now();
        SELECT count(*) FROM wf_task WHERE institution_code = '{code}' AND is_open AND due_at >= now() AND due_at <= now() + interval '1 day';
        SELECT count(*) FROM wf_task WHERE institution_code = '{code}' AND is_open AND due_at > now() + interval '1 day';
        """;

    /// <summary>Prints the plan of the SQL EF sends for the busiest institution's first and second page (EXPLAIN ANALYZE on the loaded data).</summary>
    private static async Task ExplainAsync(BenchmarkHost host, Officer officer)
    {
        using var capture = await EfCommandCapture.StartAsync(sql => sql.Contains("FROM wf_task", StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal));
        ActingUser.Become(officer.Identity);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var first = await sender.Send(new ListTasksQuery(TaskScope.Institution, Limit: PageSize));
            await sender.Send(new ListTasksQuery(TaskScope.Institution, After: first.Next, Limit: PageSize));
        }

        ActingUser.Become(null);
        foreach (var (command, name) in capture.Commands.Take(2).Zip(PageNames))
        {
            var plan = await PostgresPlan.ExplainAsync(host.Connection, command, analyze: true);
            Console.WriteLine();
            Console.WriteLine($"EF-generated SQL of the worklist {name}:");
            Console.WriteLine(command.Text);
            Console.WriteLine($"Parameters: {string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={p.Value}"))}");
            Console.WriteLine("EXPLAIN (ANALYZE, BUFFERS):");
            Console.WriteLine(plan);
            var index = plan.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Index", StringComparison.Ordinal) && l.Contains(" using ", StringComparison.Ordinal));
            Console.WriteLine($"Verdict: {(PostgresPlan.HasSort(plan) ? "HAS a Sort node" : "no Sort node")}; {(index is null ? "no index scan" : index)}");
        }
    }

    private static (double P50, double P95, double P99) Percentiles(List<double> sorted) =>
        (Pgbench.Percentile(sorted, 0.50), Pgbench.Percentile(sorted, 0.95), Pgbench.Percentile(sorted, 0.99));

    internal static async Task ExecuteAsync(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    internal static async Task<string> ScalarTextAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    internal static string Commit()
    {
        try
        {
            var info = new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var git = Process.Start(info)!;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            using var status = Process.Start(new ProcessStartInfo("git", "status --porcelain --untracked-files=no") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var dirty = status.StandardOutput.ReadToEnd().Trim().Length > 0;
            status.WaitForExit();
            return dirty ? sha + " (with uncommitted changes)" : sha;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
