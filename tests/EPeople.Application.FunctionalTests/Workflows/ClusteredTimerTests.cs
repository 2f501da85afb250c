using System.Text.Json.Nodes;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Seeding;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>
/// Timers fired by the timer pump as a Quartz job in the persistent store: on PostgreSQL two engine hosts share a
/// clustered scheduler and each timer's effect (a reminder in the outbox) happens exactly once; SQLite runs one node.
/// </summary>
[TestFixtureSource(typeof(DatabaseTest), nameof(DatabaseTest.Providers))]
public sealed class ClusteredTimerTests(DatabaseProvider provider)
{
    private readonly List<IHost> _hosts = [];
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("epeople-timers-").FullName;

    [TearDown]
    public async Task StopHosts()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task ShouldFireEachTimerOnceAcrossTheCluster()
    {
        const int Petitions = 20;
        var database = await TestDatabase.CreateAsync(provider, _folder);
        for (var i = 0; i < (provider == DatabaseProvider.PostgreSql ? 2 : 1); i++)
        {
            var builder = Host.CreateApplicationBuilder();
            TestApp.AddApplicationUnderTest(builder.Services, TestApp.Configuration(database, _folder, scheduler: true), _folder);
            _hosts.Add(builder.Build());
        }

        var first = _hosts[0].Services;
        await using (var scope = first.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            await WorkflowFixture.PublishAsync(scope.ServiceProvider.GetRequiredService<EPeopleDbContext>(), first.GetRequiredService<FakeTimeProvider>().GetUtcNow());
        }

        for (var i = 0; i < Petitions; i++)
        {
            await using var scope = first.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(WorkflowFixture.Reference,
                new StartCommand($"start-{i}", Guid.NewGuid(), $"petition-{i}", new JsonObject { ["leadInstitution"] = "6110000" }));
        }

        DateTimeOffset remindAt;
        await using (var scope = first.CreateAsyncScope())
        {
            remindAt = await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().WorkflowTimers
                .Where(t => t.DeadlineId == "remind").MaxAsync(t => t.FireAt);
        }

        // Every node's clock moves past the reminders (not yet the escalations), then the schedulers start.
        foreach (var host in _hosts)
        {
            var clock = host.Services.GetRequiredService<FakeTimeProvider>();
            clock.Advance(remindAt - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
            await host.StartAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var fired = 0;
        while (fired < Petitions && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            await using var scope = first.CreateAsyncScope();
            fired = await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().OutboxMessages.CountAsync(o => o.Type == "workflow.task-deadline");
        }

        await Task.Delay(2000); // give a double firing the chance to show
        await using (var scope = first.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
            (await db.OutboxMessages.CountAsync(o => o.Type == "workflow.task-deadline")).ShouldBe(Petitions);
            (await db.WorkflowTimers.CountAsync(t => t.DeadlineId == "remind")).ShouldBe(0);
            (await db.WorkflowTimers.CountAsync(t => t.DeadlineId == "escalate" && t.Status == "Pending")).ShouldBe(Petitions);
            (await db.WorkflowHistory.CountAsync(h => h.Event == "Deadline")).ShouldBe(Petitions);
        }
    }
}
