namespace EPeople.Application.Petitions;

/// <summary>
/// An Idempotency-Key sent with a filing: the same key from the same citizen with the same body returns the first
/// petition and creates nothing; with a different body it is refused (409). Unique on (petitioner, key).
/// </summary>
public sealed class FilingKeyRecord
{
    public Guid PetitionerId { get; set; }
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request as filed (hex).</summary>
    public string RequestHash { get; set; } = "";

    public Guid PetitionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
