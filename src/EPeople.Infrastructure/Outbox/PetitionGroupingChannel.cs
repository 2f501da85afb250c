using EPeople.Application.Analytics.Grouping;
using EPeople.Application.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Infrastructure.Outbox;

/// <summary>
/// Delivers the grouping requests filings put in the outbox: the petition is grouped in a DI scope of its own, so its
/// transaction and grouping lock are apart from the dispatcher's context. The dispatch job runs on one node at a time,
/// so requests are grouped one after another; the lock still guards against a recompute or backfill running beside it.
/// </summary>
internal sealed class PetitionGroupingChannel(IServiceScopeFactory scopes) : IOutboxChannel
{
    public string Type => PetitionGrouper.GroupingMessageType;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PetitionGrouper>().GroupFiledAsync(Guid.Parse(message.Payload), cancellationToken);
    }
}
