namespace EPeople.Application.Workflows;

// The engine's tables (ENGINE.md §4.6). The instance's JSON state is the truth; bookmarks, tasks, timers and the
// inbox are projections written from each command's delta in the same commit, so they can be queried and claimed.

/// <summary>A definition version: a draft (version 0, at most one per definition) or a published, immutable version.</summary>
public sealed class WorkflowDefinitionRecord
{
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Status { get; set; } = "Draft";
    public bool IsLatest { get; set; }
    public string Name { get; set; } = "";
    public string Json { get; set; } = "";
    public string JsonSha256 { get; set; } = "";
    public string SchemaVersion { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

/// <summary>An instance row: its JSON state and the version every command checks.</summary>
public sealed class WorkflowInstanceRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string CorrelationId { get; set; } = "";
    public string Status { get; set; } = "Active";
    public bool HasIncidents { get; set; }
    public string State { get; set; } = "";
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>An open bookmark; deleted when consumed.</summary>
public sealed class WorkflowBookmarkRecord
{
    public string Id { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string NodeId { get; set; } = "";
    public string ActivationId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Hash { get; set; }
    public string? Payload { get; set; }
}

/// <summary>A worklist task (its id is its bookmark's id), with the revision every change checks.</summary>
public sealed class WorkflowTaskRecord
{
    /// <summary>Stored for a task without a due date, so that worklists page on (due_at, id) without NULLs.</summary>
    public static readonly DateTimeOffset NoDueDate = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public string Id { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string CorrelationId { get; set; } = "";

    /// <summary>The instance's workflow, so a worklist can filter by it (one definition per kind of petition) without a join.</summary>
    public string? DefinitionId { get; set; }

    public string NodeId { get; set; } = "";
    public string Kind { get; set; } = "Task";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? InstitutionCode { get; set; }
    public string? Department { get; set; }
    public string? Position { get; set; }
    public string? Assignee { get; set; }
    public string Actions { get; set; } = "[]";
    public bool IsOpen { get; set; }
    public string Status { get; set; } = "Available";
    public int Priority { get; set; }
    public string? FormKey { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? DueExplanationKo { get; set; }
    public string? DueExplanationEn { get; set; }
    public bool Escalated { get; set; }
    public string? ClaimedBy { get; set; }
    public string? Outcome { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long Revision { get; set; }
}

/// <summary>A durable timer, claimed and fired by the timer pump.</summary>
public sealed class WorkflowTimerRecord
{
    public string Id { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string BookmarkId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public DateTimeOffset FireAt { get; set; }
    public string Kind { get; set; } = "";
    public string? DeadlineId { get; set; }
    public string Status { get; set; } = "Pending";
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>An event that arrived before anyone waited for it.</summary>
public sealed class WorkflowInboxRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string CorrelationKey { get; set; } = "";
    public string? Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public Guid? ConsumedBy { get; set; }
}

/// <summary>A processed command, so that a replay of its operation id does nothing.</summary>
public sealed class WorkflowOperationRecord
{
    public string OperationId { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string Outcome { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A node that failed; its token is parked until retried.</summary>
public sealed class WorkflowIncidentRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public string NodeId { get; set; } = "";
    public string TokenId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>Append-only history of an instance.</summary>
public sealed class WorkflowHistoryRecord
{
    public Guid InstanceId { get; set; }
    public long Seq { get; set; }
    public string? NodeId { get; set; }
    public string Event { get; set; } = "";
    public string? Actor { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Data { get; set; }
}
