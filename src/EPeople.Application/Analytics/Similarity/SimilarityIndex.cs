using EPeople.Application.Abstractions;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Similarity;

/// <summary>
/// The stored signatures and their band keys: written with the petition, read by an index lookup on the band keys
/// (never a scan of the petitions), then filtered by the MinHash estimate.
/// </summary>
internal sealed class SimilarityIndex(IEPeopleDbContext db)
{
    /// <summary>At most this many candidates are weighed per lookup (a flood of identical filings still costs one bounded read).</summary>
    public const int MaxCandidates = 500;

    public sealed record Match(Guid PetitionId, double Similarity);

    /// <summary>Tracks the petition's signatures and band keys; the caller's save writes them with the petition.</summary>
    public PetitionSimilarityRecord Add(Petition petition) => Add(petition.Id, petition.Title, petition.Body);

    /// <summary>The same for a petition read as a projection (the backfill of petitions filed before signatures existed).</summary>
    public PetitionSimilarityRecord Add(Guid petitionId, string title, string? body)
    {
        var record = new PetitionSimilarityRecord
        {
            PetitionId = petitionId,
            TitleSignature = MinHash.Signature(title),
            ContentSignature = MinHash.Signature(ContentOf(title, body)),
        };
        db.PetitionSimilarities.Add(record);
        db.PetitionSimilarityBands.AddRange(Keys(record).Distinct().Select(k => new PetitionSimilarityBandRecord { Key = k, PetitionId = petitionId }));
        return record;
    }

    public static string ContentOf(string title, string? body) => $"{title}\n{body}";

    /// <summary>Petitions whose signature of <paramref name="field"/> is estimated at least <paramref name="threshold"/> similar, most similar first.</summary>
    public async Task<IReadOnlyList<Match>> FindAsync(byte[] signature, SimilarityField field, double threshold, Guid? except, CancellationToken cancellationToken)
    {
        var keys = MinHash.BandKeys(signature, field).Distinct().ToArray();
        var ids = await db.PetitionSimilarityBands.AsNoTracking().Where(b => keys.Contains(b.Key)).Select(b => b.PetitionId)
            .Distinct().Take(MaxCandidates).ToListAsync(cancellationToken);
        if (except is { } self)
        {
            ids.Remove(self);
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var signatures = await db.PetitionSimilarities.AsNoTracking().Where(s => ids.Contains(s.PetitionId))
            .Select(s => new { s.PetitionId, Signature = field == SimilarityField.Title ? s.TitleSignature : s.ContentSignature })
            .ToListAsync(cancellationToken);
        return [.. signatures.Select(s => new Match(s.PetitionId, MinHash.Estimate(signature, s.Signature)))
            .Where(m => m.Similarity >= threshold).OrderByDescending(m => m.Similarity).ThenBy(m => m.PetitionId)];
    }

    private static IEnumerable<long> Keys(PetitionSimilarityRecord record) =>
        MinHash.BandKeys(record.TitleSignature, SimilarityField.Title).Concat(MinHash.BandKeys(record.ContentSignature, SimilarityField.Content));
}
