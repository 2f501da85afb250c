using EPeople.Application.Outbox;

namespace EPeople.Infrastructure.Outbox;

/// <summary>
/// A channel that can deliver many due messages of its type at once, in one transaction of its own, where delivering them
/// one by one would cost a commit each. All or nothing: when the batch fails, the dispatcher delivers its messages one by
/// one, so that one bad message has its failure recorded and the others still go.
/// </summary>
public interface IOutboxBatchChannel : IOutboxChannel
{
    Task DeliverAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}
