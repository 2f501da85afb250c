namespace EPeople.Domain.Institutions;

/// <summary>How the public reaches an institution. Every part is optional.</summary>
public sealed record InstitutionContact(string? Phone, string? Email, string? Website, string? Address)
{
    public static readonly InstitutionContact None = new(null, null, null, null);
}
