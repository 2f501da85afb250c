using System.Text.Json.Nodes;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>
/// Timers fired by the timer pump as a Quartz job in the persistent store: on PostgreSQL two engine hosts share a
/// clustered scheduler and each timer's effect (a reminder in the outbox) happens exactly once; SQLite runs one node.
/// </summary>
[TestFixtureSource(typeof(DatabaseTest), nameof(DatabaseTest.Providers))]
public sealed class ClusteredTimerTests(DatabaseProvider provider)
{
    [Test]
    public async Task ShouldFireEachTimerOnceAcrossTheCluster()
    {
        const int Petitions = 20;
        await using var nodes = await TestNodes.CreateAsync(provider);
        await using (var scope = nodes.Services.CreateAsyncScope())
        {
            await WorkflowFixture.PublishAsync(scope.ServiceProvider.GetRequiredService<EPeopleDbContext>(), nodes.Services.GetRequiredService<FakeTimeProvider>().GetUtcNow());
        }

        for (var i = 0; i < Petitions; i++)
        {
            await using var scope = nodes.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(WorkflowFixture.Reference,
                new StartCommand($"start-{i}", Guid.NewGuid(), $"petition-{i}", new JsonObject { ["leadInstitution"] = "6110000" }));
        }

        DateTimeOffset remindAt;
        await using (var scope = nodes.Services.CreateAsyncScope())
        {
            remindAt = await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().WorkflowTimers
                .Where(t => t.DeadlineId == "remind").MaxAsync(t => t.FireAt);
        }

        // Every node's clock moves past the reminders (not yet the escalations), then the schedulers start.
        foreach (var host in nodes.Hosts)
        {
            var clock = host.Services.GetRequiredService<FakeTimeProvider>();
            clock.Advance(remindAt - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        }

        await nodes.StartAsync();
        (await nodes.WaitUntilAsync(async db => await db.OutboxMessages.CountAsync(o => o.Type == "workflow.task-deadline") >= Petitions))
            .ShouldBeTrue("every reminder should fire within a minute");
        await Task.Delay(2000); // give a double firing the chance to show

        await using (var scope = nodes.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
            (await db.OutboxMessages.CountAsync(o => o.Type == "workflow.task-deadline")).ShouldBe(Petitions);
            (await db.WorkflowTimers.CountAsync(t => t.DeadlineId == "remind")).ShouldBe(0);
            (await db.WorkflowTimers.CountAsync(t => t.DeadlineId == "escalate" && t.Status == "Pending")).ShouldBe(Petitions);
            (await db.WorkflowHistory.CountAsync(h => h.Event == "Deadline")).ShouldBe(Petitions);
        }
    }
}
