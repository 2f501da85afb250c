using EPeople.Workflows.Activities;
using EPeople.Workflows.Expressions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace EPeople.Workflows.UnitTests.Runtime;

public sealed class WorkflowRuntimeTests
{
    private static readonly Guid InstanceId = Guid.Parse("6f1d2c3b-4a59-4e8f-9d10-112233445566");

    private static (WorkflowRuntime Runtime, InMemoryWorkflowStore Store) Create()
    {
        var definition = EngineHarness.Reference().Definition;
        var store = new InMemoryWorkflowStore(definition);
        var runtime = new WorkflowRuntime(
            new WorkflowEngine(ActivityRegistry.Default, new ExpressionEvaluator()), store, new FixedBusinessCalendarProvider(EngineHarness.Calendar),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)));
        return (runtime, store);
    }

    private static async Task<string> StartAsync(WorkflowRuntime runtime, InMemoryWorkflowStore store)
    {
        var started = await runtime.StartAsync(EngineHarness.Reference().Definition, new StartCommand("start-1", InstanceId, "petition-1"));
        return started.Delta.TasksCreated.Single().Id;
    }

    [Test]
    public async Task ShouldCommitOncePerCommand()
    {
        var (runtime, store) = Create();
        var taskId = await StartAsync(runtime, store);

        var result = await runtime.ExecuteAsync(InstanceId, new ResumeBookmarkCommand("complete-1", taskId, "Transfer", Actor: "officer@test"));

        result.Outcome.ShouldBe(CommandOutcome.Applied);
        store.Commits.Count.ShouldBe(2);
        store.Commits[^1].ExpectedVersion.ShouldBe(1);
        store.Commits[^1].Delta.TasksClosed.ShouldHaveSingleItem();
        store.Commits[^1].Delta.TasksCreated.ShouldHaveSingleItem();
    }

    [Test]
    public async Task ShouldMakeARepeatedOperationIdANoOp()
    {
        var (runtime, store) = Create();
        var taskId = await StartAsync(runtime, store);
        await runtime.ExecuteAsync(InstanceId, new ResumeBookmarkCommand("complete-1", taskId, "Transfer"));

        var replay = await runtime.ExecuteAsync(InstanceId, new ResumeBookmarkCommand("complete-1", taskId, "Transfer"));

        replay.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        store.Commits.Count.ShouldBe(2);
        (await store.LoadAsync(InstanceId, CancellationToken.None))!.State.Variables["transferCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Test]
    public async Task ShouldTreatARepeatedStartAsTheSameOperation()
    {
        var (runtime, store) = Create();
        await StartAsync(runtime, store);

        var again = await runtime.StartAsync(EngineHarness.Reference().Definition, new StartCommand("start-1", InstanceId, "petition-1"));

        again.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        store.Commits.Count.ShouldBe(1);
    }

    [Test]
    public async Task ShouldReadNothingToStartANewInstanceAndStillRefuseItsTwin()
    {
        var (runtime, store) = Create();

        var started = await runtime.StartAsync(EngineHarness.Reference().Definition, new StartCommand("start-1", InstanceId, "petition-1", IsNew: true));
        started.Outcome.ShouldBe(CommandOutcome.Applied);
        store.Reads.ShouldBe(0);

        var twin = await runtime.StartAsync(EngineHarness.Reference().Definition, new StartCommand("start-1", InstanceId, "petition-1", IsNew: true));
        twin.Outcome.ShouldBe(CommandOutcome.AlreadyHandled); // the commit found the instance; the retry read it
        store.Commits.Count.ShouldBe(1);
    }

    [Test]
    public async Task ShouldReapplyACommandWhenAnotherCommitCameFirst()
    {
        var (runtime, store) = Create();
        var taskId = await StartAsync(runtime, store);
        store.BeforeNextCommit = () => store.Touch(InstanceId);

        var result = await runtime.ExecuteAsync(InstanceId, new ResumeBookmarkCommand("complete-1", taskId, "Transfer"));

        result.Outcome.ShouldBe(CommandOutcome.Applied);
        store.Commits[^1].ExpectedVersion.ShouldBe(2); // computed again from the reloaded instance
    }

    [Test]
    public async Task ShouldLetOnlyOneOfTwoCompletionsOfTheSameTaskWin()
    {
        var (runtime, store) = Create();
        var taskId = await StartAsync(runtime, store);

        var first = await runtime.ExecuteAsync(InstanceId, new ResumeBookmarkCommand("officer-a", taskId, "Transfer"));
        var second = await runtime.ExecuteAsync(InstanceId, new ResumeBookmarkCommand("officer-b", taskId, "Answer"));

        first.Outcome.ShouldBe(CommandOutcome.Applied);
        second.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        second.Message!.ShouldContain("already been handled");
    }

    [Test]
    public async Task ShouldNotCommitARejectedCommand()
    {
        var (runtime, store) = Create();
        var taskId = await StartAsync(runtime, store);

        var result = await runtime.ExecuteAsync(InstanceId, new ResumeBookmarkCommand("bad", taskId, "Approve"));

        result.Outcome.ShouldBe(CommandOutcome.Rejected);
        store.Commits.Count.ShouldBe(1);
        (await store.FindOperationAsync("bad", CancellationToken.None)).ShouldBeNull();
    }
}
