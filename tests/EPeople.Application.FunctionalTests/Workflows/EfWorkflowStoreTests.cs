using System.Text.Json.Nodes;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Infrastructure.Persistence;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>The engine on a real database: one commit per command with its projections, idempotency, conflicts, the timer pump.</summary>
public sealed class EfWorkflowStoreTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly Guid InstanceId = Guid.Parse("3c1d9e2a-7b6f-4a10-8c55-9d0e1f2a3b4c");

    private async Task<string> StartAsync()
    {
        await App.QueryDbAsync(async db =>
        {
            await WorkflowFixture.PublishAsync(db, App.Clock.GetUtcNow());
            return 0;
        });
        var started = await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(
            WorkflowFixture.Reference,
            new StartCommand("start:petition-1", InstanceId, "petition-1", new JsonObject { ["institutions"] = new JsonArray("1352000", "1613000") })));
        started.Outcome.ShouldBe(CommandOutcome.Applied);
        return started.Delta.TasksCreated.Single().Id;
    }

    private async Task PassTheReminderAsync()
    {
        var remindAt = await App.QueryDbAsync(db => db.WorkflowTimers.Where(t => t.DeadlineId == "remind").Select(t => t.FireAt).SingleAsync());
        App.Clock.Advance(remindAt - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
    }

    private Task<CommandResult> RunAsync(WorkflowCommand command) =>
        App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.ExecuteAsync(InstanceId, command));

    [Test]
    public async Task ShouldCommitTheInstanceWithItsTaskTimersHistoryAndOperation()
    {
        var taskId = await StartAsync();

        var (instance, task, timers, history, operations) = await App.QueryDbAsync(async db => (
            await db.WorkflowInstances.SingleAsync(),
            await db.WorkflowTasks.SingleAsync(),
            await db.WorkflowTimers.OrderBy(t => t.FireAt).ToListAsync(),
            await db.WorkflowHistory.OrderBy(h => h.Seq).Select(h => h.Event).ToListAsync(),
            await db.WorkflowOperations.Select(o => o.OperationId).ToListAsync()));

        instance.Version.ShouldBe(1);
        instance.Status.ShouldBe("Active");
        task.Id.ShouldBe(taskId);
        task.IsOpen.ShouldBeTrue();
        task.CorrelationId.ShouldBe("petition-1");
        task.DueAt.ShouldNotBeNull();
        task.DueExplanationKo!.ShouldContain("처리기한");
        timers.Select(t => t.DeadlineId).ShouldBe(["remind", "escalate", "overdue"]);
        history.ShouldBe(["Started", "NodeCompleted", "NodeCompleted", "TaskCreated"]);
        operations.ShouldBe(["start:petition-1"]);
    }

    [Test]
    public async Task ShouldCloseTheTaskAndMoveOnInOneCommit()
    {
        var taskId = await StartAsync();

        var result = await RunAsync(new ResumeBookmarkCommand("complete-1", taskId, "Answer", new JsonObject { ["answer"] = "답변" }, "officer@test"));

        result.Outcome.ShouldBe(CommandOutcome.Applied);
        var (task, instance, timers, outbox, bookmarks) = await App.QueryDbAsync(async db => (
            await db.WorkflowTasks.SingleAsync(t => t.Id == taskId),
            await db.WorkflowInstances.SingleAsync(),
            await db.WorkflowTimers.ToListAsync(),
            await db.OutboxMessages.ToListAsync(),
            await db.WorkflowBookmarks.ToListAsync()));
        task.IsOpen.ShouldBeFalse();
        task.Status.ShouldBe("Completed");
        task.Outcome.ShouldBe("Answer");
        task.Revision.ShouldBe(2);
        instance.Version.ShouldBe(2);
        timers.ShouldHaveSingleItem().Kind.ShouldBe("Timeout"); // feedback window; the task's deadlines are gone
        var notice = outbox.ShouldHaveSingleItem();
        notice.Source.ShouldBe("engine");
        notice.InstanceId.ShouldBe(InstanceId);
        bookmarks.ShouldHaveSingleItem().Kind.ShouldBe("Event");
    }

    [Test]
    public async Task ShouldIgnoreARepeatedOperationAndASecondCompletion()
    {
        var taskId = await StartAsync();
        await RunAsync(new ResumeBookmarkCommand("complete-1", taskId, "Transfer"));

        var replay = await RunAsync(new ResumeBookmarkCommand("complete-1", taskId, "Transfer"));
        var late = await RunAsync(new ResumeBookmarkCommand("complete-2", taskId, "Answer"));

        replay.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        late.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        var (version, transfers) = await App.QueryDbAsync(async db => (
            await db.WorkflowInstances.Select(i => i.Version).SingleAsync(),
            await db.WorkflowHistory.CountAsync(h => h.Event == "TaskCompleted")));
        version.ShouldBe(2);
        transfers.ShouldBe(1);
    }

    [Test]
    public async Task ShouldLetExactlyOneOfManyConcurrentCompletionsWin()
    {
        var taskId = await StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => RunAsync(new ResumeBookmarkCommand($"officer-{i}", taskId, "Transfer", Actor: $"officer{i}@test")))));

        results.Count(r => r.Outcome == CommandOutcome.Applied).ShouldBe(1);
        results.Count(r => r.Outcome == CommandOutcome.AlreadyHandled).ShouldBe(11);
        var (completed, openTasks, transferCount) = await App.QueryDbAsync(async db => (
            await db.WorkflowHistory.CountAsync(h => h.Event == "TaskCompleted"),
            await db.WorkflowTasks.CountAsync(t => t.IsOpen),
            await db.WorkflowInstances.Select(i => i.State).SingleAsync()));
        completed.ShouldBe(1);
        openTasks.ShouldBe(1);
        InstanceStateSerializer.Deserialize(transferCount).Variables["transferCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Test]
    public async Task ShouldKeepAnEarlyEventInTheInboxUntilTheWaitBegins()
    {
        var taskId = await StartAsync();

        var early = await RunAsync(new DeliverEventCommand("event-1", "evt-1", "SupplementProvided", "petition-1", new JsonObject { ["file"] = "a.pdf" }));
        early.Outcome.ShouldBe(CommandOutcome.Buffered);
        (await App.QueryDbAsync(db => db.WorkflowInbox.CountAsync(e => e.ConsumedBy == null))).ShouldBe(1);

        await RunAsync(new ResumeBookmarkCommand("supplement", taskId, "RequestSupplement"));

        (await App.QueryDbAsync(db => db.WorkflowInbox.SingleAsync())).ConsumedBy.ShouldBe(InstanceId);
        (await App.QueryDbAsync(db => db.WorkflowTasks.CountAsync(t => t.IsOpen && t.NodeId == "handle"))).ShouldBe(1);
    }

    [Test]
    public async Task ShouldFireDueTimersOnceThroughThePump()
    {
        await StartAsync();
        await PassTheReminderAsync(); // the reminder is due; the escalation (at the due date) is not

        var claimed = await App.ExecuteAsync<TimerPump, int>(p => p.RunOnceAsync(50, CancellationToken.None));
        var again = await App.ExecuteAsync<TimerPump, int>(p => p.RunOnceAsync(50, CancellationToken.None));

        claimed.ShouldBe(1);
        again.ShouldBe(0);
        var (timers, outbox) = await App.QueryDbAsync(async db => (
            await db.WorkflowTimers.Select(t => t.DeadlineId).ToListAsync(),
            await db.OutboxMessages.Select(o => o.Type).ToListAsync()));
        timers.Order().ShouldBe(["escalate", "overdue"]);
        outbox.ShouldBe(["workflow.task-deadline"]);
    }

    [Test]
    public async Task ShouldTakeOverATimerClaimedByANodeThatDied()
    {
        await StartAsync();
        await PassTheReminderAsync();
        var now = App.Clock.GetUtcNow();
        await App.QueryDbAsync(db => db.WorkflowTimers.Where(t => t.DeadlineId == "remind").ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, "Claimed").SetProperty(t => t.ClaimedBy, "dead-node").SetProperty(t => t.ClaimedUntil, now.AddSeconds(10))));

        (await App.ExecuteAsync<TimerPump, int>(p => p.RunOnceAsync(50, CancellationToken.None))).ShouldBe(0); // the claim still holds
        App.Clock.Advance(TimeSpan.FromSeconds(11));
        (await App.ExecuteAsync<TimerPump, int>(p => p.RunOnceAsync(50, CancellationToken.None))).ShouldBe(1);

        (await App.QueryDbAsync(db => db.OutboxMessages.CountAsync(o => o.Type == "workflow.task-deadline"))).ShouldBe(1);
    }

    [Test]
    public async Task ShouldRefuseASecondActiveInstanceForTheSameCase()
    {
        await StartAsync();

        await Should.ThrowAsync<Exception>(() => App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(
            WorkflowFixture.Reference, new StartCommand("start:petition-1-again", Guid.NewGuid(), "petition-1"))));
        (await App.QueryDbAsync(db => db.WorkflowInstances.CountAsync())).ShouldBe(1);
    }
}
