using System.Globalization;
using EPeople.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// Part of the full analytics recompute (<c>analytics recompute</c>, <c>POST /api/v1/analytics/recompute</c>): indexes
/// the petitions that have no similarity signatures — filed before near-duplicate grouping existed, or loaded in bulk —
/// so that the similar-petitions hint and the grouping find them, and groups them by the same rules as a filing (an old
/// repeated petition is still repeated; a withdrawn one joins no group). Batches of 2,000 (<see cref="BatchSize"/>) in petition id
/// order (keyset), one transaction each: a run that stops keeps the batches it committed, and the next run reads only
/// what is still missing, so running it twice changes nothing. Indexed petitions are not regrouped (that is
/// <see cref="RecomputePetitionGroupsCommand"/>). The incremental runs skip the step, as every filing is indexed by its
/// own grouping request and the anti-join would scan every petition each time; but the scheduled job's first run on a
/// database (no daily counts yet: a new or upgraded one) is a full run, so such a database is indexed without anyone asking.
/// </summary>
internal sealed partial class SimilarityBackfillStep(IEPeopleDbContext db, PetitionGrouper grouper, IGroupingLock groupingLock, ILogger<SimilarityBackfillStep> logger)
    : IAfterDailyCountsStep
{
    /// <summary>Petitions per batch, and transaction (tests use fewer).</summary>
    internal int BatchSize { get; init; } = 2000;

    /// <summary>
    /// The most grouping-lock keys a batch holds (a petition that groups takes up to 21): PostgreSQL keeps advisory locks in
    /// a shared table of max_locks_per_transaction × max_connections entries (6,400 by default) that every session uses.
    /// A batch that would need more is rolled back and retried with half as many petitions.
    /// </summary>
    internal int MaxLockKeys { get; init; } = 500;

    public string Name => "similarity";

    public async Task RunAsync(DailyCountsRefreshed refresh, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!refresh.Full)
        {
            return;
        }

        var (indexed, made, size) = (0, 0, BatchSize);
        Guid? after = null;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A concurrent run (another node, the CLI) waits here, then reads only what this one left unindexed.
            await groupingLock.AcquireAsync([PetitionGrouper.IndexingKey], cancellationToken);
            var unindexed = db.Petitions.AsNoTracking().Where(p => !db.PetitionSimilarities.Any(s => s.PetitionId == p.Id));
            if (after is { } last)
            {
                unindexed = unindexed.Where(p => p.Id.CompareTo(last) > 0);
            }

            var batch = await unindexed.OrderBy(p => p.Id).Take(size)
                .Select(p => new PetitionGrouper.Unindexed(p.Id, p.PetitionerId, p.InstitutionCode, p.Title, p.Body, p.Status))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var groups = await grouper.IndexAndGroupAsync(batch, MaxLockKeys, cancellationToken);
            if (groups is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                size = Math.Max(1, batch.Count / 2);
                continue;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            (indexed, made, after) = (indexed + batch.Count, made + groups.Value, batch[^1].Id);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"indexed {indexed:N0} petitions that had no similarity signatures; new groups: {made:N0}"));
            if (batch.Count < size)
            {
                break;
            }

            size = Math.Min(BatchSize, size * 2);
        }

        if (indexed > 0)
        {
            LogBackfilled(logger, indexed, made);
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Indexed {Indexed} petitions that had no similarity signatures; new groups: {Made}")]
    private static partial void LogBackfilled(ILogger logger, int indexed, int made);
}
