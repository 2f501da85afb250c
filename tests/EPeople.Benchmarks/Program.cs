using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EPeople.Benchmarks;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Engine benchmarks (PERFORMANCE.md): every EPeople figure beside a raw-SQL anchor (pgbench) run in the same job, on
// the same durable PostgreSQL (fsync on, synchronous_commit on), in anchor / EPeople / anchor order; the ratio counts.
var clients = Arg("--clients", 16);
var seconds = Arg("--seconds", 10);
var perClient = Arg("--instances-per-client", 120);

if (args.Contains("circuits"))
{
    // G6 needs no PostgreSQL: each page gets its own server process on SQLite (or the blank template app).
    await CircuitsBenchmark.RunAsync(Arg("--circuits", 200), Arg("--warmup", 10), [.. Text("--pages")?.Split(',') ?? []]);
    return 0;
}

if (args.Contains("similarity-sample"))
{
    SimilaritySample.Run(
        Text("--input") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/petitions/petitions-2019.csv")),
        Text("--out") ?? Path.Combine(Path.GetTempPath(), "epeople-title-pairs.txt"), Arg("--titles", 20_000));
    return 0;
}

if (args.Contains("designer-page"))
{
    await EPeople.Benchmarks.DesignerPageBenchmark.RunAsync(Arg("--nodes", 60), Arg("--runs", 20));
    return 0;
}

if (args.Contains("designer"))
{
    EPeople.Benchmarks.DesignerBenchmark.Run(Arg("--nodes", 60), Arg("--runs", 200));
    return 0;
}

if (args.Contains("router"))
{
    // Issue 6 needs no PostgreSQL: the router and its anchor on the national petitions file.
    EPeople.Benchmarks.Routing.RouterBenchmark.Run(
        Text("--input") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/petitions/petitions-2019.csv")),
        DateOnly.ParseExact(Text("--ended-by") ?? "2019-08-31", "yyyy-MM-dd", CultureInfo.InvariantCulture));
    return 0;
}

Console.WriteLine($"EPeople engine benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {Load()}, {clients} clients");
await using var host = await BenchmarkHost.StartAsync();
if (args.Contains("filing"))
{
    await FilingBenchmark.RunAsync(host, clients, seconds, Arg("--kills", 5), args.Contains("--distinct"));
    return 0;
}

if (args.Contains("worklist"))
{
    await WorklistBenchmark.RunAsync(host, Arg("--petitions", 1_000_000), Arg("--seconds", 20));
    return 0;
}

if (args.Contains("analytics"))
{
    await AnalyticsBenchmark.RunAsync(host, Arg("--petitions", 1_000_000), Arg("--runs", 3),
        Text("--titles") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/petitions/petitions-2019.csv")),
        args.Contains("--alerts-only"));
    return 0;
}

if (args.Contains("timers"))
{
    await TimerBenchmark.RunAsync(host, Arg("--timers", 10_000), clients);
    return 0;
}

var (server, connection, provider, bin) = (host.Server, host.Connection, host.Services, host.Server.BinDirectory);
var definition = await host.PublishAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference-petition.json")));

async Task<CommandResult> StartOne(string tag)
{
    await using var scope = provider.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(definition,
        new StartCommand($"start:{tag}", Guid.NewGuid(), tag, new System.Text.Json.Nodes.JsonObject { ["leadInstitution"] = "6110000" }));
}

// Warm up (JIT, pools, caches) and size the anchor's state column like EPeople's.
for (var i = 0; i < 50; i++)
{
    await StartOne($"warm-{i}");
}

int stateLength;
await using (var scope = provider.CreateAsyncScope())
{
    stateLength = (int)await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().WorkflowInstances.AverageAsync(i => i.State.Length);
}

// ---- Start to first wait state: throughput ----
var startAnchorSql = StartAnchor(stateLength);
var a1 = await Pgbench.RunAsync(bin, server.Port, "bench", startAnchorSql, clients, seconds);
var started = 0L;
var startWatch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
{
    for (var n = 0; startWatch.Elapsed < TimeSpan.FromSeconds(seconds); n++)
    {
        await StartOne($"b-{c}-{n}");
        Interlocked.Increment(ref started);
    }
})));
var engineStarts = started / startWatch.Elapsed.TotalSeconds;
var a2 = await Pgbench.RunAsync(bin, server.Port, "bench", startAnchorSql, clients, seconds);
var startAnchor = (a1.Tps + a2.Tps) / 2;

