using EPeople.Application.Analytics.Grouping;
using EPeople.Application.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Infrastructure.Outbox;

/// <summary>
/// Delivers the grouping requests filings put in the outbox: the petitions are indexed and grouped in a DI scope of their
/// own, so their transaction and grouping lock are apart from the dispatcher's context. The dispatch job runs on one node
/// at a time, so batches are grouped one after another; the lock still guards against a recompute or backfill beside it.
/// A batch is one transaction (a commit per petition let the job group only a third as fast as people file at peak).
/// </summary>
internal sealed class PetitionGroupingChannel(IServiceScopeFactory scopes) : IOutboxBatchChannel
{
    /// <summary>
    /// The most grouping-lock keys one batch holds (a petition of content already filed takes up to 21), as in the backfill:
    /// PostgreSQL keeps advisory locks in a small table shared by every session. A batch that needs more is halved.
    /// </summary>
    internal int MaxLockKeys { get; init; } = 500;

    public string Type => PetitionGrouper.GroupingMessageType;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) => DeliverAsync([message], cancellationToken);

    public async Task DeliverAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var pending = new Stack<Guid[]>();
        pending.Push([.. messages.Select(m => Guid.Parse(m.Payload))]);
        while (pending.TryPop(out var ids))
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<PetitionGrouper>().GroupFiledAsync(ids, MaxLockKeys, cancellationToken))
            {
                var half = ids.Length / 2; // one petition always proceeds, so this ends
                pending.Push(ids[half..]);
                pending.Push(ids[..half]);
            }
        }
    }
}
