using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Workflows;
using EPeople.Testing;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Benchmarks;

/// <summary>
/// Goal G8: timers due spread evenly over one minute, fired by the timer pump run once a second (as its Quartz job
/// is); lateness = instance completion − due instant. Then a pump pass over 100,000 pending timers: start-up and
/// each pass read only due rows through the (status, fire_at) index, never the pending ones.
/// </summary>
internal static class TimerBenchmark
{
    private const string Definition = """
        { "$schema": "urn:epeople:workflow-definition:v1", "definitionId": "bench.timer",
          "variables": [ { "name": "fireAt", "type": "instant" } ],
          "activities": [
            { "id": "start", "type": "EPeople.Receive" },
            { "id": "wait", "type": "EPeople.Timer", "inputs": { "until": { "expression": { "type": "JavaScript", "value": "vars.fireAt" } } } },
            { "id": "end", "type": "EPeople.End", "inputs": { "status": { "expression": { "type": "Literal", "value": "Closed" } } } } ],
          "connections": [
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
            { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "end", "port": "In" } } ] }
        """;

    public static async Task RunAsync(BenchmarkHost host, int timers, int clients)
    {
        var definition = await host.PublishAsync(Definition);
        var windowStart = DateTimeOffset.UtcNow.AddSeconds(Math.Max(30, timers / 200.0));
        var dueAt = new Dictionary<Guid, DateTimeOffset>();
        var ids = Enumerable.Range(0, timers).Select(i => (Id: Guid.NewGuid(), Due: windowStart.AddMilliseconds(60_000.0 * i / timers))).ToList();
        foreach (var (id, due) in ids)
        {
            dueAt[id] = due;
        }

        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (item, ct) =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(definition, new StartCommand(
                $"start:{item.Id}", item.Id, item.Id.ToString(), new JsonObject { ["fireAt"] = item.Due.ToString("O", CultureInfo.InvariantCulture) }), ct);
        });
        Console.WriteLine(F($"started {timers} instances in {setup.Elapsed.TotalSeconds:0.0} s; window opens at +{(windowStart - DateTimeOffset.UtcNow).TotalSeconds:0.0} s"));
        if (DateTimeOffset.UtcNow > windowStart)
        {
            Console.WriteLine("warning: setup ran into the window; early timers start late");
        }

        var pump = host.Services.GetRequiredService<TimerPump>();
        var end = windowStart.AddSeconds(90);
        while (DateTimeOffset.UtcNow < end)
        {
            var tick = Stopwatch.StartNew();
            while (await pump.RunOnceAsync(200, CancellationToken.None) == 200)
            {
            }

            var rest = TimeSpan.FromSeconds(1) - tick.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }

            await using var scope = host.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().WorkflowTimers.AnyAsync())
            {
                break;
            }
        }

        List<(Guid Id, DateTimeOffset? CompletedAt)> completed;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            completed = [.. (await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().WorkflowInstances.AsNoTracking()
                .Where(i => i.DefinitionId == "bench.timer").Select(i => new { i.Id, i.CompletedAt }).ToListAsync())
                .Select(i => (i.Id, i.CompletedAt))];
        }

        var lateness = completed.Where(c => c.CompletedAt is not null)
            .Select(c => (c.CompletedAt!.Value - dueAt[c.Id]).TotalMilliseconds).Order().ToList();
        Console.WriteLine();
        Console.WriteLine("| Benchmark | Result | Goal |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(F($"| {timers:N0} timers due over one minute, pump once a second | fired {lateness.Count:N0}/{timers:N0}; lateness p50 {Pgbench.Percentile(lateness, 0.5) / 1000:0.00} s, p99 {Pgbench.Percentile(lateness, 0.99) / 1000:0.00} s, max {lateness.LastOrDefault() / 1000:0.00} s | all fire, p99 ≤ 2 s (G8) |"));

        // 100,000 pending timers: what a start-up or a pump pass costs with them in the table.
        await using (var db = new Npgsql.NpgsqlConnection(host.Connection))
        {
            await db.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO wf_timer (id, instance_id, bookmark_id, node_id, fire_at, kind, status)
                SELECT 'pending-' || n, gen_random_uuid(), 'b-' || n, 'wait', now() + interval '30 days' + n * interval '1 second', 'Wait', 'Pending'
                FROM generate_series(1, 100000) n;
                ANALYZE wf_timer;
                """, db) { CommandTimeout = 300 };
            await insert.ExecuteNonQueryAsync();
        }

        var pass = Stopwatch.StartNew();
        var claimed = await pump.RunOnceAsync(200, CancellationToken.None);
        Console.WriteLine(F($"| Pump pass with 100,000 pending (not due) timers | {pass.Elapsed.TotalMilliseconds:0} ms, {claimed} claimed | |"));

        // Start-up: the product as its own process (`dotnet EPeople.Web.dll`) on this database until /health/ready is
        // green (migrations checked, Quartz clustered scheduler started). The first start also seeds the directory.
        var folder = Directory.CreateTempSubdirectory("epeople-bench-app-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:EPeople"] = host.Connection,
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
        };
        var times = new List<double>();
        for (var start = 0; start < 3; start++)
        {
            var watch = Stopwatch.StartNew();
            await using var app = await AppProcess.StartAsync(settings, folder);
            times.Add(watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(F($"| Start-up to ready with 100,000 pending timers (own process) | first start (seeds 1,270 institutions) {times[0]:0.0} s; restarts {times[1]:0.0} s, {times[2]:0.0} s | ready ≤ 15 s with 100k pending (G8) |"));
        Directory.Delete(folder, recursive: true);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
