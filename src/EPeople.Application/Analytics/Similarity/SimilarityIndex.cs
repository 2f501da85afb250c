using EPeople.Application.Abstractions;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Similarity;

/// <summary>
/// The stored signatures and their band keys: written by the grouping job seconds after the filing, read by an index
/// lookup on the band keys (never a scan of the petitions), then filtered by the MinHash estimate.
/// </summary>
internal sealed class SimilarityIndex(IEPeopleDbContext db)
{
    /// <summary>
    /// Per band key, at most this many petitions are read (the highest ids of the key's index range): a flood of one
    /// content — a mass petition of thousands — then costs twenty short index ranges per lookup, not a read of the flood.
    /// Eight per band leaves up to 160 candidates, enough for every grouping threshold and for the similar-petition hint.
    /// </summary>
    public const int CandidatesPerBand = 8;

    /// <summary>A petitioner's own latest petitions looked at besides (a flood of other people's must not hide one person's repeats).</summary>
    public const int OwnCandidates = 200;

    /// <summary>
    /// Of those, the latest that share a band key are compared: enough for the repeated rule (the third) and to find the
    /// group the earlier ones are in, without reading 200 signatures for each filing of a person who files the same text
    /// over and over.
    /// </summary>
    public const int OwnMatches = 16;

    public sealed record Match(Guid PetitionId, double Similarity);

    /// <summary>Tracks the petition's signatures and band keys; the caller's save writes them with the petition.</summary>
    public PetitionSimilarityRecord Add(Petition petition) => Add(petition.Id, petition.Title, petition.Body);

    /// <summary>The same for a petition read as a projection (the backfill of petitions filed before signatures existed).</summary>
    public PetitionSimilarityRecord Add(Guid petitionId, string title, string? body)
    {
        var record = Sign(petitionId, title, body);
        Track(record);
        return record;
    }

    /// <summary>A petition's signatures, not yet tracked (<see cref="Track"/>).</summary>
    public static PetitionSimilarityRecord Sign(Guid petitionId, string title, string? body) => new()
    {
        PetitionId = petitionId,
        TitleSignature = MinHash.Signature(title),
        ContentSignature = MinHash.Signature(ContentOf(title, body)),
    };

    /// <summary>Tracks the signatures and their band keys; the caller's save writes them.</summary>
    public void Track(PetitionSimilarityRecord record)
    {
        db.PetitionSimilarities.Add(record);
        db.PetitionSimilarityBands.AddRange(Keys(record).Distinct().Select(k => new PetitionSimilarityBandRecord { Key = k, PetitionId = record.PetitionId }));
    }

    public static string ContentOf(string title, string? body) => $"{title}\n{body}";

    /// <summary>
    /// Petitions whose signature of <paramref name="field"/> is estimated at least <paramref name="threshold"/> similar,
    /// most similar first, among a bounded set of candidates (<see cref="CandidatesPerBand"/>), plus, when
    /// <paramref name="petitionerId"/> is given, among that person's own latest petitions.
    /// </summary>
    public async Task<IReadOnlyList<Match>> FindAsync(
        byte[] signature, SimilarityField field, double threshold, Guid? except, CancellationToken cancellationToken, Guid? petitionerId = null)
    {
        var keys = MinHash.BandKeys(signature, field).Distinct().ToArray();
        var perBand = keys.Select(key => db.PetitionSimilarityBands.AsNoTracking().Where(b => b.Key == key)
            .OrderByDescending(b => b.PetitionId).Select(b => b.PetitionId).Take(CandidatesPerBand));
        var ids = (await perBand.Aggregate((all, next) => all.Concat(next)).ToListAsync(cancellationToken)).ToHashSet();
        if (petitionerId is { } person)
        {
            var own = await db.Petitions.AsNoTracking().Where(p => p.PetitionerId == person)
                .OrderByDescending(p => p.FiledAt).Select(p => p.Id).Take(OwnCandidates).ToListAsync(cancellationToken);
            if (own.Count > 0)
            {
                var sharing = (await db.PetitionSimilarityBands.AsNoTracking().Where(b => own.Contains(b.PetitionId) && keys.Contains(b.Key))
                    .Select(b => b.PetitionId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
                ids.UnionWith(own.Where(sharing.Contains).Take(OwnMatches)); // the latest: one person filing the same thousands of times reads a few
            }
        }

        if (except is { } self)
        {
            ids.Remove(self);
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var candidates = ids.ToList();
        var signatures = await db.PetitionSimilarities.AsNoTracking().Where(s => candidates.Contains(s.PetitionId))
            .Select(s => new { s.PetitionId, Signature = field == SimilarityField.Title ? s.TitleSignature : s.ContentSignature })
            .ToListAsync(cancellationToken);
        return [.. signatures.Select(s => new Match(s.PetitionId, MinHash.Estimate(signature, s.Signature)))
            .Where(m => m.Similarity >= threshold).OrderByDescending(m => m.Similarity).ThenBy(m => m.PetitionId)];
    }

    /// <summary>Which of these band keys any stored petition has (read in chunks, so that a backfill batch's keys never make one huge list).</summary>
    public async Task<HashSet<long>> IndexedAsync(IEnumerable<long> keys, CancellationToken cancellationToken)
    {
        var found = new HashSet<long>();
        foreach (var chunk in keys.Distinct().Chunk(2000))
        {
            found.UnionWith(await db.PetitionSimilarityBands.AsNoTracking().Where(b => chunk.Contains(b.Key)).Select(b => b.Key).Distinct().ToListAsync(cancellationToken));
        }

        return found;
    }

    private static IEnumerable<long> Keys(PetitionSimilarityRecord record) =>
        MinHash.BandKeys(record.TitleSignature, SimilarityField.Title).Concat(MinHash.BandKeys(record.ContentSignature, SimilarityField.Content));
}
