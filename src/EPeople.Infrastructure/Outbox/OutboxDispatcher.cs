using EPeople.Application.Outbox;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EPeople.Infrastructure.Outbox;

/// <summary>
/// Delivers due outbox messages through their channels, recording each outcome as it goes so that one bad
/// message neither blocks nor undoes the others. A failure is retried with back-off, up to <see cref="MaxAttempts"/>.
/// Messages of a channel that delivers in batches (<see cref="IOutboxBatchChannel"/>) go together, with one save.
/// </summary>
public sealed partial class OutboxDispatcher(
    EPeopleDbContext db, IEnumerable<IOutboxChannel> channels, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 8;

    /// <summary>Delivers up to <paramref name="batchSize"/> due messages; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        var oneByOne = new List<OutboxMessage>();
        foreach (var ofType in due.GroupBy(m => m.Type))
        {
            var messages = ofType.ToList();
            if (channels.FirstOrDefault(c => c.Type == ofType.Key) is IOutboxBatchChannel batchChannel && messages.Count > 1)
            {
                try
                {
                    await batchChannel.DeliverAsync(messages, cancellationToken);
                    var at = clock.GetUtcNow();
                    messages.ForEach(m => m.MarkDispatched(at));
                    await db.SaveChangesAsync(cancellationToken);
                    delivered += messages.Count;
                    continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // All or nothing failed: one by one below, so that the bad message is found and the others still go.
                    LogBatchFailed(logger, ex, ofType.Key, messages.Count);
                }
            }

            oneByOne.AddRange(messages);
        }

        foreach (var message in oneByOne)
        {
            var channel = channels.FirstOrDefault(c => c.Type == message.Type);
            try
            {
                if (channel is null)
                {
                    throw new InvalidOperationException($"No channel delivers outbox messages of type '{message.Type}'.");
                }

                await channel.DeliverAsync(message, cancellationToken);
                message.MarkDispatched(clock.GetUtcNow());
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, ex, message.Id, message.Type, message.Attempts + 1);
                message.MarkFailed(ex.Message, clock.GetUtcNow(), MaxAttempts);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return delivered;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "A batch of {Count} outbox messages ({Type}) failed; delivering them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string type, int count);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning,
        Message = "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, Guid messageId, string type, int attempt);
}
