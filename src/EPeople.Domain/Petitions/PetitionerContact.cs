namespace EPeople.Domain.Petitions;

/// <summary>The petitioner's personal data kept with the petition (masked wherever it is shown).</summary>
public sealed record PetitionerContact(string Name, string? Phone, string? Email)
{
    public static readonly PetitionerContact None = new("", null, null);
}
