using EPeople.Application.Workflows;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using EPeople.Application.Outbox;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Infrastructure.Workflows;

/// <summary>
/// The engine's store on EF Core (SQLite, PostgreSQL, SQL Server). A command's state, projections, outbox rows,
/// history and operation id are written in one transaction; the instance row is updated only where its version
/// is still the one the command was computed from, and the operation id is a primary key, so a concurrent twin
/// or a stale command fails with <see cref="WorkflowConflictException"/> and changes nothing.
/// </summary>
internal sealed class EfWorkflowStore(EPeopleDbContext db, TimeProvider clock) : IWorkflowStore
{
    // Published versions never change, so they are cached for the life of the process.
    private static readonly ConcurrentDictionary<(string, int), WorkflowDefinition> Definitions = new();

    public bool InAmbientTransaction => db.Database.CurrentTransaction is not null;

    public async Task<StoredInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        // The connection stays open for the commit that follows (one rent from the pool per command), and the row is
        // read with a plain command: a LINQ query costs several times the read itself in CPU on this hot path.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var read = new WriteBatch(db);
        var sql = $"SELECT {read.Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.State))}, {read.Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Version))} " +
                  $"FROM {read.Table<WorkflowInstanceRecord>()} WHERE {read.Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id))} = {read.Value<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instanceId)}";
        return await read.QuerySingleAsync(sql, r => new StoredInstance(InstanceStateSerializer.Deserialize(r.GetString(0)), r.GetInt64(1)), cancellationToken);
    }

    public async Task<WorkflowDefinition> GetDefinitionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        if (Definitions.TryGetValue((definitionId, version), out var cached))
        {
            return cached;
        }

        var json = await db.WorkflowDefinitions.AsNoTracking()
                       .Where(d => d.DefinitionId == definitionId && d.Version == version && d.Status != "Draft")
                       .Select(d => d.Json)
                       .SingleOrDefaultAsync(cancellationToken)
                   ?? throw new KeyNotFoundException($"Definition {definitionId} version {version} is not published.");
        var definition = DefinitionSerializer.Deserialize(json) with { Version = version };
        return Definitions.GetOrAdd((definitionId, version), definition);
    }

    public async Task<IReadOnlyList<InboxEvent>> LoadInboxAsync(string correlationKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.WorkflowInbox.AsNoTracking()
            .Where(e => e.CorrelationKey == correlationKey && e.ConsumedBy == null && e.ExpiresAt > now)
            .OrderBy(e => e.ReceivedAt)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => new InboxEvent(e.Id, e.Name, e.CorrelationKey, e.Payload is null ? null : JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(e.Payload)))];
    }

    public async Task<CommandOutcome?> FindOperationAsync(string operationId, CancellationToken cancellationToken)
    {
        var outcome = await db.WorkflowOperations.AsNoTracking()
            .Where(o => o.OperationId == operationId).Select(o => o.Outcome).SingleOrDefaultAsync(cancellationToken);
        return outcome is null ? null : Enum.Parse<CommandOutcome>(outcome);
    }

    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (db.ChangeTracker.HasChanges())
            {
                // Whatever the calling use case changed through EF goes first, in the same transaction.
                await db.SaveChangesAsync(cancellationToken);
            }

            if (commit.State is not null && commit.ExpectedVersion is { } expected)
            {
                // UPDATE … WHERE id = @id AND version = @expected: a command computed from an older state changes nothing.
                var update = new WriteBatch(db);
                UpdateInstance(update, commit, commit.State, expected, now);
                if (await update.ExecuteAsync(cancellationToken) != 1)
                {
                    throw new WorkflowConflictException($"Another command committed on instance {commit.InstanceId} first.");
                }
            }

            var batch = new WriteBatch(db);
            if (commit.State is not null && commit.ExpectedVersion is null)
            {
                batch.Insert([NewInstance(commit, commit.State, now)]);
            }

            WriteProjections(batch, commit, now);
            batch.Insert([new WorkflowOperationRecord
            {
                OperationId = commit.OperationId, InstanceId = commit.InstanceId, Outcome = commit.Outcome.ToString(), CreatedAt = now,
            }]);
            await batch.ExecuteAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            // The operation id or the new instance's id is already stored: a replay or a concurrent twin.
            throw new WorkflowConflictException($"Operation {commit.OperationId} or instance {commit.InstanceId} is already stored.", ex);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            throw new WorkflowConflictException($"Another command committed on instance {commit.InstanceId} first.", ex);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private static WorkflowInstanceRecord NewInstance(WorkflowCommit commit, InstanceState state, DateTimeOffset now) => new()
    {
        Id = commit.InstanceId, DefinitionId = state.DefinitionId, DefinitionVersion = state.DefinitionVersion,
        CorrelationId = state.CorrelationId, Status = state.Status.ToString(), HasIncidents = state.HasIncidents,
        State = InstanceStateSerializer.Serialize(state), Version = 1, CreatedAt = now, UpdatedAt = now,
        CompletedAt = state.Status == InstanceStatus.Active ? null : now,
    };

    private static void UpdateInstance(WriteBatch update, WorkflowCommit commit, InstanceState state, long expected, DateTimeOffset now)
    {
        DateTimeOffset? completedAt = state.Status == InstanceStatus.Active ? null : now;
        update.Statement($"UPDATE {update.Table<WorkflowInstanceRecord>()} SET " +
            $"{Set(update, nameof(WorkflowInstanceRecord.State), InstanceStateSerializer.Serialize(state))}, " +
            $"{Set(update, nameof(WorkflowInstanceRecord.Status), state.Status.ToString())}, " +
            $"{Set(update, nameof(WorkflowInstanceRecord.HasIncidents), state.HasIncidents)}, " +
            $"{Set(update, nameof(WorkflowInstanceRecord.DefinitionVersion), state.DefinitionVersion)}, " +
            $"{Set(update, nameof(WorkflowInstanceRecord.UpdatedAt), now)}, " +
            $"{Set(update, nameof(WorkflowInstanceRecord.CompletedAt), completedAt)}, " +
            $"{Set(update, nameof(WorkflowInstanceRecord.Version), expected + 1)} " +
            $"WHERE {update.Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id))} = {update.Value<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), commit.InstanceId)} " +
            $"AND {update.Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Version))} = {update.Value<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Version), expected)}");
    }

    private static string Set(WriteBatch batch, string property, object? value) =>
        $"{batch.Column<WorkflowInstanceRecord>(property)} = {batch.Value<WorkflowInstanceRecord>(property, value)}";

    private static void WriteProjections(WriteBatch batch, WorkflowCommit commit, DateTimeOffset now)
    {
        var delta = commit.Delta;

        // Something created and removed within the same command never reaches the tables.
        var bookmarksAdded = delta.BookmarksAdded.Where(b => !delta.BookmarksRemoved.Contains(b.Id)).ToList();
        var bookmarksRemoved = delta.BookmarksRemoved.Where(id => delta.BookmarksAdded.TrueForAll(b => b.Id != id)).ToList();
        var tasksCreated = delta.TasksCreated.Where(t => delta.TasksClosed.TrueForAll(c => c.TaskId != t.Id)).ToList();
        var tasksClosed = delta.TasksClosed.Where(c => delta.TasksCreated.TrueForAll(t => t.Id != c.TaskId)).ToList();
        var timersAdded = delta.TimersCreated.Where(t => !delta.TimersRemoved.Contains(t.Id)).ToList();
        var timersRemoved = delta.TimersRemoved.Where(id => delta.TimersCreated.TrueForAll(t => t.Id != id)).ToList();

        DeleteByKey<WorkflowBookmarkRecord>(batch, nameof(WorkflowBookmarkRecord.Id), bookmarksRemoved);
        DeleteByKey<WorkflowTimerRecord>(batch, nameof(WorkflowTimerRecord.Id), timersRemoved);

        var task = batch.Table<WorkflowTaskRecord>();
        string TaskColumn(string property) => batch.Column<WorkflowTaskRecord>(property);
        string TaskSet(string property, object? value) => $"{TaskColumn(property)} = {batch.Value<WorkflowTaskRecord>(property, value)}";
        var revision = TaskColumn(nameof(WorkflowTaskRecord.Revision));
        foreach (var (taskId, closure, action) in tasksClosed)
        {
            batch.Statement($"UPDATE {task} SET {TaskSet(nameof(WorkflowTaskRecord.IsOpen), false)}, {TaskSet(nameof(WorkflowTaskRecord.Status), closure.ToString())}, " +
                $"{TaskSet(nameof(WorkflowTaskRecord.Outcome), action)}, {TaskSet(nameof(WorkflowTaskRecord.ClosedAt), now)}, {revision} = {revision} + 1 " +
                $"WHERE {TaskSet(nameof(WorkflowTaskRecord.Id), taskId)}");
        }

        foreach (var update in delta.TasksUpdated.Where(u => tasksClosed.TrueForAll(c => c.TaskId != u.TaskId)))
        {
            var sets = new List<string>();
            void SetIfGiven(string property, string? value)
            {
                if (value is not null)
                {
                    sets.Add(TaskSet(property, value));
                }
            }

            SetIfGiven(nameof(WorkflowTaskRecord.InstitutionCode), update.Institution);
            SetIfGiven(nameof(WorkflowTaskRecord.Department), update.Department);
            SetIfGiven(nameof(WorkflowTaskRecord.Position), update.Position);
            SetIfGiven(nameof(WorkflowTaskRecord.Assignee), update.Assignee);
            if (update.Escalated)
            {
                sets.Add(TaskSet(nameof(WorkflowTaskRecord.Escalated), true));
            }

            if (update.Due is { } due)
            {
                sets.Add(TaskSet(nameof(WorkflowTaskRecord.DueAt), due.At ?? WorkflowTaskRecord.NoDueDate));
                sets.Add(TaskSet(nameof(WorkflowTaskRecord.DueExplanationKo), due.ExplanationKo));
                sets.Add(TaskSet(nameof(WorkflowTaskRecord.DueExplanationEn), due.ExplanationEn));
            }

            sets.Add($"{revision} = {revision} + 1");
            batch.Statement($"UPDATE {task} SET {string.Join(", ", sets)} WHERE {TaskSet(nameof(WorkflowTaskRecord.Id), update.TaskId)}");
        }

        if (delta.IncidentsResolved.Count > 0)
        {
            string Column(string property) => batch.Column<WorkflowIncidentRecord>(property);
            batch.Statement($"UPDATE {batch.Table<WorkflowIncidentRecord>()} SET {Column(nameof(WorkflowIncidentRecord.ResolvedAt))} = {batch.Value<WorkflowIncidentRecord>(nameof(WorkflowIncidentRecord.ResolvedAt), now)} " +
                $"WHERE {Column(nameof(WorkflowIncidentRecord.InstanceId))} = {batch.Value<WorkflowIncidentRecord>(nameof(WorkflowIncidentRecord.InstanceId), commit.InstanceId)} " +
                $"AND {Column(nameof(WorkflowIncidentRecord.ResolvedAt))} IS NULL " +
                $"AND {Column(nameof(WorkflowIncidentRecord.TokenId))} IN {batch.Values<WorkflowIncidentRecord>(nameof(WorkflowIncidentRecord.TokenId), delta.IncidentsResolved)}");
        }

        if (delta.InboxConsumed.Count > 0)
        {
            batch.Statement($"UPDATE {batch.Table<WorkflowInboxRecord>()} SET {batch.Column<WorkflowInboxRecord>(nameof(WorkflowInboxRecord.ConsumedBy))} = {batch.Value<WorkflowInboxRecord>(nameof(WorkflowInboxRecord.ConsumedBy), commit.InstanceId)} " +
                $"WHERE {batch.Column<WorkflowInboxRecord>(nameof(WorkflowInboxRecord.Id))} IN {batch.Values<WorkflowInboxRecord>(nameof(WorkflowInboxRecord.Id), delta.InboxConsumed)}");
        }

        var correlation = commit.State?.CorrelationId ?? "";
        batch.Insert(bookmarksAdded.ConvertAll(b => new WorkflowBookmarkRecord
        {
            Id = b.Id, InstanceId = commit.InstanceId, NodeId = b.NodeId, ActivationId = b.ActivationId,
            Kind = b.Kind.ToString(), Hash = b.Hash, Payload = b.Payload?.ToJsonString(),
        }));
        batch.Insert(tasksCreated.ConvertAll(t => new WorkflowTaskRecord
        {
            Id = t.Id, InstanceId = commit.InstanceId, CorrelationId = correlation, DefinitionId = commit.State?.DefinitionId, NodeId = t.NodeId, Kind = t.Kind.ToString(),
            Title = t.Title, Description = t.Description, InstitutionCode = t.Institution, Department = t.Department,
            Position = t.Position, Assignee = t.Assignee, Actions = JsonSerializer.Serialize(t.Actions), IsOpen = true,
            Status = "Available", Priority = t.Priority, FormKey = t.FormKey, DueAt = t.DueAt ?? WorkflowTaskRecord.NoDueDate,
            DueExplanationKo = t.DueExplanationKo, DueExplanationEn = t.DueExplanationEn, CreatedAt = now, Revision = 1,
        }));
        batch.Insert(timersAdded.ConvertAll(t => new WorkflowTimerRecord
        {
            Id = t.Id, InstanceId = commit.InstanceId, BookmarkId = t.BookmarkId, NodeId = t.NodeId, FireAt = t.FireAt,
            Kind = t.Kind.ToString(), DeadlineId = t.DeadlineId, Status = "Pending",
        }));
        batch.Insert(delta.Outbox.ConvertAll(o => new OutboxMessage("engine", o.Type, o.Payload.ToJsonString(), o.IdempotencyKey, now, commit.InstanceId)));
        batch.Insert(delta.History.ConvertAll(h => new WorkflowHistoryRecord
        {
            InstanceId = commit.InstanceId, Seq = h.Seq, NodeId = h.NodeId, Event = h.Event, Actor = h.Actor, At = h.At, Data = h.Data?.ToJsonString(),
        }));
        batch.Insert(delta.Incidents.ConvertAll(i => new WorkflowIncidentRecord
        {
            InstanceId = commit.InstanceId, NodeId = i.NodeId, TokenId = i.TokenId, Kind = i.Kind, Message = i.Message.Length > 2000 ? i.Message[..2000] : i.Message, CreatedAt = now,
        }));
        if (delta.InboxAdded is { } early)
        {
            batch.Insert([new WorkflowInboxRecord
            {
                Id = early.EventId, Name = early.Name, CorrelationKey = early.CorrelationKey, Payload = early.Payload?.ToJsonString(),
                ReceivedAt = now, ExpiresAt = now.AddDays(30),
            }]);
        }
    }

    private static void DeleteByKey<TEntity>(WriteBatch batch, string key, List<string> ids)
    {
        if (ids.Count > 0)
        {
            batch.Statement($"DELETE FROM {batch.Table<TEntity>()} WHERE {batch.Column<TEntity>(key)} IN {batch.Values<TEntity>(key, ids)}");
        }
    }
}
