namespace EPeople.Domain.Auditing;

/// <summary>One recorded change: who did what to which record, when, from where, with the values before and after.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(
        DateTimeOffset occurredAt,
        Guid? actorId,
        string actorName,
        string? ipAddress,
        string entityType,
        string entityId,
        string aggregateId,
        AuditAction action,
        string? before,
        string? after)
    {
        OccurredAt = occurredAt;
        ActorId = actorId;
        ActorName = actorName;
        IpAddress = ipAddress;
        EntityType = entityType;
        EntityId = entityId;
        AggregateId = aggregateId;
        Action = action;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? IpAddress { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";

    /// <summary>The id of the aggregate the entity belongs to (its own id for a root), to show one trail per aggregate.</summary>
    public string AggregateId { get; private set; } = "";

    public AuditAction Action { get; private set; }

    /// <summary>JSON object of the changed properties before the change (null when created).</summary>
    public string? Before { get; private set; }

    /// <summary>JSON object of the changed properties after the change (null when deleted).</summary>
    public string? After { get; private set; }
}
