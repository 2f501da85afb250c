using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;

namespace EPeople.Workflows.Ports;

/// <summary>An instance as loaded: its state and the version its row carries (the optimistic concurrency token).</summary>
/// <param name="State">The state.</param>
/// <param name="Version">The row version to check on commit.</param>
public sealed record StoredInstance(InstanceState State, long Version);

/// <summary>Everything one command writes, in one transaction.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="ExpectedVersion">The row version the command was computed from (null for a start).</param>
/// <param name="State">The new state (null when only the operation and the inbox are recorded).</param>
/// <param name="Delta">Bookmarks, tasks, timers, outbox, history, incidents, inbox changes.</param>
/// <param name="OperationId">The command's operation id, stored uniquely.</param>
/// <param name="Outcome">What the command did, returned to a replay.</param>
public sealed record WorkflowCommit(Guid InstanceId, long? ExpectedVersion, InstanceState? State, ExecutionDelta Delta, string OperationId, CommandOutcome Outcome);

/// <summary>
/// Where the engine's state lives. The implementation must commit a <see cref="WorkflowCommit"/> atomically and
/// throw <see cref="WorkflowConflictException"/> when the instance row's version is no longer
/// <see cref="WorkflowCommit.ExpectedVersion"/> or the operation id was already stored (a concurrent twin).
/// </summary>
public interface IWorkflowStore
{
    /// <summary>The instance, or null.</summary>
    Task<StoredInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>A published (immutable) definition version.</summary>
    Task<WorkflowDefinition> GetDefinitionAsync(string definitionId, int version, CancellationToken cancellationToken);

    /// <summary>Early events kept for a case.</summary>
    Task<IReadOnlyList<InboxEvent>> LoadInboxAsync(string correlationKey, CancellationToken cancellationToken);

    /// <summary>The outcome stored for an operation id, or null when it was never processed.</summary>
    Task<CommandOutcome?> FindOperationAsync(string operationId, CancellationToken cancellationToken);

    /// <summary>Writes a command's state, delta and operation id in one transaction.</summary>
    Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// True while the caller holds a transaction the commit joins (a use case writing its own rows with the engine's).
    /// The runtime then leaves a conflict to the caller instead of re-applying the command: it cannot know what the
    /// caller wrote, and on PostgreSQL a failed statement has already doomed the transaction.
    /// </summary>
    bool InAmbientTransaction => false;
}
