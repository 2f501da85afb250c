using System.Text.Json.Nodes;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>A command that fails half-way through its commit leaves nothing behind: not the new state, not one projection row.</summary>
public sealed class AtomicCommitTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task ShouldLeaveNoPartialStateWhenTheCommitFailsHalfWay()
    {
        var instanceId = Guid.NewGuid();
        await App.QueryDbAsync(async db =>
        {
            await WorkflowFixture.PublishAsync(db, App.Clock.GetUtcNow());
            return 0;
        });
        var started = await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(
            WorkflowFixture.Reference, new StartCommand("start", instanceId, "petition-1", new JsonObject { ["leadInstitution"] = "6110000" })));
        var taskId = started.Delta.TasksCreated.Single().Id;
        var before = await SnapshotAsync();

        // A row already sits where the command's last history entry will go: the instance update, the deletes and
        // the inserts before it have run inside the transaction when the insert fails.
        await App.QueryDbAsync(async db =>
        {
            db.WorkflowHistory.Add(new WorkflowHistoryRecord { InstanceId = instanceId, Seq = before.HistoryCount + 6, Event = "Squatter", At = App.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<WorkflowConflictException>(() => App.ExecuteAsync<WorkflowRuntime, CommandResult>(r =>
            r.ExecuteAsync(instanceId, new ResumeBookmarkCommand("complete", taskId, "Transfer"))));

        var after = await SnapshotAsync();
        after.ShouldBe(before with { HistoryCount = before.HistoryCount + 1 }); // only the squatter row
    }

    private sealed record Snapshot(long Version, string State, int Bookmarks, int OpenTasks, int Timers, int HistoryCount, int Operations, int Outbox);

    private Task<Snapshot> SnapshotAsync() => App.QueryDbAsync(async db =>
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync();
        return new Snapshot(
            instance.Version, instance.State,
            await db.WorkflowBookmarks.CountAsync(),
            await db.WorkflowTasks.CountAsync(t => t.IsOpen),
            await db.WorkflowTimers.CountAsync(),
            await db.WorkflowHistory.CountAsync(),
            await db.WorkflowOperations.CountAsync(),
            await db.OutboxMessages.CountAsync());
    });
}
