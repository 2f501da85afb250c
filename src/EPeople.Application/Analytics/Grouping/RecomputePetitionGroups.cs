using EPeople.Application.Abstractions;
using EPeople.Application.Petitions;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// Applies the grouping rules again to every petition filed since a date (all by default), in filing order, as if each
/// were being filed: indexes petitions filed before signatures existed and completes groups after a change of the rules.
/// Running it twice changes nothing the second time. One transaction per petition, so it can stop and resume. (The full
/// analytics recompute only indexes and groups the petitions that have no signatures: <see cref="SimilarityBackfillStep"/>.)
/// </summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record RecomputePetitionGroupsCommand(DateTimeOffset? FiledSince = null) : ICommand<PetitionGroupRecomputedDto>;

internal sealed class RecomputePetitionGroupsCommandHandler(IEPeopleDbContext db, PetitionGrouper grouper)
    : ICommandHandler<RecomputePetitionGroupsCommand, PetitionGroupRecomputedDto>
{
    private const int Batch = 200;

    public async ValueTask<PetitionGroupRecomputedDto> Handle(RecomputePetitionGroupsCommand command, CancellationToken cancellationToken)
    {
        var since = command.FiledSince ?? DateTimeOffset.MinValue;
        var count = 0;
        string? after = null;
        while (true)
        {
            var petitions = db.Petitions.Where(p => p.FiledAt >= since);
            if (PetitionCursor.TryDecode(after, out var at, out var id))
            {
                petitions = petitions.Where(p => p.FiledAt > at || (p.FiledAt == at && p.Id.CompareTo(id) > 0));
            }

            var batch = await petitions.OrderBy(p => p.FiledAt).ThenBy(p => p.Id).Take(Batch).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var petition in batch)
            {
                // One transaction per petition: the grouping lock is held until its commit, as in the grouping job.
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    await grouper.RegroupAsync(petition, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                db.ChangeTracker.Clear();
                count++;
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = PetitionCursor.Encode(batch[^1].FiledAt, batch[^1].Id);
        }

        return new PetitionGroupRecomputedDto(count, await db.PetitionGroups.CountAsync(cancellationToken));
    }
}
