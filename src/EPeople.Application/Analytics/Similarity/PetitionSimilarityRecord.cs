namespace EPeople.Application.Analytics.Similarity;

/// <summary>A petition's MinHash signatures (240 bytes each), written in the filing's transaction.</summary>
public sealed class PetitionSimilarityRecord
{
    public Guid PetitionId { get; set; }

    public byte[] TitleSignature { get; set; } = [];

    /// <summary>Title and body together: what "the same content" is judged on.</summary>
    public byte[] ContentSignature { get; set; } = [];
}
