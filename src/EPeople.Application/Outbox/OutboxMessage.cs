namespace EPeople.Application.Outbox;

/// <summary>
/// A side effect (an e-mail, an SMS, an in-app notice, a webhook, a deferred command) recorded in the same
/// transaction as the change that caused it, and delivered afterwards, at least once, by the dispatcher.
/// <see cref="IdempotencyKey"/> is unique: enqueuing the same effect twice stores it once.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string source, string type, string payload, string idempotencyKey, DateTimeOffset now, Guid? instanceId = null)
    {
        Source = source;
        Type = type;
        Payload = payload;
        IdempotencyKey = idempotencyKey;
        CreatedAt = now;
        NextAttemptAt = now;
        InstanceId = instanceId;
        Status = OutboxStatus.Pending;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>Who wrote it: "application" or "engine".</summary>
    public string Source { get; private set; } = "";

    /// <summary>The workflow instance that produced it, when the engine did.</summary>
    public Guid? InstanceId { get; private set; }

    /// <summary>The channel and message type, e.g. "email"; the dispatcher picks the sender by it.</summary>
    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public string? LastError { get; private set; }

    public void MarkDispatched(DateTimeOffset now)
    {
        Status = OutboxStatus.Dispatched;
        Attempts++;
        DispatchedAt = now;
        LastError = null;
    }

    /// <summary>Records a failed delivery and schedules the next try with exponential back-off, up to <paramref name="maxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Attempts - 1)));
    }
}
