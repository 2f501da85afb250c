using EPeople.Application.Outbox;

namespace EPeople.Infrastructure.Outbox;

/// <summary>
/// Delivers one kind of outbox message (by <see cref="OutboxMessage.Type"/>). Delivery is at least once, so
/// a channel must make a repeat harmless, e.g. by keying on <see cref="OutboxMessage.Id"/>.
/// </summary>
public interface IOutboxChannel
{
    string Type { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
