using EPeople.Application.Workflows;
using System.Collections.Concurrent;
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

    public async Task<StoredInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var row = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Id == instanceId)
            .Select(i => new { i.State, i.Version })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredInstance(InstanceStateSerializer.Deserialize(row.State), row.Version);
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
            WriteInstance(commit, now);
            await WriteProjectionsAsync(commit, now, cancellationToken);
            db.WorkflowOperations.Add(new WorkflowOperationRecord
            {
                OperationId = commit.OperationId, InstanceId = commit.InstanceId, Outcome = commit.Outcome.ToString(), CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        catch (WorkflowConflictException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            throw new WorkflowConflictException($"Another command committed on instance {commit.InstanceId} first (or operation {commit.OperationId} was already stored).", ex);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private void WriteInstance(WorkflowCommit commit, DateTimeOffset now)
    {
        if (commit.State is not { } state)
        {
            return;
        }

        var json = InstanceStateSerializer.Serialize(state);
        var status = state.Status.ToString();
        DateTimeOffset? completedAt = state.Status == InstanceStatus.Active ? null : now;
        if (commit.ExpectedVersion is not { } expected)
        {
            db.WorkflowInstances.Add(new WorkflowInstanceRecord
            {
                Id = commit.InstanceId, DefinitionId = state.DefinitionId, DefinitionVersion = state.DefinitionVersion,
                CorrelationId = state.CorrelationId, Status = status, HasIncidents = state.HasIncidents, State = json,
                Version = 1, CreatedAt = now, UpdatedAt = now, CompletedAt = completedAt,
            });
            return;
        }

        // Written in the same batch as the projections: UPDATE … WHERE id = @id AND version = @expected, so a command
        // computed from an older state fails as a concurrency conflict instead of overwriting.
        var row = new WorkflowInstanceRecord { Id = commit.InstanceId, Version = expected };
        db.WorkflowInstances.Attach(row);
        row.State = json;
        row.Status = status;
        row.HasIncidents = state.HasIncidents;
        row.DefinitionVersion = state.DefinitionVersion;
        row.UpdatedAt = now;
        row.CompletedAt = completedAt;
        row.Version = expected + 1;
        var entry = db.Entry(row);
        foreach (var property in new[] { nameof(row.State), nameof(row.Status), nameof(row.HasIncidents), nameof(row.DefinitionVersion), nameof(row.UpdatedAt), nameof(row.CompletedAt), nameof(row.Version) })
        {
            entry.Property(property).IsModified = true;
        }
    }

    private async Task WriteProjectionsAsync(WorkflowCommit commit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var delta = commit.Delta;

        // Something created and removed within the same command never reaches the tables.
        var bookmarksAdded = delta.BookmarksAdded.Where(b => !delta.BookmarksRemoved.Contains(b.Id)).ToList();
        var bookmarksRemoved = delta.BookmarksRemoved.Where(id => delta.BookmarksAdded.TrueForAll(b => b.Id != id)).ToList();
        var tasksCreated = delta.TasksCreated.Where(t => delta.TasksClosed.TrueForAll(c => c.TaskId != t.Id)).ToList();
        var tasksClosed = delta.TasksClosed.Where(c => delta.TasksCreated.TrueForAll(t => t.Id != c.TaskId)).ToList();
        var timersAdded = delta.TimersCreated.Where(t => !delta.TimersRemoved.Contains(t.Id)).ToList();
        var timersRemoved = delta.TimersRemoved.Where(id => delta.TimersCreated.TrueForAll(t => t.Id != id)).ToList();

        // Deleted in the SaveChanges batch (one round trip with the inserts); a missing row is a conflict.
        db.WorkflowBookmarks.RemoveRange(bookmarksRemoved.Select(id => new WorkflowBookmarkRecord { Id = id }));
        db.WorkflowTimers.RemoveRange(timersRemoved.Select(id => new WorkflowTimerRecord { Id = id }));

        foreach (var (taskId, closure, action) in tasksClosed)
        {
            var status = closure.ToString();
            await db.WorkflowTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.IsOpen, false)
                .SetProperty(t => t.Status, status)
                .SetProperty(t => t.Outcome, action)
                .SetProperty(t => t.ClosedAt, now)
                .SetProperty(t => t.Revision, t => t.Revision + 1), cancellationToken);
        }

        foreach (var update in delta.TasksUpdated.Where(u => tasksClosed.TrueForAll(c => c.TaskId != u.TaskId)))
        {
            await db.WorkflowTasks.Where(t => t.Id == update.TaskId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.InstitutionCode, t => update.Institution ?? t.InstitutionCode)
                .SetProperty(t => t.Department, t => update.Department ?? t.Department)
                .SetProperty(t => t.Position, t => update.Position ?? t.Position)
                .SetProperty(t => t.Assignee, t => update.Assignee ?? t.Assignee)
                .SetProperty(t => t.Escalated, t => t.Escalated || update.Escalated)
                .SetProperty(t => t.Revision, t => t.Revision + 1), cancellationToken);
        }

        if (delta.IncidentsResolved.Count > 0)
        {
            await db.WorkflowIncidents
                .Where(i => i.InstanceId == commit.InstanceId && i.ResolvedAt == null && delta.IncidentsResolved.Contains(i.TokenId))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, now), cancellationToken);
        }

        if (delta.InboxConsumed.Count > 0)
        {
            await db.WorkflowInbox.Where(e => delta.InboxConsumed.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ConsumedBy, commit.InstanceId), cancellationToken);
        }

        var correlation = commit.State?.CorrelationId ?? "";
        db.WorkflowBookmarks.AddRange(bookmarksAdded.Select(b => new WorkflowBookmarkRecord
        {
            Id = b.Id, InstanceId = commit.InstanceId, NodeId = b.NodeId, ActivationId = b.ActivationId,
            Kind = b.Kind.ToString(), Hash = b.Hash, Payload = b.Payload?.ToJsonString(),
        }));
        db.WorkflowTasks.AddRange(tasksCreated.Select(t => new WorkflowTaskRecord
        {
            Id = t.Id, InstanceId = commit.InstanceId, CorrelationId = correlation, NodeId = t.NodeId, Kind = t.Kind.ToString(),
            Title = t.Title, Description = t.Description, InstitutionCode = t.Institution, Department = t.Department,
            Position = t.Position, Assignee = t.Assignee, Actions = JsonSerializer.Serialize(t.Actions), IsOpen = true,
            Status = "Available", Priority = t.Priority, FormKey = t.FormKey, DueAt = t.DueAt ?? WorkflowTaskRecord.NoDueDate,
            DueExplanationKo = t.DueExplanationKo, DueExplanationEn = t.DueExplanationEn, CreatedAt = now, Revision = 1,
        }));
        db.WorkflowTimers.AddRange(timersAdded.Select(t => new WorkflowTimerRecord
        {
            Id = t.Id, InstanceId = commit.InstanceId, BookmarkId = t.BookmarkId, NodeId = t.NodeId, FireAt = t.FireAt,
            Kind = t.Kind.ToString(), DeadlineId = t.DeadlineId, Status = "Pending",
        }));
        db.OutboxMessages.AddRange(delta.Outbox.Select(o => new OutboxMessage("engine", o.Type, o.Payload.ToJsonString(), o.IdempotencyKey, now, commit.InstanceId)));
        db.WorkflowHistory.AddRange(delta.History.Select(h => new WorkflowHistoryRecord
        {
            InstanceId = commit.InstanceId, Seq = h.Seq, NodeId = h.NodeId, Event = h.Event, Actor = h.Actor, At = h.At, Data = h.Data?.ToJsonString(),
        }));
        db.WorkflowIncidents.AddRange(delta.Incidents.Select(i => new WorkflowIncidentRecord
        {
            InstanceId = commit.InstanceId, NodeId = i.NodeId, TokenId = i.TokenId, Kind = i.Kind, Message = i.Message.Length > 2000 ? i.Message[..2000] : i.Message, CreatedAt = now,
        }));
        if (delta.InboxAdded is { } early)
        {
            db.WorkflowInbox.Add(new WorkflowInboxRecord
            {
                Id = early.EventId, Name = early.Name, CorrelationKey = early.CorrelationKey, Payload = early.Payload?.ToJsonString(),
                ReceivedAt = now, ExpiresAt = now.AddDays(30),
            });
        }
    }
}