// ---- Task completion → next wait state: latency at N clients ----
var work = new ConcurrentQueue<(Guid Instance, string Task)>();
await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
{
    for (var n = 0; n < perClient; n++)
    {
        var result = await StartOne($"c-{c}-{n}");
        work.Enqueue((result.State.InstanceId, result.Delta.TasksCreated.Single().Id));
    }
})));
await PrepareCompletionAnchorAsync(connection, stateLength);
var completeAnchorSql = CompletionAnchor(stateLength);
var r1 = await Pgbench.RunAsync(bin, server.Port, "bench", completeAnchorSql, clients, seconds);
var latencies = new ConcurrentBag<double>();
var cpuBefore = Environment.CpuUsage.TotalTime;
var completeWatch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
{
    while (work.TryDequeue(out var item))
    {
        var task = item.Task;
        for (var step = 0; step < 2; step++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = provider.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                .ExecuteAsync(item.Instance, new ResumeBookmarkCommand($"complete:{task}", task, "Transfer", Actor: "officer"));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            task = result.Delta.TasksCreated.Single().Id;
        }
    }
})));
var completions = latencies.Count / completeWatch.Elapsed.TotalSeconds;
var cpuPerCompletion = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds / latencies.Count;
var r2 = await Pgbench.RunAsync(bin, server.Port, "bench", completeAnchorSql, clients, seconds);
var sorted = latencies.Order().ToList();
var (p50, p95, p99) = (Pgbench.Percentile(sorted, 0.5), Pgbench.Percentile(sorted, 0.95), Pgbench.Percentile(sorted, 0.99));
var (rp50, rp95) = ((r1.P50Ms + r2.P50Ms) / 2, (r1.P95Ms + r2.P95Ms) / 2);

