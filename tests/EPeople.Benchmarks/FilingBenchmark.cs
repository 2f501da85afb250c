using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Infrastructure.Outbox;
using EPeople.Infrastructure.Scheduling;
using EPeople.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EPeople.Benchmarks;

/// <summary>
/// Goal G1 (PERFORMANCE.md): filing end to end — HTTP, validation, routing, workflow start, first task, notice, commit —
/// with the product as its own process, 16 clients, against a pgbench anchor doing the same inserts in one transaction;
/// commits per filing from pg_stat_database and WAL bytes per filing from pg_current_wal_lsn (G1b). Then the outbox the
/// run left, delivered as the dispatch job does: the grouping requests (indexing and grouping) and the notices, each timed,
/// and the similarity and grouping rows that result. Then G9-style crash consistency: the process is killed with SIGKILL
/// several times under load while clients retry with their Idempotency-Key; every 201 must be complete and nothing duplicated.
/// </summary>
internal static class FilingBenchmark
{
    private static readonly object Filing = new
    {
        kind = "CivilPetition", subtype = "Grievance", title = "보도블록 파손 신고",
        body = "집 앞 보도블록이 여러 장 깨져서 어르신들과 아이들이 넘어질 위험이 큽니다. 빠른 보수를 부탁드립니다. " + new string('가', 400),
        region = "11680", isPublic = false, contactPhone = "010-1234-5678", consentToPersonalData = true,
    };

    /// <summary>
    /// With <c>--distinct</c>, every filing has a title and body of its own (random syllables after the usual text), so
    /// no two are the same content: the everyday case, where grouping finds nothing and no two filings share its lock.
    /// Without it, every filing is the same citizen's same text: the grouping lock's worst case.
    /// </summary>
    private static bool _distinct;

    public static async Task RunAsync(BenchmarkHost host, int clients, int seconds, int kills, bool distinct = false)
    {
        _distinct = distinct;
        Console.WriteLine(distinct ? "content: distinct per filing (--distinct)" : "content: identical for every filing (one citizen)");
        var folder = Directory.CreateTempSubdirectory("epeople-bench-filing-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:EPeople"] = host.Connection + ";Maximum Pool Size=64",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Sms:OutboxDirectory"] = Path.Combine(folder, "sms"),
            ["RateLimiting:SignInPerMinute"] = "1000",
            ["Scheduler:Enabled"] = "false", // background jobs would add their own commits to the count
        };

