using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Workflows;
using EPeople.Infrastructure;
using EPeople.Infrastructure.Persistence;
using EPeople.Testing;
using EPeople.Web.FunctionalTests.Testing;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EPeople.Web.FunctionalTests.Resilience;

/// <summary>
/// ENGINE goal: a process killed mid-command leaves no partial state. The product runs as its own process on
/// PostgreSQL; officials complete tasks over HTTP from eight clients while the process is killed with SIGKILL.
/// Afterwards every acknowledged completion is there in full, every instance's projections agree with its state,
/// and after a restart the same requests (same operation ids) finish the rest without a double transition.
/// </summary>
[NonParallelizable]
public sealed class ProcessKillTests
{
    private const int Instances = 240;

    [Test]
    public async Task ShouldLeaveNoPartialStateWhenTheProcessIsKilledMidCommand()
    {
        var server = await SharedPostgres.GetAsync();
        var connection = await server.CreateDatabaseAsync("kill_" + Guid.NewGuid().ToString("N")[..8]);
        var folder = Directory.CreateTempSubdirectory("epeople-kill-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:EPeople"] = connection,
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["RateLimiting:SignInPerMinute"] = "1000",
        };
        await using var services = Headless(connection);
        var app = await AppProcess.StartAsync(settings, folder);
        var tasks = await StartInstancesAsync(services);

        // Eight officials' clients complete tasks until the process dies under them.
        var acknowledged = new ConcurrentBag<int>();
        using (var client = await SignedInAsync(app))
        {
            var queue = new ConcurrentQueue<int>(Enumerable.Range(0, Instances));
            var load = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var i))
                {
                    try
                    {
                        if ((await CompleteAsync(client, tasks[i], i)).IsSuccessStatusCode)
                        {
                            acknowledged.Add(i);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToList();
            while (acknowledged.Count < Instances / 3)
            {
                await Task.Delay(5);
            }

            await app.KillAsync();
            await Task.WhenAll(load);
        }

        acknowledged.Count.ShouldBeLessThan(Instances, "the kill must land while completions are still running");
        await AssertConsistentAsync(services, tasks, acknowledged, expectAllDone: false);

        // Restarted, the same requests are sent again: done ones are replayed, the rest are applied, nothing twice.
        await using var restarted = await AppProcess.StartAsync(settings, folder);
        using (var client = await SignedInAsync(restarted))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var response = await CompleteAsync(client, tasks[i], i);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
            });
        }

        await AssertConsistentAsync(services, tasks, acknowledged, expectAllDone: true);
        var outbox = await QueryAsync(services, db => db.OutboxMessages.Where(m => m.Source == "engine").GroupBy(m => m.InstanceId).Select(g => g.Count()).ToListAsync());
        outbox.ShouldAllBe(c => c == 1, "one answer notice per petition, never two");
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string[]> StartInstancesAsync(ServiceProvider services)
    {
        WorkflowDefinition definition;
        await using (var scope = services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionCatalog>();
            var outcome = await catalog.ImportSeedAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resilience", "reference-petition.json")), "test", CancellationToken.None);
            definition = (await catalog.GetLatestAsync(outcome.DefinitionId, CancellationToken.None))!;
        }

        var tasks = new string[Instances];
        for (var i = 0; i < Instances; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var started = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(definition,
                new StartCommand($"start-{i}", Guid.NewGuid(), $"petition-{i}", new JsonObject { ["leadInstitution"] = "6110000" }));
            tasks[i] = started.Delta.TasksCreated.Single().Id;
        }

        return tasks;
    }

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string task, int i) =>
        client.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { action = "Answer", data = new { answer = "처리했습니다." }, expectedRevision = 1, operationId = $"answer-{i}" });

    /// <summary>Every instance's rows agree with its state; acknowledged completions are all there.</summary>
    private static async Task AssertConsistentAsync(ServiceProvider services, string[] tasks, IEnumerable<int> acknowledged, bool expectAllDone)
    {
        var (instances, bookmarks, timers, openTasks, history, operations) = await QueryAsync(services, async db => (
            await db.WorkflowInstances.AsNoTracking().Select(i => new { i.Id, i.State }).ToListAsync(),
            await db.WorkflowBookmarks.AsNoTracking().Select(b => new { b.InstanceId, b.Id }).ToListAsync(),
            await db.WorkflowTimers.AsNoTracking().Select(t => new { t.InstanceId, t.Id }).ToListAsync(),
            await db.WorkflowTasks.AsNoTracking().Where(t => t.IsOpen).Select(t => t.Id).ToListAsync(),
            await db.WorkflowHistory.AsNoTracking().GroupBy(h => h.InstanceId).Select(g => new { InstanceId = g.Key, Count = g.Count(), Max = g.Max(h => h.Seq) }).ToListAsync(),
            await db.WorkflowOperations.AsNoTracking().Select(o => o.OperationId).ToListAsync()));
        instances.Count.ShouldBe(Instances);
        foreach (var row in instances)
        {
            var state = InstanceStateSerializer.Deserialize(row.State);
            bookmarks.Where(b => b.InstanceId == row.Id).Select(b => b.Id).Order().ShouldBe(state.Bookmarks.Keys.Order(), $"bookmarks of {row.Id}");
            timers.Where(t => t.InstanceId == row.Id).Select(t => t.Id).Order().ShouldBe(state.Timers.Keys.Order(), $"timers of {row.Id}");
            var entries = history.Single(h => h.InstanceId == row.Id);
            (entries.Count, entries.Max).ShouldBe(((int)state.HistorySeq, state.HistorySeq), $"history of {row.Id}");
        }

        var done = Enumerable.Range(0, Instances).Where(i => !openTasks.Contains(tasks[i])).ToHashSet();
        await TestContext.Out.WriteLineAsync($"{acknowledged.Count()} completions acknowledged, {done.Count} done in the database");
        acknowledged.Where(i => !done.Contains(i)).ShouldBeEmpty("an acknowledged completion was lost");
        done.ShouldAllBe(i => operations.Contains($"task:answer-{i}"), "a task closed without its operation");
        Enumerable.Range(0, Instances).Where(i => !done.Contains(i)).ShouldAllBe(i => !operations.Contains($"task:answer-{i}"), "an operation stored without its effect");
        if (expectAllDone)
        {
            done.Count.ShouldBe(Instances);
        }
    }

    private static async Task<T> QueryAsync<T>(ServiceProvider services, Func<EPeopleDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EPeopleDbContext>());
    }

    private static async Task<HttpClient> SignedInAsync(AppProcess app)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.SeoulOfficer.Email, password = DemoAccounts.SeoulOfficer.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<WebTestSetup.TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private static ServiceProvider Headless(string connection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:EPeople"] = connection,
            ["Scheduler:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddEPeopleHeadless(configuration, AppContext.BaseDirectory);
        services.AddSingleton<ICurrentUser>(SystemActor.Instance);
        return services.BuildServiceProvider();
    }
}
