using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;

namespace EPeople.Workflows.Runtime;

/// <summary>
/// Runs commands against the store: load, execute in memory, commit once. A command whose operation id was
/// already processed returns its stored outcome and changes nothing. A conflict (another command committed first)
/// reloads and re-applies; commands are deterministic in state and input and their side effects are outbox rows,
/// so the retry is safe.
/// </summary>
public sealed class WorkflowRuntime(WorkflowEngine engine, IWorkflowStore store, IBusinessCalendarProvider calendars, TimeProvider clock)
{
    /// <summary>How often a conflicting command is re-applied before giving up.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Starts an instance of a published definition version.</summary>
    public Task<CommandResult> StartAsync(WorkflowDefinition definition, StartCommand command, CancellationToken cancellationToken = default) =>
        RunAsync(command.InstanceId, command, definition, null, cancellationToken);

    /// <summary>
    /// Starts an instance and runs <paramref name="beforeCommit"/> with the applied result just before the store commits
    /// it (again if the command is re-applied): the caller's own changes that depend on the result — a petition's due
    /// date from its first task, its reception notice — then go out in the same commit instead of a second save.
    /// </summary>
    public Task<CommandResult> StartAsync(WorkflowDefinition definition, StartCommand command, Func<CommandResult, CancellationToken, Task> beforeCommit,
        CancellationToken cancellationToken = default) =>
        RunAsync(command.InstanceId, command, definition, beforeCommit, cancellationToken);

    /// <summary>Runs a command on an existing instance.</summary>
    public Task<CommandResult> ExecuteAsync(Guid instanceId, WorkflowCommand command, CancellationToken cancellationToken = default) =>
        RunAsync(instanceId, command, null, null, cancellationToken);

    /// <summary>True when a command with this operation id has been committed.</summary>
    public async Task<bool> HasProcessedAsync(string operationId, CancellationToken cancellationToken = default) =>
        await store.FindOperationAsync(operationId, cancellationToken) is not null;

    private async Task<CommandResult> RunAsync(Guid instanceId, WorkflowCommand command, WorkflowDefinition? startDefinition,
        Func<CommandResult, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var isNew = command is StartCommand { IsNew: true } && attempt == 1;
            var loaded = isNew ? null : await store.LoadAsync(instanceId, cancellationToken);
            if (loaded is null && startDefinition is null)
            {
                throw new KeyNotFoundException($"Workflow instance {instanceId} does not exist.");
            }

            var definition = loaded is null
                ? startDefinition!
                : await store.GetDefinitionAsync(loaded.State.DefinitionId, loaded.State.DefinitionVersion, cancellationToken);
            var correlation = loaded?.State.CorrelationId ?? (command as StartCommand)?.CorrelationId ?? "";

            // Early events can only be taken by a WaitForEvent; flows without one never read the inbox.
            IReadOnlyList<InboxEvent> inbox = !isNew && definition.Activities.Any(a => a.Type == Activities.WaitForEventActivity.TypeName)
                ? await store.LoadInboxAsync(correlation, cancellationToken)
                : [];
            var calendar = await calendars.GetAsync(definition.Settings.Calendar, cancellationToken);
            var result = engine.Execute(definition, loaded?.State, command, new EngineEnvironment(clock.GetUtcNow(), calendar, inbox));
            if (result.Outcome == CommandOutcome.Rejected)
            {
                // A replayed start (or migration) is refused by the new state; it is still the same operation.
                return await ReplayOf(instanceId, command, cancellationToken) ?? result;
            }

            if (beforeCommit is not null && result.Outcome == CommandOutcome.Applied)
            {
                await beforeCommit(result, cancellationToken);
            }

            try
            {
                await store.CommitAsync(new WorkflowCommit(
                    instanceId, loaded?.Version, result.Outcome == CommandOutcome.Applied ? result.State : null,
                    result.Delta, command.OperationId, result.Outcome), cancellationToken);
                return result;
            }
            catch (WorkflowConflictException) when (attempt < MaxAttempts && !store.InAmbientTransaction)
            {
                // The operation id is unique: a replay (or its concurrent twin) finds it stored and does nothing.
                // Otherwise someone else committed first: reload and apply the command to the new state.
                if (await ReplayOf(instanceId, command, cancellationToken) is { } replay)
                {
                    return replay;
                }
            }
        }
    }

    private async Task<CommandResult?> ReplayOf(Guid instanceId, WorkflowCommand command, CancellationToken cancellationToken)
    {
        if (await store.FindOperationAsync(command.OperationId, cancellationToken) is not { } prior)
        {
            return null;
        }

        var stored = await store.LoadAsync(instanceId, cancellationToken);
        return new CommandResult(prior == CommandOutcome.Applied ? CommandOutcome.AlreadyHandled : prior,
            stored?.State ?? new InstanceState { InstanceId = instanceId }, new ExecutionDelta(), "This operation was already processed.");
    }
}