        // ---- Throughput against the anchor ----
        var (tps, latencies, errors, commitsPerFiling) = (0.0, new List<double>(), 0, 0.0);
        await using (var app = await AppProcess.StartAsync(settings, folder))
        {
            // Distinct content comes from distinct citizens, one per client (the everyday case: nobody's filings wait for
            // another's grouping lock); the identical case is one citizen's.
            var citizens = distinct ? await CitizensAsync(host, app, clients) : [await CitizenAsync(app)];
            await LoadAsync(citizens, clients, TimeSpan.FromSeconds(3)); // warm-up: JIT, pools, caches
            var anchorScript = await AnchorScriptAsync(host.Connection);
            var (a1, wal1) = await AnchorAsync(host, anchorScript, clients, seconds);
            var commitsBefore = await CommitsAsync(host.Connection);
            var walBefore = await WalAsync(host.Connection);
            var run = await LoadAsync(citizens, clients, TimeSpan.FromSeconds(seconds));
            var walPerFiling = (await WalAsync(host.Connection) - walBefore) / (double)run.Filed.Count;
            commitsPerFiling = (await CommitsAsync(host.Connection) - commitsBefore - 1) / (double)run.Filed.Count;
            var (a2, wal2) = await AnchorAsync(host, anchorScript, clients, seconds);
            var anchor = (a1.Tps + a2.Tps) / 2;
            var anchorWal = (wal1 + wal2) / 2;
            tps = run.Filed.Count / run.Elapsed.TotalSeconds;
            latencies = [.. run.Latencies.Order()];
            errors = run.Errors;
            Console.WriteLine();
            Console.WriteLine("| Benchmark | Anchor (raw SQL, pgbench) | EPeople | Ratio | Goal |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine(F($"| Filing end to end (HTTP → 201), {clients} clients, {seconds} s | {anchor:0} tx/s ({a1.Tps:0} / {a2.Tps:0}) | {tps:0} filings/s; p50 {Pgbench.Percentile(latencies, 0.5):0.0} ms, p95 {Pgbench.Percentile(latencies, 0.95):0.0} ms, p99 {Pgbench.Percentile(latencies, 0.99):0.0} ms; {errors} errors | {tps / anchor:0.00} × | ≥ 0.30 × (G1), p95 ≤ 50 ms, p99 ≤ 100 ms |"));
            Console.WriteLine(F($"| Commits per filing (pg_stat_database.xact_commit) | 1 | {commitsPerFiling:0.00} | | ≤ 1.05 |"));
            Console.WriteLine(F($"| WAL per filing (pg_current_wal_lsn delta) | {anchorWal:N0} B ({wal1:N0} / {wal2:N0}) | {walPerFiling:N0} B | {walPerFiling / anchorWal:0.00} × | ≤ 2 × (G1b) |"));
            var perSecond = Enumerable.Range(0, (int)Math.Ceiling(run.Elapsed.TotalSeconds)).Select(s => run.Completed.Count(c => c >= s && c < s + 1));
            Console.WriteLine($"Filings completed in each second of the run: {string.Join(", ", perSecond)}");
            Console.WriteLine(await GroupingRowsAsync(host.Connection));
        }

        await DrainAsync(host, tps);

        // ---- SIGKILL under load: every 201 complete, retries never duplicate ----
        settings["Scheduler:Enabled"] = "true";
        var acknowledged = new ConcurrentDictionary<string, Guid>();
        var app2 = await AppProcess.StartAsync(settings, folder);
        var current = app2;
        using var cts = new CancellationTokenSource();
        var token = await TokenAsync(current);
        var load = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var n = 0; !cts.IsCancellationRequested; n++)
            {
                var key = $"kill-{c}-{n}";
                while (!cts.IsCancellationRequested)
                {
                    try
                    {
                        using var http = new HttpClient { BaseAddress = current.Address, Timeout = TimeSpan.FromSeconds(10) };
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        using var response = await PostAsync(http, key);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                            break;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        // The process is down: retry the same key once it is back.
                    }

                    await Task.Delay(100);
                }
            }
        })).ToList();
        for (var k = 0; k < kills; k++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + Random.Shared.Next(1500)));
            await current.KillAsync();
            await current.DisposeAsync();
            current = await AppProcess.StartAsync(settings, folder);
        }

        await Task.Delay(2000);
        await cts.CancelAsync();
        await Task.WhenAll(load);
        await current.DisposeAsync();

        await using var db = new NpgsqlConnection(host.Connection);
        await db.OpenAsync();
        var ids = acknowledged.Values.ToArray();
        var complete = await ScalarAsync(db, """
            SELECT count(*) FROM petitions p
            WHERE p.id = ANY(@ids)
              AND EXISTS (SELECT 1 FROM wf_instance i WHERE i.id = p.workflow_instance_id)
              AND EXISTS (SELECT 1 FROM wf_task t WHERE t.instance_id = p.workflow_instance_id)
              AND EXISTS (SELECT 1 FROM petition_events e WHERE e.petition_id = p.id)
              AND EXISTS (SELECT 1 FROM citizen_notices n WHERE n.petition_id = p.id)
            """, ids);
        var keyed = await ScalarAsync(db, "SELECT count(*) FROM petition_filing_keys WHERE key LIKE 'kill-%'", null);
        var petitions = await ScalarAsync(db, "SELECT count(*) FROM petitions p JOIN petition_filing_keys k ON k.petition_id = p.id WHERE k.key LIKE 'kill-%'", null);
        var orphans = await ScalarAsync(db, "SELECT count(*) FROM petitions p WHERE p.receipt_number LIKE 'EP-%' AND NOT EXISTS (SELECT 1 FROM wf_instance i WHERE i.id = p.workflow_instance_id)", null);
        Console.WriteLine(F($"| SIGKILL ×{kills} during filing load, clients retrying with their Idempotency-Key | {acknowledged.Count} filings acknowledged (201) | complete: {complete}/{acknowledged.Count}; petitions for those keys: {petitions} (keys stored: {keyed}); orphans: {orphans} | | every 201 complete, 0 duplicates, 0 orphans (G9) |"));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// The background side of a filing, measured apart from it (G1b): what the outbox dispatch job does with the messages
    /// the warm-up and the run left, delivered as the job does (batches of its size, one after another, until none is due).
    /// First the grouping requests alone (each filing's indexing and grouping), the notices held back, then the notices
    /// (e-mails and text messages, one file and one commit each), so each has its own rate. The anchor's outbox rows are
    /// not EPeople's and are set aside first.
    /// </summary>
    private static async Task DrainAsync(BenchmarkHost host, double filingRate)
    {
        await ExecuteAsync(host.Connection, "UPDATE outbox SET status = 'Dispatched', dispatched_at = now() WHERE status = 'Pending' AND payload LIKE 'xxxxxxxxxx%'");
        var requests = await PendingAsync(host.Connection, "type = 'petition-grouping'");
        var notices = await PendingAsync(host.Connection, "type <> 'petition-grouping'");
        await ExecuteAsync(host.Connection, "UPDATE outbox SET next_attempt_at = next_attempt_at + interval '100 years' WHERE status = 'Pending' AND type <> 'petition-grouping'");
        var (grouping, groupingWal) = await DispatchAllAsync(host);
        await ExecuteAsync(host.Connection, "UPDATE outbox SET next_attempt_at = next_attempt_at - interval '100 years' WHERE status = 'Pending' AND type <> 'petition-grouping'");
        var (noticing, _) = await DispatchAllAsync(host);
        var left = await PendingAsync(host.Connection, "true");
        Console.WriteLine(F($"| Outbox dispatch of the {requests:N0} grouping requests the run left (indexing and grouping) | — | {requests / grouping:0} requests/s in {grouping:0.0} s; {groupingWal / Math.Max(requests, 1):N0} B of WAL per request | {requests / grouping / filingRate:0.00} × the filing rate | ≥ 1 × (a peak's backlog drains while it lasts) |"));
        Console.WriteLine(F($"| Outbox dispatch of the {notices:N0} notices (e-mail and SMS files, one commit each) | — | {notices / noticing:0} notices/s in {noticing:0.0} s; {left:N0} messages still pending | | |"));
        Console.WriteLine(await GroupingRowsAsync(host.Connection));
    }

    /// <summary>Runs the dispatcher as the job does until a batch comes back short: the seconds and WAL bytes it took.</summary>
    private static async Task<(double Seconds, long Wal)> DispatchAllAsync(BenchmarkHost host)
    {
        var walBefore = await WalAsync(host.Connection);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope(); // the job's scope per run, as Quartz makes it
            if (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(OutboxDispatchJob.BatchSize, CancellationToken.None) < OutboxDispatchJob.BatchSize)
            {
                break;
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return (seconds, await WalAsync(host.Connection) - walBefore);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await WorklistBenchmark.ExecuteAsync(db, sql);
    }

    private static async Task<long> PendingAsync(string connection, string where)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        return await ScalarAsync(db, $"SELECT count(*) FROM outbox WHERE status = 'Pending' AND {where}", null);
    }

    private static async Task<(List<Guid> Filed, List<double> Latencies, int Errors, TimeSpan Elapsed, List<double> Completed)> LoadAsync(
        List<HttpClient> citizens, int clients, TimeSpan duration)
    {
        var filed = new ConcurrentBag<Guid>();
        var latencies = new ConcurrentBag<double>();
        var completed = new ConcurrentBag<double>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var client = citizens[c % citizens.Count];
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await PostAsync(client, Guid.NewGuid().ToString());
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    filed.Add(Guid.Empty);
                    completed.Add(watch.Elapsed.TotalSeconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return ([.. filed], [.. latencies], errors, watch.Elapsed, [.. completed]);
    }

    private static object DistinctFiling()
    {
        static string Syllables(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('가' + Random.Shared.Next(11172))));
        return new
        {
            kind = "CivilPetition", subtype = "Grievance", title = "보도블록 파손 신고 " + Syllables(8),
            body = "집 앞 보도블록이 여러 장 깨졌습니다. " + Syllables(400),
            region = "11680", isPublic = false, contactPhone = "010-1234-5678", consentToPersonalData = true,
        };
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/petitions") { Content = JsonContent.Create(_distinct ? DistinctFiling() : Filing) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<HttpClient> CitizenAsync(AppProcess app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app));
        return client;
    }

    /// <summary>Registers and confirms <paramref name="count"/> citizens through the product's account service, each signed in.</summary>
    private static async Task<List<HttpClient>> CitizensAsync(BenchmarkHost host, AppProcess app, int count)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            var email = $"bench.citizen{i}.{Guid.NewGuid():N}@epeople.example";
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<EPeople.Application.Abstractions.IAccountService>();
                var code = "";
                var id = await accounts.RegisterCitizenAsync(email, "Bench-2026!citizen", $"시민{i}", (_, c) =>
                {
                    code = c;
                    return new EPeople.Application.Outbox.EmailMessage(email, "confirm", c, c);
                }, CancellationToken.None);
                if (!await accounts.ConfirmEmailAsync(id, code))
                {
                    throw new InvalidOperationException("A benchmark citizen could not be confirmed.");
                }
            }

            using var login = app.CreateClient();
            var response = await login.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Bench-2026!citizen" });
            response.EnsureSuccessStatusCode();
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            clients.Add(client);
        }

        return clients;
    }

    private static async Task<string> TokenAsync(AppProcess app)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "citizen1@epeople.example", password = "Demo-2026!citizen" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The anchor run with pgbench, and the WAL it wrote per transaction.</summary>
    private static async Task<(Pgbench.Result Result, double WalPerTransaction)> AnchorAsync(BenchmarkHost host, string script, int clients, int seconds)
    {
        var before = await WalAsync(host.Connection);
        var result = await Pgbench.RunAsync(host.Server.BinDirectory, host.Server.Port, "bench", script, clients, seconds);
        return (result, (await WalAsync(host.Connection) - before) / (double)result.Transactions);
    }

    /// <summary>The WAL position in bytes (pg_current_wal_lsn).</summary>
    private static async Task<long> WalAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        return await ScalarAsync(db, "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint", null);
    }

    /// <summary>What the similarity index and the grouping (both written in the filing's transaction) hold after the filings so far.</summary>
    private static async Task<string> GroupingRowsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var petitions = await ScalarAsync(db, "SELECT count(*) FROM petitions", null);
        var signatures = await ScalarAsync(db, "SELECT count(*) FROM petition_similarity", null);
        var bands = await ScalarAsync(db, "SELECT count(*) FROM petition_similarity_bands", null);
        var groups = await ScalarAsync(db, "SELECT count(*) FROM petition_groups", null);
        var members = await ScalarAsync(db, "SELECT count(*) FROM petition_group_members", null);
        var largest = await ScalarAsync(db, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM petition_group_members GROUP BY group_id) g", null);
        return F($"Similarity and grouping after the warm-up and the run: {petitions:N0} petitions (the anchor's included), {signatures:N0} with similarity signatures (EPeople's filings), {bands:N0} band keys ({bands / (double)Math.Max(signatures, 1):0.0} per signed petition), {groups:N0} groups with {members:N0} members (largest {largest:N0})");
    }

    private static async Task<long> CommitsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", db);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, Guid[]? ids)
    {
        await using var command = new NpgsqlCommand(sql, db);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The rows one filing writes, sized from the filings just made, as one transaction.</summary>
    private static async Task<string> AnchorScriptAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var state = await ScalarAsync(db, "SELECT avg(length(state))::bigint FROM wf_instance WHERE definition_id = 'petition.civil'", null);
        var history = await ScalarAsync(db, "SELECT (count(*) / greatest(count(DISTINCT instance_id), 1))::bigint FROM wf_history h JOIN wf_instance i ON i.id = h.instance_id WHERE i.definition_id = 'petition.civil'", null);
        return $$"""
            BEGIN;
            WITH p AS (INSERT INTO petitions (id, receipt_number, kind, subtype, title, body, status, petitioner_id, petitioner_name, petitioner_phone, is_public, region_code, language, identity_protected, institution_code, filed_at, due_at, due_explanation_ko, due_explanation_en, transfer_count, extension_count, supplement_count, answer_is_public, workflow_instance_id, version)
              VALUES (gen_random_uuid(), 'A-' || left(md5(random()::text), 20), 'CivilPetition', 'Grievance', '보도블록 파손 신고', repeat('가', 450), 'Received', gen_random_uuid(), 'citizen1@epeople.example', '010-1234-5678', false, '11680', 'ko', false, '3220000', now(), now() + interval '9 days', repeat('가', 60), repeat('a', 120), 0, 0, 0, false, gen_random_uuid(), 1) RETURNING id)
              INSERT INTO petition_events (petition_id, seq, kind, stage, at, institution_code) SELECT id, 1, 'Filed', 'Reception', now(), '3220000' FROM p;
            INSERT INTO petition_filing_keys (petitioner_id, key, request_hash, petition_id, created_at) VALUES (gen_random_uuid(), md5(random()::text), md5(random()::text) || md5(random()::text), gen_random_uuid(), now());
            INSERT INTO wf_instance (id, definition_id, definition_version, correlation_id, status, has_incidents, state, version, created_at, updated_at)
              VALUES (gen_random_uuid(), 'anchor', 1, md5(random()::text), 'Active', false, repeat('x', {{state}}), 1, now(), now());
            INSERT INTO wf_bookmark (id, instance_id, node_id, activation_id, kind, payload) VALUES (md5(random()::text), gen_random_uuid(), 'handle', 'a', 'Task', '{"task":true,"actions":["Answer","Transfer","Close"]}');
            INSERT INTO wf_task (id, instance_id, correlation_id, node_id, kind, title, institution_code, position, actions, is_open, status, priority, due_at, due_explanation_ko, due_explanation_en, escalated, created_at, revision)
              VALUES (md5(random()::text), gen_random_uuid(), 'p', 'handle', 'Task', '민원 처리', '3220000', 'Officer', '["Answer","Transfer","Close"]', true, 'Available', 3, now() + interval '9 days', repeat('가', 60), repeat('a', 120), false, now(), 1);
            INSERT INTO wf_timer (id, instance_id, bookmark_id, node_id, fire_at, kind, deadline_id, status) VALUES (md5(random()::text), gen_random_uuid(), 'b', 'handle', now() + interval '9 days', 'Deadline', 'escalate', 'Pending');
            INSERT INTO wf_history (instance_id, seq, node_id, event, at, data) SELECT gen_random_uuid(), g, 'receive', 'NodeCompleted', now(), '{"outcome":"Done"}' FROM generate_series(1, {{history}}) g;
            INSERT INTO wf_operation (operation_id, instance_id, outcome, created_at) VALUES (md5(random()::text), gen_random_uuid(), 'Applied', now());
            INSERT INTO citizen_notices (id, petitioner_id, petition_id, event_seq, kind, title, body, created_at) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 1, 'Received', repeat('가', 40), repeat('가', 120), now());
            INSERT INTO outbox (id, source, type, payload, idempotency_key, status, attempts, created_at, next_attempt_at) VALUES (gen_random_uuid(), 'application', 'sms', repeat('x', 300), md5(random()::text), 'Pending', 0, now(), now());
            END;
            """;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