Console.WriteLine();
Console.WriteLine("| Benchmark | Anchor (raw SQL, pgbench) | EPeople | Ratio / gap | Goal |");
Console.WriteLine("|---|---|---|---|---|");
Console.WriteLine(F($"| Start → first wait state (instance, bookmark, task, 3 timers, 4 history, operation), {clients} clients | {startAnchor:0} tx/s ({a1.Tps:0} / {a2.Tps:0}) | {engineStarts:0} instances/s | {engineStarts / startAnchor:0.00} × anchor | ratio reported |"));
Console.WriteLine(F($"| Task completion → next wait state, p50, {clients} clients | {rp50:0.0} ms | {p50:0.0} ms | +{p50 - rp50:0.0} ms | ≤ anchor + 3 ms (G7) |"));
Console.WriteLine(F($"| Task completion → next wait state, p95 / p99, {clients} clients | {rp95:0.0} ms | {p95:0.0} / {p99:0.0} ms ({completions:0}/s, {sorted.Count} completions) | {p95 / rp95:0.00} × anchor p95 | p95 ≤ 25 ms, p99 ≤ 50 ms (G7) |"));
Console.WriteLine(F($"state column ≈ {stateLength} characters; EPeople process CPU per completion {cpuPerCompletion:0.00} ms; load after run {Load()}"));
return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string? Text(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

// The rows EPeople writes when a petition flow starts and reaches its first task, in one transaction.
static string StartAnchor(int stateLength) => $$"""
    WITH i AS (
      INSERT INTO wf_instance (id, definition_id, definition_version, correlation_id, status, has_incidents, state, version, created_at, updated_at)
      VALUES (gen_random_uuid(), 'anchor', 1, md5(random()::text), 'Active', false, repeat('x', {{stateLength}}), 1, now(), now()) RETURNING id),
    b AS (
      INSERT INTO wf_bookmark (id, instance_id, node_id, activation_id, kind, payload)
      SELECT md5(random()::text), id, 'handle', 'a', 'Task', '{"task":true,"actions":["Answer","Transfer"]}' FROM i RETURNING id, instance_id),
    t AS (
      INSERT INTO wf_task (id, instance_id, correlation_id, node_id, kind, title, institution_code, position, actions, is_open, status, priority, due_at, due_explanation_ko, due_explanation_en, escalated, created_at, revision)
      SELECT b.id, b.instance_id, 'p', 'handle', 'Task', '민원 처리', '6110000', 'Officer', '["Answer","Transfer"]', true, 'Available', 3, now() + interval '7 days', repeat('가', 120), repeat('a', 200), false, now(), 1 FROM b),
    tm AS (
      INSERT INTO wf_timer (id, instance_id, bookmark_id, node_id, fire_at, kind, deadline_id, status)
      SELECT b.id || '-' || g, b.instance_id, b.id, 'handle', now() + g * interval '1 day', 'Deadline', 'd' || g, 'Pending' FROM b, generate_series(1, 3) g),
    h AS (
      INSERT INTO wf_history (instance_id, seq, node_id, event, at, data)
      SELECT id, g, 'receive', 'NodeCompleted', now(), '{"outcome":"Done"}' FROM i, generate_series(1, 4) g)
    INSERT INTO wf_operation (operation_id, instance_id, outcome, created_at) SELECT md5(random()::text), id, 'Applied', now() FROM i;
    """;

// The rows EPeople writes when an official completes a task and the flow reaches its next task.
static string CompletionAnchor(int stateLength) => $$"""
    \set n random(1, 2000)
    BEGIN;
    SELECT version FROM wf_instance WHERE id = md5('i' || :n)::uuid FOR UPDATE;
    UPDATE wf_instance SET state = repeat('y', {{stateLength}}), version = version + 1, updated_at = now() WHERE id = md5('i' || :n)::uuid;
    DELETE FROM wf_bookmark WHERE id = 'ab-' || :n;
    INSERT INTO wf_bookmark (id, instance_id, node_id, activation_id, kind, payload) VALUES ('ab-' || :n, md5('i' || :n)::uuid, 'handle', 'a', 'Task', '{"task":true}');
    UPDATE wf_task SET is_open = false, status = 'Completed', outcome = 'Transfer', closed_at = now(), revision = revision + 1 WHERE id = 'at-' || :n;
    INSERT INTO wf_task (id, instance_id, correlation_id, node_id, kind, title, institution_code, actions, is_open, status, priority, due_at, escalated, created_at, revision)
    VALUES (md5(random()::text), md5('i' || :n)::uuid, 'p', 'handle', 'Task', '민원 처리', '6110000', '["Answer","Transfer"]', true, 'Available', 3, now() + interval '7 days', false, now(), 1);
    DELETE FROM wf_timer WHERE id IN ('atm-' || :n || '-1', 'atm-' || :n || '-2', 'atm-' || :n || '-3');
    INSERT INTO wf_timer (id, instance_id, bookmark_id, node_id, fire_at, kind, status)
    SELECT 'atm-' || :n || '-' || g, md5('i' || :n)::uuid, 'ab-' || :n, 'handle', now() + g * interval '1 day', 'Deadline', 'Pending' FROM generate_series(1, 3) g;
    INSERT INTO wf_history (instance_id, seq, node_id, event, at, data)
    SELECT md5('i' || :n)::uuid, nextval('anchor_seq'), 'handle', 'NodeCompleted', now(), '{"outcome":"Transfer"}' FROM generate_series(1, 6);
    INSERT INTO wf_operation (operation_id, instance_id, outcome, created_at) VALUES (md5(random()::text), md5('i' || :n)::uuid, 'Applied', now());
    END;
    """;

static async Task PrepareCompletionAnchorAsync(string connection, int stateLength)
{
    await using var db = new Npgsql.NpgsqlConnection(connection);
    await db.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand($$"""
        CREATE SEQUENCE IF NOT EXISTS anchor_seq START 1000;
        INSERT INTO wf_instance (id, definition_id, definition_version, correlation_id, status, has_incidents, state, version, created_at, updated_at)
        SELECT md5('i' || n)::uuid, 'anchor-r', 1, 'r' || n, 'Active', false, repeat('x', {{stateLength}}), 1, now(), now() FROM generate_series(1, 2000) n;
        INSERT INTO wf_task (id, instance_id, correlation_id, node_id, kind, title, actions, is_open, status, priority, due_at, escalated, created_at, revision)
        SELECT 'at-' || n, md5('i' || n)::uuid, 'r', 'handle', 'Task', 't', '[]', true, 'Available', 3, now(), false, now(), 1 FROM generate_series(1, 2000) n;
        """, db);
    await command.ExecuteNonQueryAsync();
}
