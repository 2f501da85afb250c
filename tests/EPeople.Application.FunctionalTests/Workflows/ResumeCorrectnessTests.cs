using System.Text.Json.Nodes;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>
/// ENGINE goal G7b, on PostgreSQL and SQLite: 1,000 concurrent task completions (16 at a time) plus a duplicate
/// completion of 100 of them leave no stuck bookmark and no double transition.
/// </summary>
public sealed class ResumeCorrectnessTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task ShouldCompleteAThousandTasksConcurrentlyWithDuplicatesAndLeaveNothingStuck()
    {
        const int Instances = 1000;
        await App.QueryDbAsync(async db =>
        {
            await WorkflowFixture.PublishAsync(db, App.Clock.GetUtcNow());
            return 0;
        });
        var tasks = new string[Instances];
        var instances = new Guid[Instances];
        for (var i = 0; i < Instances; i++)
        {
            instances[i] = Guid.NewGuid();
            var started = await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(
                WorkflowFixture.Reference, new StartCommand($"start-{i}", instances[i], $"petition-{i}", new JsonObject { ["leadInstitution"] = "6110000" })));
            tasks[i] = started.Delta.TasksCreated.Single().Id;
        }

        // Every task is completed once; the first 100 are also completed a second time, concurrently, by someone else.
        var work = Enumerable.Range(0, Instances).Select(i => (Index: i, Operation: $"complete-{i}", Action: "Transfer"))
            .Concat(Enumerable.Range(0, 100).Select(i => (Index: i, Operation: $"duplicate-{i}", Action: "Answer")))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(int Index, CommandOutcome Outcome)>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, _) =>
        {
            var result = await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.ExecuteAsync(
                instances[item.Index], new ResumeBookmarkCommand(item.Operation, tasks[item.Index], item.Action, Actor: "officer@test")));
            outcomes.Add((item.Index, result.Outcome));
        });

        // Exactly one completion won per task: no double transitions.
        outcomes.GroupBy(o => o.Index).ShouldAllBe(g => g.Count(o => o.Outcome == CommandOutcome.Applied) == 1);
        outcomes.Count(o => o.Outcome == CommandOutcome.AlreadyHandled).ShouldBe(100);

        var (completions, active, waitsPerInstance, openTasks, transfersWon) = await App.QueryDbAsync(async db => (
            await db.WorkflowHistory.CountAsync(h => h.Event == "TaskCompleted"),
            await db.WorkflowInstances.CountAsync(i => i.Status == "Active"),
            await db.WorkflowBookmarks.GroupBy(b => b.InstanceId).Select(g => g.Count()).ToListAsync(),
            await db.WorkflowTasks.CountAsync(t => t.IsOpen),
            await db.WorkflowHistory.CountAsync(h => h.Event == "VariableSet")));
        completions.ShouldBe(Instances);
        // No stuck bookmark: every instance still runs and waits on exactly one thing — a new task after a transfer,
        // or the feedback event after an answer.
        active.ShouldBe(Instances);
        waitsPerInstance.Count.ShouldBe(Instances);
        waitsPerInstance.ShouldAllBe(n => n == 1);
        openTasks.ShouldBe(transfersWon);
        (await App.QueryDbAsync(db => db.WorkflowIncidents.CountAsync())).ShouldBe(0);
    }
}
