using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;

namespace EPeople.Workflows.UnitTests.Runtime;

/// <summary>
/// A test double of the store port with the two guarantees the real store gets from the database: a commit fails
/// when the instance version moved, and an operation id is stored once. (The EF store is tested on real databases.)
/// </summary>
internal sealed class InMemoryWorkflowStore(WorkflowDefinition definition) : IWorkflowStore
{
    private readonly Dictionary<Guid, (string State, long Version)> _instances = [];
    private readonly Dictionary<string, CommandOutcome> _operations = [];

    public List<WorkflowCommit> Commits { get; } = [];

    /// <summary>Runs once just before the next commit is checked: simulates another node committing first.</summary>
    public Action? BeforeNextCommit { get; set; }

    /// <summary>How many times an instance or an inbox was read.</summary>
    public int Reads { get; private set; }

    public Task<StoredInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(++Reads > 0 && _instances.TryGetValue(instanceId, out var row)
            ? new StoredInstance(InstanceStateSerializer.Deserialize(row.State), row.Version)
            : null);

    public Task<WorkflowDefinition> GetDefinitionAsync(string definitionId, int version, CancellationToken cancellationToken) => Task.FromResult(definition);

    public Task<IReadOnlyList<InboxEvent>> LoadInboxAsync(string correlationKey, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<InboxEvent>>([]);
    }

    public Task<CommandOutcome?> FindOperationAsync(string operationId, CancellationToken cancellationToken) =>
        Task.FromResult(_operations.TryGetValue(operationId, out var outcome) ? outcome : (CommandOutcome?)null);

    public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken)
    {
        var interfere = BeforeNextCommit;
        BeforeNextCommit = null;
        interfere?.Invoke();
        var current = _instances.TryGetValue(commit.InstanceId, out var row) ? row.Version : (long?)null;
        if (current != commit.ExpectedVersion || _operations.ContainsKey(commit.OperationId))
        {
            throw new WorkflowConflictException($"Instance {commit.InstanceId} is at version {current}, not {commit.ExpectedVersion}.");
        }

        _operations[commit.OperationId] = commit.Outcome;
        if (commit.State is not null)
        {
            _instances[commit.InstanceId] = (InstanceStateSerializer.Serialize(commit.State), (current ?? 0) + 1);
        }

        Commits.Add(commit);
        return Task.CompletedTask;
    }

    /// <summary>Bumps the stored version as if another command had committed.</summary>
    public void Touch(Guid instanceId)
    {
        var row = _instances[instanceId];
        _instances[instanceId] = (row.State, row.Version + 1);
    }
}
