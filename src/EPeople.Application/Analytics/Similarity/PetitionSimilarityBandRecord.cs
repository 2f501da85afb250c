namespace EPeople.Application.Analytics.Similarity;

/// <summary>One LSH band key of a petition's signature (20 per field); the primary key (key, petition) is the lookup index.</summary>
public sealed class PetitionSimilarityBandRecord
{
    public long Key { get; set; }

    public Guid PetitionId { get; set; }
}
