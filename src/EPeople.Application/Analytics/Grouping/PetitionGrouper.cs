using EPeople.Application.Abstractions;
using EPeople.Application.Analytics.Similarity;
using EPeople.Application.Outbox;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// Applies <see cref="GroupingRules"/> to a petition: its signatures are indexed, the earlier petitions of the same
/// content found through the band index, and the groups it makes created or joined. Everything is only tracked: the
/// caller's one commit (the grouping request's delivery, or the recompute's save) writes it, so a petition is never
/// saved half-grouped.
/// </summary>
/// <remarks>
/// Two filings of the same content in flight at once would each read the earlier petitions without the other, and each
/// make the group (two groups of one kind for one cluster), or neither make the group that the second would have made.
/// So the reads wait, in the caller's transaction, for a lock held until commit (<see cref="IGroupingLock"/>), keyed on
/// what a group's members share (<see cref="LockKeys"/>): the petitioner, since every repeated or duplicate group is one
/// person's; and each content band key at the institution, since two petitions are candidates of each other only when
/// they share a band key, and a mass group is one institution's. The later filing then sees the earlier one and its
/// groups. Filings of different content by different people take different keys and never wait for each other: one lock
/// per institution would queue most filings behind one another (the triage desk receives every filing not routed
/// automatically), and a unique index cannot say "the same content", while retrying a whole filing costs more than a
/// short wait. Not covered: two filings that share no band key with each other but each match a third petition
/// (similarity is not transitive) may still each start a mass group; the recompute leaves such pairs as they are.
/// </remarks>
internal sealed class PetitionGrouper(IEPeopleDbContext db, SimilarityIndex index, IGroupingLock groupingLock, TimeProvider clock)
{
    /// <summary>Taken first by whatever indexes petitions (the grouping job, the backfill, the recompute), so two of them never index one petition twice.</summary>
    public static readonly long IndexingKey = Key("similarity-indexing");

    /// <summary>A petition read for the backfill.</summary>
    public sealed record Unindexed(Guid Id, Guid PetitionerId, string InstitutionCode, string Title, string? Body, PetitionStatus Status);

    /// <summary>The outbox message type that asks for a filed petition to be grouped (<see cref="GroupFiledAsync"/>).</summary>
    public const string GroupingMessageType = "petition-grouping";

    /// <summary>
    /// At filing, inside the filing's transaction: put the request to index and group the new (not yet saved) petition in
    /// the outbox, written by the same commit. Indexing and grouping happen seconds later, one petition at a time
    /// (<see cref="GroupFiledAsync"/>). Inside the filing, grouping took the lock and read the candidates on every filing's
    /// path (two thirds of filing's throughput, and identical filings waited for each other); indexing alone still wrote
    /// two signatures and forty band keys with every filing, doubling its WAL. A filing now writes one row for both.
    /// </summary>
    public void OnFiled(Petition petition, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage(GroupingSource, GroupingMessageType, petition.Id.ToString(), $"group:{petition.Id:N}", now));

    /// <summary>The outbox source of grouping requests (the notices are <c>application</c>'s).</summary>
    public const string GroupingSource = "grouping";

    /// <summary>
    /// Indexes and groups a filed petition, in a transaction of its own (the outbox dispatcher's delivery of the request):
    /// under the grouping lock, by the same rules as the recompute. At least once, and harmless when repeated: a petition already in
    /// its groups joins nothing twice. A petition withdrawn meanwhile, or gone, is left alone.
    /// </summary>
    public async Task GroupFiledAsync(Guid petitionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var petition = await db.Petitions.SingleOrDefaultAsync(p => p.Id == petitionId, cancellationToken);
        if (petition is not null)
        {
            await RegroupAsync(petition, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Indexes and groups many filed petitions in one transaction (the outbox dispatcher's delivery of a batch of requests):
    /// one commit for the batch instead of one per petition, by the same rules and under the same locks as the backfill
    /// (<see cref="IndexAndGroupAsync"/>), so the grouping job keeps up with filing. Returns false, having written nothing,
    /// when the batch would need more than <paramref name="maxLockKeys"/> grouping-lock keys: the caller splits it. A
    /// request delivered again, for a petition already indexed, is grouped again in a transaction of its own
    /// (<see cref="GroupFiledAsync(Guid, CancellationToken)"/>), joining nothing twice; one gone is left alone.
    /// </summary>
    public async Task<bool> GroupFiledAsync(IReadOnlyCollection<Guid> petitionIds, int maxLockKeys, CancellationToken cancellationToken)
    {
        var ids = petitionIds.Distinct().ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Taken before reading which are unindexed, so the backfill (which holds it too) cannot index one of them meanwhile.
            await groupingLock.AcquireAsync([IndexingKey], cancellationToken);
            var unindexed = await db.Petitions.AsNoTracking()
                .Where(p => ids.Contains(p.Id) && !db.PetitionSimilarities.Any(s => s.PetitionId == p.Id))
                .OrderBy(p => p.FiledAt).ThenBy(p => p.Id) // the order they were filed in
                .Select(p => new Unindexed(p.Id, p.PetitionerId, p.InstitutionCode, p.Title, p.Body, p.Status))
                .ToListAsync(cancellationToken);
            if (unindexed.Count > 0 && await IndexAndGroupAsync(unindexed, maxLockKeys, cancellationToken) is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            ids.RemoveAll(id => unindexed.Exists(p => p.Id == id));
        }

        foreach (var indexed in ids) // delivered before: regrouping finds the groups it is in
        {
            await GroupFiledAsync(indexed, cancellationToken);
        }

        return true;
    }

    /// <summary>For the recompute, inside the caller's transaction (one per petition): group a petition again, indexing it first if it never was.</summary>
    public async Task RegroupAsync(Petition petition, CancellationToken cancellationToken)
    {
        var signature = await db.PetitionSimilarities.Where(s => s.PetitionId == petition.Id).Select(s => s.ContentSignature).SingleOrDefaultAsync(cancellationToken);
        if (signature is null)
        {
            await groupingLock.AcquireAsync([IndexingKey], cancellationToken);
            signature = await db.PetitionSimilarities.Where(s => s.PetitionId == petition.Id).Select(s => s.ContentSignature).SingleOrDefaultAsync(cancellationToken)
                        ?? index.Add(petition).ContentSignature;
        }

        var filing = new GroupingRules.Filing(petition.Id, petition.PetitionerId, petition.InstitutionCode);
        await groupingLock.AcquireAsync(LockKeys([(filing, signature)]), cancellationToken);
        if (petition.Status != PetitionStatus.Withdrawn)
        {
            await JoinAllAsync(filing, await MatchesAsync(filing, signature, cancellationToken), petition.Title, cancellationToken);
        }
    }

    /// <summary>
    /// For the backfill, inside the caller's transaction (which holds <see cref="IndexingKey"/>): indexes petitions that
    /// have no signatures and groups them by the same rules as a filing, a withdrawn one excepted, as it is left out of
    /// every group. Returns the number of groups made (others were joined) — or null, having written nothing, when the
    /// petitions would need more than <paramref name="maxLockKeys"/> lock keys (one petition always proceeds): the caller
    /// rolls back and retries fewer.
    /// </summary>
    public async Task<int?> IndexAndGroupAsync(IReadOnlyList<Unindexed> petitions, int maxLockKeys, CancellationToken cancellationToken)
    {
        var records = petitions.Select(p => SimilarityIndex.Sign(p.Id, p.Title, p.Body)).ToList(); // written after the lock

        // Only those with a petition of the same content, indexed already or in this batch, can group, and only they take
        // the lock: all of them would hold 21 keys each until the batch commits, and PostgreSQL keeps advisory locks in a
        // small shared table. The lock comes before this transaction writes anything, so it never waits while holding
        // rows that another grouping transaction holding the lock would wait for.
        var mates = new Dictionary<long, List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var key in MinHash.BandKeys(records[i].ContentSignature, SimilarityField.Content).Distinct())
            {
                if (!mates.TryGetValue(key, out var list))
                {
                    mates[key] = list = [];
                }

                list.Add(i);
            }
        }

        // Most petitions share no content band key with any indexed petition: one read of which of the batch's keys are
        // indexed at all spares each of them its own lookup.
        var indexed = await index.IndexedAsync(mates.Keys, cancellationToken);
        var grouping = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            var signature = records[i].ContentSignature;
            if (petitions[i].Status == PetitionStatus.Withdrawn)
            {
                continue;
            }

            var bands = MinHash.BandKeys(signature, SimilarityField.Content);
            var inBatch = bands.SelectMany(k => mates[k]).Distinct()
                .Any(j => j != i && MinHash.Estimate(signature, records[j].ContentSignature) >= GroupingRules.SameContentThreshold);
            if (inBatch || (bands.Any(indexed.Contains) && (await index.FindAsync(signature, SimilarityField.Content, GroupingRules.SameContentThreshold, petitions[i].Id, cancellationToken)).Count > 0))
            {
                grouping.Add(i);
            }
        }

        var keys = LockKeys(grouping.Select(i => (FilingOf(petitions[i]), records[i].ContentSignature)));
        if (keys.Length > maxLockKeys && petitions.Count > 1)
        {
            return null;
        }

        await groupingLock.AcquireAsync(keys, cancellationToken);
        // Those that group are indexed one after another, each as it is grouped, so each sees the petitions before it (in
        // the order given) and the groups they made, as if filed one after the other. Indexed all at once, the bounded
        // candidates (the latest per band key) of every one would be the batch's own latest, none of them grouped yet: a
        // flood delivered in batches would start a new group with each batch instead of joining the last one's.
        var groupingSet = grouping.ToHashSet();
        foreach (var i in Enumerable.Range(0, records.Count).Where(i => !groupingSet.Contains(i)))
        {
            index.Track(records[i]);
        }

        // Saved rows are let go at once: every save looks through all tracked rows, so keeping a batch's forty-odd rows per
        // petition tracked made each save slower than the one before (in a flood, the largest part of the grouping job).
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var made = 0;
        foreach (var i in grouping)
        {
            var filing = FilingOf(petitions[i]);
            var matches = await MatchesAsync(filing, records[i].ContentSignature, cancellationToken);
            index.Track(records[i]);
            made += await JoinAllAsync(filing, matches, petitions[i].Title, cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // the next one finds this one and the groups it made
            db.ChangeTracker.Clear();
        }

        return made;
    }

    private static GroupingRules.Filing FilingOf(Unindexed petition) => new(petition.Id, petition.PetitionerId, petition.InstitutionCode);

    /// <summary>
    /// The grouping lock's keys for these petitions, sorted and distinct: each petitioner, and each content band key
    /// mixed with the institution. Stable across processes and nodes (no per-process string hashing).
    /// </summary>
    internal static long[] LockKeys(IEnumerable<(GroupingRules.Filing Filing, byte[] Signature)> petitions)
    {
        var keys = new SortedSet<long>();
        foreach (var (filing, signature) in petitions)
        {
            keys.Add(Key($"petitioner:{filing.PetitionerId:N}"));
            var institution = (ulong)Key($"institution:{filing.InstitutionCode}");
            foreach (var band in MinHash.BandKeys(signature, SimilarityField.Content))
            {
                keys.Add(unchecked((long)MinHash.Mix(institution ^ (ulong)band)));
            }
        }

        return [.. keys];
    }

    /// <summary>FNV-1a over the text, finished by SplitMix64's mix.</summary>
    private static long Key(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return unchecked((long)MinHash.Mix(hash));
    }

    private async Task<IReadOnlyList<GroupingRules.Match>> MatchesAsync(GroupingRules.Filing filing, byte[] signature, CancellationToken cancellationToken)
    {
        var similar = await index.FindAsync(signature, SimilarityField.Content, GroupingRules.SameContentThreshold, filing.PetitionId, cancellationToken,
            petitionerId: filing.PetitionerId);
        if (similar.Count == 0)
        {
            return [];
        }

        var ids = similar.Select(m => m.PetitionId).ToList();
        var earlier = await db.Petitions.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Status != PetitionStatus.Withdrawn)
            .Select(p => new GroupingRules.Filing(p.Id, p.PetitionerId, p.InstitutionCode)).ToListAsync(cancellationToken);
        return GroupingRules.Apply(filing, earlier);
    }

    /// <summary>Makes or joins the matched groups; returns how many were made.</summary>
    private async Task<int> JoinAllAsync(GroupingRules.Filing filing, IReadOnlyList<GroupingRules.Match> matches, string title, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var made = 0;
        foreach (var match in matches)
        {
            made += await JoinAsync(match, title, now, cancellationToken) ? 1 : 0;
        }

        return made;
    }

    private async Task<bool> JoinAsync(GroupingRules.Match match, string title, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = match.Members;
        var group = await (from m in db.PetitionGroupMembers
                           join g in db.PetitionGroups on m.GroupId equals g.Id
                           where members.Contains(m.PetitionId) && g.Kind == match.Kind
                                 && g.InstitutionCode == match.InstitutionCode && g.PetitionerId == match.PetitionerId
                           orderby g.CreatedAt
                           select g).FirstOrDefaultAsync(cancellationToken);
        HashSet<Guid> present = [];
        if (group is null)
        {
            var first = await db.Petitions.AsNoTracking().Where(p => members.Contains(p.Id)).OrderBy(p => p.FiledAt).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
            group = new PetitionGroupRecord
            {
                Id = Guid.CreateVersion7(), Kind = match.Kind, InstitutionCode = match.InstitutionCode, PetitionerId = match.PetitionerId,
                RepresentativeTitle = Truncate(PersonalDataMask.Text(first ?? title)), Status = PetitionGroupStatus.Open, CreatedAt = now, UpdatedAt = now,
            };
            db.PetitionGroups.Add(group);
        }
        else
        {
            // Only the matched members are looked up: a mass group may hold thousands, and each filing adds itself (and any
            // earlier match the group lacks), never re-reads the whole group.
            present = [.. await db.PetitionGroupMembers.Where(m => m.GroupId == group.Id && members.Contains(m.PetitionId)).Select(m => m.PetitionId).ToListAsync(cancellationToken)];
            group.UpdatedAt = now;
        }

        foreach (var id in members.Where(id => !present.Contains(id)))
        {
            db.PetitionGroupMembers.Add(new PetitionGroupMemberRecord { GroupId = group.Id, PetitionId = id, JoinedAt = now });
            group.Status = PetitionGroupStatus.Open; // a newcomer has not been answered
        }

        return present.Count == 0;
    }

    private static string Truncate(string title) => title.Length <= 200 ? title : title[..200];
}
